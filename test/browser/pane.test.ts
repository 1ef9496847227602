/**
 * The built task pane in a real Chromium, against the fake Office/Excel of fakeOffice.ts.
 *
 * dist/ is served over plain http on 127.0.0.1; the page's office.js request is answered with
 * dist-test/fake-office.js and every other request off this machine is blocked, so the test
 * needs no network and no Office. Screenshots land in out/test-artifacts/pane-*.png.
 */
import { execFileSync } from 'child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync } from 'fs';
import { type Server, createServer } from 'http';
import type { AddressInfo } from 'net';
import path from 'path';
import { type Browser, type Page, chromium } from 'playwright-core';
import { CHROMIUM, describeWith } from '../support/env';

const ROOT = path.resolve(__dirname, '../..');
const DIST = path.join(ROOT, 'dist');
const PANE_HTML = path.join(DIST, 'taskpane.html');
const FAKE_OFFICE = path.join(ROOT, 'dist-test', 'fake-office.js');
const ARTIFACTS = path.join(ROOT, 'out', 'test-artifacts');
const OFFICE_JS = 'https://appsforoffice.microsoft.com/';

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
const PANE_VIEWPORT = { width: 380, height: 860 };

/** Two production webpack builds on a busy machine. */
const BUILD_TIMEOUT = 600_000;

/** Generation must not cost a round-trip per sheet or per county: one read, one write, a few more. */
const MAX_SYNCS = 8;

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

/** Builds what is missing or older than the sources, so a stale bundle is never what gets tested. */
function ensureBuilt(): void {
  const sources = Math.max(
    newest(path.join(ROOT, 'src')),
    newest(path.join(ROOT, 'assets')),
    statSync(path.join(ROOT, 'webpack.config.js')).mtimeMs,
  );
  const stale = (file: string, extra = 0) => !existsSync(file) || statSync(file).mtimeMs < Math.max(sources, extra);
  const webpack = path.join(ROOT, 'node_modules', '.bin', 'webpack');
  if (stale(PANE_HTML) || stale(path.join(DIST, 'taskpane.js'))) {
    execFileSync(webpack, ['--mode', 'production'], { cwd: ROOT, stdio: 'pipe' });
  }
  const fakeSources = Math.max(
    newest(path.join(ROOT, 'test', 'support')),
    statSync(path.join(ROOT, 'test', 'browser', 'fakeOffice.ts')).mtimeMs,
  );
  if (stale(FAKE_OFFICE, fakeSources)) {
    execFileSync(webpack, ['--mode', 'production', '--env', 'test'], { cwd: ROOT, stdio: 'pipe' });
  }
}

function serveDist(): Promise<Server> {
  const server = createServer((req, res) => {
    const urlPath = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
    const file = path.join(DIST, path.normalize(urlPath));
    if (!file.startsWith(DIST + path.sep) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'Content-Type': CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream' });
    res.end(readFileSync(file));
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

/** The test hook fakeOffice.ts installs beside Office and Excel. */
interface FakeHook {
  sheetNames(): string[];
  sheetValues(name: string): unknown[][];
  syncCount(): number;
  selection(): unknown;
  addSheet(name: string, values: unknown[][]): void;
}

type FakeCall = { [K in keyof FakeHook]: FakeHook[K] extends (...args: infer A) => unknown ? [K, ...A] : never }[keyof FakeHook];

function fake<R>(page: Page, ...call: FakeCall): Promise<R> {
  return page.evaluate(
    ([method, ...args]) =>
      (window as unknown as { __keytaskFake: Record<string, (...a: unknown[]) => unknown> }).__keytaskFake[method](...args),
    call as [string, ...unknown[]],
  ) as Promise<R>;
}

describeWith(CHROMIUM, 'Chromium', 'task pane in Chromium against a fake Excel', () => {
  let server: Server;
  let browser: Browser;
  let base: string;
  let fakeOffice: Buffer;
  /** Requests the pane tried to make off this machine; a task pane must work from its own host. */
  const blocked: string[] = [];
  const pageErrors: string[] = [];

  beforeAll(async () => {
    ensureBuilt();
    fakeOffice = readFileSync(FAKE_OFFICE);
    mkdirSync(ARTIFACTS, { recursive: true });
    server = await serveDist();
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

  /** A fresh context (so a fresh fake workbook) with the pane loaded and rendered. */
  async function openPane(query = ''): Promise<Page> {
    const context = await browser.newContext({ viewport: PANE_VIEWPORT, locale: 'zh-CN' });
    await context.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith(OFFICE_JS)) return route.fulfill({ status: 200, contentType: 'text/javascript', body: fakeOffice });
      if (url.startsWith(base)) return route.continue();
      blocked.push(url);
      return route.abort('blockedbyclient');
    });
    const page = await context.newPage();
    page.on('pageerror', (err) => pageErrors.push(err.message));
    await page.goto(`${base}/taskpane.html${query}`);
    await page.getByRole('tablist').waitFor();
    return page;
  }

  async function closePane(page: Page): Promise<void> {
    await page.context().close();
  }

  async function shot(page: Page, name: string): Promise<void> {
    await page.screenshot({ path: path.join(ARTIFACTS, `pane-${name}.png`), fullPage: true });
  }

  async function generate(page: Page, counties: string): Promise<void> {
    await page.getByRole('combobox', { name: '计划来源' }).click();
    await page.getByRole('option', { name: /^示例计划：商丘市/ }).click();
    await page.getByRole('textbox', { name: '县（市、区）' }).fill(counties);
    await page.getByRole('button', { name: '生成', exact: true }).click();
  }

  it('renders in Chinese by default and switches tabs', async () => {
    const page = await openPane();
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('zh-CN');
    await page.getByRole('heading', { name: '重点任务清单' }).waitFor();
    const tabs = await page.getByRole('tab').allInnerTexts();
    expect(tabs).toEqual(['填报', '审核', '汇总']);
    await expect(page.getByRole('tab', { name: '填报' }).getAttribute('aria-selected')).resolves.toBe('true');
    // The sample plan's period is the default.
    await expect(page.getByRole('spinbutton', { name: '起始年份' }).inputValue()).resolves.toBe('2023');
    await expect(page.getByRole('spinbutton', { name: '截止年份' }).inputValue()).resolves.toBe('2025');
    await shot(page, 'zh-generate');

    await page.getByRole('tab', { name: '审核' }).click();
    await page.getByRole('tabpanel', { name: '审核' }).getByText('即将推出').waitFor();
    await expect(page.getByRole('button', { name: '生成', exact: true }).isVisible()).resolves.toBe(false);
    await shot(page, 'zh-review');

    await page.getByRole('tab', { name: '汇总' }).click();
    await page.getByRole('tabpanel', { name: '汇总' }).getByText('即将推出').waitFor();

    await page.getByRole('tab', { name: '填报' }).click();
    await page.getByRole('button', { name: '生成', exact: true }).waitFor();
    await closePane(page);
  });

  it('generates the sample plan for three counties in a fixed number of syncs', async () => {
    const page = await openPane();
    await generate(page, '新密市、登封市、荥阳市');
    const message = page.getByRole('status').filter({ hasText: '生成完成' });
    await message.waitFor();
    await shot(page, 'zh-generated');

    const names = await fake<string[]>(page, 'sheetNames');
    for (const sheet of ['重点任务清单', '新密市', '登封市', '荥阳市', '单位名录']) expect(names).toContain(sheet);
    const text = await message.textContent();
    for (const sheet of ['重点任务清单', '新密市', '登封市', '荥阳市', '单位名录']) expect(text).toContain(sheet);
    const syncsForThree = await fake<number>(page, 'syncCount');
    expect(syncsForThree).toBeGreaterThan(0);
    expect(syncsForThree).toBeLessThanOrEqual(MAX_SYNCS);

    // Generating again updates the same sheets instead of adding copies.
    await page.getByRole('button', { name: '生成', exact: true }).click();
    const updated = page.getByRole('status').filter({ hasText: '更新工作表：重点任务清单、新密市、登封市、荥阳市、单位名录' });
    await updated.waitFor();
    await expect(fake<string[]>(page, 'sheetNames')).resolves.toEqual(names);
    await shot(page, 'zh-regenerated');
    await closePane(page);

    // "Fixed" means independent of how many counties there are.
    const single = await openPane();
    await generate(single, '新密市');
    await single.getByRole('status').filter({ hasText: '生成完成' }).waitFor();
    await expect(fake<number>(single, 'syncCount')).resolves.toBe(syncsForThree);
    await closePane(single);
  });

  it('asks before working around a sheet of the user’s, and Cancel changes nothing', async () => {
    const page = await openPane();
    const userValues = [
      ['我的数据', 42],
      ['不要动', 'x'],
    ];
    await fake(page, 'addSheet', '重点任务清单', userValues);
    const namesBefore = await fake<string[]>(page, 'sheetNames');
    const valuesBefore = await fake<unknown[][]>(page, 'sheetValues', '重点任务清单');

    await generate(page, '新密市、登封市、荥阳市');
    const dialog = page.getByRole('alertdialog');
    await dialog.waitFor();
    await expect(dialog.textContent()).resolves.toContain('工作表“重点任务清单”已存在且不是本工具生成的，将改用“重点任务清单 (2)”。');
    await shot(page, 'zh-conflict');

    await dialog.getByRole('button', { name: '取消' }).click();
    await page.getByRole('status').filter({ hasText: '已取消' }).waitFor();
    await expect(dialog.isVisible()).resolves.toBe(false);
    await expect(fake<string[]>(page, 'sheetNames')).resolves.toEqual(namesBefore);
    await expect(fake<unknown[][]>(page, 'sheetValues', '重点任务清单')).resolves.toEqual(valuesBefore);
    await closePane(page);
  });

  it('with Continue, generates under the proposed name and leaves the user’s sheet alone', async () => {
    const page = await openPane();
    await fake(page, 'addSheet', '重点任务清单', [['我的数据', 42]]);
    const valuesBefore = await fake<unknown[][]>(page, 'sheetValues', '重点任务清单');

    await generate(page, '新密市');
    await page.getByRole('alertdialog').getByRole('button', { name: '继续' }).click();
    const message = page.getByRole('status').filter({ hasText: '生成完成' });
    await message.waitFor();
    await expect(message.textContent()).resolves.toContain('重点任务清单 (2)');
    const names = await fake<string[]>(page, 'sheetNames');
    expect(names).toEqual(expect.arrayContaining(['重点任务清单', '重点任务清单 (2)', '新密市', '单位名录']));
    await expect(fake<unknown[][]>(page, 'sheetValues', '重点任务清单')).resolves.toEqual(valuesBefore);
    await closePane(page);
  });

  it('says in words what is wrong with the input', async () => {
    const page = await openPane();
    await page.getByRole('spinbutton', { name: '起始年份' }).fill('2026');
    await page.getByRole('button', { name: '生成', exact: true }).click();
    await expect(page.getByRole('alert').textContent()).resolves.toContain('截止年份不能早于起始年份');
    await shot(page, 'zh-error');
    const names = await fake<string[]>(page, 'sheetNames');
    expect(names).not.toContain('单位名录');
    await closePane(page);
  });

  it('speaks English when Office’s display language is not Chinese', async () => {
    const page = await openPane('?lang=en-US');
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('en');
    await page.getByRole('heading', { name: 'Key tasks' }).waitFor();
    await expect(page.getByRole('tab').allInnerTexts()).resolves.toEqual(['Generate', 'Review', 'Roll-up']);
    await page.getByRole('button', { name: 'Generate', exact: true }).waitFor();
    await expect(page.getByRole('combobox', { name: 'Sheet header language' }).textContent()).resolves.toContain('English');
    await shot(page, 'en-generate');
    await page.getByRole('tab', { name: 'Review' }).click();
    await page.getByRole('tabpanel', { name: 'Review' }).getByText('Coming next').waitFor();
    await closePane(page);
  });
});
