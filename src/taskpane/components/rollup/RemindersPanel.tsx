import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Subtitle2,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import type { RemindersOperation } from '../../../core/operations/bulletin';
import type { ExcelApi } from '../../../hosts/excel/runtime';
import { useStrings } from '../../i18n';
import { errorMessage } from '../../input';
import type { Note } from '../StatusBar';
import { useQuestion } from '../useQuestion';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
  row: { display: 'flex', alignItems: 'center', columnGap: tokens.spacingHorizontalM },
  notice: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalXS,
    padding: tokens.spacingHorizontalS,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  text: { whiteSpace: 'pre-wrap', userSelect: 'text' },
});

// the chunk 催报通知 loaded; import() of it again is answered from the module cache
const load = () => import(/* webpackChunkName: "reminders" */ '../../reminders');

/** The 催报 notices drafted from the summary: one per county to copy, all at once, or as a 催报 sheet. */
export function RemindersPanel({ api, op, onNote }: { api: ExcelApi; op: RemindersOperation; onNote: (note: Note) => void }) {
  const s = useStrings();
  const r = s.rollup.reminders;
  const styles = useStyles();
  const [writing, setWriting] = useState(false);
  const replace = useQuestion<string, boolean>(false);

  const copy = async (text: string, county: string | null): Promise<void> => {
    const { copyText } = await load();
    const ok = await copyText(text);
    onNote(
      ok ? { intent: 'success', title: r.title, lines: [r.copied(county)] } : { intent: 'warning', title: r.title, lines: [r.copyFailed] },
    );
  };

  const write = async (): Promise<void> => {
    setWriting(true);
    try {
      const { writeRemindersSheet } = await load();
      const done = await writeRemindersSheet(api, op.sheet, replace.ask);
      onNote(
        done.sheet
          ? { intent: 'success', title: r.writtenTitle, lines: [r.written(done.sheet, done.replaced)] }
          : { intent: 'info', title: r.title, lines: [s.rollup.cancelled] },
      );
    } catch (err) {
      onNote({ intent: 'error', title: r.errorTitle, lines: [errorMessage(err, s)] });
    } finally {
      setWriting(false);
    }
  };

  return (
    <section className={styles.root} aria-label={r.title}>
      <Subtitle2>{r.title}</Subtitle2>
      {op.reminders.length === 0 ? (
        <Text>{op.text}</Text>
      ) : (
        op.reminders.map((n) => (
          <div key={n.county} className={styles.notice} role="group" aria-label={n.county}>
            <Text className={styles.text}>{n.text}</Text>
            <div className={styles.row}>
              <Button size="small" onClick={() => void copy(n.text, n.county)}>
                {r.copy}
              </Button>
            </div>
          </div>
        ))
      )}
      <div className={styles.row}>
        <Button onClick={() => void copy(op.text, null)} disabled={op.reminders.length === 0}>
          {r.copyAll}
        </Button>
        <Button onClick={() => void write()} disabled={writing || op.reminders.length === 0}>
          {r.writeSheet}
        </Button>
      </div>
      {/* Escape or a click outside counts as Cancel: the safe answer leaves the sheet as it was. */}
      <Dialog open={replace.question !== null} modalType="alert" onOpenChange={(_, d) => !d.open && replace.answer(false)}>
        <DialogSurface>
          <DialogBody>
            <DialogTitle>{r.replaceTitle}</DialogTitle>
            <DialogContent>{replace.question !== null && r.replaceText(replace.question)}</DialogContent>
            <DialogActions>
              <Button appearance="primary" onClick={() => replace.answer(true)}>
                {r.replace}
              </Button>
              <Button appearance="secondary" onClick={() => replace.answer(false)}>
                {r.cancel}
              </Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </section>
  );
}
