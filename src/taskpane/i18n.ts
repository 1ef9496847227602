/**
 * The task pane's own words, in the two languages keytask speaks. Chinese comes first: the
 * users are Chinese government clerks; English is for an Office whose display language is not
 * Chinese, kept in englishStrings.ts (typed by Strings here, so both have the same keys) and
 * loaded only for such an Office. Sheet content has its own language choice (core/i18n.ts) and
 * does not come from here.
 */
import { createContext, useContext } from 'react';
import type { Lang } from '../core/i18n';
import type { TargetBound } from '../core/model';
import type { CheckId } from '../hosts/excel/diagnostics';

export type UiLang = Lang;

export interface Strings {
  lang: UiLang;
  appTitle: string;
  appSubtitle: string;
  tabs: { generate: string; review: string; rollup: string; diagnostics: string };
  /** while a part of the pane loads on first use (components/lazyPanel.tsx) */
  loading: string;
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
    paper: string;
    paperA4: string;
    paperA3: string;
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
  importPlan: {
    source: string;
    intro: string;
    text: string;
    textPlaceholder: string;
    openFile: string;
    fileHint: string;
    parse: string;
    parsing: string;
    parseErrorTitle: string;
    fileErrorTitle: string;
    empty: string;
    notAPlan: string;
    noTasks: string;
    notDocx: (file: string) => string;
    needParse: string;
    noneSelected: string;
    planName: string;
    planNameHint: string;
    detectedPeriod: (start: number, end: number) => string;
    found: (tasks: number, selected: number, units: number) => string;
    include: (id: string) => string;
    target: string;
    unit: string;
    unitOf: (id: string) => string;
    noTarget: string;
    deadline: string;
    lead: string;
    leadOf: (id: string) => string;
    noUnits: string;
    cooperating: string;
    toCheck: (n: number) => string;
    /** how a target bounds the figure, beside its ≥ ≤ ≈ mark */
    bound: Record<TargetBound, string>;
    lowerIsBetter: string;
    /** the task the document stops in (import-truncated) */
    truncated: string;
  };
  findings: {
    total: (n: number) => string;
    byCodeTitle: string;
    groupBy: string;
    groupByCode: string;
    groupBySheet: string;
    taskId: (id: string) => string;
    wholeSheet: (sheet: string) => string;
    groupTitle: (title: string, n: number) => string;
    showMore: (shown: number, total: number) => string;
    selectHint: string;
    selectFailedTitle: string;
    /** the toggle that lists an entry's cells */
    cells: (n: number, open: boolean) => string;
    taskIds: (ids: string) => string;
    alsoIn: (sheets: string[]) => string;
    inheritedFrom: (sheet: string) => string;
  };
  review: {
    intro: string;
    scope: string;
    scopeActive: string;
    scopeAll: string;
    button: string;
    running: string;
    errorTitle: string;
    resultTitle: string;
    checked: (sheets: string[]) => string;
    nothingChecked: string;
    clean: string;
    mark: string;
    marking: string;
    marked: (n: number, how: 'note' | 'comment' | 'fill') => string;
    markedCleared: (n: number) => string;
    clear: string;
    clearing: string;
    cleared: (n: number) => string;
    writeSheet: string;
    writingSheet: string;
    sheetWritten: (sheet: string) => string;
    sheetRenamed: (wanted: string, used: string) => string;
    sheetCancelled: string;
    actionErrorTitle: string;
  };
  /** 填写状态, in the review tab */
  fillStatus: {
    button: string;
    running: string;
    title: string;
    filled: (n: number) => string;
    kept: (n: number) => string;
    overwritten: (n: number) => string;
    askTitle: string;
    askIntro: (n: number) => string;
    askLine: (where: string, id: string, clerk: string, rule: string) => string;
    askMore: (n: number) => string;
    keep: string;
    overwrite: string;
  };
  rollup: {
    intro: string;
    sheets: string;
    sheetsHint: string;
    sheetLabel: (sheet: string, county: string | null) => string;
    noSheets: string;
    loadingSheets: string;
    refresh: string;
    files: string;
    pickFiles: string;
    filesPrivacy: string;
    removeFile: (name: string) => string;
    expected: string;
    expectedHint: string;
    expectedPlaceholder: string;
    button: string;
    readingFiles: string;
    running: string;
    doneTitle: string;
    written: (sheets: string[]) => string;
    counties: (counties: string[]) => string;
    missing: (counties: string[]) => string;
    excluded: (n: number) => string;
    emptyTitle: string;
    empty: string;
    rankingTitle: string;
    rankLine: (rank: number | null, county: string, score: number | null) => string;
    findingsTitle: string;
    unreadableTitle: string;
    unreadable: (files: string[]) => string;
    noCity: string;
    noSubmissions: string;
    cancelled: string;
    errorTitle: string;
    listErrorTitle: string;
    bulletin: string;
    bulletinHint: string;
    bulletinRunning: string;
    bulletinDoneTitle: string;
    bulletinDone: (file: string, title: string) => string;
    bulletinErrorTitle: string;
    bulletinFile: string;
    reminders: {
      button: string;
      hint: string;
      running: string;
      title: string;
      copy: string;
      copyAll: string;
      /** null: every notice */
      copied: (county: string | null) => string;
      copyFailed: string;
      writeSheet: string;
      writtenTitle: string;
      written: (sheet: string, replaced: boolean) => string;
      replaceTitle: string;
      replaceText: (sheet: string) => string;
      replace: string;
      cancel: string;
      errorTitle: string;
    };
  };
  conflict: {
    title: string;
    intro: string;
    line: (wanted: string, used: string) => string;
    proceed: string;
    cancel: string;
  };
  nextPeriod: {
    title: string;
    intro: string;
    button: string;
    running: string;
    dialogTitle: string;
    current: (period: string | null) => string;
    label: string;
    hint: string;
    explain: string;
    proceed: string;
    cancel: string;
    successTitle: string;
    done: (sheets: number, moved: number, periods: number) => string;
    closed: (closed: string, period: string) => string;
    cancelled: string;
    errorTitle: string;
  };
  diagnostics: {
    intro: string;
    run: string;
    running: string;
    capability: string;
    apiSet: string;
    result: string;
    passed: string;
    failed: (code: string) => string;
    skipped: string;
    doneTitle: string;
    summary: (passed: number, failed: number, skipped: number) => string;
    failedHint: string;
    errorTitle: string;
    names: Record<CheckId, string>;
    apiName: (version: string) => string;
    /** what the tab says in WPS instead */
    wps: { intro: string; apiSet: string; failedHint: string };
  };
  errors: {
    boundaryTitle: string;
    boundaryBody: string;
    retry: string;
    /** a part of the pane that could not be loaded (offline, say) */
    loadTitle: string;
    loadBody: string;
    unknown: string;
    notInOffice: string;
    excelTooOld: string;
  };
}

export const ZH: Strings = {
  lang: 'zh',
  appTitle: '重点任务清单',
  appSubtitle: '生成、审核、汇总县（市、区）填报表',
  tabs: { generate: '填报', review: '审核', rollup: '汇总', diagnostics: '诊断' },
  loading: '正在加载…',
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
    paper: '打印纸张(横向)',
    paperA4: 'A4',
    paperA3: 'A3(适合列多的清单)',
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
  importPlan: {
    source: '从规划文本导入',
    intro: '粘贴规划文件的文字（或打开 .txt、.docx 文件），解析出任务后逐项核对，再生成清单。',
    text: '规划文本',
    textPlaceholder: '粘贴规划文件正文，或其中的“重点任务清单”表格…',
    openFile: '打开文件…',
    fileHint: '支持 .txt 和 .docx。文件只在本机的任务窗格中读取，不会上传。',
    parse: '解析',
    parsing: '正在解析…',
    parseErrorTitle: '无法解析',
    fileErrorTitle: '无法打开文件',
    empty: '文本为空，请先粘贴规划文件的文字。',
    notAPlan: '这段文字看起来不是规划文件：没有找到任务清单、章节或计划标题。',
    noTasks: '这段文字中没有找到任务清单（编号的任务条目或任务表）：进展情况表、通知等不能作为计划导入。',
    notDocx: (file) => `“${file}”不是有效的 .docx 文件。`,
    needParse: '请先粘贴规划文本并点击“解析”。',
    noneSelected: '没有勾选任何任务，请至少保留一项。',
    planName: '计划名称',
    planNameHint: '从文本中识别，可修改；将作为清单标题。',
    detectedPeriod: (start, end) => `识别出的计划期：${start}—${end}年（已填入上方“计划期”，可修改）`,
    found: (tasks, selected, units) => `识别出 ${tasks} 项任务，已选 ${selected} 项；单位名录将包含 ${units} 个单位。`,
    include: (id) => `生成任务 ${id}`,
    target: '目标',
    unit: '单位',
    unitOf: (id) => `任务 ${id} 的计量单位`,
    noTarget: '无量化目标',
    deadline: '时限',
    lead: '牵头',
    leadOf: (id) => `任务 ${id} 的牵头单位`,
    noUnits: '未识别出单位',
    cooperating: '配合',
    toCheck: (n) => `${n} 项需核对`,
    bound: { atLeast: '不低于', atMost: '不高于', about: '约' },
    lowerIsBetter: '越低越好',
    truncated: '原文在此截断',
  },
  findings: {
    total: (n) => `共 ${n} 项`,
    byCodeTitle: '按问题类型',
    groupBy: '列表分组',
    groupByCode: '按问题',
    groupBySheet: '按工作表',
    taskId: (id) => `序号 ${id}`,
    wholeSheet: (sheet) => `${sheet}（整张表）`,
    groupTitle: (title, n) => `${title}（${n}）`,
    showMore: (shown, total) => `显示更多（已显示 ${shown} / ${total} 项）`,
    selectHint: '点击一项即可在表格中定位到该单元格。',
    selectFailedTitle: '无法定位到该单元格',
    cells: (n, open) => (open ? `收起 ${n} 个单元格` : `展开 ${n} 个单元格`),
    taskIds: (ids) => `序号 ${ids}`,
    alsoIn: (sheets) => `各县区表沿用：${sheets.join('、')}`,
    inheritedFrom: (sheet) => `沿用市级清单“${sheet}”`,
  },
  review: {
    intro: '检查清单：缺少牵头单位、里程碑倒退、末年未达目标、单位不在名录中、必填项为空等。',
    scope: '审核范围',
    scopeActive: '当前工作表',
    scopeAll: '所有清单工作表',
    button: '开始审核',
    running: '正在审核…',
    errorTitle: '审核失败',
    resultTitle: '审核完成',
    checked: (sheets) => `已审核：${sheets.join('、')}`,
    nothingChecked: '没有找到可审核的清单工作表：请切换到清单所在的工作表，或先在“填报”中生成清单。',
    clean: '未发现问题。',
    mark: '标记单元格',
    marking: '正在标记…',
    marked: (n, how) =>
      how === 'note'
        ? `已标记 ${n} 个单元格：按严重程度填充颜色，问题写在单元格的备注中。`
        : how === 'comment'
          ? `已标记 ${n} 个单元格：按严重程度填充颜色，问题写在单元格的批注中。`
          : `已标记 ${n} 个单元格：此版本 Excel 不支持备注和批注，只填充了颜色。`,
    markedCleared: (n) => `另清除了上次审核留下的 ${n} 个标记。`,
    clear: '清除标记',
    clearing: '正在清除…',
    cleared: (n) => (n > 0 ? `已清除 ${n} 个单元格的标记，恢复了原来的填充。` : '没有需要清除的标记。'),
    writeSheet: '生成审核意见表',
    writingSheet: '正在生成…',
    sheetWritten: (sheet) => `已生成审核意见表“${sheet}”。`,
    sheetRenamed: (wanted, used) => `“${wanted}”已被您的工作表占用，审核意见表写在“${used}”中。`,
    sheetCancelled: '已取消，未生成审核意见表。',
    actionErrorTitle: '操作失败',
  },
  fillStatus: {
    button: '填写状态',
    running: '正在填写状态…',
    title: '填写状态',
    filled: (n) => (n > 0 ? `已按序时进度填写 ${n} 项任务的状态。` : '没有需要填写的空白状态。'),
    kept: (n) => `保留了填报人所选、与序时进度不符的状态 ${n} 项，见下方说明。`,
    overwritten: (n) => `已按序时进度改写填报人所选的状态 ${n} 项。`,
    askTitle: '状态与序时进度不符',
    askIntro: (n) => `以下 ${n} 项任务，填报人所选的状态与按序时进度判断的不同：`,
    askLine: (where, id, clerk, rule) => `${where} 序号 ${id}：填报“${clerk}”，按序时进度为“${rule}”`,
    askMore: (n) => `另有 ${n} 项未列出。`,
    keep: '保留填报人的选择',
    overwrite: '按序时进度改写',
  },
  rollup: {
    intro: '按序号合并各县（市、区）的填报，生成全市汇总、填报情况和排名。县区工作表和文件只读取，不会改动。',
    sheets: '本工作簿中的县（市、区）工作表',
    sheetsHint: '全部勾选时，还是空白的县区表按未报送处理。',
    sheetLabel: (sheet, county) => (county && county !== sheet ? `${sheet}（${county}）` : sheet),
    noSheets: '本工作簿中没有本工具生成的县（市、区）工作表，可以选择县区报送的文件。',
    loadingSheets: '正在读取工作表…',
    refresh: '刷新',
    files: '县区报送的文件（.xlsx）',
    pickFiles: '选择文件…',
    filesPrivacy: '文件只在本机的任务窗格中读取，不会上传。',
    removeFile: (name) => `移除 ${name}`,
    expected: '应报送的县（市、区）（可选）',
    expectedHint: '填写后将列出未报送的县区；不填则按工作簿中的县区名单。',
    expectedPlaceholder: '新密市、登封市、荥阳市',
    button: '开始汇总',
    readingFiles: '正在读取文件…',
    running: '正在汇总…',
    doneTitle: '汇总完成',
    written: (sheets) => `已写入：${sheets.join('、')}`,
    counties: (counties) => `已汇总 ${counties.length} 个县（市、区）：${counties.join('、')}`,
    missing: (counties) => `未报送：${counties.join('、')}`,
    excluded: (n) => `${n} 项县区数值有错误，未计入合计和排名（见汇总表“未计入合计”列和下方问题）`,
    emptyTitle: '没有可汇总的报送',
    empty: '没有一个县（市、区）的报送能与市级清单对应，汇总为空。请检查所选工作表或文件是否为本清单的县区表。',
    rankingTitle: '排名前列',
    rankLine: (rank, county, score) => `${rank ?? '—'}. ${county}：${score === null ? '无法评分' : `${score} 分`}`,
    findingsTitle: '汇总中发现的问题',
    unreadableTitle: '有文件无法读取',
    unreadable: (files) => `以下文件无法读取，未汇总：${files.join('、')}`,
    noCity: '找不到市级清单：请先在“填报”中生成清单，或选择包含市级清单的文件。',
    noSubmissions: '没有可汇总的填报：勾选的县区工作表都还是空白，也没有可读取的文件。',
    cancelled: '已取消，工作簿未作任何更改。',
    errorTitle: '汇总失败',
    listErrorTitle: '无法读取工作表列表',
    bulletin: '生成通报',
    bulletinHint: '根据本工作簿中的汇总表起草通报（Word 文档），数字均取自汇总表。请先汇总。',
    bulletinRunning: '正在生成通报…',
    bulletinDoneTitle: '通报已生成',
    bulletinDone: (file, title) => `已下载 ${file}：${title}`,
    bulletinErrorTitle: '生成通报失败',
    bulletinFile: '通报.docx',
    reminders: {
      button: '催报通知',
      hint: '根据汇总表中的填报情况，为未报送、报送不完整或数值有误的县（市、区）起草催报通知，可复制到 OA 系统，也可写入“催报”工作表。请先汇总。',
      running: '正在起草催报通知…',
      title: '催报通知',
      copy: '复制',
      copyAll: '复制全部',
      copied: (county) => (county ? `已复制${county}的催报通知。` : '已复制全部催报通知。'),
      copyFailed: '无法写入剪贴板：请在文本上手动选择并复制。',
      writeSheet: '写入催报表',
      writtenTitle: '催报表已写入',
      written: (sheet, replaced) => (replaced ? `已替换工作表“${sheet}”的内容。` : `已写入工作表“${sheet}”。`),
      replaceTitle: '工作表已存在',
      replaceText: (sheet) => `工作簿中已有工作表“${sheet}”。是否用本次的催报通知替换其内容？`,
      replace: '替换',
      cancel: '取消',
      errorTitle: '催报通知失败',
    },
  },
  conflict: {
    title: '工作表名称已被占用',
    intro: '以下名称已被您自己的工作表使用。这些工作表不会被改动，新表将改用其他名称：',
    line: (wanted, used) => `工作表“${wanted}”已存在且不是本工具生成的，将改用“${used}”。`,
    proceed: '继续',
    cancel: '取消',
  },
  nextPeriod: {
    title: '开始新一期',
    intro:
      '本期报送结束后，为下一期准备同一张清单：各表的本期完成值移入“上期完成值”，本期数值、进展情况和状态清空，报送期改为新一期，本期数据记入报送历史。',
    button: '开始新一期',
    running: '正在处理…',
    dialogTitle: '开始新一期',
    current: (period) => (period ? `当前报送期：${period}` : '工作簿中尚未填写报送期。'),
    label: '新一期报送期',
    hint: '如 2024年第3季度、2024年9月、2024年上半年',
    explain: '各任务表的本期完成值将移入“上期完成值”列，本期完成值、进展情况和状态将清空；计划、目标、年度目标和联系人保留。',
    proceed: '开始新一期',
    cancel: '取消',
    successTitle: '已开始新一期',
    done: (sheets, moved, periods) => `${sheets} 张任务表进入新一期，${moved} 个数值移入上期完成值，报送历史现有 ${periods} 期。`,
    closed: (closed, period) => `已结束 ${closed}，开始 ${period}。`,
    cancelled: '已取消，工作簿未改动。',
    errorTitle: '无法开始新一期',
  },
  diagnostics: {
    intro: '在一张临时工作表上逐项试用本加载项用到的 Excel 功能（完成后删除该表），检查这台 Excel 是否都支持。',
    run: '运行诊断',
    running: '正在诊断…',
    capability: '功能',
    apiSet: 'ExcelApi',
    result: '结果',
    passed: '通过',
    failed: (code) => `失败：${code}`,
    skipped: '不支持，已跳过',
    doneTitle: '诊断完成',
    summary: (passed, failed, skipped) => `通过 ${passed} 项，失败 ${failed} 项，跳过 ${skipped} 项。`,
    failedHint: '有失败项时，请把本表截图（含错误代码）和 Excel 的版本发给管理员。',
    errorTitle: '诊断未能完成',
    names: {
      api: '需求集',
      writeRead: '写入并读回数值与公式',
      textKept: '文本按原样保存（日期、百分比等不被转换）',
      veryHidden: '深度隐藏工作表及其删除',
      copySheet: '复制工作表',
      copyFrom: '粘贴区域（copyFrom）',
      listFromName: '来自名称的下拉列表',
      conditionalFormat: '条件格式',
      rangeAreas: '多区域格式（RangeAreas）',
      rowHeight: '最大行高 409 磅与合并单元格',
      pageLayout: '页面设置与打印区域',
      autoFilter: '筛选',
      chart: '图表',
      comments: '批注（comments）',
      mergedAreas: '读取合并区域',
      notes: '备注（notes）',
      largeWrite: '超过一次请求的大量写入（分批发送）',
      members: '本加载项用到的 WPS 对象、属性和方法',
      numberCheck: '数值校验（数据有效性）',
      marks: '单元格标记（填充色与批注）及其清除',
    },
    apiName: (version) => `ExcelApi ${version} 需求集`,
    wps: {
      intro: '在一张临时工作表上逐项试用本加载项用到的 WPS 表格功能并读回结果（完成后删除该表），检查这台 WPS 是否都支持。',
      apiSet: 'WPS 对象',
      failedHint: '有失败项时，请把本表截图（含错误代码，鼠标悬停可见详情）和 WPS 的版本发给管理员。',
    },
  },
  errors: {
    boundaryTitle: '任务窗格出错了',
    boundaryBody: '很抱歉，界面遇到意外错误。工作簿没有受到影响，请重试或重新打开任务窗格。',
    retry: '重试',
    loadTitle: '这部分界面未能加载',
    loadBody: '可能是网络已断开。工作簿没有受到影响，请检查网络后重试。',
    unknown: '发生未知错误。',
    notInOffice: '请在 Excel 中打开本加载项。',
    excelTooOld: '此版本的 Excel 不支持本加载项所需的功能（ExcelApi 1.8）。请更新 Excel 后重试。',
  },
};

/** Office reports display languages as BCP 47 tags (`zh-CN`, `zh-TW`, `en-US`, `de-DE`). */
export function uiLangFor(displayLanguage: string | undefined | null): UiLang {
  return !displayLanguage || displayLanguage.toLowerCase().startsWith('zh') ? 'zh' : 'en';
}

/**
 * The words for `lang`. English is a chunk of its own (englishStrings.ts), fetched only here, so
 * a Chinese clerk never downloads it; the entry renders once the words have arrived, so the pane
 * never shows a mix of the two or a blank with only the layout.
 */
export function loadStrings(lang: UiLang): Promise<Strings> {
  if (lang === 'zh') return Promise.resolve(ZH);
  return import(/* webpackChunkName: "strings-en" */ './englishStrings').then((m) => m.EN);
}

export const StringsContext = createContext<Strings>(ZH);

export function useStrings(): Strings {
  return useContext(StringsContext);
}
