/**
 * The browser tests' harness: the built task pane in a real Chromium, against the fake
 * Office/Excel of fakeOffice.ts.
 *
 * dist/ is served over plain http on 127.0.0.1; the page's office.js request is answered with
 * dist-test/fake-office.js and every other request off this machine is blocked, so the tests
 * need no network and no Office. Screenshots land in out/test-artifacts/pane-*.png.
 */
import { execFileSync } from 'child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, utimesSync } from 'fs';
import { type Server, createServer } from 'http';
import type { AddressInfo } from 'net';
import path from 'path';
import { type Browser, type Page, chromium } from 'playwright-core';
import { CHROMIUM } from '../support/env';
import type { KeytaskFakeHandle } from './fakeOffice';

export const ROOT = path.resolve(__dirname, '../..');
export const DIST = path.join(ROOT, 'dist');
const PANE_HTML = path.join(DIST, 'taskpane.html');
const FAKE_OFFICE = path.join(ROOT, 'dist-test', 'fake-office.js');
/** The WPS build of the pane (webpack --env wps) and the fake ET it runs against. */
const WPS_VERSION = (JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
export const DIST_WPS = path.join(ROOT, 'dist-wps', `keytask_${WPS_VERSION}`);
const FAKE_ET = path.join(ROOT, 'dist-test', 'fake-et.js');
/** What the test config builds beside the fakes (reference.html, firstPaint.test.ts), served under /dist-test/. */
const DIST_TEST = path.join(ROOT, 'dist-test');

/** Which build of the pane a suite loads: Excel's (office.js answered by the fake) or WPS's (the fake ET as window.Application). */
export type PaneHost = 'excel' | 'wps';
export const ARTIFACTS = path.join(ROOT, 'out', 'test-artifacts');
const OFFICE_JS = 'https://appsforoffice.microsoft.com/';
/** Held while one test file builds, so files running side by side do not build over each other. */
const BUILD_LOCK = path.join(ROOT, 'out', '.pane-build.lock');

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Roughly a task pane: Office gives add-ins a narrow column beside the grid. */
export const PANE_VIEWPORT = { width: 380, height: 860 };

/** Two production webpack builds on a busy machine (and perhaps another file's first). */
export const BUILD_TIMEOUT = 900_000;

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.map': 'application/json',
  '.png': 'image/png',
  '.xml': 'application/xml',
};

/** Newest modification time under `dir` (files only). */
function newest(dir: string): number {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(full) : statSync(full).mtimeMs);
  }
  return latest;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Builds what is missing or older than the sources, so a stale bundle is never what gets tested. */
function buildIfStale(host: PaneHost): void {
  const sources = Math.max(
    newest(path.join(ROOT, 'src')),
    newest(path.join(ROOT, 'assets')),
    statSync(path.join(ROOT, 'webpack.config.js')).mtimeMs,
  );
  const stale = (file: string, extra = 0) => !existsSync(file) || statSync(file).mtimeMs < Math.max(sources, extra);
  const webpack = path.join(ROOT, 'node_modules', '.bin', 'webpack');
  // webpack leaves a file it would write unchanged alone, old date and all; dated now, it is not
  // taken for stale again by the next test file.
  const build = (args: string[], outputs: string[]): void => {
    execFileSync(webpack, args, { cwd: ROOT, stdio: 'pipe' });
    const now = new Date();
    for (const file of outputs) utimesSync(file, now, now);
  };
  if (host === 'excel' && (stale(PANE_HTML) || stale(path.join(DIST, 'taskpane.js')))) {
    build(['--mode', 'production'], [PANE_HTML, path.join(DIST, 'taskpane.js')]);
  }
  const wpsSources = Math.max(newest(path.join(ROOT, 'wps')), sources);
  if (host === 'wps' && stale(path.join(DIST_WPS, 'taskpane.js'), wpsSources)) {
    build(['--mode', 'production', '--env', 'wps'], [path.join(DIST_WPS, 'taskpane.js')]);
  }
  const fakeSources = Math.max(
    newest(path.join(ROOT, 'test', 'support')),
    statSync(path.join(ROOT, 'test', 'browser', 'fakeOffice.ts')).mtimeMs,
    newest(path.join(ROOT, 'test', 'browser', 'reference')),
  );
  if (stale(FAKE_OFFICE, fakeSources) || stale(FAKE_ET, fakeSources) || stale(path.join(DIST_TEST, 'reference.html'), fakeSources)) {
    build(['--mode', 'production', '--env', 'test'], [FAKE_OFFICE, FAKE_ET, path.join(DIST_TEST, 'reference.html')]);
  }
}

async function ensureBuilt(host: PaneHost): Promise<void> {
  mkdirSync(path.dirname(BUILD_LOCK), { recursive: true });
  const deadline = Date.now() + BUILD_TIMEOUT;
  for (;;) {
    try {
      mkdirSync(BUILD_LOCK);
      break;
    } catch {
      // Another file is building; a lock older than a build can take was left by a killed run.
      if (Date.now() - statSync(BUILD_LOCK, { throwIfNoEntry: false })!.mtimeMs > BUILD_TIMEOUT)
        rmSync(BUILD_LOCK, { recursive: true, force: true });
      if (Date.now() > deadline) throw new Error(`waited too long for ${BUILD_LOCK}`);
      await sleep(1000);
    }
  }
  try {
    buildIfStale(host);
  } finally {
    rmSync(BUILD_LOCK, { recursive: true, force: true });
  }
}

function serveDist(dist: string): Promise<Server> {
  const server = createServer((req, res) => {
    let urlPath = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
    let root = dist;
    if (urlPath.startsWith('/dist-test/')) [root, urlPath] = [DIST_TEST, urlPath.slice('/dist-test'.length)];
    const file = path.join(root, path.normalize(urlPath));
    if (!file.startsWith(root + path.sep) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'Content-Type': CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream' });
    res.end(readFileSync(file));
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

type FakeCall = {
  [K in keyof KeytaskFakeHandle]: KeytaskFakeHandle[K] extends (...args: infer A) => unknown ? [K, ...A] : never;
}[keyof KeytaskFakeHandle];

/** Calls one of `window.__keytaskFake`'s helpers in the page. */
export function fake<R>(page: Page, ...call: FakeCall): Promise<R> {
  return page.evaluate(
    ([method, ...args]) =>
      (window as unknown as { __keytaskFake: Record<string, (...a: unknown[]) => unknown> }).__keytaskFake[method](...args),
    call as [string, ...unknown[]],
  ) as Promise<R>;
}

export interface Pane {
  /** A fresh context (so a fresh fake workbook) with the pane loaded and rendered. */
  open(query?: string): Promise<Page>;
  /** A fresh context (an empty cache) with `page` (a path on the server, e.g. taskpane.html) loading. */
  load(page: string): Promise<Page>;
  close(page: Page): Promise<void>;
  shot(page: Page, name: string): Promise<void>;
}

/**
 * Registers the suite's beforeAll/afterAll/afterEach (build, server, browser; no page errors
 * and no request off this machine in any test) and hands back what the tests use.
 */
export function usePane(host: PaneHost = 'excel'): Pane {
  let server: Server;
  let browser: Browser;
  let base: string;
  let fakeOffice: Buffer;
  const blocked: string[] = [];
  const pageErrors: string[] = [];

  beforeAll(async () => {
    await ensureBuilt(host);
    fakeOffice = readFileSync(FAKE_OFFICE);
    mkdirSync(ARTIFACTS, { recursive: true });
    server = await serveDist(host === 'wps' ? DIST_WPS : DIST);
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await chromium.launch({ executablePath: CHROMIUM as string, args: CHROMIUM_ARGS });
  }, BUILD_TIMEOUT);

  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
  });

  afterEach(() => {
    expect(pageErrors).toEqual([]);
    expect(blocked).toEqual([]);
    pageErrors.length = 0;
    blocked.length = 0;
  });

  const load = async (target: string): Promise<Page> => {
    const context = await browser.newContext({ viewport: PANE_VIEWPORT, locale: 'zh-CN' });
    await context.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith(OFFICE_JS)) return route.fulfill({ status: 200, contentType: 'text/javascript', body: fakeOffice });
      if (url.startsWith(base)) return route.continue();
      blocked.push(url);
      return route.abort('blockedbyclient');
    });
    // WPS gives the pane window.Application before its scripts run.
    if (host === 'wps') await context.addInitScript({ path: FAKE_ET });
    const page = await context.newPage();
    page.on('pageerror', (err) => pageErrors.push(err.message));
    await page.goto(`${base}/${target}`);
    return page;
  };

  return {
    load,
    async open(query = '') {
      const page = await load(`taskpane.html${query}`);
      await page.getByRole('tablist').waitFor();
      return page;
    },
    async close(page) {
      await page.context().close();
    },
    async shot(page, name) {
      // Whatever is shown, the pane fits a task pane's width: Office gives no room to scroll sideways.
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      expect({ shot: name, width: Math.max(width, PANE_VIEWPORT.width) }).toEqual({ shot: name, width: PANE_VIEWPORT.width });
      await page.screenshot({ path: path.join(ARTIFACTS, `pane-${host === 'wps' ? 'wps-' : ''}${name}.png`), fullPage: true });
    },
  };
}

/** Generates the sample plan for `counties` from the Generate tab and waits until it is done. */
export async function generateSample(page: Page, counties: string): Promise<void> {
  const source = page.getByRole('combobox', { name: '计划来源' });
  const sample = await source.getByRole('option', { name: /^示例计划：商丘市/ }).textContent();
  await source.selectOption({ label: sample ?? '' });
  await page.getByRole('textbox', { name: '县（市、区）' }).fill(counties);
  await page.getByRole('button', { name: '生成', exact: true }).click();
}

/** The 1-based row of task `id` on `sheet` (column A holds the ids). */
export async function rowOf(page: Page, sheet: string, id: string): Promise<number> {
  const values = await fake<unknown[][]>(page, 'sheetValues', sheet);
  const row = values.findIndex((r) => String(r[0]) === id);
  if (row < 0) throw new Error(`no task ${id} on ${sheet}`);
  return row + 1;
}

/** Columns of a county sheet of the sample (2023–2025). */
const SAMPLE_COL = { unit: 'E', target: 'G', y2023: 'I', y2024: 'J', y2025: 'K', actual: 'N', status: 'Q' };
export type SampleFill = Partial<Record<keyof typeof SAMPLE_COL, string | number>>;

/** Types a task's figures into a county sheet of the sample through the fake, as a clerk would. */
export async function fillTask(page: Page, sheet: string, id: string, values: SampleFill): Promise<void> {
  const row = await rowOf(page, sheet, id);
  for (const [key, value] of Object.entries(values))
    await fake(page, 'setCell', sheet, `${SAMPLE_COL[key as keyof typeof SAMPLE_COL]}${row}`, value);
}

/**
 * The sample generated for 新密市、登封市、荥阳市 and a quarter typed in: 新密市 and 登封市 report
 * task 4 for 2024年第2季度, 荥阳市 leaves its copy blank (not reported).
 */
export async function fillSampleQuarter(page: Page): Promise<void> {
  await generateSample(page, '新密市、登封市、荥阳市');
  await page.getByRole('status').filter({ hasText: '生成完成' }).waitFor();
  for (const county of ['新密市', '登封市']) await fake(page, 'setCell', county, 'E2', '2024年第2季度');
  await fillTask(page, '新密市', '4', { target: 100, y2023: 60, y2024: 80, y2025: 100, actual: 70 });
  await fillTask(page, '登封市', '4', { target: 80, y2023: 50, y2024: 60, y2025: 80, actual: 40 });
}

/** Polls `read` until `done` holds for its value (or `timeout` ms pass) and returns the last value. */
export async function until<T>(read: () => Promise<T>, done: (value: T) => boolean, timeout = 10_000): Promise<T> {
  const end = Date.now() + timeout;
  let value = await read();
  while (!done(value) && Date.now() < end) {
    await sleep(50);
    value = await read();
  }
  return value;
}
