/**
 * The offline WPS add-in package (`npm run build:wps`): the files WPS needs are there, ribbon.xml
 * and jsplugins.xml are well-formed XML naming what main.js defines, and — when the WPS pane has
 * been built (scripts/test.js builds it) — every script, taskpane.js and each chunk it loads on
 * first use (the 审核 / 汇总 / 诊断 tabs, the importer …), parses as ES2019, the syntax the WPS
 * build is compiled down to (webpack.config.js), with no Excel host code in any of them.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as acorn from 'acorn';
import { JSZIP_SIGNATURE, scriptsContaining } from '../support/bundle';
import { IN_CI, XMLLINT, describeWith } from '../support/env';

const { packageWps, REQUIRED } = require('../../scripts/wpsPackage.js') as {
  packageWps: (o: { dist?: string; version?: string; url?: string }) => { folder: string; files: string[] };
  REQUIRED: string[];
};

const ROOT = path.resolve(__dirname, '../..');
const VERSION = (JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
const BUILT = path.join(ROOT, 'dist-wps', `keytask_${VERSION}`);

/** An add-in folder with the hand-written files and a stand-in for the bundle. */
function stagedDist(): string {
  const dist = fs.mkdtempSync(path.join(os.tmpdir(), 'keytask-wps-'));
  const folder = path.join(dist, `keytask_${VERSION}`);
  fs.mkdirSync(folder);
  for (const f of ['index.html', 'main.js', 'ribbon.xml']) fs.copyFileSync(path.join(ROOT, 'wps', f), path.join(folder, f));
  fs.writeFileSync(path.join(folder, 'taskpane.html'), '<!doctype html><div id="container"></div>');
  fs.writeFileSync(path.join(folder, 'taskpane.js'), '');
  return dist;
}

describeWith(XMLLINT, 'xmllint', 'the WPS add-in package', () => {
  it('lays out the add-in folder, jsplugins.xml and publish.html, as well-formed XML pointing at the folder', () => {
    const dist = stagedDist();
    const { files } = packageWps({ dist, version: VERSION, url: 'file:///opt/keytask' });
    for (const f of files) expect([f, fs.existsSync(path.join(dist, f))]).toEqual([f, true]);
    const list = path.join(dist, 'jsplugins.xml');
    const ribbon = path.join(dist, `keytask_${VERSION}`, 'ribbon.xml');
    execFileSync(XMLLINT!, ['--noout', list, ribbon]);
    const xml = fs.readFileSync(list, 'utf8');
    expect(xml).toContain(`url="file:///opt/keytask/keytask_${VERSION}/"`);
    expect(xml).toContain('type="et"');
    expect(fs.readFileSync(path.join(dist, 'publish.html'), 'utf8')).toContain('JsApiPlugin=true');
  });

  it('refuses to package a folder the build did not fill', () => {
    const dist = stagedDist();
    fs.rmSync(path.join(dist, `keytask_${VERSION}`, 'taskpane.js'));
    expect(() => packageWps({ dist, version: VERSION })).toThrow(/lacks taskpane\.js/);
  });

  it('has the ribbon call only functions main.js defines, and main.js open the pane it ships', () => {
    const ribbon = fs.readFileSync(path.join(ROOT, 'wps', 'ribbon.xml'), 'utf8');
    const main = fs.readFileSync(path.join(ROOT, 'wps', 'main.js'), 'utf8');
    const callbacks = [...ribbon.matchAll(/\b(?:onLoad|onAction|getImage|getEnabled|getVisible|getLabel)="([^"]+)"/g)].map((m) => m[1]);
    expect(callbacks.length).toBeGreaterThan(1);
    for (const name of callbacks) expect([name, main.includes(`function ${name}(`)]).toEqual([name, true]);
    expect(main).toContain("CreateTaskPane(keytaskBase() + '/taskpane.html')");
    // main.js is not built: it must run as it is in an old Chromium.
    expect(() => acorn.parse(main, { ecmaVersion: 5 })).not.toThrow();
    expect(REQUIRED).toEqual(expect.arrayContaining(['index.html', 'main.js', 'ribbon.xml', 'taskpane.html']));
  });

  const built = fs.existsSync(path.join(BUILT, 'taskpane.js'));
  (built || IN_CI ? it : it.skip)('builds scripts an ES2019 browser parses, with no office.js and no Excel host left in', () => {
    const scripts = fs.readdirSync(BUILT).filter((f) => f.endsWith('.js'));
    expect(scripts).toContain('taskpane.js');
    // The chunks loaded when a tab or the importer is first opened lie beside taskpane.js.
    expect(scripts).toEqual(expect.arrayContaining(['tab-review.js', 'tab-rollup.js', 'tab-diagnostics.js', 'import.js', 'generate.js']));
    for (const f of scripts) {
      const code = fs.readFileSync(path.join(BUILT, f), 'utf8');
      expect(() => acorn.parse(code, { ecmaVersion: 2019, sourceType: 'script' })).not.toThrow();
      // the swapped-out Excel host's tell-tales: Office.js members a minifier keeps, its scratch sheet
      expect([f, /getUsedRangeOrNullObject|getMergedAreasOrNullObject|keytask_diagnostics|Excel\.run/.test(code)]).toEqual([f, false]);
    }
    expect(fs.readFileSync(path.join(BUILT, 'taskpane.html'), 'utf8')).not.toContain('office.js');
    // One JSZip, shared by the xlsx readers (ExcelJS built from source, webpack.config.js) and mammoth.
    expect(scriptsContaining(BUILT, JSZIP_SIGNATURE)).toHaveLength(1);
  });
});
