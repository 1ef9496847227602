/**
 * What a self-check (诊断) reports, whichever host ran it: one row per check, passed, failed with
 * the host's error code (or `Mismatch` when the host answered but not as keytask expects), or
 * skipped. The checks themselves are each host's (hosts/excel/diagnostics.ts, hosts/wps/diagnostics.ts).
 */

export type CheckId =
  | 'api'
  | 'writeRead'
  | 'textKept'
  | 'veryHidden'
  | 'copySheet'
  | 'copyFrom'
  | 'listFromName'
  | 'conditionalFormat'
  | 'rangeAreas'
  | 'rowHeight'
  | 'pageLayout'
  | 'autoFilter'
  | 'chart'
  | 'comments'
  | 'mergedAreas'
  | 'notes'
  | 'largeWrite'
  // WPS's own
  | 'members'
  | 'numberCheck'
  | 'marks';

export interface DiagnosticResult {
  id: CheckId;
  /** the ExcelApi requirement set the capability needs; in WPS, the ET members the check tries */
  api: string;
  status: 'passed' | 'failed' | 'skipped';
  /** the host's error code (`InvalidOperation`…), or `Mismatch` when it answered but not as keytask expects */
  code?: string;
  message?: string;
}

/** A check's read-back that differs from what was written. */
export class Mismatch extends Error {
  readonly code = 'Mismatch';
}

export function expectEqual(got: unknown, want: unknown, what: string): void {
  if (JSON.stringify(got) !== JSON.stringify(want)) throw new Mismatch(`${what}: ${JSON.stringify(got)} ≠ ${JSON.stringify(want)}`);
}
