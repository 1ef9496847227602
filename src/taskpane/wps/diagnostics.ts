/** The WPS build's stand-in for hosts/excel/diagnostics (see api.ts): WPS's own checks, through ET. */
import type { DiagnosticResult } from '../../hosts/excel/diagnostics';
import type { ExcelApi } from '../../hosts/excel/runtime';
import { runDiagnosticsInWps } from '../../hosts/wps/diagnostics';
import { etOf } from './api';

export type { CheckId, DiagnosticResult } from '../../hosts/excel/diagnostics';

export const DIAGNOSTICS_HOST: 'excel' | 'wps' = 'wps';

export function runDiagnostics(api: ExcelApi): Promise<DiagnosticResult[]> {
  return runDiagnosticsInWps(etOf(api));
}
