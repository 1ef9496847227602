/**
 * The words a key-task sheet offers in its dropdowns, with the domain value each stands for.
 * Readers map either language back to the same value.
 */
import type { Label, Lang } from '../i18n';
import type { MilestoneKind } from '../model';

export const KIND_LABELS: Record<MilestoneKind, Label> = {
  cumulative: { zh: '累计', en: 'Cumulative' },
  annual: { zh: '年度', en: 'Annual' },
  share: { zh: '占比', en: 'Share' },
  qualitative: { zh: '定性', en: 'Qualitative' },
};

export type TaskStatus = 'done' | 'ahead' | 'onTrack' | 'behind' | 'notStarted';

/**
 * 状态 as the 序时进度 rule names them (period/statusRule.ts), in the dropdown's order:
 * 已完成 / 超序时 / 序时 / 滞后 / 未开展.
 */
export const STATUS_LABELS: Record<TaskStatus, Label> = {
  done: { zh: '已完成', en: 'Completed' },
  ahead: { zh: '超序时', en: 'Ahead of schedule' },
  onTrack: { zh: '序时', en: 'On schedule' },
  behind: { zh: '滞后', en: 'Behind' },
  notStarted: { zh: '未开展', en: 'Not started' },
};

/**
 * The labels sheets made before the rule offered (正常推进, 未开始): still read as the same
 * status and still coloured, so a clerk's choice in an older sheet keeps its meaning.
 */
export const OLD_STATUS_LABELS: Partial<Record<TaskStatus, Label>> = {
  onTrack: { zh: '正常推进', en: 'On track' },
  notStarted: { zh: '未开始', en: 'Not started' },
};

/** Units offered in the unit dropdown; others may still be typed (the rule only warns). */
export const COMMON_UNITS: readonly string[] = [
  '家',
  '个',
  '项',
  '台',
  '人',
  '人次',
  '亿元',
  '万元',
  '万家',
  '万个',
  '万人',
  '万台',
  '%',
  '万吨标准煤',
  '万千瓦',
  '公里',
  '亩',
  '平方米',
];

function reverse<K extends string>(labels: Record<K, Label>): Map<string, K> {
  const map = new Map<string, K>();
  for (const key of Object.keys(labels) as K[]) {
    map.set(labels[key].zh, key);
    map.set(labels[key].en.toLowerCase(), key);
  }
  return map;
}

const KIND_BY_LABEL = reverse(KIND_LABELS);
const STATUS_BY_LABEL = reverse(STATUS_LABELS);
for (const [key, label] of Object.entries(OLD_STATUS_LABELS) as Array<[TaskStatus, Label]>) {
  STATUS_BY_LABEL.set(label.zh, key);
  STATUS_BY_LABEL.set(label.en.toLowerCase(), key);
}
// Traditional forms and common synonyms clerks type instead of picking from the list.
KIND_BY_LABEL.set('累計', 'cumulative');
KIND_BY_LABEL.set('年度', 'annual');
KIND_BY_LABEL.set('每年', 'annual');
KIND_BY_LABEL.set('比重', 'share');
KIND_BY_LABEL.set('佔比', 'share');
STATUS_BY_LABEL.set('正常推進', 'onTrack');
STATUS_BY_LABEL.set('進度滯後', 'behind');
STATUS_BY_LABEL.set('滯後', 'behind');
STATUS_BY_LABEL.set('进度滞后', 'behind');
STATUS_BY_LABEL.set('已完成', 'done');
STATUS_BY_LABEL.set('超序时进度', 'ahead');
STATUS_BY_LABEL.set('超序時', 'ahead');
STATUS_BY_LABEL.set('序时进度', 'onTrack');
STATUS_BY_LABEL.set('序時', 'onTrack');
STATUS_BY_LABEL.set('未開展', 'notStarted');
STATUS_BY_LABEL.set('ahead', 'ahead');

export function kindFromLabel(text: string): MilestoneKind | null {
  return KIND_BY_LABEL.get(text.trim()) ?? KIND_BY_LABEL.get(text.trim().toLowerCase()) ?? null;
}

export function statusFromLabel(text: string): TaskStatus | null {
  return STATUS_BY_LABEL.get(text.trim()) ?? STATUS_BY_LABEL.get(text.trim().toLowerCase()) ?? null;
}

export function kindLabels(lang: Lang): string[] {
  return Object.values(KIND_LABELS).map((l) => l[lang]);
}

export function statusLabels(lang: Lang): string[] {
  return Object.values(STATUS_LABELS).map((l) => l[lang]);
}

/** Every label a status is written as in a sheet, current and older (for colouring them alike). */
export function statusLabelsOf(status: TaskStatus, lang: Lang): string[] {
  const old = OLD_STATUS_LABELS[status]?.[lang];
  return [STATUS_LABELS[status][lang], ...(old && old !== STATUS_LABELS[status][lang] ? [old] : [])];
}
