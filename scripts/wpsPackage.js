#!/usr/bin/env node
/**
 * The offline WPS add-in package, laid out by hand as `wpsjs build` lays it out (the wpsjs tool
 * needs the network and WPS's own binaries): under dist-wps/,
 *
 *   keytask_<version>/   the add-in: index.html + main.js (entry), ribbon.xml, taskpane.html and
 *                        its bundle, assets/ (built by `webpack --env wps`)
 *   jsplugins.xml        the add-in list WPS reads in offline mode (oem.ini JSPluginsServer)
 *   publish.html         a page for the IT department: what to copy where
 *
 * `npm run build:wps` runs the webpack build and then this. KEYTASK_WPS_URL is where the
 * keytask_<version> folder will be on the desks (a file:/// folder or an intranet http address);
 * jsplugins.xml points there, and may be edited afterwards.
 */
const fs = require('fs');
const path = require('path');

const ROOT = path.resolve(__dirname, '..');
/** What the add-in folder must hold for WPS to load it and open the pane. */
const REQUIRED = ['index.html', 'main.js', 'ribbon.xml', 'taskpane.html', 'taskpane.js'];
const DEFAULT_URL = 'file:///C:/keytask/';

const xmlText = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** jsplugins.xml: one add-in of type et (WPS 表格), enabled, at `url` (its folder, ending in /). */
function jspluginsXml(version, url) {
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<jsplugins>',
    `  <jsplugin name="keytask" type="et" enable="true" version="${xmlText(version)}" url="${xmlText(url)}"/>`,
    '</jsplugins>',
    '',
  ].join('\n');
}

function publishHtml(version, url) {
  const folder = `keytask_${version}`;
  return `<!doctype html>
<html lang="zh-CN">
  <head>
    <meta charset="UTF-8" />
    <title>keytask ${xmlText(version)} — WPS 加载项离线部署</title>
  </head>
  <body>
    <h1>keytask ${xmlText(version)}：WPS 表格加载项</h1>
    <p>本包供单位信息部门离线部署，不需要联网。步骤详见 keytask 的 README「WPS 表格」一节：</p>
    <ol>
      <li>把文件夹 <code>${xmlText(folder)}</code> 复制到 <code>${xmlText(url)}</code> 所指的位置；</li>
      <li>把 <code>jsplugins.xml</code> 放进 WPS 的 jsaddons 文件夹；</li>
      <li>在 WPS 的 <code>oem.ini</code> 中启用加载项（<code>[Support] JsApiPlugin=true</code>），并让 <code>[Server] JSPluginsServer</code> 指向该 jsplugins.xml；</li>
      <li>重新打开 WPS 表格，功能区出现「重点任务清单」选项卡。</li>
    </ol>
    <p>This page is not wpsjs's online installer (which talks to a service of WPS itself): it says what to copy where.</p>
  </body>
</html>
`;
}

/** Writes jsplugins.xml and publish.html beside the built add-in folder; throws when a file it needs is missing. */
function packageWps({ dist = path.join(ROOT, 'dist-wps'), version = require(path.join(ROOT, 'package.json')).version, url } = {}) {
  const base = (url || process.env.KEYTASK_WPS_URL || DEFAULT_URL).replace(/\/?$/, '/');
  const folder = path.join(dist, `keytask_${version}`);
  const missing = REQUIRED.filter((f) => !fs.existsSync(path.join(folder, f)));
  if (missing.length > 0)
    throw new Error(`keytask_${version} lacks ${missing.join(', ')}: run \`webpack --mode production --env wps\` first`);
  const addinUrl = `${base}keytask_${version}/`;
  fs.writeFileSync(path.join(dist, 'jsplugins.xml'), jspluginsXml(version, addinUrl));
  fs.writeFileSync(path.join(dist, 'publish.html'), publishHtml(version, base));
  return { folder, files: ['jsplugins.xml', 'publish.html', ...REQUIRED.map((f) => `keytask_${version}/${f}`)] };
}

module.exports = { packageWps, jspluginsXml, REQUIRED };

if (require.main === module) {
  const { folder } = packageWps();
  process.stdout.write(`WPS add-in: ${path.relative(ROOT, folder)}/, jsplugins.xml, publish.html in dist-wps/\n`);
}
