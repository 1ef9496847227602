import { Badge, Button, Caption1, Radio, RadioGroup, Text, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { memo, useEffect, useMemo, useState } from 'react';
import { CATALOGUE, type Finding, SEVERITY_LABELS, type Severity, summarize } from '../../../core/findings/catalogue';
import { type FindingEntry, entryTitle } from '../../../core/findings/triage';
import { type GroupBy, entryCount, firstOf, groupFindings, locationOf } from '../../findingsView';
import { useStrings } from '../../i18n';

/** Findings rendered at first, and added per "show more": thousands at once would stall the pane. */
export const PAGE = 500;

const BADGE_COLOR: Record<Severity, 'danger' | 'warning' | 'informative'> = { error: 'danger', warning: 'warning', info: 'informative' };
const SEVERITIES: Severity[] = ['error', 'warning', 'info'];

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
  counts: {
    display: 'flex',
    flexWrap: 'wrap',
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalXS,
    alignItems: 'center',
  },
  codes: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  code: { display: 'flex', justifyContent: 'space-between', columnGap: tokens.spacingHorizontalS },
  groupTitle: {
    margin: `${tokens.spacingVerticalS} 0 ${tokens.spacingVerticalXS}`,
    fontSize: tokens.fontSizeBase300,
    fontWeight: tokens.fontWeightSemibold,
    overflowWrap: 'anywhere',
  },
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', rowGap: '2px' },
  item: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: '2px',
    width: '100%',
    boxSizing: 'border-box',
    textAlign: 'start',
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
    font: 'inherit',
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
  },
  clickable: {
    cursor: 'pointer',
    ':hover': { backgroundColor: tokens.colorNeutralBackground1Hover },
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: '1px' },
  },
  message: { display: 'flex', columnGap: tokens.spacingHorizontalS, alignItems: 'flex-start', overflowWrap: 'anywhere' },
  badge: { flexShrink: 0 },
  where: { color: tokens.colorNeutralForeground3, overflowWrap: 'anywhere' },
  task: { color: tokens.colorNeutralForeground2, overflowWrap: 'anywhere' },
  cells: { display: 'flex', flexWrap: 'wrap', gap: '2px', listStyle: 'none', margin: 0, padding: 0 },
  cell: { minWidth: 'auto', padding: `0 ${tokens.spacingHorizontalXS}` },
});

interface Props {
  findings: Finding[];
  /** an item was clicked; without it the items are plain text */
  onSelect?: (f: Finding) => void;
  /** which items can be shown in Excel (default all, when onSelect is given) */
  canSelect?: (f: Finding) => boolean;
}

/** Counts by severity and by kind, then the findings grouped by kind or by sheet. */
export function FindingsList({ findings, onSelect, canSelect }: Props) {
  const s = useStrings();
  const styles = useStyles();
  const [groupBy, setGroupBy] = useState<GroupBy>('code');
  const [limit, setLimit] = useState(PAGE);
  // A new review starts from the top again.
  useEffect(() => setLimit(PAGE), [findings]);

  const summary = useMemo(() => summarize(findings), [findings]);
  const groups = useMemo(() => groupFindings(findings, groupBy, s.lang), [findings, groupBy, s.lang]);
  const byCode = useMemo(() => groupFindings(findings, 'code', s.lang), [findings, s.lang]);
  const shown = useMemo(() => firstOf(groups, limit), [groups, limit]);
  const entries = entryCount(groups);
  const shownCount = Math.min(limit, entries);

  return (
    <div className={styles.root}>
      <div className={styles.counts} aria-label={s.findings.total(summary.total)}>
        <Text weight="semibold">{s.findings.total(summary.total)}</Text>
        {SEVERITIES.map((sev) => (
          <Badge key={sev} appearance="tint" color={BADGE_COLOR[sev]}>
            {`${SEVERITY_LABELS[sev][s.lang]} ${summary.bySeverity[sev]}`}
          </Badge>
        ))}
      </div>
      <ul className={styles.codes} aria-label={s.findings.byCodeTitle}>
        {byCode.map((g) => (
          <li key={g.key}>
            <span className={styles.code} title={CATALOGUE[g.entries[0].code].about[s.lang]}>
              <span>{CATALOGUE[g.entries[0].code].title[s.lang]}</span>
              <span>{g.count}</span>
            </span>
          </li>
        ))}
      </ul>
      <RadioGroup layout="horizontal" aria-label={s.findings.groupBy} value={groupBy} onChange={(_, d) => setGroupBy(d.value as GroupBy)}>
        <Radio value="code" label={s.findings.groupByCode} />
        <Radio value="sheet" label={s.findings.groupBySheet} />
      </RadioGroup>
      {onSelect && <Caption1>{s.findings.selectHint}</Caption1>}
      {shown.map((g) => (
        <section key={g.key} aria-label={g.title}>
          {/* A kind's group says, on hover, what the finding means and what to do. */}
          <h4 className={styles.groupTitle} title={groupBy === 'code' ? CATALOGUE[g.entries[0].code].about[s.lang] : undefined}>
            {s.findings.groupTitle(g.title, g.count)}
          </h4>
          <ul className={styles.list}>
            {g.shown.map((e) => (
              <li key={e.key}>
                <EntryItem entry={e} onSelect={onSelect} canSelect={canSelect} />
              </li>
            ))}
          </ul>
        </section>
      ))}
      {shownCount < entries && (
        <Button appearance="secondary" onClick={() => setLimit((n) => n + PAGE)}>
          {s.findings.showMore(shownCount, entries)}
        </Button>
      )}
    </div>
  );
}

/** Cells listed when an entry is opened: at most this many (the sheet and the CLI list all). */
const CELLS_SHOWN = 200;

/**
 * One entry: a single finding as a button that goes to its cell, or identical findings as one
 * line (`缺少目标值 × 36 · 序号 1–46`) whose cells are listed when opened.
 */
function EntryItem({
  entry,
  onSelect,
  canSelect,
}: {
  entry: FindingEntry;
  onSelect?: (f: Finding) => void;
  canSelect?: (f: Finding) => boolean;
}) {
  const s = useStrings();
  const styles = useStyles();
  const [open, setOpen] = useState(false);
  const selectable = (f: Finding) => (onSelect && (canSelect?.(f) ?? true) ? onSelect : undefined);
  if (entry.items.length === 1) return <FindingItem finding={entry.items[0]} entry={entry} onSelect={selectable(entry.items[0])} />;
  const cells = entry.items.filter((f) => f.cell);
  return (
    <div className={styles.item}>
      <EntryBody entry={entry} where={[entry.sheet, ...(entry.taskIds ? [s.findings.taskIds(entry.taskIds)] : [])]} />
      {cells.length > 0 && (
        <>
          <Button size="small" appearance="subtle" aria-expanded={open} onClick={() => setOpen((o) => !o)}>
            {s.findings.cells(cells.length, open)}
          </Button>
          {open && (
            <ul className={styles.cells} aria-label={entryTitle(entry)}>
              {cells.slice(0, CELLS_SHOWN).map((f, i) => {
                const go = selectable(f);
                const label = f.taskId ? `${f.cell} (${s.findings.taskId(f.taskId)})` : f.cell!;
                return (
                  <li key={i}>
                    {go ? (
                      <Button size="small" className={styles.cell} onClick={() => go(f)}>
                        {label}
                      </Button>
                    ) : (
                      <span>{label}</span>
                    )}
                  </li>
                );
              })}
              {cells.length > CELLS_SHOWN && <li>{`… (+${cells.length - CELLS_SHOWN})`}</li>}
            </ul>
          )}
        </>
      )}
    </div>
  );
}

function EntryBody({ entry, where }: { entry: FindingEntry; where: string[] }) {
  const s = useStrings();
  const styles = useStyles();
  const notes = [
    ...(entry.alsoIn.length ? [s.findings.alsoIn(entry.alsoIn)] : []),
    ...(entry.inheritedFrom ? [s.findings.inheritedFrom(entry.inheritedFrom)] : []),
  ];
  return (
    <>
      <span className={styles.message}>
        <Badge className={styles.badge} size="small" appearance="filled" color={BADGE_COLOR[entry.severity]}>
          {SEVERITY_LABELS[entry.severity][s.lang]}
        </Badge>
        <span>{entry.items.length > 1 ? `${entryTitle(entry)}：${entry.message}` : entry.message}</span>
      </span>
      {entry.taskText && <span className={styles.task}>{entry.taskText}</span>}
      <span className={styles.where}>{[...where, ...notes].join(' · ')}</span>
    </>
  );
}

const FindingItem = memo(function FindingItem({
  finding,
  entry,
  onSelect,
}: {
  finding: Finding;
  entry: FindingEntry;
  onSelect?: (f: Finding) => void;
}) {
  const s = useStrings();
  const styles = useStyles();
  const where = [finding.cell ? locationOf(finding) : s.findings.wholeSheet(finding.sheet)];
  if (finding.taskId) where.push(s.findings.taskId(finding.taskId));
  const body = <EntryBody entry={entry} where={where} />;
  if (!onSelect) return <div className={styles.item}>{body}</div>;
  return (
    <button type="button" className={mergeClasses(styles.item, styles.clickable)} onClick={() => onSelect(finding)}>
      {body}
    </button>
  );
});
