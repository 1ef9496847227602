/**
 * 催报: one short notice per county that has not reported, reported in part, or sent figures
 * that could not be counted — to paste into an OA system — and the same as a sheet. Built from
 * the summary's 填报情况 and 未计入合计 columns; every task id and count is the roll-up's.
 */
import type { Lang } from '../i18n';
import type { CellValue, SheetSpec } from '../sheet/spec';
import { zhPunctuation } from './bulletin';
import type { BulletinData, SummaryTask } from './readSummary';

export interface Reminder {
  county: string;
  /** why the county is reminded */
  reason: 'missing' | 'incomplete' | 'errors';
  text: string;
}

export interface ReminderOptions {
  lang: Lang;
  /** the deadline as the office writes it (`2024年7月10日`); absent: as soon as possible */
  deadline?: string;
}

function taskLabel(t: SummaryTask | undefined, id: string, lang: Lang): string {
  if (!t) return lang === 'zh' ? `第${id}项` : `task ${id}`;
  const chars = [...t.text];
  const short = chars.length > 16 ? `${chars.slice(0, 16).join('')}…` : t.text;
  return lang === 'zh' ? `第${id}项(${short})` : `task ${id} (${short})`;
}

/** The county's lines of a task's 未计入合计 text (`登封市本期完成值“约0.1万”:数值不确切`), without the county. */
function excludedOf(data: BulletinData, county: string): Array<{ task: SummaryTask; what: string }> {
  return data.tasks.flatMap((t) =>
    (t.excluded ?? '')
      .split('\n')
      .filter((l) => l.startsWith(county))
      .map((l) => ({ task: t, what: l.slice(county.length) })),
  );
}

export function buildReminders(data: BulletinData, opts: ReminderOptions): Reminder[] {
  const zh = opts.lang === 'zh';
  const period = data.period ?? (zh ? '本期' : 'this period');
  const by = opts.deadline ? (zh ? `请于${opts.deadline}前` : `by ${opts.deadline}`) : zh ? '请尽快' : 'as soon as possible';
  const tasks = new Map(data.tasks.map((t) => [t.id, t]));
  const out: Reminder[] = [];
  for (const s of data.status) {
    if (!s.submitted) {
      out.push({
        county: s.county,
        reason: 'missing',
        text: zh
          ? `${s.county}:截至目前,你单位尚未报送${period}重点任务进展情况(共${data.tasks.length}项任务),${by}按模板填报后报送。已报送的请忽略。`
          : `${s.county}: we have not yet received your ${period} progress report on the ${data.tasks.length} key tasks; please fill in the template and send it ${by}. If you have sent it, please disregard this notice.`,
      });
      continue;
    }
    const short = s.fields.filter((f) => f.filled < f.required);
    const wrong = excludedOf(data, s.county).filter((e) => !/未填|blank/.test(e.what));
    if (!s.gaps.length && !short.length && !wrong.length) continue;
    const parts: string[] = [];
    if (short.length) {
      parts.push(
        zh
          ? `${short.map((f) => `${f.label}已填${f.filled}项、应填${f.required}项`).join(';')}`
          : short.map((f) => `${f.label}: ${f.filled} of ${f.required} filled`).join('; '),
      );
    }
    if (s.gaps.length) {
      const listed = s.gaps.slice(0, 12).map((id) => taskLabel(tasks.get(id), id, opts.lang));
      const more = s.gaps.length > 12 ? (zh ? `等${s.gaps.length}项` : ` and ${s.gaps.length - 12} more`) : '';
      parts.push(zh ? `缺项任务为${listed.join('、')}${more}` : `gaps in ${listed.join(', ')}${more}`);
    }
    if (wrong.length) {
      const listed = wrong.map((e) => `${taskLabel(e.task, e.task.id, opts.lang)}${e.what}`);
      parts.push(zh ? `以下数值有误、未计入汇总:${listed.join(';')}` : `figures in error, not counted: ${listed.join('; ')}`);
    }
    out.push({
      county: s.county,
      reason: s.gaps.length || short.length ? 'incomplete' : 'errors',
      text: zh
        ? `${s.county}:你单位报送的${period}重点任务进展情况需补充完善:${parts.join(';')}。${by}补齐、更正后重新报送。`
        : `${s.county}: your ${period} progress report needs completing — ${parts.join('; ')}. Please complete or correct it and send it again ${by}.`,
    });
  }
  // text sent out is set with full-width punctuation, like the bulletin
  return zh ? out.map((r) => ({ ...r, text: zhPunctuation(r.text) })) : out;
}

/** The notices as text to paste: one paragraph per county, a blank line between. */
export function remindersText(reminders: readonly Reminder[], lang: Lang): string {
  if (!reminders.length)
    return lang === 'zh' ? '各县(市、区)均已完整报送,无需催报。' : 'Every county has reported in full: no reminder is needed.';
  return reminders.map((r) => r.text).join('\n\n');
}

const REASON = {
  missing: { zh: '未报送', en: 'Not sent' },
  incomplete: { zh: '报送不完整', en: 'Incomplete' },
  errors: { zh: '数值有误', en: 'Figures in error' },
} as const;

/** The notices as a sheet (催报): county, why, the notice to send. */
export function buildReminderSheet(reminders: readonly Reminder[], opts: { lang: Lang; period: string | null }): SheetSpec {
  const zh = opts.lang === 'zh';
  const values: CellValue[][] = [
    [zh ? `催报通知${opts.period ? `(${opts.period})` : ''}` : `Reminders${opts.period ? ` (${opts.period})` : ''}`, null, null],
    zh ? ['县(市、区)', '情况', '催报内容'] : ['County', 'Why', 'Notice'],
    ...reminders.map((r) => [r.county, REASON[r.reason][opts.lang], r.text]),
  ];
  const last = values.length;
  return {
    key: 'reminders',
    name: zh ? '催报' : 'Reminders',
    // a sheet of its own file, not registered: nearest kind is the submission status it comes from
    kind: 'status',
    visibility: 'visible',
    columnWidths: [14, 12, 80],
    rowHeights: Object.fromEntries(reminders.map((r, i) => [i + 2, Math.max(15, 15 * Math.ceil([...r.text].length / 40))])),
    values,
    formats: [
      { range: 'A1', style: { bold: true, fontSize: 14 } },
      { range: 'A2:C2', style: { bold: true, fill: 'D9E1F2', border: true, hAlign: 'center' } },
      ...(last > 2 ? [{ range: `A3:C${last}`, style: { border: true, wrap: true, vAlign: 'top' as const, numFmt: '@' } }] : []),
    ],
    merges: [],
    validations: [],
    conditionalFormats: [],
    freeze: { rows: 2, columns: 1 },
  };
}
