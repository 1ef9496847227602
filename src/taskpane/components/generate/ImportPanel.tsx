import { Button, Caption1, Divider, Field, Input, Spinner, Text, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { type Dispatch, type SetStateAction, useRef, useState } from 'react';
import { ImportError, importDocument } from '../../../core/operations/import';
import { NotDocxError, planFileText } from '../../files';
import { type Strings, useStrings } from '../../i18n';
import { type ImportDraft, includedCount, newDraft } from '../../importDraft';
import { errorMessage } from '../../input';
import { type Note, StatusBar } from '../StatusBar';
import { ImportPreview } from './ImportPreview';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM },
  row: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalXS },
  input: { display: 'none' },
});

interface Props {
  draft: ImportDraft | null;
  onDraft: Dispatch<SetStateAction<ImportDraft | null>>;
  /** the period the document names, for the Generate tab's period fields */
  onPeriod: (startYear: number, endYear: number) => void;
  disabled: boolean;
}

function importErrorText(err: unknown, s: Strings): string {
  if (err instanceof ImportError) return s.importPlan[err.reason];
  if (err instanceof NotDocxError) return s.importPlan.notDocx(err.file);
  return errorMessage(err, s);
}

/** 从规划文本导入: the text (pasted or from a file), 解析, then the preview to correct. */
export function ImportPanel({ draft, onDraft, onPeriod, disabled }: Props) {
  const s = useStrings();
  const styles = useStyles();
  const [text, setText] = useState('');
  const [busy, setBusy] = useState<null | 'file' | 'parse'>(null);
  const [note, setNote] = useState<Note | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);

  const open = async (file: File): Promise<void> => {
    setBusy('file');
    setNote(null);
    try {
      setText(await planFileText(file));
    } catch (err) {
      setNote({ intent: 'error', title: s.importPlan.fileErrorTitle, lines: [importErrorText(err, s)] });
    } finally {
      setBusy(null);
    }
  };

  const parse = async (): Promise<void> => {
    setBusy('parse');
    setNote(null);
    // Let the spinner paint: a long document takes a moment to read.
    await new Promise((resolve) => setTimeout(resolve, 0));
    try {
      // The clock is read here, not in the core: an undated document takes this year.
      // The clock is read here, not in the core: an undated document takes this year.
      const result = importDocument(text, { lang: s.lang, year: new Date().getFullYear() }).imported;
      onDraft(newDraft(result));
      onPeriod(result.plan.startYear, result.plan.endYear);
    } catch (err) {
      onDraft(null);
      setNote({ intent: 'error', title: s.importPlan.parseErrorTitle, lines: [importErrorText(err, s)] });
    } finally {
      setBusy(null);
    }
  };

  const locked = disabled || busy !== null;
  const plan = draft?.result.plan;
  return (
    <div className={styles.root}>
      <Divider>{s.importPlan.source}</Divider>
      <Text>{s.importPlan.intro}</Text>
      <Field label={s.importPlan.text} hint={s.importPlan.fileHint}>
        <Textarea
          value={text}
          placeholder={s.importPlan.textPlaceholder}
          resize="vertical"
          rows={6}
          onChange={(_, d) => setText(d.value)}
          disabled={locked}
        />
      </Field>
      <div className={styles.row}>
        <input
          ref={fileInput}
          className={styles.input}
          type="file"
          accept=".txt,.docx,text/plain,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
          aria-label={s.importPlan.openFile}
          onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = '';
            if (file) void open(file);
          }}
        />
        <Button onClick={() => fileInput.current?.click()} disabled={locked}>
          {s.importPlan.openFile}
        </Button>
        <Button appearance="primary" onClick={() => void parse()} disabled={locked}>
          {s.importPlan.parse}
        </Button>
        {busy === 'parse' && <Spinner size="tiny" label={s.importPlan.parsing} />}
        {busy === 'file' && <Spinner size="tiny" />}
      </div>
      <StatusBar note={note} />
      {draft && plan && (
        <>
          <Field label={s.importPlan.planName} hint={s.importPlan.planNameHint}>
            <Input value={draft.name} onChange={(_, d) => onDraft((prev) => prev && { ...prev, name: d.value })} disabled={locked} />
          </Field>
          <Caption1>{s.importPlan.detectedPeriod(plan.startYear, plan.endYear)}</Caption1>
          <Text weight="semibold" role="status">
            {s.importPlan.found(draft.rows.length, includedCount(draft), draft.result.units.length)}
          </Text>
          <ImportPreview draft={draft} onDraft={onDraft} disabled={locked} />
        </>
      )}
    </div>
  );
}
