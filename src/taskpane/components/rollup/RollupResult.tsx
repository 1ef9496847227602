import { makeStyles, tokens } from '@fluentui/react-components';
import type { Finding } from '../../../core/findings/catalogue';
import type { ExcelRollup } from '../../../hosts/excel/rollup';
import { type Strings, useStrings } from '../../i18n';
import { FindingsList } from '../review/FindingsList';
import { type Note, StatusBar } from '../StatusBar';

/** Lines of the ranking shown in the pane; the 排名 sheet has them all. */
const RANKING_LINES = 5;

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM },
  heading: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  ranking: { margin: 0, paddingLeft: tokens.spacingHorizontalL, listStyle: 'none' },
});

/** The outcome of a roll-up in words: what was written, who sent what, who is ahead. */
export function outcomeNote(r: ExcelRollup, s: Strings): Note {
  switch (r.status) {
    case 'no-city':
      return { intent: 'warning', title: s.rollup.errorTitle, lines: [s.rollup.noCity] };
    case 'no-submissions':
      return { intent: 'warning', title: s.rollup.errorTitle, lines: [s.rollup.noSubmissions] };
    case 'cancelled':
      return { intent: 'info', title: s.generate.cancelledTitle, lines: [s.rollup.cancelled] };
    case 'done': {
      const result = r.result!;
      const missing = result.status.filter((c) => !c.submitted).map((c) => c.county);
      // Nothing matched the city list, or figures were left out: said first, not as a success.
      if (result.counties.length === 0)
        return { intent: 'warning', title: s.rollup.emptyTitle, lines: [s.rollup.empty, s.rollup.written(r.actions.map((a) => a.sheet))] };
      return {
        intent: result.excluded.length > 0 ? 'warning' : 'success',
        title: s.rollup.doneTitle,
        lines: [
          s.rollup.written(r.actions.map((a) => a.sheet)),
          s.rollup.counties(result.counties),
          ...(missing.length > 0 ? [s.rollup.missing(missing)] : []),
          ...(result.excluded.length > 0 ? [s.rollup.excluded(result.excluded.length)] : []),
        ],
      };
    }
  }
}

interface Props {
  outcome: ExcelRollup;
  /** files the pane could not read, by name */
  unreadable: string[];
  onSelect: (f: Finding) => void;
  canSelect: (f: Finding) => boolean;
}

export function RollupResult({ outcome, unreadable, onSelect, canSelect }: Props) {
  const s = useStrings();
  const styles = useStyles();
  const result = outcome.result;
  const top = outcome.status === 'done' && result ? result.ranking.slice(0, RANKING_LINES) : [];
  return (
    <div className={styles.root}>
      <StatusBar note={outcomeNote(outcome, s)} />
      {unreadable.length > 0 && (
        <StatusBar note={{ intent: 'warning', title: s.rollup.unreadableTitle, lines: [s.rollup.unreadable(unreadable)] }} />
      )}
      {top.length > 0 && (
        <section aria-label={s.rollup.rankingTitle}>
          <h4 className={styles.heading}>{s.rollup.rankingTitle}</h4>
          <ol className={styles.ranking}>
            {top.map((e) => (
              <li key={e.county}>{s.rollup.rankLine(e.rank, e.county, e.score)}</li>
            ))}
          </ol>
        </section>
      )}
      {result && result.findings.length > 0 && (
        <section aria-label={s.rollup.findingsTitle}>
          <h4 className={styles.heading}>{s.rollup.findingsTitle}</h4>
          <FindingsList findings={result.findings} onSelect={onSelect} canSelect={canSelect} />
        </section>
      )}
    </div>
  );
}
