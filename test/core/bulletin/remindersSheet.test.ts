/** Where the pane writes the 催报 sheet: its own name, or the sheet already there once the user agrees. */
import { buildReminderSheet } from '../../../src/core/bulletin/reminders';
import { remindersSheetPlan } from '../../../src/core/operations/bulletin';

const reminders = [{ county: '荥阳市', reason: 'missing' as const, text: '荥阳市：截至目前…' }];

describe('remindersSheetPlan', () => {
  const sheet = buildReminderSheet(reminders, { lang: 'zh', period: '2024年第2季度' });

  it('adds 催报 beside the summary when no sheet holds the name', () => {
    const plan = remindersSheetPlan(sheet, ['汇总', '填报情况']);
    expect(plan).toMatchObject({ name: '催报', replaces: null });
    expect(plan.spec.sheets.map((s) => s.name)).toEqual(['催报']);
    expect(plan.spec.names).toEqual([]);
  });

  it('replaces the sheet already there, under the workbook’s spelling of the name', () => {
    const en = buildReminderSheet(reminders, { lang: 'en', period: null });
    const plan = remindersSheetPlan(en, ['Summary', 'REMINDERS']);
    expect(plan).toMatchObject({ name: 'REMINDERS', replaces: 'REMINDERS' });
    expect(plan.spec.sheets[0].name).toBe('REMINDERS');
    expect(plan.spec.sheets[0].values[2]).toEqual(['荥阳市', 'Not sent', '荥阳市：截至目前…']);
  });
});
