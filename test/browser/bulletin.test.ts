/**
 * 生成通报 in Chromium against the fake Excel: county sheets filled through the fake, rolled up
 * in the 汇总 tab, then the bulletin drafted from the summary sheets and downloaded as a .docx
 * whose word/document.xml holds the title and the ranking.
 */
import { readFileSync } from 'fs';
import JSZip from 'jszip';
import type { Page } from 'playwright-core';
import { toHalfWidth } from '../../src/core/text/normalize';
import { CHROMIUM, describeWith } from '../support/env';
import { fake, generateSample, rowOf, usePane } from './harness';

/** Columns of a county sheet of the sample (2023–2025). */
const COL = { target: 'G', y2023: 'I', y2024: 'J', y2025: 'K', actual: 'N' };
type Fill = Partial<Record<keyof typeof COL, number>>;

async function fillTask(page: Page, sheet: string, id: string, values: Fill): Promise<void> {
  const row = await rowOf(page, sheet, id);
  for (const [key, value] of Object.entries(values)) await fake(page, 'setCell', sheet, `${COL[key as keyof typeof COL]}${row}`, value);
}

describeWith(CHROMIUM, 'Chromium', '生成通报 against a fake Excel', () => {
  const pane = usePane();

  it('is offered once a summary is there, and downloads 通报.docx drafted from it', async () => {
    const page = await pane.open();
    await generateSample(page, '新密市、登封市、荥阳市');
    await page.getByRole('status').filter({ hasText: '生成完成' }).waitFor();
    for (const county of ['新密市', '登封市']) await fake(page, 'setCell', county, 'E2', '2024年第2季度');
    await fillTask(page, '新密市', '4', { target: 100, y2023: 60, y2024: 80, y2025: 100, actual: 70 });
    await fillTask(page, '登封市', '4', { target: 80, y2023: 50, y2024: 60, y2025: 80, actual: 40 });

    await page.getByRole('tab', { name: '汇总' }).click();
    const panel = page.getByRole('tabpanel', { name: '汇总' });
    const draft = panel.getByRole('button', { name: '生成通报' });
    // nothing rolled up yet: no summary to draft from
    await panel.getByRole('checkbox', { name: '新密市' }).waitFor();
    await expect(draft.isDisabled()).resolves.toBe(true);

    await panel.getByRole('button', { name: '开始汇总' }).click();
    await panel.getByRole('status').filter({ hasText: '汇总完成' }).waitFor();
    await expect(draft.isEnabled()).resolves.toBe(true);

    const [download] = await Promise.all([page.waitForEvent('download'), draft.click()]);
    expect(download.suggestedFilename()).toBe('通报.docx');
    const path = await download.path();
    const zip = await JSZip.loadAsync(readFileSync(path));
    const xml = await zip.file('word/document.xml')!.async('string');
    // the title, set in two lines (关于…季度 / 重点任务推进情况的通报)
    expect(xml).toContain('关于2024年第2季度');
    expect(xml).toContain('重点任务推进情况的通报');
    const text = toHalfWidth(xml.replace(/<[^>]+>/g, ''));
    // 荥阳市 left its copy blank: not reported, named in the bulletin
    expect(text).toContain('荥阳市未报送');
    expect(text).toContain('新密市');
    await page.getByRole('status').filter({ hasText: '通报已生成' }).waitFor();
    await pane.shot(page, 'bulletin');
    await pane.close(page);
  });
});
