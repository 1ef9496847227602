/**
 * The bulletin as Markdown: a plain-text draft to paste or to read on a terminal. The footnote
 * is a Markdown footnote, its mark after the overview paragraph.
 */
import type { BulletinDoc } from './bulletin';

/** A table cell: one line, pipes escaped. */
const cell = (s: string): string => s.replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ');

export function renderMarkdown(doc: BulletinDoc): string {
  const lines: string[] = [`# ${doc.title}`, '', doc.salutation, ''];
  for (const b of doc.blocks) {
    if (b.type === 'heading') lines.push(`## ${b.text}`, '');
    else if (b.type === 'paragraph') lines.push(`${b.text}${b.footnote ? '[^1]' : ''}`, '');
    else if (b.type === 'note') lines.push(`*${b.text}*`, '');
    else {
      lines.push(`| ${b.header.map(cell).join(' | ')} |`, `|${b.header.map(() => ' --- ').join('|')}|`);
      for (const r of b.rows) lines.push(`| ${r.map(cell).join(' | ')} |`);
      lines.push('');
    }
  }
  lines.push(`[^1]: ${doc.footnote}`, '');
  return lines.join('\n');
}
