#!/usr/bin/env node
/**
 * `npm run bench [-- --quick | --full] [-- --only=excel,engine,files]`: builds the CLI (the
 * file roll-up runs `keytask rollup` as users do) and the bench (bench/tsconfig.json →
 * out/bench-build), then runs it. Not part of `npm test`: it measures, it does not assert.
 */
const { spawnSync } = require('child_process');
const fs = require('fs');
const path = require('path');

const root = path.resolve(__dirname, '..');
const tsc = path.join(root, 'node_modules', '.bin', 'tsc');

// tsc leaves behind the output of a source file that was moved (lib/hosts/xlsx/fastRead.js after
// fastRead became a folder), and node resolves the old file first: the bench would time old code.
fs.rmSync(path.join(root, 'lib'), { recursive: true, force: true });
fs.rmSync(path.join(root, 'out', 'bench-build'), { recursive: true, force: true });
for (const project of ['tsconfig.cli.json', path.join('bench', 'tsconfig.json')]) {
  const r = spawnSync(tsc, ['-p', project], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) {
    process.stderr.write(`bench: building ${project} failed\n`);
    process.exit(r.status || 1);
  }
}
const r = spawnSync(process.execPath, ['--expose-gc', path.join(root, 'out', 'bench-build', 'bench', 'run.js'), ...process.argv.slice(2)], {
  cwd: root,
  stdio: 'inherit',
});
process.exit(r.status === null ? 1 : r.status);
