/**
 * The task pane's own words, in the two languages keytask speaks. Chinese comes first: the
 * users are Chinese government clerks; English is for an Office whose display language is not
 * Chinese. Sheet content has its own language choice (core/i18n.ts) and does not come from here.
 */
import { createContext, useContext } from 'react';
import type { Lang } from '../core/i18n';

export type UiLang = Lang;

export interface Strings {
  lang: UiLang;
  appTitle: string;
  appSubtitle: string;
  tabs: { generate: string; review: string; rollup: string };
  comingNext: { title: string; review: string; rollup: string };
  generate: {
    intro: string;
    source: string;
    sourceSample: (planName: string) => string;
    sourceEmpty: string;
    period: string;
    startYear: string;
    endYear: string;
    periodHint: string;
    counties: string;
    countiesHint: string;
    countiesPlaceholder: string;
    countiesCount: (n: number) => string;
    headerLang: string;
    headerLangZh: string;
    headerLangEn: string;
    button: string;
    running: string;
    successTitle: string;
    created: (sheets: string[]) => string;
    updated: (sheets: string[]) => string;
    keptFilled: (sheet: string, kept: number, orphans: number) => string;
    keptUnits: (sheet: string, units: number) => string;
    activated: (sheet: string) => string;
    cancelledTitle: string;
    cancelled: string;
    errorTitle: string;
    badYear: string;
    badPeriod: (maxYears: number) => string;
  };
  conflict: {
    title: string;
    intro: string;
    line: (wanted: string, used: string) => string;
    proceed: string;
    cancel: string;
  };
  errors: {
    boundaryTitle: string;
    boundaryBody: string;
    retry: string;
    unknown: string;
    notInOffice: string;
    excelTooOld: string;
  };
}

export const ZH: Strings = {
  lang: 'zh',
  appTitle: '重点任务清单',
  appSubtitle: '生成、审核、汇总县（市、区）填报表',
  tabs: { generate: '填报', review: '审核', rollup: '汇总' },
  comingNext: {
    title: '即将推出',
    review: '审核功能将检查各县（市、区）提交的清单：缺少牵头单位、里程碑倒退、末年未达目标、单位名称不在名录中等问题。',
    rollup: '汇总功能将按序号合并各县（市、区）的填报表，生成全市汇总和排名。',
  },
  generate: {
    intro: '按计划生成市级清单、各县（市、区）填报表和单位名录。已填写的内容会保留。',
    source: '计划来源',
    sourceSample: (planName) => `示例计划：${planName}`,
    sourceEmpty: '空白模板',
    period: '计划期',
    startYear: '起始年份',
    endYear: '截止年份',
    periodHint: '默认取自所选计划',
    counties: '县（市、区）',
    countiesHint: '每行一个，或用逗号、顿号分隔',
    countiesPlaceholder: '新密市、登封市、荥阳市',
    countiesCount: (n) => `（已识别 ${n} 个）`,
    headerLang: '表头语言',
    headerLangZh: '中文',
    headerLangEn: '英文',
    button: '生成',
    running: '正在生成…',
    successTitle: '生成完成',
    created: (sheets) => `新建工作表：${sheets.join('、')}`,
    updated: (sheets) => `更新工作表：${sheets.join('、')}`,
    keptFilled: (sheet, kept, orphans) =>
      `“${sheet}”保留了 ${kept} 项任务的已填内容` + (orphans > 0 ? `，另有 ${orphans} 项计划中已无的任务留在表末` : ''),
    keptUnits: (sheet, units) => `“${sheet}”保留了原有的 ${units} 个单位`,
    activated: (sheet) => `已切换到“${sheet}”。`,
    cancelledTitle: '已取消',
    cancelled: '工作簿未作任何更改。',
    errorTitle: '生成失败',
    badYear: '年份应为 2000 至 2100 之间的整数。',
    badPeriod: (maxYears) => `截止年份不能早于起始年份，计划期最长 ${maxYears} 年。`,
  },
  conflict: {
    title: '工作表名称已被占用',
    intro: '以下名称已被您自己的工作表使用。这些工作表不会被改动，新表将改用其他名称：',
    line: (wanted, used) => `工作表“${wanted}”已存在且不是本工具生成的，将改用“${used}”。`,
    proceed: '继续',
    cancel: '取消',
  },
  errors: {
    boundaryTitle: '任务窗格出错了',
    boundaryBody: '很抱歉，界面遇到意外错误。工作簿没有受到影响，请重试或重新打开任务窗格。',
    retry: '重试',
    unknown: '发生未知错误。',
    notInOffice: '请在 Excel 中打开本加载项。',
    excelTooOld: '此版本的 Excel 不支持本加载项所需的功能（ExcelApi 1.8）。请更新 Excel 后重试。',
  },
};

export const EN: Strings = {
  lang: 'en',
  appTitle: 'Key tasks',
  appSubtitle: 'Generate, review and roll up county task lists',
  tabs: { generate: 'Generate', review: 'Review', rollup: 'Roll-up' },
  comingNext: {
    title: 'Coming next',
    review:
      'Review will check the lists counties hand in: a missing lead unit, a milestone that goes backwards, a final year that misses the target, a unit not in the directory.',
    rollup: 'Roll-up will merge the county sheets by task id into a city summary and a ranking.',
  },
  generate: {
    intro: 'Creates the city list, one sheet per county and the unit directory from a plan. Anything already filled in is kept.',
    source: 'Plan',
    sourceSample: (planName) => `Sample plan: ${planName}`,
    sourceEmpty: 'Empty template',
    period: 'Plan period',
    startYear: 'First year',
    endYear: 'Last year',
    periodHint: 'Taken from the chosen plan by default',
    counties: 'Counties',
    countiesHint: 'One per line, or separated by commas',
    countiesPlaceholder: 'Xinmi, Dengfeng, Xingyang',
    countiesCount: (n) => ` (${n} recognised)`,
    headerLang: 'Sheet header language',
    headerLangZh: 'Chinese',
    headerLangEn: 'English',
    button: 'Generate',
    running: 'Generating…',
    successTitle: 'Done',
    created: (sheets) => `Created: ${sheets.join(', ')}`,
    updated: (sheets) => `Updated: ${sheets.join(', ')}`,
    keptFilled: (sheet, kept, orphans) =>
      `"${sheet}" kept the filled values of ${kept} task${kept === 1 ? '' : 's'}` +
      (orphans > 0 ? `; ${orphans} task${orphans === 1 ? '' : 's'} no longer in the plan stay at the end` : ''),
    keptUnits: (sheet, units) => `"${sheet}" kept its ${units} unit${units === 1 ? '' : 's'}`,
    activated: (sheet) => `"${sheet}" is now the active sheet.`,
    cancelledTitle: 'Cancelled',
    cancelled: 'The workbook was not changed.',
    errorTitle: 'Generation failed',
    badYear: 'Years must be whole numbers between 2000 and 2100.',
    badPeriod: (maxYears) => `The last year cannot come before the first; a plan spans at most ${maxYears} years.`,
  },
  conflict: {
    title: 'Sheet names already taken',
    intro: 'Sheets of your own already use these names. They will be left alone and the new sheets get other names:',
    line: (wanted, used) => `Sheet "${wanted}" exists and is not a keytask sheet; will use "${used}" instead.`,
    proceed: 'Continue',
    cancel: 'Cancel',
  },
  errors: {
    boundaryTitle: 'Something went wrong',
    boundaryBody: 'The task pane hit an unexpected error. Your workbook was not affected; try again or reopen the pane.',
    retry: 'Try again',
    unknown: 'An unknown error occurred.',
    notInOffice: 'Open this add-in from Excel.',
    excelTooOld: 'This version of Excel lacks a feature the add-in needs (ExcelApi 1.8). Please update Excel.',
  },
};

/** Office reports display languages as BCP 47 tags (`zh-CN`, `zh-TW`, `en-US`, `de-DE`). */
export function uiLangFor(displayLanguage: string | undefined | null): UiLang {
  return !displayLanguage || displayLanguage.toLowerCase().startsWith('zh') ? 'zh' : 'en';
}

export function stringsFor(lang: UiLang): Strings {
  return lang === 'zh' ? ZH : EN;
}

export const StringsContext = createContext<Strings>(ZH);

export function useStrings(): Strings {
  return useContext(StringsContext);
}
