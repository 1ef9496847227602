/** The WPS build's stand-in for hosts/excel/diagnostics (see api.ts): its checks are Office.js's. */
import type { DiagnosticResult } from '../../hosts/excel/diagnostics';
import type { ExcelApi } from '../../hosts/excel/runtime';
import { notInWps } from './api';

export type { CheckId, DiagnosticResult } from '../../hosts/excel/diagnostics';

export function runDiagnostics(_api: ExcelApi): Promise<DiagnosticResult[]> {
  return Promise.reject(notInWps({ zh: '运行诊断', en: 'The self-check' }));
}
