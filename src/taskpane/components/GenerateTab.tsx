import {
  Button,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Select,
  Spinner,
  Textarea,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import type { SheetAction } from '../../core/generate/generate';
import type { Lang } from '../../core/i18n';
import type { Paper } from '../../core/sheet/printPlan';
import type { ExcelApi } from '../../hosts/excel/runtime';
import { type Strings, useStrings } from '../i18n';
import { checkPeriod, errorMessage, parseCounties } from '../input';
import { type ImportDraft, correctedPlan, includedCount } from '../importDraft';
import { type PlanSource, SAMPLE_INFO, defaultPeriod, planFor } from '../plans';
import { ErrorBoundary } from './ErrorBoundary';
import { NextPeriodPanel } from './generate/NextPeriodPanel';
import { Loading, Quietly, lazyRetry, useOpenedOnce } from './lazyPanel';
import { useConflictQuestion } from './useConflictQuestion';

// The importer (and mammoth for .docx) loads when a clerk first picks 从规划文本导入.
const ImportPanel = lazyRetry(() => import(/* webpackChunkName: "import" */ './generate/ImportPanel').then((m) => m.ImportPanel));

const ConflictDialog = lazyRetry(() => import(/* webpackChunkName: "dialog-conflict" */ './ConflictDialog').then((m) => m.ConflictDialog));

/** What generateInExcel reports back. */
interface Outcome {
  actions: SheetAction[];
  cancelled: boolean;
  /** the sheet left active, or '' */
  activated: string;
}

/** The unit directory's key in SheetAction; its `kept` lists unit names, not task ids. */
const UNITS_KEY = 'units';

/** The plans offered, and a plan read from a document's text. */
type Source = PlanSource | 'import';

type Status = { state: 'idle' } | { state: 'running' } | { state: 'done'; outcome: Outcome } | { state: 'failed'; message: string };

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM },
  years: { display: 'flex', columnGap: tokens.spacingHorizontalS, alignItems: 'center' },
  year: { width: '7em' },
  // A Field lays its control out in a grid, where a select is as wide as its longest option: the
  // sample plan's name would widen the pane past a task pane's width, chevron and all, off-screen.
  choice: { minWidth: 0 },
  actions: { display: 'flex', alignItems: 'center', columnGap: tokens.spacingHorizontalM },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

export function GenerateTab({ api }: { api: ExcelApi }) {
  const s = useStrings();
  const styles = useStyles();

  const [source, setSource] = useState<Source>('sample');
  const [importOpened, setImportOpened] = useState(false);
  const [draft, setDraft] = useState<ImportDraft | null>(null);
  const [startYear, setStartYear] = useState(String(defaultPeriod('sample').startYear));
  const [endYear, setEndYear] = useState(String(defaultPeriod('sample').endYear));
  const [countiesText, setCountiesText] = useState('');
  const [headerLang, setHeaderLang] = useState<Lang>(s.lang);
  const [paper, setPaper] = useState<Paper>('A4');
  const [status, setStatus] = useState<Status>({ state: 'idle' });
  const { confirm, conflicts, answer } = useConflictQuestion();
  const asked = useOpenedOnce(conflicts !== null);

  const counties = useMemo(() => parseCounties(countiesText), [countiesText]);
  const sourceLabel = (src: Source): string =>
    src === 'sample' ? s.generate.sourceSample(SAMPLE_INFO.name) : src === 'empty' ? s.generate.sourceEmpty : s.importPlan.source;
  const langLabel = (lang: Lang): string => (lang === 'zh' ? s.generate.headerLangZh : s.generate.headerLangEn);

  const setPeriod = (start: number, end: number): void => {
    setStartYear(String(start));
    setEndYear(String(end));
  };
  const chooseSource = (src: Source): void => {
    setSource(src);
    if (src === 'import') setImportOpened(true);
    if (src !== 'import') {
      const period = defaultPeriod(src);
      setPeriod(period.startYear, period.endYear);
    } else if (draft) setPeriod(draft.result.plan.startYear, draft.result.plan.endYear);
  };

  const run = async (): Promise<void> => {
    const period = checkPeriod(startYear, endYear, s);
    if (!period.ok) {
      setStatus({ state: 'failed', message: period.message });
      return;
    }
    if (source === 'import' && (!draft || includedCount(draft) === 0)) {
      setStatus({ state: 'failed', message: draft ? s.importPlan.noneSelected : s.importPlan.needParse });
      return;
    }
    setStatus({ state: 'running' });
    try {
      const plan =
        source === 'import' && draft
          ? correctedPlan(draft, period.startYear, period.endYear)
          : await planFor(source === 'import' ? 'empty' : source, period.startYear, period.endYear);
      // The generation code is not needed to paint the tab; it loads on the first 生成.
      const { generateInExcel } = await import(/* webpackChunkName: "generate" */ '../../hosts/excel/generate');
      const outcome = await generateInExcel(api, plan, { counties, lang: headerLang, paper }, confirm);
      setStatus({ state: 'done', outcome });
    } catch (err) {
      setStatus({ state: 'failed', message: errorMessage(err, s) });
    }
  };

  const running = status.state === 'running';
  return (
    <div className={styles.form}>
      <Text>{s.generate.intro}</Text>
      <Field label={s.generate.source}>
        {/* Native selects: Fluent's Dropdown would bring its popup positioning into the first load. */}
        {/* cut at the pane's edge when long, so the whole name shows on hover */}
        <Select
          className={styles.choice}
          title={sourceLabel(source)}
          value={source}
          onChange={(_, data) => chooseSource(data.value as Source)}
          disabled={running}
        >
          <option value="sample">{sourceLabel('sample')}</option>
          <option value="empty">{sourceLabel('empty')}</option>
          <option value="import">{sourceLabel('import')}</option>
        </Select>
      </Field>
      <Field label={s.generate.period} hint={s.generate.periodHint}>
        <div className={styles.years}>
          <Input
            className={styles.year}
            aria-label={s.generate.startYear}
            type="number"
            inputMode="numeric"
            value={startYear}
            onChange={(_, data) => setStartYear(data.value)}
            disabled={running}
          />
          <span aria-hidden>–</span>
          <Input
            className={styles.year}
            aria-label={s.generate.endYear}
            type="number"
            inputMode="numeric"
            value={endYear}
            onChange={(_, data) => setEndYear(data.value)}
            disabled={running}
          />
        </div>
      </Field>
      <Field
        label={s.generate.counties}
        hint={counties.length > 0 ? s.generate.countiesHint + s.generate.countiesCount(counties.length) : s.generate.countiesHint}
      >
        <Textarea
          value={countiesText}
          placeholder={s.generate.countiesPlaceholder}
          resize="vertical"
          rows={4}
          onChange={(_, data) => setCountiesText(data.value)}
          disabled={running}
        />
      </Field>
      <Field label={s.generate.headerLang}>
        <Select value={headerLang} onChange={(_, data) => setHeaderLang(data.value as Lang)} disabled={running}>
          <option value="zh">{langLabel('zh')}</option>
          <option value="en">{langLabel('en')}</option>
        </Select>
      </Field>
      <Field label={s.generate.paper}>
        <Select value={paper} onChange={(_, data) => setPaper(data.value as Paper)} disabled={running}>
          <option value="A4">{s.generate.paperA4}</option>
          <option value="A3">{s.generate.paperA3}</option>
        </Select>
      </Field>
      {/* Kept mounted while another plan is chosen, so the pasted text and corrections survive. */}
      <div hidden={source !== 'import'}>
        {importOpened && (
          <Loading>
            <ImportPanel draft={draft} onDraft={setDraft} onPeriod={setPeriod} disabled={running} />
          </Loading>
        )}
      </div>
      <div className={styles.actions}>
        <Button appearance="primary" onClick={() => void run()} disabled={running}>
          {s.generate.button}
        </Button>
        {running && <Spinner size="tiny" label={s.generate.running} />}
      </div>
      <StatusMessage status={status} s={s} listClass={styles.list} />
      {asked && (
        <ErrorBoundary>
          <Quietly>
            <ConflictDialog conflicts={conflicts} onAnswer={answer} />
          </Quietly>
        </ErrorBoundary>
      )}
      <NextPeriodPanel api={api} />
    </div>
  );
}

function StatusMessage({ status, s, listClass }: { status: Status; s: Strings; listClass: string }) {
  if (status.state === 'failed') {
    return (
      <MessageBar intent="error" layout="multiline" role="alert">
        <MessageBarBody>
          <MessageBarTitle>{s.generate.errorTitle}</MessageBarTitle>
          {status.message}
        </MessageBarBody>
      </MessageBar>
    );
  }
  if (status.state !== 'done') return null;
  const { outcome } = status;
  if (outcome.cancelled) {
    return (
      <MessageBar intent="info" layout="multiline" role="status">
        <MessageBarBody>
          <MessageBarTitle>{s.generate.cancelledTitle}</MessageBarTitle>
          {s.generate.cancelled}
        </MessageBarBody>
      </MessageBar>
    );
  }
  const created = outcome.actions.filter((a) => a.action === 'create').map((a) => a.sheet);
  const updates = outcome.actions.flatMap((a) => (a.action === 'update' ? [a] : []));
  // Only sheets that actually carried something over get a line of their own.
  const carried = updates.flatMap((a) => {
    if (a.key === UNITS_KEY) return a.kept.length > 0 ? [s.generate.keptUnits(a.sheet, a.kept.length)] : [];
    return a.kept.length + a.orphans.length > 0 ? [s.generate.keptFilled(a.sheet, a.kept.length, a.orphans.length)] : [];
  });
  const lines = [
    ...(created.length > 0 ? [s.generate.created(created)] : []),
    ...(updates.length > 0 ? [s.generate.updated(updates.map((a) => a.sheet))] : []),
    ...carried,
    ...(outcome.activated ? [s.generate.activated(outcome.activated)] : []),
  ];
  return (
    <MessageBar intent="success" layout="multiline" role="status">
      <MessageBarBody>
        <MessageBarTitle>{s.generate.successTitle}</MessageBarTitle>
        <ul className={listClass}>
          {lines.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      </MessageBarBody>
    </MessageBar>
  );
}
