/**
 * The pane's first load: only the Generate tab's code before the first paint, the other tabs'
 * chunks fetched when first opened (and a plain message, not a raw error, when one cannot be),
 * and the first paint measured against a page built like the official React add-in template
 * (reference/, built by `webpack --env test`).
 *
 * The timing is reported (console and out/test-artifacts/first-paint.json, which the bench report
 * shows), never asserted: it depends on the machine and on what else runs beside the test.
 */
import { writeFileSync } from 'fs';
import path from 'path';
import type { Page } from 'playwright-core';
import { CHROMIUM, describeWith } from '../support/env';
import { ARTIFACTS, usePane } from './harness';

/** Loads of each page; the median is reported. Alternated so both see the same machine load. */
const LOADS = 7;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** When a page painted, in ms from navigation start. */
interface Paints {
  /** first-contentful-paint: the first frame with text or an image */
  first: number;
  /** largest-contentful-paint: when its largest text or image block painted, the whole first view as a rule */
  largest: number;
}

/**
 * The page's paint timings, or null if it never painted. Chromium queues each entry once its
 * frame is presented, which on a busy machine can come after the page's elements are there to be
 * found: the first paint is waited for, and the largest is read two frames after the page's
 * button, when the frame holding it has been presented.
 */
async function paints(page: Page): Promise<Paints | null> {
  try {
    await page.waitForFunction(() => performance.getEntriesByName('first-contentful-paint').length > 0, undefined, { timeout: 15_000 });
  } catch {
    return null;
  }
  return page.evaluate(async () => {
    const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
    await frame();
    await frame();
    const largest = await new Promise<number>((resolve) =>
      new PerformanceObserver((list) => resolve(list.getEntries().at(-1)?.startTime ?? Number.NaN)).observe({
        type: 'largest-contentful-paint',
        buffered: true,
      }),
    );
    return { first: performance.getEntriesByName('first-contentful-paint')[0].startTime, largest };
  });
}

/** The scripts the page fetched, by file name. */
function scriptsLoaded(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    performance
      .getEntriesByType('resource')
      .map((e) => new URL(e.name).pathname.split('/').pop() ?? '')
      .filter((name) => name.endsWith('.js')),
  );
}

describeWith(CHROMIUM, 'Chromium', 'the pane’s first load in Chromium', () => {
  const pane = usePane();

  it('paints with the Generate tab alone; the other tabs load when opened and stay', async () => {
    const page = await pane.open();
    await page.getByRole('button', { name: '生成', exact: true }).waitFor();
    const atStart = await scriptsLoaded(page);
    expect(atStart).toContain('taskpane.js');
    expect(atStart).not.toContain('tab-review.js');
    expect(atStart).not.toContain('tab-rollup.js');
    // A Chinese Office never fetches the English words.
    expect(atStart).not.toContain('strings-en.js');

    await page.getByRole('tab', { name: '审核' }).click();
    await page.getByRole('tabpanel', { name: '审核' }).getByRole('button', { name: '开始审核' }).waitFor();
    await expect(scriptsLoaded(page)).resolves.toContain('tab-review.js');
    // Typed input survives a tab switch: panels stay mounted once opened.
    await page.getByRole('tab', { name: '填报' }).click();
    await page.getByRole('textbox', { name: '县（市、区）' }).fill('新密市');
    await page.getByRole('tab', { name: '审核' }).click();
    await page.getByRole('tab', { name: '填报' }).click();
    await expect(page.getByRole('textbox', { name: '县（市、区）' }).inputValue()).resolves.toBe('新密市');
    await pane.close(page);
  });

  it('says so in words when a tab’s chunk cannot be fetched, and 重试 fetches it again', async () => {
    const page = await pane.open();
    let offline = true;
    await page.route('**/tab-rollup.js', (route) => (offline ? route.abort('internetdisconnected') : route.continue()));
    await page.getByRole('tab', { name: '汇总' }).click();
    const panel = page.getByRole('tabpanel', { name: '汇总' });
    await panel.getByRole('alert').filter({ hasText: '这部分界面未能加载' }).waitFor();
    await expect(panel.textContent()).resolves.not.toMatch(/ChunkLoadError|Loading chunk/);
    await pane.shot(page, 'zh-chunk-offline');
    offline = false;
    await panel.getByRole('button', { name: '重试' }).click();
    await panel.getByRole('button', { name: '开始汇总' }).waitFor();
    await pane.close(page);
  });

  it('sets its Chinese words in a face its own font stack names, so the first layout does no font search', async () => {
    const page = await pane.open();
    await page.getByRole('button', { name: '生成', exact: true }).waitFor();
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('DOM.enable');
    await cdp.send('CSS.enable');
    const { root } = await cdp.send('DOM.getDocument', { depth: -1 });
    for (const selector of ['h1', 'label', 'button[class*="fui-Button"]', 'select']) {
      const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector });
      const { computedStyle } = await cdp.send('CSS.getComputedStyleForNode', { nodeId });
      const stack = (computedStyle.find((p) => p.name === 'font-family')?.value ?? '')
        .split(',')
        .map((f) => f.trim().replace(/^["']|["']$/g, ''));
      // The fonts Chromium drew the element's text with: all of them named in its stack, none
      // found by the per-character fallback of the system.
      const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
      expect(fonts.length).toBeGreaterThan(0);
      for (const font of fonts)
        expect({ selector, font: font.familyName, inStack: stack.includes(font.familyName) }).toEqual({
          selector,
          font: font.familyName,
          inStack: true,
        });
    }
    await pane.close(page);
  });

  it('reports its first paint beside the template-like reference page', async () => {
    const runs: Record<'pane' | 'reference', Paints[]> = { pane: [], reference: [] };
    for (let i = 0; i < LOADS; i++) {
      const panePage = await pane.load('taskpane.html');
      await panePage.getByRole('tablist').waitFor();
      await panePage.getByRole('button', { name: '生成', exact: true }).waitFor();
      const paneTimes = await paints(panePage);
      await pane.close(panePage);

      const reference = await pane.load('dist-test/reference.html');
      await reference.getByRole('button', { name: 'Insert text' }).waitFor();
      const referenceTimes = await paints(reference);
      await pane.close(reference);

      expect(paneTimes).not.toBeNull();
      expect(referenceTimes).not.toBeNull();
      runs.pane.push(paneTimes!);
      runs.reference.push(referenceTimes!);
    }
    const ms = (page: 'pane' | 'reference', which: keyof Paints) => Math.round(median(runs[page].map((p) => p[which])));
    const ratio = (which: keyof Paints) => Math.round((ms('pane', which) / ms('reference', which)) * 100) / 100;
    const report = {
      measured: new Date().toISOString(),
      loads: LOADS,
      paneMs: ms('pane', 'first'),
      referenceMs: ms('reference', 'first'),
      ratio: ratio('first'),
      paneLargestMs: ms('pane', 'largest'),
      referenceLargestMs: ms('reference', 'largest'),
      largestRatio: ratio('largest'),
      runs,
    };
    writeFileSync(path.join(ARTIFACTS, 'first-paint.json'), `${JSON.stringify(report, null, 2)}\n`);
    console.log(
      `first paint (median of ${LOADS}): pane ${report.paneMs} ms, reference ${report.referenceMs} ms, ratio ${report.ratio}; ` +
        `largest paint: pane ${report.paneLargestMs} ms, reference ${report.referenceLargestMs} ms, ratio ${report.largestRatio}`,
    );
  }, 120_000);
});
