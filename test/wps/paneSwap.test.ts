/**
 * The WPS build of the pane swaps the Excel host modules the tabs import for src/taskpane/wps/*
 * (webpack.config.js, WPS_SWAP). Each stand-in must export every value a tab imports from the
 * module it replaces (checked here from the tabs' own import lines), with the Excel host's types
 * (checked at compile time below).
 */
import * as fs from 'fs';
import * as path from 'path';
import * as excelDiagnostics from '../../src/hosts/excel/diagnostics';
import * as excelGenerate from '../../src/hosts/excel/generate';
import * as excelMarks from '../../src/hosts/excel/marks';
import * as excelRollup from '../../src/hosts/excel/rollup';
import * as excelValidate from '../../src/hosts/excel/validate';
import * as excelFillStatus from '../../src/hosts/excel/fillStatus';
import * as excelNextPeriod from '../../src/hosts/excel/nextPeriod';
import * as excelBulletin from '../../src/hosts/excel/bulletin';
import * as wpsFillStatus from '../../src/taskpane/wps/fillStatus';
import * as wpsNextPeriod from '../../src/taskpane/wps/nextPeriod';
import * as wpsBulletin from '../../src/taskpane/wps/bulletin';
import * as wpsDiagnostics from '../../src/taskpane/wps/diagnostics';
import * as wpsGenerate from '../../src/taskpane/wps/generate';
import * as wpsMarks from '../../src/taskpane/wps/marks';
import * as wpsRollup from '../../src/taskpane/wps/rollup';
import * as wpsValidate from '../../src/taskpane/wps/validate';

const same = <T>(_excel: T, wps: T): T => wps;
// Fails to compile when a stand-in's signature drifts from the Excel host's.
const typed = [
  same(excelGenerate.generateInExcel, wpsGenerate.generateInExcel),
  same(excelValidate.validateInExcel, wpsValidate.validateInExcel),
  same(excelValidate.selectFinding, wpsValidate.selectFinding),
  same(excelRollup.listCountySheets, wpsRollup.listCountySheets),
  same(excelRollup.rollupInExcel, wpsRollup.rollupInExcel),
  same(excelMarks.markFindings, wpsMarks.markFindings),
  same(excelMarks.clearMarks, wpsMarks.clearMarks),
  same(excelMarks.writeFindingsSheet, wpsMarks.writeFindingsSheet),
  same(excelDiagnostics.runDiagnostics, wpsDiagnostics.runDiagnostics),
  same(excelFillStatus.fillStatusInExcel, wpsFillStatus.fillStatusInExcel),
  same(excelNextPeriod.nextPeriodInExcel, wpsNextPeriod.nextPeriodInExcel),
  same(excelBulletin.bulletinInExcel, wpsBulletin.bulletinInExcel),
  same(excelBulletin.readSummaryInExcel, wpsBulletin.readSummaryInExcel),
  same(excelBulletin.remindersInExcel, wpsBulletin.remindersInExcel),
  same(excelBulletin.writeRemindersSheet, wpsBulletin.writeRemindersSheet),
];

const STAND_INS: Record<string, object> = {
  generate: wpsGenerate,
  validate: wpsValidate,
  rollup: wpsRollup,
  marks: wpsMarks,
  diagnostics: wpsDiagnostics,
  fillStatus: wpsFillStatus,
  nextPeriod: wpsNextPeriod,
  bulletin: wpsBulletin,
};

/** Every file of the pane, but the WPS stand-ins themselves. */
function paneFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return full.endsWith(`${path.sep}wps`) ? [] : paneFiles(full);
    return /\.tsx?$/.test(e.name) ? [full] : [];
  });
}

describe('the WPS stand-ins for the Excel host modules the pane imports', () => {
  it('export every value a tab imports from the module they replace', () => {
    const missing: string[] = [];
    let checked = 0;
    const IMPORT = /import\s+(type\s+)?\{([^}]*)\}\s+from\s+'[./]*\/hosts\/excel\/(\w+)'/g;
    for (const file of paneFiles(path.resolve(__dirname, '../../src/taskpane'))) {
      for (const m of fs.readFileSync(file, 'utf8').matchAll(IMPORT)) {
        const [, typeOnly, names, module] = m;
        const standIn = STAND_INS[module];
        if (typeOnly) continue;
        for (const raw of names.split(',')) {
          const name = raw.trim();
          if (!name || name.startsWith('type ')) continue;
          checked++;
          // A value from an Excel host module without a stand-in would run Office.js inside WPS
          // (only the runtime's entry point, which the WPS entry replaces, is exempt).
          if (!standIn) {
            if (module !== 'runtime') missing.push(`${path.basename(file)}: ${module}.${name} (no WPS stand-in)`);
            continue;
          }
          if (!(name in standIn)) missing.push(`${path.basename(file)}: ${module}.${name}`);
        }
      }
    }
    expect(missing).toEqual([]);
    expect(checked).toBeGreaterThanOrEqual(8);
    expect(typed.every((f) => typeof f === 'function')).toBe(true);
  });
});
