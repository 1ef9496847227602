/**
 * Why a file could not be read as a workbook, in words for the person who sent it: what the
 * file is and what to do. Kept apart from the readers so callers can recognise the error
 * without loading ExcelJS. Never a library's own message: that is kept in `cause` for debugging.
 */
import { LIMITS, type LimitName, limitText } from './limits';

export type XlsxReadReason =
  /** cannot be opened (no such file, no permission) */
  | 'missing'
  | 'empty'
  /** some other kind of file (a Word document, text, an image …); `detail` says which */
  | 'notSpreadsheet'
  /** an OOXML file with a password to open (a CFB file holding EncryptionInfo/EncryptedPackage) */
  | 'encrypted'
  | 'xls'
  | 'xlsb'
  | 'ods'
  /** a zip cut short (no central directory) */
  | 'truncated'
  /** a zip package whose workbook parts are broken or in a form neither reader follows */
  | 'damaged'
  /** over one of LIMITS */
  | 'tooLarge';

type Lang = 'zh' | 'en';

const LIMIT_NAMES: Record<LimitName, Record<Lang, string>> = {
  partBytes: { zh: '单个部件解压后的大小', en: 'size of one part unzipped' },
  packageBytes: { zh: '全部部件解压后的总大小', en: 'size of all parts unzipped' },
  sheetCells: {
    zh: '每个工作表的单元格数(每行从 A 列计到最后一个有内容的单元格)',
    en: 'cells per sheet (each row from column A to its last filled cell)',
  },
  fallbackBytes: { zh: '非常规格式工作簿解压后的大小', en: 'size unzipped of a workbook in an unusual form' },
  docxBodyBytes: { zh: '文档正文解压后的大小', en: 'size of the document body unzipped' },
};

const TEXT: Record<Exclude<XlsxReadReason, 'tooLarge'>, Record<Lang, (f: string, d: string) => string>> = {
  missing: { zh: (f, d) => `无法读取 ${f}:${d}`, en: (f, d) => `cannot read ${f}: ${d}` },
  empty: { zh: (f) => `${f} 是空文件(0 字节)`, en: (f) => `${f} is an empty file (0 bytes)` },
  notSpreadsheet: {
    zh: (f, d) => `${f} 不是 Excel 工作簿(${d}),请提供 .xlsx 文件`,
    en: (f, d) => `${f} is not an Excel workbook (${d}); give an .xlsx file`,
  },
  encrypted: {
    zh: (f) => `${f} 已加密(设有打开密码):请先在 Excel 中取消密码(文件 → 信息 → 保护工作簿 → 用密码进行加密,清空密码)并保存,再重试`,
    en: (f) =>
      `${f} is encrypted (it has a password to open): remove the password in Excel first (File → Info → Protect Workbook → Encrypt with Password, clear it), save, and try again`,
  },
  xls: {
    zh: (f) => `${f} 是旧版 Excel 97–2003 工作簿(.xls):请在 Excel 或 WPS 中另存为 .xlsx 后重试`,
    en: (f) => `${f} is a legacy Excel 97–2003 workbook (.xls): save it as .xlsx in Excel or WPS and try again`,
  },
  xlsb: {
    zh: (f) => `${f} 是 Excel 二进制工作簿(.xlsb):请在 Excel 中另存为 .xlsx 后重试`,
    en: (f) => `${f} is an Excel binary workbook (.xlsb): save it as .xlsx in Excel and try again`,
  },
  ods: {
    zh: (f) => `${f} 是 OpenDocument 电子表格(.ods):请另存为 .xlsx 后重试`,
    en: (f) => `${f} is an OpenDocument spreadsheet (.ods): save it as .xlsx and try again`,
  },
  truncated: {
    zh: (f) => `${f} 不完整(文件被截断,可能没有下载或复制完):请重新获取原文件`,
    en: (f) => `${f} is incomplete (the file is cut short, perhaps not fully downloaded or copied): get the original file again`,
  },
  damaged: {
    zh: (f, d) => `${f} 已损坏或格式无法识别(${d}):请在 Excel 中打开并另存为 .xlsx 后重试`,
    en: (f, d) => `${f} is damaged or in a form keytask cannot read (${d}): open it in Excel, save it as .xlsx and try again`,
  },
};

/** What the plain details of `notSpreadsheet` and `damaged` say, in both languages. */
export const DETAILS = {
  word: { zh: 'Word 文档', en: 'a Word document' },
  powerpoint: { zh: 'PowerPoint 演示文稿', en: 'a PowerPoint presentation' },
  legacyOffice: { zh: '旧版 Office 文件', en: 'a legacy Office file' },
  zip: { zh: '普通 zip 压缩包', en: 'a plain zip archive' },
  text: { zh: '文本文件;如是 CSV,请在 Excel 中打开后另存为 .xlsx', en: 'a text file; if it is CSV, open it in Excel and save it as .xlsx' },
  xml2003: { zh: 'Excel 2003 XML 表格;请另存为 .xlsx', en: 'an Excel 2003 XML spreadsheet; save it as .xlsx' },
  html: { zh: '网页(HTML)文件', en: 'a web page (HTML)' },
  pdf: { zh: 'PDF 文件', en: 'a PDF file' },
  unknown: { zh: '无法识别的文件类型', en: 'a file type keytask does not know' },
  lockFile: {
    zh: 'Excel 或 WPS 打开工作簿时留下的锁定文件;若该工作簿仍在编辑,请先保存并关闭',
    en: 'the lock file Excel or WPS leaves while a workbook is open; if that workbook is still being edited, save and close it first',
  },
  badZip: { zh: 'zip 结构有误', en: 'its zip structure is broken' },
  duplicateParts: { zh: '同一部件出现两次', en: 'it holds two parts under one name' },
  badXml: { zh: '工作簿内容无法解析', en: 'its workbook content cannot be parsed' },
  noWorkbook: { zh: '缺少工作簿部件', en: 'it has no workbook part' },
  noSheets: { zh: '没有工作表', en: 'it has no worksheets' },
} satisfies Record<string, Record<Lang, string>>;

export type DetailKey = keyof typeof DETAILS;

/** The file could not be opened as a workbook; `reason` lets a caller word it in its own language. */
export class XlsxReadError extends Error {
  /** for `missing`, the system's code (ENOENT …); else the plain detail's key */
  readonly detail: string;
  /** for `tooLarge`: which limit, and where in the file */
  readonly limit?: LimitName;
  readonly where?: string;
  /** the library's own message, for KEYTASK_DEBUG; never shown as the reason */
  readonly debug?: string;

  constructor(
    readonly file: string,
    readonly reason: XlsxReadReason,
    detail = '',
    extra: { limit?: LimitName; where?: string; debug?: string } = {},
  ) {
    super('');
    this.detail = detail;
    if (extra.limit) this.limit = extra.limit;
    if (extra.where !== undefined) this.where = extra.where;
    if (extra.debug !== undefined) this.debug = extra.debug;
    this.message = describeReadError(this, 'en');
    this.name = 'XlsxReadError';
  }
}

function detailText(detail: string, lang: Lang): string {
  return detail in DETAILS ? DETAILS[detail as DetailKey][lang] : detail;
}

/** The refusal as a sentence in `lang`; `withFile: false` leaves the file name out (a finding names it). */
export function describeReadError(e: XlsxReadError, lang: Lang, withFile = true): string {
  const f = withFile ? e.file : lang === 'zh' ? '该文件' : 'the file';
  return withFile ? sentence(e, lang, f) : sentence(e, lang, f).replace(/^该文件 /, '该文件');
}

function sentence(e: XlsxReadError, lang: Lang, f: string): string {
  if (e.reason === 'tooLarge' && e.limit) {
    const where = e.where ?? '';
    return lang === 'zh'
      ? `${f} 超出读取上限:${where ? `${where} ` : ''}超过“${LIMIT_NAMES[e.limit].zh}”上限 ${limitText(e.limit)}`
      : `${f} is over a reading limit: ${where ? `${where} ` : ''}exceeds the ${LIMIT_NAMES[e.limit].en} limit of ${limitText(e.limit)}`;
  }
  const reason = e.reason === 'tooLarge' ? 'damaged' : e.reason;
  return TEXT[reason][lang](f, detailText(e.detail, lang));
}

/** The two reasons the roll-up's findings know, with the plain sentence as their detail. */
export function unreadableOf(e: XlsxReadError, lang: Lang): { reason: 'missing' | 'notXlsx'; detail: string } {
  return { reason: e.reason === 'missing' ? 'missing' : 'notXlsx', detail: describeReadError(e, lang, false) };
}

export { LIMITS };
