/**
 * Everything the CLI says, in both languages, in one table so a translation is one edit.
 * The language is `--lang` when given (the workbook's language, and then the operator's too),
 * else the user's locale (LC_ALL, then LC_MESSAGES, then LANG): Chinese for a `zh` locale,
 * English otherwise.
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
  optPaper: { zh: '打印纸张:A4(默认)或 A3,横向', en: 'paper to print on: A4 (default) or A3, landscape' },
  optYears: { zh: '计划期,如 2023-2025(覆盖计划中的年份)', en: 'plan period, e.g. 2023-2025 (overrides the plan’s)' },
  optLang: {
    zh: '表格语言 zh 或 en(默认 zh;重新生成时沿用原工作簿的语言)',
    en: 'workbook language, zh or en (default zh; a re-generated workbook keeps its own)',
  },
  optOut: { zh: '输出的 .xlsx 文件', en: 'the .xlsx file to write' },
  optForce: { zh: '覆盖已存在的文件', en: 'overwrite an existing file' },
  optRegenerate: {
    zh: '重新生成已有的 keytask 工作簿,保留已填写的内容(与任务窗格相同)',
    en: 're-generate an existing keytask workbook, keeping what was filled in (as the task pane does)',
  },
  optReplace: {
    zh: '用新工作簿覆盖已有文件,不保留其中任何内容',
    en: 'write a new workbook over an existing file, keeping nothing of it',
  },
  regeneratedTitle: { zh: '已重新生成', en: 'Re-generated' },
  keptNothing: { zh: '任务表中没有已填写的内容需要保留', en: 'the task sheets held nothing filled in to keep' },

  demoDescription: {
    zh: '生成演示工作簿(示例计划 + 新密市、登封市、荥阳市)和空白模板',
    en: 'write a demo workbook (sample plan + 新密市, 登封市, 荥阳市) and an empty template',
  },
  optDemoOut: { zh: '输出目录', en: 'output folder' },

  validateDescription: {
    zh: '审核重点任务清单工作簿,列出问题(有错误时退出码为 1)',
    en: 'check a key-task workbook and list its problems (exit code 1 when there are errors)',
  },
  argValidateFile: { zh: '要审核的 .xlsx 工作簿', en: 'the .xlsx workbook to check' },
  optSheet: { zh: '只审核这一个工作表', en: 'check only this sheet' },
  optFormat: { zh: '输出格式 table 或 json', en: 'output format, table or json' },
  optFindingsLang: {
    zh: '审核意见的语言 zh 或 en(默认与工作簿一致)',
    en: 'language of the findings, zh or en (default: the workbook’s)',
  },
  optFindingsSheet: {
    zh: '另存审核意见表(.xlsx),可发回县区',
    en: 'also write the findings sheet (审核意见) to this .xlsx, to send back',
  },
  noProblems: { zh: '未发现问题。', en: 'No problems found.' },
  optFillStatus: {
    zh: '按序时进度填写空白的“状态”,另存到 -o 指定的文件(不改动原文件)',
    en: 'fill blank 状态 (status) cells from the time-proportional rule, into the file given with -o (the input is not changed)',
  },
  optOverwriteStatus: {
    zh: '与 --fill-status 同用:填报人已选的状态与规则不同时也改写',
    en: 'with --fill-status: also write over a status the clerk chose that differs from the rule',
  },
  optFillOut: { zh: '填写状态后的工作簿(.xlsx)', en: 'the workbook with the statuses filled (.xlsx)' },

  rollupDescription: {
    zh: '汇总各县区报送的工作簿(含市级工作簿),输出汇总、填报情况和排名(有错误时退出码为 1)',
    en: 'roll up the counties’ returned workbooks (with the city workbook): summary, submissions, ranking (exit code 1 on errors)',
  },
  optRollupOut: {
    zh: '另存汇总工作簿(汇总、填报情况、排名、审核意见)',
    en: 'also write the summary workbook (summary, submissions, ranking, findings)',
  },
  optRollupLang: { zh: '汇总表和审核意见的语言 zh 或 en', en: 'language of the summary sheets and findings, zh or en' },
  optExpectedCounties: {
    zh: '应报送的县区,用 , ，或 、 分隔(默认取市级工作簿中登记的县区)',
    en: 'counties expected to report, separated by , ， or 、 (default: those the city workbook lists)',
  },
  optCity: {
    zh: '市级清单所在的工作簿(默认第一个文件)',
    en: 'the workbook holding the city task list (default: the first file)',
  },
  optPrevious: {
    zh: '上一期的汇总工作簿(keytask rollup -o 的输出):从中读取报送历史,算上期、环比和名次变化',
    en: "a previous roll-up's summary workbook (what keytask rollup -o wrote): its period history gives last period's figures, changes and ranks",
  },
  taskNo: { zh: '序号', en: 'task ' },
  rollupReading: { zh: '读取', en: 'reading' },
  rollupRanking: { zh: '排名:', en: 'Ranking:' },
  rollupNotSummed: { zh: '不合计', en: 'not summed' },

  // issue 16: the 通报 and 催报
  reportDescription: {
    zh: '根据汇总工作簿生成通报(.docx 或 Markdown),或生成催报通知',
    en: 'draft the bulletin (通报, .docx or Markdown) from a summary workbook, or the reminders (催报)',
  },
  argReportFile: { zh: 'keytask rollup -o 生成的汇总工作簿', en: 'the summary workbook keytask rollup -o wrote' },
  optReportOut: {
    zh: '输出文件:通报 .docx 或 .md;催报为 .txt 或 .xlsx(催报表)',
    en: 'the file to write: the bulletin as .docx or .md; reminders as .txt or .xlsx (a 催报 sheet)',
  },
  optReportFormat: {
    zh: '输出格式 docx(默认)、md 或 reminders(催报);md 和 reminders 不加 -o 时直接输出',
    en: 'format: docx (default), md or reminders; md and reminders without -o print to the terminal',
  },
  optReportLang: { zh: '通报语言 zh 或 en(默认与汇总表一致)', en: 'language of the bulletin, zh or en (default: the summary’s)' },
  optReportPeriod: {
    zh: '报送期,如 2024年第3季度(与汇总表不符时拒绝生成)',
    en: 'the period, e.g. 2024年第3季度 (refused when the summary is another period’s)',
  },
  optDeadline: { zh: '催报的报送截止时间,如 2024年7月10日', en: 'the deadline the reminders give, e.g. 2024年7月10日' },
  optReportCity: {
    zh: '市级工作簿,从中读取牵头单位(汇总表中没有时)',
    en: 'the city workbook, to take the lead units from (when the summary has none)',
  },
  reportNeedsOutput: {
    zh: '生成 Word 通报请用 -o 指定文件,例如 -o 通报.docx;或用 --format md 直接输出文本',
    en: 'Name the Word file to write with -o, e.g. -o bulletin.docx; or use --format md to print a draft',
  },

  errorPrefix: { zh: '错误:', en: 'Error: ' },
  noSuchFile: { zh: '文件不存在', en: 'no such file' },
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
  importDescription: {
    zh: '读取计划文件(.txt 或 .docx),提取重点任务清单;加 -o 生成标准模板',
    en: 'read a plan document (.txt or .docx) into a key-task list; with -o, write the standard template',
  },
  argImportFile: { zh: '计划文件(.txt:UTF-8 或 GB18030;.docx)', en: 'the plan document (.txt in UTF-8 or GB18030, or .docx)' },
  optImportFormat: {
    zh: '输出格式 json 或 table(默认 json;有 -o 时输出摘要和审核意见)',
    en: 'output format, json or table (default json; with -o a summary and the findings)',
  },
  optImportOut: { zh: '由导入的计划生成的 .xlsx 模板', en: 'the .xlsx template to write from the imported plan' },
  optImportLang: { zh: '模板和审核意见的语言 zh 或 en', en: 'language of the template and the findings, zh or en' },
  importTarget: { zh: '目标', en: 'target' },
  importDeadline: { zh: '完成时限', en: 'deadline' },
  importMilestones: { zh: '年度目标', en: 'milestones' },
  importLead: { zh: '牵头', en: 'lead' },
  importCooperating: { zh: '配合', en: 'cooperating' },
  importUnits: { zh: '单位名录', en: 'units' },
  importFindings: { zh: '审核意见', en: 'findings' },
  importTask: { zh: '任务', en: 'task' },
  importPlanWide: { zh: '全文', en: 'plan' },

  nextPeriodDescription: {
    zh: '开始新一期:本期完成值移入上期完成值,清空本期数值、进展和状态,设置报送期,保留报送历史',
    en: "start the next reporting period: this period's actuals move to 上期完成值, the period's figures, progress and status are emptied, 报送期 set, the history kept",
  },
  argNextPeriodFile: { zh: '市级工作簿,或县区报回的文件', en: "the city workbook, or a county's returned file" },
  optPeriod: {
    zh: '新一期的报送期,如 2024年第3季度、2024年9月、2024年上半年',
    en: 'the new reporting period, e.g. 2024年第3季度, 2024年9月, 2024年上半年',
  },
  optNextPeriodOut: { zh: '写出的新一期 .xlsx(不能是输入文件)', en: 'the .xlsx to write for the new period (never the input)' },
  optFromSummary: {
    zh: '汇总工作簿:县区表未填时,从其报送历史取上期完成值',
    en: "a summary workbook: where a county copy is blank, 上期完成值 comes from the summary's history",
  },
  optNextPeriodLang: { zh: '表格语言 zh 或 en(默认沿用工作簿的语言)', en: "workbook language, zh or en (default: the workbook's own)" },
} satisfies Record<string, Text>;

const F = {
  nextPeriodDone: {
    zh: (f: string, sheets: number, moved: number, periods: number) =>
      `已写出 ${f}:${sheets} 张任务表进入新一期,${moved} 个数值移入上期完成值,报送历史现有 ${periods} 期`,
    en: (f: string, sheets: number, moved: number, periods: number) =>
      `Wrote ${f}: ${sheets} task sheet${sheets === 1 ? '' : 's'} in the new period, ${moved} figure${moved === 1 ? '' : 's'} moved to 上期完成值, the history now has ${periods} period${periods === 1 ? '' : 's'}`,
  },
  fromNoHistory: {
    zh: (f: string) => `${f} 中没有报送历史(keytask_periods),无法从中取上期完成值;请用 keytask 汇总后写出的汇总工作簿`,
    en: (f: string) =>
      `${f} holds no period history (keytask_periods) to take 上期完成值 from; give the summary workbook a keytask roll-up wrote`,
  },
  nextPeriodFrom: {
    zh: (closed: string, period: string, fromHistory: number) =>
      `结束 ${closed},开始 ${period}` + (fromHistory > 0 ? `;其中 ${fromHistory} 个取自汇总的报送历史` : ''),
    en: (closed: string, period: string, fromHistory: number) =>
      `Closed ${closed}, started ${period}` + (fromHistory > 0 ? `; ${fromHistory} of the figures from the summary's history` : ''),
  },
  outputExists: {
    zh: (f: string) => `文件已存在:${f}(确要覆盖请加 --force)`,
    en: (f: string) => `${f} already exists (add --force to write over it)`,
  },
  exists: {
    zh: (f: string) => `文件已存在:${f}(加 --force 重新生成并保留已填内容,或加 --replace 用新工作簿覆盖)`,
    en: (f: string) =>
      `${f} already exists (add --force to re-generate it keeping what was filled, or --replace to write a new workbook over it)`,
  },
  cannotReadExisting: {
    zh: (f: string, why: string) => `无法读取已有的文件 ${f}:${why}。文件未改动;要用新工作簿覆盖它,请加 --replace`,
    en: (f: string, why: string) =>
      `cannot read the existing ${f}: ${why}. It was left as it is; to write a new workbook over it, add --replace`,
  },
  notKeytaskWorkbook: {
    zh: (f: string) =>
      `${f} 不是 keytask 生成的工作簿(其中没有 keytask 的登记表),无法保留内容重新生成。文件未改动;要用新工作簿覆盖它,请加 --replace,或用 -o 另选文件名`,
    en: (f: string) =>
      `${f} is not a workbook keytask made (it has no keytask registry), so there is nothing to re-generate in it. It was left as it is; to write a new workbook over it, add --replace, or pick another file with -o`,
  },
  wouldLoseSheets: {
    zh: (f: string, sheets: string) =>
      `${f} 中有 keytask 不会重新生成的工作表:${sheets}。命令行会重写整个文件,这些表将丢失,因此文件未改动。请在 Excel 任务窗格中重新生成(会保留这些表),或先把它们移到别的工作簿;确实不要它们时,加 --replace 用新工作簿覆盖`,
    en: (f: string, sheets: string) =>
      `${f} holds sheets keytask does not re-generate: ${sheets}. The command line writes the whole file anew and they would be lost, so the file was left as it is. Re-generate in Excel with the task pane (which keeps them) or move them to another workbook first; if they are not wanted, add --replace to write a new workbook over the file`,
  },
  keptFilled: {
    zh: (sheet: string, kept: number, orphans: number) =>
      `“${sheet}”保留了 ${kept} 项任务的已填内容` + (orphans > 0 ? `,另有 ${orphans} 项计划中已无的任务留在表末` : ''),
    en: (sheet: string, kept: number, orphans: number) =>
      `"${sheet}" kept the filled values of ${kept} task${kept === 1 ? '' : 's'}` +
      (orphans > 0 ? `; ${orphans} task${orphans === 1 ? '' : 's'} no longer in the plan stay at the end` : ''),
  },
  keptUnits: {
    zh: (sheet: string, units: number) => `“${sheet}”保留了原有的 ${units} 个单位`,
    en: (sheet: string, units: number) => `"${sheet}" kept its ${units} unit${units === 1 ? '' : 's'}`,
  },
  createdSheets: {
    zh: (sheets: string) => `新建:${sheets}`,
    en: (sheets: string) => `new: ${sheets}`,
  },
  keptCounties: {
    zh: (counties: string) => `--counties 未列出的县区表仍保留(连同已填内容):${counties}`,
    en: (counties: string) => `county sheets --counties did not name are kept, with what they hold: ${counties}`,
  },
  badYears: {
    zh: (v: string) => `无法识别的计划期“${v}”,应写成 2023-2025 这样的形式`,
    en: (v: string) => `cannot read the period "${v}"; write it like 2023-2025`,
  },
  badPaper: {
    zh: (v: string) => `不支持的纸张“${v}”,请用 A4 或 A3`,
    en: (v: string) => `unknown paper "${v}"; use A4 or A3`,
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
  importMissing: {
    zh: (f: string) => `找不到文件:${f}`,
    en: (f: string) => `file not found: ${f}`,
  },
  cannotRead: {
    zh: (f: string, why: string) => `无法读取 ${f}:${why}`,
    en: (f: string, why: string) => `cannot read ${f}: ${why}`,
  },
  notAPlan: {
    zh: (f: string) => `${f} 看起来不是计划文件:没有找到任务清单、章节(如“三、重点任务”)或计划标题`,
    en: (f: string) => `${f} does not look like a plan: no task list, chapters (such as 三、重点任务) or plan title found`,
  },
  noTasks: {
    zh: (f: string) => `${f} 中没有找到任务清单(编号的任务条目或任务表):进展情况表、通知等不能作为计划导入`,
    en: (f: string) =>
      `${f} holds no task list (numbered tasks or a task table): a progress report or a notice cannot be imported as a plan`,
  },
  notDocx: {
    zh: (f: string, why: string) => `${f} 不是可读取的 .docx 文件:${why}`,
    en: (f: string, why: string) => `${f} is not a readable .docx file: ${why}`,
  },
  oldDoc: {
    zh: (f: string) => `${f} 是旧版 Word(.doc)文件,请另存为 .docx 或 .txt 后再导入`,
    en: (f: string) => `${f} is an old Word (.doc) file; save it as .docx or .txt and import that`,
  },
  rollupNoCity: {
    zh: (f: string) => `${f} 中没有 keytask 生成的市级清单:请把市级工作簿列为第一个文件,或用 --city 指定它`,
    en: (f: string) => `${f} holds no city task list made by keytask: give the city workbook as the first file, or name it with --city`,
  },
  rollupCityUnreadable: {
    zh: (f: string) => `无法读取市级工作簿 ${f}(见下方审核意见);请检查文件或用 --city 指定市级工作簿`,
    en: (f: string) => `the city workbook ${f} cannot be read; check the file, or name the city workbook with --city`,
  },
  rollupPreviousUnusable: {
    zh: (f: string, unreadable: boolean) =>
      unreadable
        ? `无法读取上期汇总 ${f};请检查 --previous 指定的文件`
        : `${f} 中没有报送历史:请用新版 keytask rollup -o 写出的汇总工作簿作 --previous`,
    en: (f: string, unreadable: boolean) =>
      unreadable
        ? `the previous summary ${f} cannot be read; check the file given with --previous`
        : `${f} holds no period history: give a summary workbook written by keytask rollup -o (this version) as --previous`,
  },
  rollupExcluded: {
    zh: (n: number) => `未计入合计和排名的县区数值 ${n} 项(县区表中有错误,已列入审核意见):`,
    en: (n: number) => `${n} county figures left out of totals and ranking (each has an error in the county sheet, see the findings):`,
  },
  rollupHeadline: {
    zh: (n: number, counties: string, period: string) => `汇总 ${n} 个县区(${counties}),报送期:${period}`,
    en: (n: number, counties: string, period: string) => `Rolled up ${n} counties (${counties}), period: ${period}`,
  },
  rollupOutputIsInput: {
    zh: (f: string) => `汇总结果不能写入被汇总的文件本身:${f}`,
    en: (f: string) => `the summary cannot be written over one of the files being rolled up: ${f}`,
  },
  rollupWrote: {
    zh: (f: string, sheets: string) => `汇总工作簿已写入 ${f}(${sheets})`,
    en: (f: string, sheets: string) => `Summary workbook written to ${f} (${sheets})`,
  },
  reportWrote: {
    zh: (f: string, title: string) => `通报已写入 ${f}(${title})`,
    en: (f: string, title: string) => `Bulletin written to ${f} (${title})`,
  },
  remindersWrote: {
    zh: (f: string, n: number) => `催报通知已写入 ${f}(${n} 个县区)`,
    en: (f: string, n: number) => `Reminders written to ${f} (${n} counties)`,
  },
  reportBadFormat: {
    zh: (v: string) => `不支持的格式“${v}”,请用 docx、md 或 reminders`,
    en: (v: string) => `unknown format "${v}"; use docx, md or reminders`,
  },
  noSheet: {
    zh: (sheet: string, sheets: string) => `工作簿中没有名为“${sheet}”的工作表(现有:${sheets})`,
    en: (sheet: string, sheets: string) => `the workbook has no sheet named "${sheet}" (it has: ${sheets})`,
  },
  badFormat: {
    zh: (v: string) => `不支持的输出格式“${v}”,请用 table 或 json`,
    en: (v: string) => `unknown format "${v}"; use table or json`,
  },
  importNotesHidden: {
    zh: (n: number) => `另有 ${n} 条提示未列出,用 --format table 查看全部`,
    en: (n: number) => `${n} notes not listed; --format table shows them all`,
  },
  findingsTotal: {
    zh: (total: number, errors: number, warnings: number, infos: number) => `共 ${total} 条:错误 ${errors},警告 ${warnings},提示 ${infos}`,
    en: (total: number, errors: number, warnings: number, infos: number) =>
      `${total} findings (errors: ${errors}, warnings: ${warnings}, notes: ${infos})`,
  },
  checkedSheets: {
    zh: (sheets: string) => `已审核:${sheets}`,
    en: (sheets: string) => `Checked: ${sheets}`,
  },
  findingsWritten: {
    zh: (file: string) => `审核意见已写入 ${file}`,
    en: (file: string) => `Findings sheet written to ${file}`,
  },
  outputIsInput: {
    zh: (file: string) => `输出文件不能是输入文件本身:${file}`,
    en: (file: string) => `the output cannot be written over an input file: ${file}`,
  },
  // issue 11: workbooks and sheets that are not key-task lists
  noTaskList: {
    zh: (f: string) => `${f} 中没有重点任务清单:没有一个工作表有“序号、重点任务”以及目标、时限或责任单位等列的表头。请检查是否选错了文件`,
    en: (f: string) =>
      `${f} holds no key-task list: no sheet has a header with 序号 (No.), 重点任务 (Key task) and a target, deadline or responsibility column. Check that this is the right file`,
  },
  notTaskLists: {
    zh: (sheets: string) => `不是任务清单(已跳过):${sheets}`,
    en: (sheets: string) => `Not task lists (skipped): ${sheets}`,
  },
  fillNeedsOutput: {
    zh: (option: string) => `${option} 需要用 -o 指定输出文件(不会改动原文件)`,
    en: (option: string) => `${option} needs -o OUT.xlsx (the input is never written over)`,
  },
  statusFilled: {
    zh: (n: number) => `状态:按序时进度填写 ${n} 个`,
    en: (n: number) => `Status: ${n} filled from the schedule rule`,
  },
  statusKept: {
    zh: (n: number) => `保留填报人所选、与规则不同的状态 ${n} 个(用 --overwrite-status 改写):`,
    en: (n: number) => `Kept ${n} status(es) the clerk chose that differ from the rule (--overwrite-status writes over them):`,
  },
  statusOverwritten: {
    zh: (n: number) => `按规则改写填报人所选的状态 ${n} 个:`,
    en: (n: number) => `Wrote the rule's status over ${n} the clerk chose:`,
  },
  statusConflictLine: {
    zh: (where: string, id: string, clerk: string, rule: string) => `  ${where}  序号 ${id}:填报“${clerk}”,规则为“${rule}”`,
    en: (where: string, id: string, clerk: string, rule: string) =>
      `  ${where}  task ${id}: "${clerk}" filled in, the rule gives "${rule}"`,
  },
  statusWritten: {
    zh: (file: string) => `已写入 ${file}(只改动“状态”单元格)`,
    en: (file: string) => `Written to ${file} (only 状态 cells changed)`,
  },
  sameAsInput: {
    zh: (file: string) => `审核意见不能写入被审核的文件本身:${file}`,
    en: (file: string) => `the findings sheet cannot be written over the file being checked: ${file}`,
  },
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

/** The language `--lang zh|en` (or `--lang=…`) asks for in `argv`, if any. */
export function argvLang(argv: readonly string[]): MsgLang | null {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const v = a === '--lang' ? argv[i + 1] : a.startsWith('--lang=') ? a.slice(7) : undefined;
    if (v === 'zh' || v === 'en') return v;
  }
  return null;
}

/** Commander's own words (help headings and its error lines) in Chinese. */
const COMMANDER_ZH: Array<[RegExp, string]> = [
  [/^Usage:/gm, '用法:'],
  [/^Options:$/gm, '选项:'],
  [/^Commands:$/gm, '命令:'],
  [/^Arguments:$/gm, '参数:'],
  [/\(default: ([^)]*)\)/g, '(默认:$1)'],
  [/\[options\]/g, '[选项]'],
  [/\[command\]/g, '[命令]'],
  [/^error: unknown option '([^']*)'(?:\s*\(Did you mean ([^)]*)\?\))?/gm, "错误:未知选项 '$1'"],
  [/^error: unknown command '([^']*)'(?:\s*\(Did you mean ([^)]*)\?\))?/gm, "错误:未知命令 '$1'"],
  [/^error: missing required argument '([^']*)'/gm, "错误:缺少参数 '$1'"],
  [/^error: option '([^']*)' argument missing/gm, "错误:选项 '$1' 缺少取值"],
  [/^error: option '([^']*)' argument '([^']*)' is invalid\./gm, "错误:选项 '$1' 的取值 '$2' 无效"],
  [/^error: required option '([^']*)' not specified/gm, "错误:缺少必需的选项 '$1'"],
  [/^error: too many arguments(?: for '([^']*)')?\. Expected (\d+) arguments? but got (\d+)\./gm, '错误:参数过多,应为 $2 个,实为 $3 个'],
  [/^error: (.*) cannot be used with (.*)$/gm, '错误:$1 不能与 $2 同时使用'],
];

/** Text commander printed, in the messages' language. */
export function commanderText(s: string, lang: MsgLang): string {
  return lang === 'zh' ? COMMANDER_ZH.reduce((t, [re, zh]) => t.replace(re, zh), s) : s;
}

export function messages(lang: MsgLang = messageLang()): Messages {
  const f = Object.fromEntries(Object.entries(F).map(([k, v]) => [k, v[lang]])) as Messages['f'];
  return { t: (key) => T[key][lang], f, want: (w) => WANTS[w][lang], lang };
}
