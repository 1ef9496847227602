#!/usr/bin/env node
/**
 * `npm test`: everything CI checks, in order, stopping at the first failure:
 * typecheck, lint, the CLI and pane builds the slower tests run against, then jest
 * (core, Excel host on the fake, .xlsx files, LibreOffice, manifest, browser).
 *
 * Tests that need Chromium, LibreOffice or xmllint skip themselves with a note when the tool
 * is missing, except under CI=true, where a missing tool fails the run (test/support/env.ts).
 */
const { spawnSync } = require('child_process');
const fs = require('fs');
const path = require('path');

const root = path.resolve(__dirname, '..');
const bin = (name) => path.join(root, 'node_modules', '.bin', name);

function step(title, cmd, args, env = {}) {
  const started = Date.now();
  process.stdout.write(`\n== ${title}\n`);
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  const secs = ((Date.now() - started) / 1000).toFixed(1);
  if (r.status !== 0) {
    process.stdout.write(`\n== ${title}: FAILED after ${secs}s\n`);
    process.exit(r.status || 1);
  }
  process.stdout.write(`== ${title}: ok (${secs}s)\n`);
}

const only = process.argv.slice(2);
step('typecheck', bin('tsc'), ['-p', 'tsconfig.json', '--noEmit']);
step('lint', bin('eslint'), ['.', '--max-warnings', '0']);
step('build CLI', bin('tsc'), ['-p', 'tsconfig.cli.json']);
step('build task pane', bin('webpack'), ['--mode', 'production']);
step('build browser-test host', bin('webpack'), ['--mode', 'development', '--env', 'test']);
// The WPS pane compiles its packages' JavaScript down too (webpack.config.js): the slowest build.
step('build WPS pane', bin('webpack'), ['--mode', 'production', '--env', 'wps']);

const results = path.join(root, 'out', 'jest-results.json');
fs.mkdirSync(path.dirname(results), { recursive: true });
const jest = spawnSync(bin('jest'), ['--json', '--outputFile', results, ...only], { cwd: root, stdio: 'inherit' });
let summary = null;
try {
  summary = JSON.parse(fs.readFileSync(results, 'utf8'));
} catch {
  // jest failed before writing results; its own output says why
}
if (summary) {
  const skipped = summary.numPendingTests + summary.numTodoTests;
  // A plain closing line any CI reader understands.
  process.stdout.write(`\ntests: ${summary.numPassedTests} passed, ${summary.numFailedTests} failed, ${skipped} skipped\n`);
  if (skipped > 0) process.stdout.write('Some tests were skipped: see the notes above for the command that enables them.\n');
}
process.exit(jest.status === null ? 1 : jest.status);
