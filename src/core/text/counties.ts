/**
 * A list of county names as a person types or pastes it — on a command line (`新密市,登封市`)
 * or into the pane from a document (`新密市、登封市`, one per line, `；`-separated) — into names:
 * one parser for every host, so a list that works in one works in the other.
 */

/**
 * Commas (half- and full-width), the enumeration comma 、, semicolons (both widths), line
 * breaks, tabs and the full-width space. Not the ASCII space: it is part of English names
 * ("Xinmi City").
 */
const SEPARATORS = /[\n\r\t,\uFF0C\u3001;\uFF1B\u3000]+/;

/** The names in the order typed, each trimmed once; blanks and repeats dropped. */
export function parseCounties(text: string | undefined): string[] {
  if (!text) return [];
  const seen = new Set<string>();
  for (const part of text.split(SEPARATORS)) {
    const name = part.trim();
    if (name) seen.add(name);
  }
  return [...seen];
}
