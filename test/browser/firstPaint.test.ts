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

/**
 * The page's first-contentful-paint, in ms from navigation start (null if it never painted).
 * Chromium queues the entry once the frame is presented, which on a busy machine can come after
 * the page's elements are there to be found: it is waited for, not read at once.
 */
async function firstPaint(page: Page): Promise<number | null> {
  try {
    await page.waitForFunction(() => performance.getEntriesByName('first-contentful-paint').length > 0, undefined, { timeout: 15_000 });
  } catch {
    return null;
  }
  return page.evaluate(() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null);
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

  it('reports its first paint beside the template-like reference page', async () => {
    const runs: Record<'pane' | 'reference', number[]> = { pane: [], reference: [] };
    for (let i = 0; i < LOADS; i++) {
      const panePage = await pane.load('taskpane.html');
      await panePage.getByRole('tablist').waitFor();
      await panePage.getByRole('button', { name: '生成', exact: true }).waitFor();
      const paneMs = await firstPaint(panePage);
      await pane.close(panePage);

      const reference = await pane.load('dist-test/reference.html');
      await reference.getByRole('button', { name: 'Insert text' }).waitFor();
      const referenceMs = await firstPaint(reference);
      await pane.close(reference);

      expect(paneMs).not.toBeNull();
      expect(referenceMs).not.toBeNull();
      runs.pane.push(paneMs!);
      runs.reference.push(referenceMs!);
    }
    const paneMs = median(runs.pane);
    const referenceMs = median(runs.reference);
    const report = {
      measured: new Date().toISOString(),
      loads: LOADS,
      paneMs: Math.round(paneMs),
      referenceMs: Math.round(referenceMs),
      ratio: Math.round((paneMs / referenceMs) * 100) / 100,
      runs,
    };
    writeFileSync(path.join(ARTIFACTS, 'first-paint.json'), `${JSON.stringify(report, null, 2)}\n`);
    console.log(`first paint (median of ${LOADS}): pane ${report.paneMs} ms, reference ${report.referenceMs} ms, ratio ${report.ratio}`);
  }, 120_000);
});
