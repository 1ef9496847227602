/**
 * The XML manifest is what Office reads before any of our code runs: a schema error, a wrong
 * requirement set or a missing icon shows up only when someone sideloads it. These tests catch
 * them offline (`office-addin-manifest validate` needs the internet).
 */
import { execFileSync } from 'child_process';
import { existsSync, readFileSync } from 'fs';
import path from 'path';
import { XMLLINT, describeWith } from '../support/env';

const ROOT = path.resolve(__dirname, '../..');
const MANIFEST = path.join(ROOT, 'manifest.xml');
const SCHEMA = path.resolve(__dirname, '../../../shared/office-xsd/OfficeAppManifestV1_1.xsd');
const DEV_URL = 'https://localhost:3000/';

const xml = readFileSync(MANIFEST, 'utf8');

/** Attribute values of every `<tag …>` in the manifest, as {attr: value} maps. */
function elements(tag: string): Array<Record<string, string>> {
  const found: Array<Record<string, string>> = [];
  for (const m of xml.matchAll(new RegExp(`<${tag}\\s([^>]*?)/?>`, 'g'))) {
    found.push(Object.fromEntries([...m[1].matchAll(/([\w:]+)="([^"]*)"/g)].map((a) => [a[1], a[2]])));
  }
  return found;
}

function pngSize(file: string): { width: number; height: number } {
  const buf = readFileSync(file);
  expect(buf.subarray(1, 4).toString('ascii')).toBe('PNG');
  return { width: buf.readUInt32BE(16), height: buf.readUInt32BE(20) };
}

function localFile(url: string): string {
  expect(url.startsWith(DEV_URL)).toBe(true);
  return path.join(ROOT, url.slice(DEV_URL.length));
}

describeWith(XMLLINT, 'xmllint', 'manifest.xml against the Office add-in schema', () => {
  it('validates against OfficeAppManifestV1_1.xsd', () => {
    expect(existsSync(SCHEMA)).toBe(true);
    let output = '';
    try {
      output = execFileSync(XMLLINT as string, ['--noout', '--schema', SCHEMA, MANIFEST], { encoding: 'utf8', stdio: 'pipe' });
    } catch (err) {
      const { stderr } = err as { stderr?: string };
      throw new Error(`xmllint rejected manifest.xml:\n${stderr ?? String(err)}`);
    }
    expect(output).toBe('');
  });
});

describe('manifest.xml content', () => {
  it('is a task-pane add-in for Excel workbooks', () => {
    expect(xml).toMatch(/xsi:type="TaskPaneApp"/);
    expect(elements('Host').map((h) => h.Name ?? h['xsi:type'])).toEqual(['Workbook', 'Workbook']);
    expect(xml).toMatch(/<Permissions>ReadWriteDocument<\/Permissions>/);
  });

  it('requires ExcelApi 1.8', () => {
    const requirements = xml.match(/<Requirements>([\s\S]*?)<\/Requirements>/);
    expect(requirements).not.toBeNull();
    const block = requirements?.[1] ?? '';
    expect(block).toMatch(/<Sets DefaultMinVersion="1\.8">/);
    expect(block).toMatch(/<Set Name="ExcelApi" MinVersion="1\.8"\s*\/>/);
  });

  it('is Chinese by default with English overrides', () => {
    expect(xml).toMatch(/<DefaultLocale>zh-CN<\/DefaultLocale>/);
    for (const tag of ['DisplayName', 'Description']) {
      expect(xml).toMatch(new RegExp(`<${tag} DefaultValue="[^"]*[\\u4e00-\\u9fff][^"]*">\\s*<Override Locale="en-US" Value="[^"]+"`));
    }
  });

  it('opens the task pane from a Home-tab button', () => {
    expect(xml).toMatch(/<OfficeTab id="TabHome">/);
    expect(xml).toMatch(/<Action xsi:type="ShowTaskpane">/);
    expect(elements('SourceLocation').map((s) => s.DefaultValue ?? s.resid)).toEqual([`${DEV_URL}taskpane.html`, 'Taskpane.Url']);
  });

  it('points every icon at a PNG in assets/ of the declared size', () => {
    const declared: Array<{ url: string; size: number }> = [];
    const urlOf = (tag: string) => elements(tag)[0]?.DefaultValue;
    declared.push({ url: urlOf('IconUrl'), size: 32 }, { url: urlOf('HighResolutionIconUrl'), size: 64 });
    const images = new Map(
      elements('bt:Image')
        .filter((i) => i.id)
        .map((i) => [i.id, i.DefaultValue]),
    );
    const uses = elements('bt:Image').filter((i) => i.resid);
    expect(uses.length).toBeGreaterThan(0);
    for (const use of uses) {
      const url = images.get(use.resid);
      expect(url).toBeDefined();
      declared.push({ url: url as string, size: Number(use.size) });
    }
    for (const { url, size } of declared) {
      const file = localFile(url);
      expect(existsSync(file)).toBe(true);
      expect(pngSize(file)).toEqual({ width: size, height: size });
    }
    // The ribbon needs all three sizes; Office picks by DPI.
    expect(new Set(uses.map((u) => u.size))).toEqual(new Set(['16', '32', '80']));
  });
});
