/**
 * What every user-facing operation returns besides what a host must write: its findings, in
 * the catalogue's one shape, and their counts. The pane, the CLI and the findings sheet show a
 * report the same way whichever job produced it (generate, validate, mark, roll up, import).
 */
import { type Finding, type FindingSummary, summarize } from '../findings/catalogue';

export interface Report {
  findings: Finding[];
  counts: FindingSummary;
}

export function reportOf(findings: Finding[]): Report {
  return { findings, counts: summarize(findings) };
}

/** Whether a run should exit non-zero / show as failed: any error-level finding. */
export function hasErrors(report: Pick<Report, 'counts'>): boolean {
  return report.counts.bySeverity.error > 0;
}
