/**
 * What a built bundle holds, for the tests that keep a second copy of a library out of it.
 */
import { readFileSync, readdirSync } from 'fs';
import path from 'path';

/** A message only JSZip's own code carries: one built file per copy of JSZip in a bundle. */
export const JSZIP_SIGNATURE = 'Corrupted zip or bug: unexpected signature';

/** The .js files directly in `dir` whose text contains `text`. */
export function scriptsContaining(dir: string, text: string): string[] {
  return readdirSync(dir).filter((f) => f.endsWith('.js') && readFileSync(path.join(dir, f), 'utf8').includes(text));
}
