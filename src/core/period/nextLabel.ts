/**
 * The period after a reporting period, spelt the way the label was: what the pane offers in
 * 开始新一期 (`2024年第2季度` → `2024年第3季度`, `2024年12月` → `2025年1月`, `2024Q4` → `2025Q1`).
 * A half year or the first three quarters is followed by the whole year, a year by the next.
 */
import { toHalfWidth, toSimplified } from '../text/normalize';
import { parseReportingPeriod } from '../validate/period';

export function nextPeriodLabel(label: string): string | null {
  const p = parseReportingPeriod(label);
  if (!p) return null;
  const text = toSimplified(toHalfWidth(label)).replace(/\s+/g, '');
  const { year } = p;
  if (/季度|Q[1-4]/i.test(text) && !/前三季度/.test(text)) {
    const q = Math.round(p.fraction * 4);
    const [y, n] = q >= 4 ? [year + 1, 1] : [year, q + 1];
    return /Q[1-4]/i.test(text) ? `${y}Q${n}` : `${y}年第${n}季度`;
  }
  if (/半年|前三季度/.test(text)) return `${year}年`;
  const month = Math.round(p.fraction * 12);
  if (p.fraction < 1 || /月|\d{4}[-/.]\d{1,2}/.test(text)) {
    const [y, m] = month >= 12 ? [year + 1, 1] : [year, month + 1];
    return /月/.test(text) ? `${y}年${m}月` : `${y}-${String(m).padStart(2, '0')}`;
  }
  return `${year + 1}年`;
}
