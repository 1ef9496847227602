/**
 * Everything the CLI says, in both languages, in one table so a translation is one edit.
 * The language follows the user's locale (LC_ALL, then LC_MESSAGES, then LANG), not `--lang`:
 * `--lang` picks the language of the workbook, which is often not the operator's.
 */
export type MsgLang = 'zh' | 'en';

export function messageLang(env: NodeJS.ProcessEnv = process.env): MsgLang {
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return locale.toLowerCase().startsWith('zh') ? 'zh' : 'en';
}

type Text = { zh: string; en: string };

const T = {
  description: {
    zh: '重点任务清单:生成模板、校验、汇总(Excel 加载项配套命令行)',
    en: 'Key-task lists (重点任务清单): generate templates, validate, roll up',
  },
  helpOption: { zh: '显示帮助', en: 'show help' },
  versionOption: { zh: '显示版本号', en: 'show the version' },
  helpCommand: { zh: '显示某个命令的帮助', en: 'show help for a command' },
  seeHelp: { zh: '运行 keytask --help 查看用法', en: 'Run keytask --help for usage' },

  generateDescription: {
    zh: '生成重点任务清单工作簿(市级表 + 各县区表 + 单位名录)',
    en: 'write a key-task workbook (city sheet, one sheet per county, unit directory)',
  },
  optPlan: { zh: '任务计划 JSON 文件', en: 'plan JSON file' },
  optSample: { zh: '使用内置示例计划(商丘市 2023–2025)', en: 'use the bundled sample plan (Shangqiu 2023–2025)' },
  optCounties: { zh: '县区名单,用 , ，或 、 分隔', en: 'counties, separated by , ， or 、' },
  optYears: { zh: '计划期,如 2023-2025(覆盖计划中的年份)', en: 'plan period, e.g. 2023-2025 (overrides the plan’s)' },
  optLang: { zh: '表格语言 zh 或 en', en: 'workbook language, zh or en' },
  optOut: { zh: '输出的 .xlsx 文件', en: 'the .xlsx file to write' },
  optForce: { zh: '覆盖已存在的文件', en: 'overwrite an existing file' },

  demoDescription: {
    zh: '生成演示工作簿(示例计划 + 新密市、登封市、荥阳市)和空白模板',
    en: 'write a demo workbook (sample plan + 新密市, 登封市, 荥阳市) and an empty template',
  },
  optDemoOut: { zh: '输出目录', en: 'output folder' },

  errorPrefix: { zh: '错误:', en: 'Error: ' },
  needOutput: { zh: '请用 -o 指定输出文件,例如 -o 清单.xlsx', en: 'Name the file to write with -o, e.g. -o tasks.xlsx' },
  planAndSample: { zh: '--plan 与 --sample 只能选一个', en: 'Use either --plan or --sample, not both' },
  unexpected: {
    zh: '内部错误;设置 KEYTASK_DEBUG=1 可查看详细信息',
    en: 'internal error; set KEYTASK_DEBUG=1 for details',
  },
  expected: { zh: '应为', en: 'expected' },
  moreIssues: { zh: '……(其余问题略)', en: '… (more problems not shown)' },

  summaryTitle: { zh: '已生成', en: 'Wrote' },
  summarySheets: { zh: '工作表', en: 'sheets' },
  summaryTasks: { zh: '任务数', en: 'tasks' },
  summaryCounties: { zh: '县区', en: 'counties' },
  summaryPeriod: { zh: '计划期', en: 'period' },
  summaryElapsed: { zh: '耗时', en: 'elapsed' },
  none: { zh: '(无)', en: '(none)' },
  emptyTemplate: { zh: '空白模板', en: 'empty template' },
  demoDone: { zh: '演示文件已写入:', en: 'Demo files written:' },
  demoOpen: { zh: '用 Excel 或 WPS/LibreOffice 打开即可查看。', en: 'Open them in Excel, WPS or LibreOffice.' },
} satisfies Record<string, Text>;

const F = {
  exists: {
    zh: (f: string) => `文件已存在:${f}(加 --force 覆盖)`,
    en: (f: string) => `${f} already exists (add --force to overwrite it)`,
  },
  badYears: {
    zh: (v: string) => `无法识别的计划期“${v}”,应写成 2023-2025 这样的形式`,
    en: (v: string) => `cannot read the period "${v}"; write it like 2023-2025`,
  },
  badLang: {
    zh: (v: string) => `不支持的语言“${v}”,请用 zh 或 en`,
    en: (v: string) => `unknown language "${v}"; use zh or en`,
  },
  planMissing: {
    zh: (f: string) => `找不到计划文件:${f}`,
    en: (f: string) => `plan file not found: ${f}`,
  },
  planNotJson: {
    zh: (f: string, why: string) => `计划文件 ${f} 不是有效的 JSON:${why}`,
    en: (f: string, why: string) => `plan file ${f} is not valid JSON: ${why}`,
  },
  planShape: {
    zh: (f: string) => `计划文件 ${f} 的内容不符合要求:`,
    en: (f: string) => `plan file ${f} does not have the expected shape:`,
  },
  cannotWrite: {
    zh: (f: string, why: string) => `无法写入 ${f}:${why}`,
    en: (f: string, why: string) => `cannot write ${f}: ${why}`,
  },
  renamed: {
    zh: (wanted: string, used: string) => `注意:工作表名“${wanted}”已被占用,改用“${used}”`,
    en: (wanted: string, used: string) => `note: sheet name "${wanted}" was taken; used "${used}"`,
  },
  ms: { zh: (n: number) => `${n} 毫秒`, en: (n: number) => `${n} ms` },
};

/** What a plan field should have been, for the shape check's messages. */
export const WANTS = {
  object: { zh: '对象 {…}', en: 'an object {…}' },
  array: { zh: '数组 […]', en: 'an array […]' },
  string: { zh: '文字', en: 'text' },
  stringOrNull: { zh: '文字或 null', en: 'text or null' },
  number: { zh: '数字', en: 'a number' },
  numberOrNull: { zh: '数字或 null', en: 'a number or null' },
  year: { zh: '1900–2200 之间的年份', en: 'a year between 1900 and 2200' },
  period: { zh: '不早于 startYear 且跨度不超过 30 年', en: 'not before startYear, at most 30 years later' },
  kind: { zh: 'cumulative、annual、share 或 qualitative', en: 'cumulative, annual, share or qualitative' },
  id: { zh: '非空的文字或数字', en: 'non-empty text or a number' },
  section: { zh: 'sections 中已有的 id 或 null', en: 'an id listed in sections, or null' },
} satisfies Record<string, Text>;

export type Want = keyof typeof WANTS;

export type MessageKey = keyof typeof T;

export interface Messages {
  t(key: MessageKey): string;
  f: { [K in keyof typeof F]: (typeof F)[K]['en'] };
  want(w: Want): string;
  lang: MsgLang;
}

export function messages(lang: MsgLang = messageLang()): Messages {
  const f = Object.fromEntries(Object.entries(F).map(([k, v]) => [k, v[lang]])) as Messages['f'];
  return { t: (key) => T[key][lang], f, want: (w) => WANTS[w][lang], lang };
}
