/**
 * The number formats of styles.xml: ExcelJS turns a number into a Date when its cell style's
 * number format looks like one, and the roll-up wants to know which numbers are percents.
 */
import { isPercentFormat } from '../../../core/layout/figureCells';
import { CLOSE, END, Unsupported, XmlScanner } from '../xmlScan';
import { rootOf } from './root';

/** ExcelJS's built-in number formats (the ones it knows a format code for). */
export const BUILTIN_FORMATS: Record<number, string> = {
  0: 'General',
  1: '0',
  2: '0.00',
  3: '#,##0',
  4: '#,##0.00',
  9: '0%',
  10: '0.00%',
  11: '0.00E+00',
  12: '# ?/?',
  13: '# ??/??',
  14: 'mm-dd-yy',
  15: 'd-mmm-yy',
  16: 'd-mmm',
  17: 'mmm-yy',
  18: 'h:mm AM/PM',
  19: 'h:mm:ss AM/PM',
  20: 'h:mm',
  21: 'h:mm:ss',
  22: 'm/d/yy "h":mm',
  37: '#,##0 ;(#,##0)',
  38: '#,##0 ;[Red](#,##0)',
  39: '#,##0.00 ;(#,##0.00)',
  40: '#,##0.00 ;[Red](#,##0.00)',
  45: 'mm:ss',
  46: '[h]:mm:ss',
  47: 'mmss.0',
  48: '##0.0E+0',
  49: '@',
};

/** ExcelJS's test: after taking out `[…]` and `"…"`, any of y m d h M s b. */
export function isDateFormat(fmt: string | undefined): boolean {
  if (!fmt) return false;
  return /[ymdhMsb]+/.test(fmt.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, ''));
}

/**
 * For each cell style (`s`), whether ExcelJS reads a number in it as a date; null when
 * styles.xml has no cell formats, where ExcelJS throws on any style index.
 */
export function parseStyles(xml: string): { date: boolean[]; percent: boolean[] } | null {
  const sc = new XmlScanner(xml);
  rootOf(sc, 'styleSheet');
  const custom = new Map<number, string>();
  const xfFormats: number[] = [];
  let where = '';
  for (let t = sc.next(); t !== END; t = sc.next()) {
    if (t === CLOSE) {
      if (sc.name === where) where = '';
      continue;
    }
    const tag = sc.name;
    if (where === '' && (tag === 'numFmts' || tag === 'cellXfs')) {
      if (!sc.selfClosing) where = tag;
    } else if (where === 'numFmts' && tag === 'numFmt') {
      const code = sc.attr('formatCode');
      if (code === undefined) throw new Unsupported('numFmt without formatCode');
      custom.set(parseInt(sc.attr('numFmtId') ?? '', 10), code.replace(/[\\](.)/g, '$1'));
    } else if (where === 'cellXfs' && tag === 'xf') {
      xfFormats.push(parseInt(sc.attr('numFmtId') ?? '', 10));
      sc.skipElement();
    }
  }
  if (xfFormats.length === 0) return null;
  const code = (id: number): string | undefined => (id ? custom.get(id) || BUILTIN_FORMATS[id] : undefined);
  return { date: xfFormats.map((id) => isDateFormat(code(id))), percent: xfFormats.map((id) => isPercentFormat(code(id))) };
}
