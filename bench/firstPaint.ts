/**
 * The pane's first paint beside the template-like reference page, as the browser test
 * (test/browser/firstPaint.test.ts) last measured it: the bench does not start a browser itself.
 */
import { existsSync, readFileSync } from 'fs';
import { join } from 'path';

interface FirstPaint {
  measured: string;
  loads: number;
  paneMs: number;
  referenceMs: number;
  ratio: number;
  /** largest-contentful-paint (the whole first view, as a rule); absent in reports before it was measured */
  paneLargestMs?: number;
  referenceLargestMs?: number;
  largestRatio?: number;
}

/** Lines for the bench's printout, or none when the browser test has not run. */
export function firstPaintLines(root: string): string[] {
  const file = join(root, 'out', 'test-artifacts', 'first-paint.json');
  if (!existsSync(file)) return [];
  const f = JSON.parse(readFileSync(file, 'utf8')) as FirstPaint;
  return [
    '',
    `Task pane first paint (browser test, ${f.measured}, median of ${f.loads} loads): pane ${f.paneMs} ms, template-like page ${f.referenceMs} ms, ratio ${f.ratio} (target ≤ 1.15)`,
    ...(f.largestRatio === undefined
      ? []
      : [
          `Task pane largest paint (the whole first view): pane ${f.paneLargestMs} ms, template-like page ${f.referenceLargestMs} ms, ratio ${f.largestRatio}`,
        ]),
  ];
}
