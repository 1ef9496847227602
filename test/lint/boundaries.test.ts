/**
 * The boundaries between core, hosts, CLI and pane are enforced by the linter: an import planted
 * across one fails `npm run lint` (eslint.config.mjs), checked here on text that is never written.
 */
import { spawnSync } from 'child_process';
import { join } from 'path';

const root = join(__dirname, '..', '..');

/**
 * ESLint loads its .mjs config by dynamic import, which jest's module sandbox cannot do: the
 * snippets are linted by one node process outside it, each under the path it pretends to have.
 */
function lintAll(cases: Array<[string, string]>): string[][] {
  const script = `
    const { ESLint } = require('eslint');
    const path = require('path');
    const cases = JSON.parse(require('fs').readFileSync(0, 'utf8'));
    (async () => {
      const eslint = new ESLint({ cwd: process.cwd() });
      const out = [];
      for (const [file, code] of cases) {
        const [r] = await eslint.lintText(code, { filePath: path.join(process.cwd(), file) });
        out.push(r.messages.filter((m) => m.ruleId === 'no-restricted-imports' || m.ruleId === 'no-restricted-globals').map((m) => m.message));
      }
      process.stdout.write(JSON.stringify(out));
    })();`;
  const r = spawnSync(process.execPath, ['-e', script], { cwd: root, input: JSON.stringify(cases), encoding: 'utf8' });
  if (r.status !== 0) throw new Error(r.stderr);
  return JSON.parse(r.stdout) as string[][];
}

const REFUSED: Array<[string, string]> = [
  ['src/core/x.ts', "import { readFileSync } from 'fs';\nexport const a = readFileSync;\n"],
  ['src/core/x.ts', "import { toBuffer } from '../hosts/xlsx/writeWorkbook';\nexport const a = toBuffer;\n"],
  ['src/core/x.ts', "import ExcelJS from 'exceljs';\nexport const a = ExcelJS;\n"],
  ['src/core/x.ts', "import mammoth from 'mammoth';\nexport const a = mammoth;\n"],
  ['src/core/x.ts', 'export const a = () => Excel.run(async () => undefined);\n'],
  ['src/cli/x.ts', "import { validateInExcel } from '../hosts/excel/validate';\nexport const a = validateInExcel;\n"],
  ['src/taskpane/x.ts', 'export const a = () => Excel.run(async () => undefined);\n'],
  ['src/taskpane/x.ts', "import { runRollup } from '../cli/rollup';\nexport const a = runRollup;\n"],
  ['src/hosts/excel/x.ts', "import { readXlsx } from '../xlsx/readWorkbook';\nexport const a = readXlsx;\n"],
  ['src/hosts/wps/x.ts', "import { renderSpec } from '../excel/renderSpec';\nexport const a = renderSpec;\n"],
  ['src/hosts/wps/x.ts', "import { readXlsx } from '../xlsx/readWorkbook';\nexport const a = readXlsx;\n"],
  ['src/hosts/wps/x.ts', 'export const a = () => Excel.run(async () => undefined);\n'],
  ['src/hosts/wps/x.ts', 'export const a = () => Office.onReady();\n'],
];
const ALLOWED: Array<[string, string]> = [
  ['src/cli/x.ts', "import { readXlsx } from '../hosts/xlsx/readWorkbook';\nexport const a = readXlsx;\n"],
  ['src/hosts/excel/x.ts', "import { rollup } from '../../core/rollup/rollup';\nexport const a = rollup;\n"],
  ['src/taskpane/x.ts', "import { rollupInExcel } from '../hosts/excel/rollup';\nexport const a = rollupInExcel;\n"],
  ['src/hosts/wps/x.ts', "import { planRender } from '../../core/sheet/renderPlan';\nexport const a = planRender;\n"],
];

describe('architecture boundaries', () => {
  let results: string[][];
  beforeAll(() => {
    results = lintAll([...REFUSED, ...ALLOWED]);
  }, 120_000);

  it('refuses an import planted across a boundary', () => {
    REFUSED.forEach(([file, code], i) => expect([file, code, results[i].length]).toEqual([file, code, 1]));
  });

  it('lets each layer use the ones below it', () => {
    ALLOWED.forEach(([file, code], i) => expect([file, code, results[REFUSED.length + i]]).toEqual([file, code, []]));
  });
});
