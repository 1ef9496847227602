/** The shared strings part, as ExcelJS reads it. */
import { CLOSE, END, Unsupported, XmlScanner, unescapeOoxml } from '../xmlScan';
import { rootOf } from './root';

/** A shared string's value: text, rich text joined, or null for an empty `<si/>` (ExcelJS's `{}`). */
export function parseSharedStrings(xml: string): Array<string | null> {
  const sc = new XmlScanner(xml);
  rootOf(sc, 'sst');
  const out: Array<string | null> = [];
  for (let t = sc.next(); t !== END; t = sc.next()) {
    if (t === CLOSE) {
      if (sc.name === 'sst') break;
      throw new Unsupported(`</${sc.name}> in <sst>`);
    }
    // ExcelJS throws on anything else at this level.
    if (sc.name !== 'si') throw new Unsupported(`<${sc.name}> in <sst>`);
    if (sc.selfClosing) {
      out.push(null);
      continue;
    }
    let text: string | undefined;
    let runs: string[] | null = null;
    for (;;) {
      const u = sc.next();
      if (u === END) throw new Unsupported('unterminated <si>');
      if (u === CLOSE) {
        if (sc.name === 'si') break;
        throw new Unsupported(`</${sc.name}> in <si>`);
      }
      const tag: string = sc.name;
      switch (tag) {
        case 't':
          // A <t> after runs replaces them in ExcelJS; runs after a <t> make it throw.
          text = unescapeOoxml(sc.leafText());
          runs = null;
          break;
        case 'r':
          if (text !== undefined) throw new Unsupported('rich run after text in <si>');
          (runs ??= []).push(parseRun(sc));
          break;
        case 'rPh':
        case 'phoneticPr':
          // Phonetic guides: not part of the text.
          sc.skipElement();
          break;
        default:
          throw new Unsupported(`<${tag}> in <si>`);
      }
    }
    out.push(text !== undefined ? text : runs ? runs.join('') : null);
  }
  return out;
}

/** A rich-text run whose `<r>` is current: its last `<t>`'s text (ExcelJS keeps the last). */
export function parseRun(sc: XmlScanner): string {
  if (sc.selfClosing) return '';
  let text = '';
  for (;;) {
    const t = sc.next();
    if (t === END) throw new Unsupported('unterminated <r>');
    if (t === CLOSE) {
      if (sc.name === 'r') return text;
      throw new Unsupported(`</${sc.name}> in <r>`);
    }
    if (sc.name === 't') text = unescapeOoxml(sc.leafText());
    else if (sc.name === 'rPr') sc.skipElement();
    else throw new Unsupported(`<${sc.name}> in <r>`);
  }
}
