import { Badge, Checkbox, Dropdown, Input, Option, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { type Dispatch, type SetStateAction, memo, useCallback } from 'react';
import type { Severity } from '../../../core/findings/catalogue';
import type { ImportedTask } from '../../../core/import/importPlan';
import type { TargetBound } from '../../../core/model';
import { useStrings } from '../../i18n';
import { type DraftRow, type ImportDraft, correctedTask, taskUnits } from '../../importDraft';

/** The bound as a mark before the figure (`≥3%`), its words in the tooltip. */
const BOUND_MARK: Record<TargetBound, string> = { atLeast: '≥', atMost: '≤', about: '≈' };
const BADGE_COLOR: Record<Severity, 'danger' | 'warning' | 'informative'> = { error: 'danger', warning: 'warning', info: 'informative' };
const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

const useStyles = makeStyles({
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
  card: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalXS,
    padding: tokens.spacingVerticalS,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
  },
  off: { opacity: 0.55 },
  head: { display: 'flex', alignItems: 'flex-start', columnGap: tokens.spacingHorizontalXS },
  id: { fontWeight: tokens.fontWeightSemibold, paddingTop: '6px', minWidth: '2em' },
  text: { paddingTop: '6px', overflowWrap: 'anywhere' },
  badge: { marginTop: '6px', flexShrink: 0 },
  fields: {
    display: 'grid',
    gridTemplateColumns: 'auto minmax(0, 1fr)',
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalXS,
    alignItems: 'center',
    paddingLeft: '32px',
  },
  label: { color: tokens.colorNeutralForeground3, whiteSpace: 'nowrap' },
  target: { display: 'flex', alignItems: 'center', columnGap: tokens.spacingHorizontalXS },
  unit: { width: '6em' },
  lead: { minWidth: 0, width: '100%' },
  wrap: { overflowWrap: 'anywhere' },
  findings: { paddingLeft: '32px', display: 'flex', flexDirection: 'column', rowGap: '2px' },
  messages: { margin: 0, paddingLeft: tokens.spacingHorizontalL, overflowWrap: 'anywhere' },
});

/** The tasks read from the document, each with what the clerk may correct before generating. */
export function ImportPreview({
  draft,
  onDraft,
  disabled,
}: {
  draft: ImportDraft;
  onDraft: Dispatch<SetStateAction<ImportDraft | null>>;
  disabled: boolean;
}) {
  const styles = useStyles();
  const onRow = useCallback(
    (index: number, row: DraftRow) => onDraft((d) => d && { ...d, rows: d.rows.map((r, j) => (j === index ? row : r)) }),
    [onDraft],
  );
  return (
    <ul className={styles.list}>
      {draft.result.tasks.map((task, i) => (
        <TaskRow key={i} index={i} task={task} row={draft.rows[i]} onRow={onRow} disabled={disabled} />
      ))}
    </ul>
  );
}

interface RowProps {
  index: number;
  task: ImportedTask;
  row: DraftRow;
  onRow: (index: number, row: DraftRow) => void;
  disabled: boolean;
}

const TaskRow = memo(function TaskRow({ index, task, row, onRow, disabled }: RowProps) {
  const s = useStrings();
  const styles = useStyles();
  const shown = correctedTask(task, row);
  const units = taskUnits(task);
  const off = disabled || !row.include;
  const cut = task.findings.some((f) => f.code === 'import-truncated');
  const worst = task.findings.reduce<Severity | null>((w, f) => (w === null || RANK[f.severity] < RANK[w] ? f.severity : w), null);
  return (
    <li className={mergeClasses(styles.card, !row.include && styles.off)} aria-label={`${task.id} ${task.text}`}>
      <div className={styles.head}>
        <Checkbox
          aria-label={s.importPlan.include(task.id)}
          checked={row.include}
          onChange={(_, d) => onRow(index, { ...row, include: d.checked === true })}
          disabled={disabled}
        />
        <span className={styles.id}>{task.id}</span>
        <span className={styles.text}>{task.text}</span>
        {cut && (
          <Badge className={styles.badge} appearance="outline" color="warning">
            {s.importPlan.truncated}
          </Badge>
        )}
      </div>
      <div className={styles.fields}>
        <span className={styles.label}>{s.importPlan.target}</span>
        {task.target ? (
          <span className={styles.target}>
            {task.target.bound && (
              <span title={s.importPlan.bound[task.target.bound]} aria-label={s.importPlan.bound[task.target.bound]}>
                {BOUND_MARK[task.target.bound]}
              </span>
            )}
            <span>{task.target.value}</span>
            <Input
              className={styles.unit}
              size="small"
              aria-label={s.importPlan.unitOf(task.id)}
              placeholder={s.importPlan.unit}
              value={row.unit}
              onChange={(_, d) => onRow(index, { ...row, unit: d.value })}
              disabled={off}
            />
            {task.target.direction === 'down' && (
              <Badge appearance="tint" color="informative">
                {s.importPlan.lowerIsBetter}
              </Badge>
            )}
          </span>
        ) : (
          <span>{s.importPlan.noTarget}</span>
        )}
        <span className={styles.label}>{s.importPlan.deadline}</span>
        <span className={styles.wrap}>{task.deadline ?? '—'}</span>
        <span className={styles.label}>{s.importPlan.lead}</span>
        {units.length > 0 ? (
          <Dropdown
            className={styles.lead}
            size="small"
            aria-label={s.importPlan.leadOf(task.id)}
            placeholder="—"
            value={shown.lead.join('、')}
            selectedOptions={shown.lead.length === 1 ? shown.lead : []}
            onOptionSelect={(_, d) => d.optionValue && onRow(index, { ...row, lead: d.optionValue })}
            disabled={off}
          >
            {units.map((u) => (
              <Option key={u} value={u}>
                {u}
              </Option>
            ))}
          </Dropdown>
        ) : (
          <span>{s.importPlan.noUnits}</span>
        )}
        <span className={styles.label}>{s.importPlan.cooperating}</span>
        <span className={styles.wrap}>{shown.cooperating.join('、') || '—'}</span>
      </div>
      {worst && (
        <div className={styles.findings}>
          <span>
            <Badge appearance="tint" color={BADGE_COLOR[worst]}>
              {s.importPlan.toCheck(task.findings.length)}
            </Badge>
          </span>
          <ul className={styles.messages}>
            {task.findings.map((f, j) => (
              <li key={j}>{f.message}</li>
            ))}
          </ul>
        </div>
      )}
    </li>
  );
});
