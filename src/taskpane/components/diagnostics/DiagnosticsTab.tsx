import {
  Button,
  Spinner,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import { DIAGNOSTICS_HOST, type DiagnosticResult, runDiagnostics } from '../../../hosts/excel/diagnostics';
import type { ExcelApi } from '../../../hosts/excel/runtime';
import { useStrings } from '../../i18n';
import { errorMessage } from '../../input';
import { type Note, StatusBar } from '../StatusBar';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM },
  failed: { color: tokens.colorPaletteRedForeground1 },
  passed: { color: tokens.colorPaletteGreenForeground1 },
  // WPS's member names (`FormatConditions.Add`) are longer than the column: broken, not spilled over.
  api: { overflowWrap: 'anywhere' },
});

/** 诊断: tries every capability keytask uses in this Excel (or WPS) and shows which work. */
export function DiagnosticsTab({ api }: { api: ExcelApi }) {
  const s = useStrings();
  const d = s.diagnostics;
  // The WPS build's checks are of WPS objects, not of ExcelApi sets.
  const words = DIAGNOSTICS_HOST === 'wps' ? d.wps : { intro: d.intro, apiSet: d.apiSet, failedHint: d.failedHint };
  const styles = useStyles();
  const [busy, setBusy] = useState(false);
  const [results, setResults] = useState<DiagnosticResult[] | null>(null);
  const [note, setNote] = useState<Note | null>(null);

  const run = async (): Promise<void> => {
    setBusy(true);
    setNote(null);
    try {
      const r = await runDiagnostics(api);
      setResults(r);
      const count = (status: DiagnosticResult['status']): number => r.filter((x) => x.status === status).length;
      const failed = count('failed');
      setNote({
        intent: failed > 0 ? 'warning' : 'success',
        title: d.doneTitle,
        lines: [d.summary(count('passed'), failed, count('skipped')), ...(failed > 0 ? [words.failedHint] : [])],
      });
    } catch (err) {
      setNote({ intent: 'error', title: d.errorTitle, lines: [errorMessage(err, s)] });
    } finally {
      setBusy(false);
    }
  };

  const outcome = (r: DiagnosticResult): string =>
    r.status === 'passed' ? d.passed : r.status === 'skipped' ? d.skipped : d.failed(r.code ?? 'Error');

  return (
    <div className={styles.root}>
      <Text>{words.intro}</Text>
      <div>
        <Button appearance="primary" onClick={() => void run()} disabled={busy}>
          {d.run}
        </Button>
      </div>
      {busy && <Spinner size="tiny" label={d.running} />}
      <StatusBar note={note} />
      {results && (
        <Table size="small" aria-label={s.tabs.diagnostics}>
          <TableHeader>
            <TableRow>
              <TableHeaderCell>{d.capability}</TableHeaderCell>
              <TableHeaderCell>{words.apiSet}</TableHeaderCell>
              <TableHeaderCell>{d.result}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {results.map((r) => (
              <TableRow key={`${r.id}-${r.api}`}>
                <TableCell>{r.id === 'api' ? d.apiName(r.api) : d.names[r.id]}</TableCell>
                <TableCell className={styles.api}>{r.api}</TableCell>
                <TableCell
                  className={r.status === 'failed' ? styles.failed : r.status === 'passed' ? styles.passed : undefined}
                  title={r.message}
                >
                  {outcome(r)}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </div>
  );
}
