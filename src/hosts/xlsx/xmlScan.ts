/**
 * A small pull scanner over the XML of an .xlsx part, for the values-only reader (fastRead/):
 * tags and the text between them, no tree. It decodes text the way the SAX parser under ExcelJS
 * (saxes) does, so the two readers agree: line ends in text become `\n`, tabs and line ends in
 * attribute values become spaces, and only the five XML entities and character references are
 * known. Anything it does not follow (a DOCTYPE, an unknown entity, a tag cut short) throws
 * `Unsupported`, which sends the file to ExcelJS instead.
 */

/** The fast reader leaves this file to ExcelJS; `message` says why (for tests and debugging). */
export class Unsupported extends Error {
  constructor(why: string) {
    super(why);
    this.name = 'Unsupported';
  }
}

export const OPEN = 1;
export const CLOSE = 2;
export const END = 3;
export type Token = typeof OPEN | typeof CLOSE | typeof END;

function isWs(c: number): boolean {
  return c === 32 || c === 10 || c === 9 || c === 13;
}

export class XmlScanner {
  private pos = 0;
  /** the current tag's name, as written (with any prefix but `strip`'s) */
  name = '';
  /** a prefix taken off element names (`x:` where the main namespace is bound to one) */
  private strip = '';
  /** the current open tag ends with `/>` (no close token follows) */
  selfClosing = false;
  private nAttr = 0;
  private readonly attrName: string[] = [];
  private readonly attrStart: number[] = [];
  private readonly attrEnd: number[] = [];
  private textStart = 0;
  private textEnd = 0;
  /** text before a comment or processing instruction the current text run went round */
  private textHead: string | null = null;

  constructor(private readonly s: string) {}

  /** Moves to the next tag; the text before it is `text()`. */
  next(): Token {
    const s = this.s;
    let p = this.pos;
    this.textStart = p;
    this.textHead = null;
    for (;;) {
      const lt = s.indexOf('<', p);
      if (lt < 0) {
        this.textEnd = s.length;
        this.pos = s.length;
        return END;
      }
      const c = s.charCodeAt(lt + 1);
      if (c === 33 || c === 63) {
        // `<!--…-->` and `<?…?>` are skipped, the text either side joined (ExcelJS joins the
        // text events it gets); a CDATA section is dropped, as ExcelJS never listens for it.
        let close: number;
        if (s.startsWith('<!--', lt)) close = s.indexOf('-->', lt + 4) + 3;
        else if (s.startsWith('<![CDATA[', lt)) close = s.indexOf(']]>', lt + 9) + 3;
        else if (c === 63) close = s.indexOf('?>', lt + 2) + 2;
        else throw new Unsupported('DOCTYPE or other markup declaration');
        if (close < 3) throw new Unsupported('unterminated markup');
        this.textHead = (this.textHead ?? '') + s.slice(this.textStart, lt);
        p = close;
        this.textStart = p;
        continue;
      }
      this.textEnd = lt;
      if (c === 47) {
        const gt = s.indexOf('>', lt + 2);
        if (gt < 0) throw new Unsupported('unterminated close tag');
        let e = gt;
        while (e > lt + 2 && isWs(s.charCodeAt(e - 1))) e--;
        this.name = this.unprefixed(s.slice(lt + 2, e));
        this.pos = gt + 1;
        return CLOSE;
      }
      return this.openTag(lt + 1);
    }
  }

  private openTag(start: number): Token {
    const s = this.s;
    const n = s.length;
    let i = start;
    for (; i < n; i++) {
      const ch = s.charCodeAt(i);
      if (ch === 62 || ch === 47 || isWs(ch)) break;
    }
    if (i === start) throw new Unsupported('empty tag name');
    this.name = this.unprefixed(s.slice(start, i));
    this.nAttr = 0;
    this.selfClosing = false;
    for (;;) {
      while (i < n && isWs(s.charCodeAt(i))) i++;
      if (i >= n) throw new Unsupported('unterminated tag');
      const ch = s.charCodeAt(i);
      if (ch === 62) {
        i++;
        break;
      }
      if (ch === 47) {
        if (s.charCodeAt(i + 1) !== 62) throw new Unsupported('bad tag end');
        this.selfClosing = true;
        i += 2;
        break;
      }
      const ns = i;
      while (i < n) {
        const a = s.charCodeAt(i);
        if (a === 61 || a === 62 || a === 47 || isWs(a)) break;
        i++;
      }
      const an = s.slice(ns, i);
      while (i < n && isWs(s.charCodeAt(i))) i++;
      if (s.charCodeAt(i) !== 61) throw new Unsupported('attribute without value');
      i++;
      while (i < n && isWs(s.charCodeAt(i))) i++;
      const q = s.charCodeAt(i);
      if (q !== 34 && q !== 39) throw new Unsupported('unquoted attribute');
      const ve = s.indexOf(q === 34 ? '"' : "'", i + 1);
      if (ve < 0) throw new Unsupported('unterminated attribute');
      const k = this.nAttr++;
      this.attrName[k] = an;
      this.attrStart[k] = i + 1;
      this.attrEnd[k] = ve;
      i = ve + 1;
    }
    this.pos = i;
    return OPEN;
  }

  /** From here on, element names `prefix:x` read as `x` (the OpenXML SDK writes `<x:c>`). */
  stripPrefix(prefix: string): void {
    this.strip = `${prefix}:`;
  }

  private unprefixed(name: string): string {
    return this.strip !== '' && name.startsWith(this.strip) ? name.slice(this.strip.length) : name;
  }

  /** The current open tag's attribute names, as written. */
  attrNames(): string[] {
    return this.attrName.slice(0, this.nAttr);
  }

  /** Which of the current open tag's attributes is `name`; -1 when absent. */
  attrIndex(name: string): number {
    for (let k = 0; k < this.nAttr; k++) if (this.attrName[k] === name) return k;
    return -1;
  }

  /** The current open tag's attribute, decoded; undefined when absent. */
  attr(name: string): string | undefined {
    const k = this.attrIndex(name);
    return k < 0 ? undefined : this.attrValue(k);
  }

  /** Attribute `k`'s value, decoded. */
  attrValue(k: number): string {
    return decodeAttr(this.s.slice(this.attrStart[k], this.attrEnd[k]));
  }

  /**
   * Attribute `k` read as a cell reference's column (`B3` → 2) straight from the source, or -1
   * when it is not plainly one (the caller then decodes it and looks closer).
   */
  attrColumn(k: number): number {
    const s = this.s;
    const end = this.attrEnd[k];
    let i = this.attrStart[k];
    let col = 0;
    let letters = 0;
    for (; i < end; i++, letters++) {
      const c = s.charCodeAt(i);
      if (c < 65 || c > 90) break;
      col = col * 26 + c - 64;
    }
    if (letters === 0 || letters > 3 || i === end) return -1;
    for (; i < end; i++) {
      const c = s.charCodeAt(i);
      if (c < 48 || c > 57) return -1;
    }
    return col;
  }

  /** Attribute `k` as a decimal integer straight from the source (`"12"`), or -1 when it is not plainly one. */
  attrDigits(k: number): number {
    const s = this.s;
    const start = this.attrStart[k];
    const end = this.attrEnd[k];
    if (end === start || end - start > 9) return -1;
    let n = 0;
    for (let i = start; i < end; i++) {
      const c = s.charCodeAt(i);
      if (c < 48 || c > 57) return -1;
      n = n * 10 + c - 48;
    }
    return n;
  }

  /** The raw text before the current tag, undecoded. */
  rawText(): string {
    const t = this.s.slice(this.textStart, this.textEnd);
    return this.textHead === null ? t : this.textHead + t;
  }

  /** The text before the current tag, decoded. */
  text(): string {
    return decodeText(this.rawText());
  }

  /**
   * The text of a leaf element whose open tag is current (`<v>…</v>`): '' for `<v/>`.
   * A child element inside it is not something the reader follows.
   */
  leafText(): string {
    if (this.selfClosing) return '';
    const name = this.name;
    if (this.next() !== CLOSE || this.name !== name) throw new Unsupported(`element inside <${name}>`);
    return detached(this.text());
  }

  /** Skips to the end of the element whose open tag is current. */
  skipElement(): void {
    if (this.selfClosing) return;
    let depth = 1;
    for (;;) {
      const t = this.next();
      if (t === END) throw new Unsupported('unterminated element');
      if (t === OPEN) {
        if (!this.selfClosing) depth++;
      } else if (--depth === 0) return;
    }
  }
}

/** XML character: what saxes accepts from a character reference. */
function isChar(c: number): boolean {
  return (c >= 0x20 && c <= 0xd7ff) || c === 10 || c === 13 || c === 9 || (c >= 0xe000 && c <= 0xfffd) || (c >= 0x10000 && c <= 0x10ffff);
}

function entity(name: string): string {
  switch (name) {
    case 'amp':
      return '&';
    case 'lt':
      return '<';
    case 'gt':
      return '>';
    case 'quot':
      return '"';
    case 'apos':
      return "'";
  }
  let code = NaN;
  if (name[1] === 'x' && /^#x[0-9a-f]+$/i.test(name)) code = parseInt(name.slice(2), 16);
  else if (/^#[0-9]+$/.test(name)) code = parseInt(name.slice(1), 10);
  if (!isChar(code)) throw new Unsupported(`entity &${name};`);
  return String.fromCodePoint(code);
}

function decodeEntities(t: string): string {
  let out = '';
  let from = 0;
  for (let amp = t.indexOf('&'); amp >= 0; amp = t.indexOf('&', from)) {
    const semi = t.indexOf(';', amp + 1);
    if (semi < 0) throw new Unsupported('bare &');
    out += t.slice(from, amp) + entity(t.slice(amp + 1, semi));
    from = semi + 1;
  }
  return out + t.slice(from);
}

/** Text content: `\r\n` and `\r` become `\n` (before references, so `&#13;` stays), then entities. */
export function decodeText(raw: string): string {
  let t = raw;
  if (t.indexOf('\r') >= 0) t = t.replace(/\r\n?/g, '\n');
  return t.indexOf('&') >= 0 ? decodeEntities(t) : t;
}

/** Attribute value: tabs and line ends become spaces (`\r\n` one space), then entities. */
export function decodeAttr(raw: string): string {
  let plain = true;
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (c === 38 || c === 9 || c === 10 || c === 13) {
      plain = false;
      break;
    }
  }
  if (plain) return raw;
  const t = /[\t\n\r]/.test(raw) ? raw.replace(/\r\n|[\t\n\r]/g, ' ') : raw;
  return t.indexOf('&') >= 0 ? decodeEntities(t) : t;
}

/**
 * ExcelJS's second decoding of some strings (sheet names, `t="str"` values): the five named
 * entities only, lower-case names only, left in place otherwise.
 */
export function xmlDecodeAgain(text: string): string {
  if (text.indexOf('&') < 0) return text;
  return text.replace(/&([a-z]*);/g, (c) => {
    switch (c) {
      case '&lt;':
        return '<';
      case '&gt;':
        return '>';
      case '&amp;':
        return '&';
      case '&apos;':
        return "'";
      case '&quot;':
        return '"';
      default:
        return c;
    }
  });
}

/** The OOXML escape `_xHHHH_` for characters XML cannot hold, as ExcelJS undoes it (upper-case hex only). */
export function unescapeOoxml(text: string): string {
  if (text.indexOf('_x') < 0) return text;
  return text.replace(/_x([0-9A-F]{4})_/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16)));
}

/**
 * `t` as a string of its own. V8 makes a slice of 13 characters or more a view into the string
 * it came from, so a cell's text would keep its whole part alive as long as the grid: 200 MB of
 * sheet XML for 200,000 rows. Joined to a character and sliced again, it is copied out.
 */
function detached(t: string): string {
  return t.length < 13 ? t : (' ' + t).slice(1);
}
