import { Button, Field, Radio, RadioGroup, Spinner, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useCallback, useState } from 'react';
import type { Finding } from '../../../core/findings/catalogue';
import { clearMarks, markFindings, writeFindingsSheet } from '../../../hosts/excel/marks';
import type { ExcelApi } from '../../../hosts/excel/runtime';
import { type ExcelValidation, selectFinding, validateInExcel } from '../../../hosts/excel/validate';
import { useStrings } from '../../i18n';
import { errorMessage } from '../../input';
import { ConflictDialog } from '../ConflictDialog';
import { type Note, StatusBar } from '../StatusBar';
import { useConflictQuestion } from '../useConflictQuestion';
import { FindingsList } from './FindingsList';
import { StatusConflictDialog } from './StatusConflictDialog';
import { type ConflictAnswer, fillStatusInExcel } from '../../../hosts/excel/fillStatus';
import type { StatusConflict } from '../../../core/operations/fillStatus';
import { useQuestion } from '../useQuestion';

type Scope = 'active' | 'all';
type Busy = null | 'review' | 'mark' | 'clear' | 'sheet' | 'status';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM },
  row: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalS },
});

/** 审核: checks the open workbook's task lists and shows, marks or writes up what it found. */
export function ReviewTab({ api }: { api: ExcelApi }) {
  const s = useStrings();
  const styles = useStyles();
  const [scope, setScope] = useState<Scope>('all');
  const [busy, setBusy] = useState<Busy>(null);
  const [review, setReview] = useState<ExcelValidation | null>(null);
  const [reviewNote, setReviewNote] = useState<Note | null>(null);
  const [actionNote, setActionNote] = useState<Note | null>(null);
  const { confirm, conflicts, answer } = useConflictQuestion();
  const statusQuestion = useQuestion<StatusConflict[], ConflictAnswer>('keep');

  const failed = (title: string, err: unknown): Note => ({ intent: 'error', title, lines: [errorMessage(err, s)] });

  const run = async (): Promise<void> => {
    setBusy('review');
    setActionNote(null);
    try {
      const result = await validateInExcel(api, { scope, lang: s.lang });
      setReview(result);
      const lines = result.checked.length === 0 ? [s.review.nothingChecked] : [s.review.checked(result.checked)];
      if (result.checked.length > 0 && result.findings.length === 0) lines.push(s.review.clean);
      const intent = result.checked.length === 0 ? 'warning' : result.findings.length === 0 ? 'success' : 'info';
      setReviewNote({ intent, title: s.review.resultTitle, lines });
    } catch (err) {
      setReview(null);
      setReviewNote(failed(s.review.errorTitle, err));
    } finally {
      setBusy(null);
    }
  };

  /** Runs one of the buttons under the results; its outcome replaces the last one's. */
  const act = async (what: Exclude<Busy, null | 'review'>, job: () => Promise<Note>): Promise<void> => {
    setBusy(what);
    setActionNote(null);
    try {
      setActionNote(await job());
    } catch (err) {
      setActionNote(failed(s.review.actionErrorTitle, err));
    } finally {
      setBusy(null);
    }
  };

  const mark = (findings: Finding[]) =>
    act('mark', async () => {
      const r = await markFindings(api, findings, s.lang);
      const lines = [s.review.marked(r.marked, r.annotation), ...(r.cleared > 0 ? [s.review.markedCleared(r.cleared)] : [])];
      return { intent: 'success', title: s.review.mark, lines };
    });
  const clear = () =>
    act('clear', async () => {
      const r = await clearMarks(api);
      return { intent: 'success', title: s.review.clear, lines: [s.review.cleared(r.cleared)] };
    });
  const writeSheet = (findings: Finding[]) =>
    act('sheet', async () => {
      const r = await writeFindingsSheet(api, findings, s.lang, { confirm });
      if (r.cancelled) return { intent: 'info', title: s.review.writeSheet, lines: [s.review.sheetCancelled] };
      const lines = [s.review.sheetWritten(r.sheet), ...(r.wanted ? [s.review.sheetRenamed(r.wanted, r.sheet)] : [])];
      return { intent: 'success', title: s.review.writeSheet, lines };
    });

  /** 填写状态: fills blank 状态 from the rule; a clerk's differing choice is kept unless the user says otherwise. */
  const fill = () =>
    act('status', async () => {
      const r = await fillStatusInExcel(api, { scope, lang: s.lang, ask: statusQuestion.ask });
      const lines = [s.fillStatus.filled(r.filled)];
      if (r.overwritten > 0) lines.push(s.fillStatus.overwritten(r.overwritten));
      else if (r.conflicts.length > 0) lines.push(s.fillStatus.kept(r.conflicts.length));
      // What the rule could not judge or left alone, as the review would list it.
      for (const f of r.findings) lines.push(`${f.cell ? `${f.sheet}!${f.cell}` : f.sheet}${s.lang === 'zh' ? '：' : ': '}${f.message}`);
      return { intent: r.findings.length > 0 ? 'warning' : 'success', title: s.fillStatus.title, lines };
    });

  const select = useCallback(
    (f: Finding): void => {
      selectFinding(api, f).catch((err: unknown) =>
        setActionNote({ intent: 'error', title: s.findings.selectFailedTitle, lines: [errorMessage(err, s)] }),
      );
    },
    [api, s],
  );

  const findings = review?.findings ?? [];
  const spinnerLabel: Record<Exclude<Busy, null>, string> = {
    review: s.review.running,
    mark: s.review.marking,
    clear: s.review.clearing,
    sheet: s.review.writingSheet,
    status: s.fillStatus.running,
  };
  return (
    <div className={styles.root}>
      <Text>{s.review.intro}</Text>
      <Field label={s.review.scope}>
        <RadioGroup value={scope} onChange={(_, d) => setScope(d.value as Scope)} disabled={busy !== null}>
          <Radio value="active" label={s.review.scopeActive} />
          <Radio value="all" label={s.review.scopeAll} />
        </RadioGroup>
      </Field>
      <div className={styles.row}>
        <Button appearance="primary" onClick={() => void run()} disabled={busy !== null}>
          {s.review.button}
        </Button>
        <Button onClick={() => void fill()} disabled={busy !== null}>
          {s.fillStatus.button}
        </Button>
        {busy && <Spinner size="tiny" label={spinnerLabel[busy]} />}
      </div>
      <StatusBar note={reviewNote} />
      <div className={styles.row}>
        <Button onClick={() => void mark(findings)} disabled={busy !== null || findings.length === 0}>
          {s.review.mark}
        </Button>
        <Button onClick={() => void clear()} disabled={busy !== null}>
          {s.review.clear}
        </Button>
        <Button onClick={() => void writeSheet(findings)} disabled={busy !== null || !review || review.checked.length === 0}>
          {s.review.writeSheet}
        </Button>
      </div>
      <StatusBar note={actionNote} />
      {findings.length > 0 && <FindingsList findings={findings} onSelect={select} />}
      <ConflictDialog conflicts={conflicts} onAnswer={answer} />
      <StatusConflictDialog conflicts={statusQuestion.question} onAnswer={statusQuestion.answer} />
    </div>
  );
}
