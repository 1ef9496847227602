import { Button, Field, Spinner, Text, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { Finding } from '../../../core/findings/catalogue';
import type { RemindersOperation } from '../../../core/operations/bulletin';
import { type CountySheetList, type ExcelRollup, listCountySheets, rollupInExcel } from '../../../hosts/excel/rollup';
import type { ExcelApi } from '../../../hosts/excel/runtime';
import { selectFinding } from '../../../hosts/excel/validate';
import { readCountyFiles } from '../../files';
import { useStrings } from '../../i18n';
import { errorMessage, parseCounties } from '../../input';
import { ConflictDialog } from '../ConflictDialog';
import { type Note, StatusBar } from '../StatusBar';
import { useConflictQuestion } from '../useConflictQuestion';
import { CountySheetPicker } from './CountySheetPicker';
import { FilePicker } from './FilePicker';
import { RemindersPanel } from './RemindersPanel';
import { RollupResult } from './RollupResult';

type Busy = null | 'files' | 'rollup' | 'bulletin' | 'reminders';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM },
  row: { display: 'flex', alignItems: 'center', columnGap: tokens.spacingHorizontalM },
});

/** 汇总: county sheets of this workbook and county files into 汇总 / 填报情况 / 排名. */
export function RollupTab({ api, active }: { api: ExcelApi; active: boolean }) {
  const s = useStrings();
  const styles = useStyles();
  const [list, setList] = useState<CountySheetList | null>(null);
  const [unticked, setUnticked] = useState<ReadonlySet<string>>(new Set());
  const [files, setFiles] = useState<File[]>([]);
  const [expectedText, setExpectedText] = useState('');
  const [busy, setBusy] = useState<Busy>(null);
  const [outcome, setOutcome] = useState<{ rollup: ExcelRollup; unreadable: string[] } | null>(null);
  const [note, setNote] = useState<Note | null>(null);
  const [reminders, setReminders] = useState<RemindersOperation | null>(null);
  const { confirm, conflicts, answer } = useConflictQuestion();
  const expected = useMemo(() => parseCounties(expectedText), [expectedText]);

  const refresh = useCallback(async (): Promise<CountySheetList | null> => {
    setList(null);
    try {
      const found = await listCountySheets(api);
      setList(found);
      return found;
    } catch (err) {
      setList({ countySheets: [], sheetNames: [], summary: false });
      setNote({ intent: 'error', title: s.rollup.listErrorTitle, lines: [errorMessage(err, s)] });
      return null;
    }
  }, [api, s]);

  // The sheets change while the pane is open (generation, the clerk's own edits): read them
  // again whenever the tab is shown.
  useEffect(() => {
    if (active) void refresh();
  }, [active, refresh]);

  const toggle = (sheet: string, ticked: boolean): void =>
    setUnticked((prev) => {
      const next = new Set(prev);
      if (ticked) next.delete(sheet);
      else next.add(sheet);
      return next;
    });

  const run = async (): Promise<void> => {
    setNote(null);
    setOutcome(null);
    setReminders(null);
    try {
      setBusy('files');
      const read = await readCountyFiles(files, s.lang);
      setBusy('rollup');
      const sheets = (list?.countySheets ?? []).map((c) => c.sheet);
      const ticked = sheets.filter((sh) => !unticked.has(sh));
      const rollup = await rollupInExcel(api, {
        // All ticked is the default roll-up: blank county copies count as not yet submitted.
        ...(ticked.length === sheets.length ? {} : { sheets: ticked }),
        files: read.files,
        unreadable: read.unreadable,
        lang: s.lang,
        ...(expected.length > 0 ? { counties: expected } : {}),
        confirm,
      });
      setOutcome({ rollup, unreadable: read.unreadable.map((u) => u.name) });
      if (rollup.status === 'done') await refresh();
    } catch (err) {
      setNote({ intent: 'error', title: s.rollup.errorTitle, lines: [errorMessage(err, s)] });
    } finally {
      setBusy(null);
    }
  };

  // 生成通报: read the summary sheets, draft, and pack the .docx with a library loaded only now.
  const bulletin = async (): Promise<void> => {
    setNote(null);
    try {
      setBusy('bulletin');
      const { draftBulletin } = await import(/* webpackChunkName: "bulletin" */ '../../bulletinDownload');
      const doc = await draftBulletin(api, s.lang, s.rollup.bulletinFile);
      setNote({ intent: 'success', title: s.rollup.bulletinDoneTitle, lines: [s.rollup.bulletinDone(s.rollup.bulletinFile, doc.title)] });
    } catch (err) {
      setNote({ intent: 'error', title: s.rollup.bulletinErrorTitle, lines: [errorMessage(err, s)] });
    } finally {
      setBusy(null);
    }
  };

  // 催报通知: the same summary read as the bulletin's, the notices shown to copy or write as a sheet.
  const remind = async (): Promise<void> => {
    setNote(null);
    setReminders(null);
    try {
      setBusy('reminders');
      const { remindersInExcel } = await import(/* webpackChunkName: "reminders" */ '../../reminders');
      setReminders(await remindersInExcel(api, { lang: s.lang }));
    } catch (err) {
      setNote({ intent: 'error', title: s.rollup.reminders.errorTitle, lines: [errorMessage(err, s)] });
    } finally {
      setBusy(null);
    }
  };

  const sheetNames = useMemo(() => new Set(list?.sheetNames ?? []), [list]);
  const canSelect = useCallback((f: Finding) => sheetNames.has(f.sheet), [sheetNames]);
  const select = useCallback(
    (f: Finding): void => {
      selectFinding(api, f).catch((err: unknown) =>
        setNote({ intent: 'error', title: s.findings.selectFailedTitle, lines: [errorMessage(err, s)] }),
      );
    },
    [api, s],
  );

  return (
    <div className={styles.root}>
      <Text>{s.rollup.intro}</Text>
      <CountySheetPicker
        sheets={list?.countySheets ?? null}
        unticked={unticked}
        onToggle={toggle}
        onRefresh={() => void refresh()}
        disabled={busy !== null}
      />
      <FilePicker files={files} onChange={setFiles} disabled={busy !== null} />
      <Field label={s.rollup.expected} hint={s.rollup.expectedHint}>
        <Textarea
          value={expectedText}
          placeholder={s.rollup.expectedPlaceholder}
          resize="vertical"
          rows={2}
          onChange={(_, d) => setExpectedText(d.value)}
          disabled={busy !== null}
        />
      </Field>
      <div className={styles.row}>
        <Button appearance="primary" onClick={() => void run()} disabled={busy !== null}>
          {s.rollup.button}
        </Button>
        <Button onClick={() => void bulletin()} disabled={busy !== null || !list?.summary} title={s.rollup.bulletinHint}>
          {s.rollup.bulletin}
        </Button>
        <Button onClick={() => void remind()} disabled={busy !== null || !list?.summary} title={s.rollup.reminders.hint}>
          {s.rollup.reminders.button}
        </Button>
        {busy && (
          <Spinner
            size="tiny"
            label={
              busy === 'files'
                ? s.rollup.readingFiles
                : busy === 'bulletin'
                  ? s.rollup.bulletinRunning
                  : busy === 'reminders'
                    ? s.rollup.reminders.running
                    : s.rollup.running
            }
          />
        )}
      </div>
      <StatusBar note={note} />
      {reminders && <RemindersPanel api={api} op={reminders} onNote={setNote} />}
      {outcome && <RollupResult outcome={outcome.rollup} unreadable={outcome.unreadable} onSelect={select} canSelect={canSelect} />}
      <ConflictDialog conflicts={conflicts} onAnswer={answer} />
    </div>
  );
}
