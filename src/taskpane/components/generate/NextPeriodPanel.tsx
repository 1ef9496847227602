import { Button, MessageBar, MessageBarBody, MessageBarTitle, Spinner, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { NextPeriodReport } from '../../../core/operations/nextPeriod';
import type { AskPeriod } from '../../../hosts/excel/nextPeriod';
import type { ExcelApi } from '../../../hosts/excel/runtime';
import { type Strings, useStrings } from '../../i18n';
import { errorMessage } from '../../input';
import { ErrorBoundary } from '../ErrorBoundary';
import { Quietly, lazyRetry, useOpenedOnce } from '../lazyPanel';
import type { Question } from './PeriodDialog';

type Status =
  { state: 'idle' } | { state: 'running' } | { state: 'done'; report: NextPeriodReport | null } | { state: 'failed'; message: string };

// The dialog (and Fluent's Dialog) loads when the host first asks.
const PeriodDialog = lazyRetry(() => import(/* webpackChunkName: "dialog-period" */ './PeriodDialog').then((m) => m.PeriodDialog));

const useStyles = makeStyles({
  panel: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalS,
    borderTop: `1px solid ${tokens.colorNeutralStroke2}`,
    paddingTop: tokens.spacingVerticalM,
  },
  actions: { display: 'flex', alignItems: 'center', columnGap: tokens.spacingHorizontalM },
});

/**
 * The question the host asks between its read and its write (ConflictDialog's pattern): the
 * host awaits `ask`'s promise while the dialog shows; `answer` settles it with the label or null.
 */
function usePeriodQuestion(): { ask: AskPeriod; question: Question | null; setPeriod: (p: string) => void; answer: (ok: boolean) => void } {
  const [question, setQuestion] = useState<Question | null>(null);
  const pending = useRef<((label: string | null) => void) | null>(null);
  const latest = useRef<Question | null>(null);
  const ask = useCallback<AskPeriod>(
    (current, suggested) =>
      new Promise<string | null>((resolve) => {
        pending.current = resolve;
        latest.current = { current, period: suggested ?? '' };
        setQuestion(latest.current);
      }),
    [],
  );
  const setPeriod = useCallback((period: string) => {
    latest.current = latest.current ? { ...latest.current, period } : null;
    setQuestion(latest.current);
  }, []);
  const answer = useCallback((ok: boolean) => {
    pending.current?.(ok && latest.current ? latest.current.period.trim() : null);
    pending.current = null;
    latest.current = null;
    setQuestion(null);
  }, []);
  // A pane closed mid-question must not leave the host waiting forever.
  useEffect(() => () => pending.current?.(null), []);
  return { ask, question, setPeriod, answer };
}

/** 开始新一期: the same list for the next reporting period, in the open workbook. */
export function NextPeriodPanel({ api }: { api: ExcelApi }) {
  const s = useStrings();
  const styles = useStyles();
  const [status, setStatus] = useState<Status>({ state: 'idle' });
  const { ask, question, setPeriod, answer } = usePeriodQuestion();
  const asked = useOpenedOnce(question !== null);

  const run = async (): Promise<void> => {
    setStatus({ state: 'running' });
    try {
      // Loaded on click: the Generate tab paints without it.
      const { nextPeriodInExcel } = await import(/* webpackChunkName: "next-period" */ '../../../hosts/excel/nextPeriod');
      const result = await nextPeriodInExcel(api, ask);
      setStatus({ state: 'done', report: result.report });
    } catch (err) {
      setStatus({ state: 'failed', message: errorMessage(err, s) });
    }
  };

  const running = status.state === 'running';
  return (
    <section className={styles.panel} aria-label={s.nextPeriod.title}>
      <Text weight="semibold">{s.nextPeriod.title}</Text>
      <Text>{s.nextPeriod.intro}</Text>
      <div className={styles.actions}>
        <Button onClick={() => void run()} disabled={running}>
          {s.nextPeriod.button}
        </Button>
        {/* not while the dialog asks: nothing is being written then */}
        {running && !question && <Spinner size="tiny" label={s.nextPeriod.running} />}
      </div>
      <Outcome status={status} s={s} />
      {asked && (
        <ErrorBoundary>
          <Quietly>
            <PeriodDialog question={question} setPeriod={setPeriod} answer={answer} />
          </Quietly>
        </ErrorBoundary>
      )}
    </section>
  );
}

function Outcome({ status, s }: { status: Status; s: Strings }) {
  if (status.state === 'failed') {
    return (
      <MessageBar intent="error" layout="multiline" role="alert">
        <MessageBarBody>
          <MessageBarTitle>{s.nextPeriod.errorTitle}</MessageBarTitle>
          {status.message}
        </MessageBarBody>
      </MessageBar>
    );
  }
  if (status.state !== 'done') return null;
  const { report } = status;
  return (
    <MessageBar intent={report ? 'success' : 'info'} layout="multiline" role="status">
      <MessageBarBody>
        {report ? (
          <>
            <MessageBarTitle>{s.nextPeriod.successTitle}</MessageBarTitle>
            {report.closed ? s.nextPeriod.closed(report.closed, report.period) : ''}
            {s.nextPeriod.done(report.sheets.length, report.moved, report.periods.length)}
          </>
        ) : (
          s.nextPeriod.cancelled
        )}
      </MessageBarBody>
    </MessageBar>
  );
}
