import { Badge, Button, Caption1, Radio, RadioGroup, Text, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { memo, useEffect, useMemo, useState } from 'react';
import { CATALOGUE, type Finding, SEVERITY_LABELS, type Severity, summarize } from '../../../core/findings/catalogue';
import { type GroupBy, firstOf, groupFindings, locationOf } from '../../findingsView';
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
  const shownCount = Math.min(limit, findings.length);

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
            <span className={styles.code}>
              <span>{CATALOGUE[g.items[0].code].title[s.lang]}</span>
              <span>{g.items.length}</span>
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
          <h4 className={styles.groupTitle}>{s.findings.groupTitle(g.title, g.items.length)}</h4>
          <ul className={styles.list}>
            {g.shown.map((f, i) => (
              <li key={i}>
                <FindingItem finding={f} onSelect={onSelect && (canSelect?.(f) ?? true) ? onSelect : undefined} />
              </li>
            ))}
          </ul>
        </section>
      ))}
      {shownCount < findings.length && (
        <Button appearance="secondary" onClick={() => setLimit((n) => n + PAGE)}>
          {s.findings.showMore(shownCount, findings.length)}
        </Button>
      )}
    </div>
  );
}

const FindingItem = memo(function FindingItem({ finding, onSelect }: { finding: Finding; onSelect?: (f: Finding) => void }) {
  const s = useStrings();
  const styles = useStyles();
  const where = [finding.cell ? locationOf(finding) : s.findings.wholeSheet(finding.sheet)];
  if (finding.taskId) where.push(s.findings.taskId(finding.taskId));
  const body = (
    <>
      <span className={styles.message}>
        <Badge className={styles.badge} size="small" appearance="filled" color={BADGE_COLOR[finding.severity]}>
          {SEVERITY_LABELS[finding.severity][s.lang]}
        </Badge>
        <span>{finding.message}</span>
      </span>
      <span className={styles.where}>{where.join(' · ')}</span>
    </>
  );
  if (!onSelect) return <div className={styles.item}>{body}</div>;
  return (
    <button type="button" className={mergeClasses(styles.item, styles.clickable)} onClick={() => onSelect(finding)}>
      {body}
    </button>
  );
});
