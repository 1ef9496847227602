/**
 * Which way a task's figure is good: most figures are better higher (企业数, 投资), but a level
 * of some indicators is better lower (失业率, PM2.5, 能耗, 价格涨幅, 死亡率). Validation and
 * roll-up judge "met", "behind" and a running total's direction by it.
 *
 * Only the figure counts: `能耗下降3%` and `压减产能500万吨` state how much comes off, and more
 * of that is better, so a decline word makes the figure higher-is-better again. The importer's
 * `direction` describes the indicator (能耗 goes down) and is kept on the plan as read.
 */
import { memoized } from './memo';
import { toHalfWidth, toSimplified } from './normalize';

const LOWER_LEVEL = /失业率|PM2\.?5|PM10|能耗|涨幅|死亡率|发生率|事故|负债率|空置率|超标|投诉/;
const DECLINE = /下降|降低|减少|压减|削减|降幅|减排|减量|节约|节能/;

/**
 * True when the task's figure is a level that should stay low (`城镇登记失业率控制在4%以内`).
 * Judged once per task text: validation asks per row, ranking per task and county.
 */
export const figureLowerIsBetter: (taskText: string) => boolean = memoized(20_000, (taskText) => {
  const t = toSimplified(toHalfWidth(taskText)).toUpperCase();
  return LOWER_LEVEL.test(t) && !DECLINE.test(t);
});
