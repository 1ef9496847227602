/** What every rule gets: the sheet read, its records, options, and a way to report. */
import type { FindingCode, Finding, ParamsArg } from '../findings/catalogue';
import { finding } from '../findings/catalogue';
import type { Lang } from '../i18n';
import type { ReadSheet } from '../layout/reader';
import type { UnitDirectory } from './directory';
import type { ReportingPeriod } from './period';
import type { TaskRecord } from './record';

export interface RuleContext {
  sheetName: string;
  lang: Lang;
  sheet: ReadSheet;
  records: TaskRecord[];
  /** plan period; null when neither the registry, the title nor the columns tell */
  period: { start: number; end: number } | null;
  /** from the header block's 报送期 */
  reporting: ReportingPeriod | null;
  directory: UnitDirectory | null;
  /** merged ranges of the sheet, as the host read them */
  merges: string[];
  report<C extends FindingCode>(code: C, cell: string | null, taskId: string | null, ...params: ParamsArg<C>): void;
}

export type Rule = (ctx: RuleContext) => void;

export function collector(sheetName: string, lang: Lang): { findings: Finding[]; report: RuleContext['report'] } {
  const findings: Finding[] = [];
  return {
    findings,
    report: (code, cell, taskId, ...params) => findings.push(finding(code, lang, { sheet: sheetName, cell, taskId }, ...params)),
  };
}
