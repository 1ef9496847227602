/**
 * The two languages keytask speaks, for sheet content. zh-CN comes first; every label the
 * core writes into a workbook has an English name as well, and readers accept both.
 */
export type Lang = 'zh' | 'en';

export interface Label {
  zh: string;
  en: string;
}

export function pick(label: Label, lang: Lang): string {
  return label[lang];
}
