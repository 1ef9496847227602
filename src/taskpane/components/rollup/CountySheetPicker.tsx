import { Button, Caption1, Checkbox, Label, Spinner, makeStyles, tokens, useId } from '@fluentui/react-components';
import { useStrings } from '../../i18n';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXXS },
  list: { display: 'flex', flexDirection: 'column' },
  head: { display: 'flex', alignItems: 'center', justifyContent: 'space-between', columnGap: tokens.spacingHorizontalS },
});

interface Props {
  /** null while the list is being read */
  sheets: Array<{ sheet: string; county: string | null }> | null;
  unticked: ReadonlySet<string>;
  onToggle: (sheet: string, ticked: boolean) => void;
  onRefresh: () => void;
  disabled: boolean;
}

/** The workbook's county sheets, each with a tick; all ticked unless the clerk unticks one. */
export function CountySheetPicker({ sheets, unticked, onToggle, onRefresh, disabled }: Props) {
  const s = useStrings();
  const styles = useStyles();
  const labelId = useId('county-sheets');
  // A group, not a Field: a Field gives its one control its id, and here are many.
  return (
    <div className={styles.root} role="group" aria-labelledby={labelId}>
      <div className={styles.head}>
        <Label id={labelId}>{s.rollup.sheets}</Label>
        <Button size="small" appearance="subtle" onClick={onRefresh} disabled={disabled || sheets === null}>
          {s.rollup.refresh}
        </Button>
      </div>
      <div className={styles.list}>
        {sheets === null && <Spinner size="tiny" label={s.rollup.loadingSheets} />}
        {sheets?.length === 0 && <Caption1>{s.rollup.noSheets}</Caption1>}
        {sheets?.map(({ sheet, county }) => (
          <Checkbox
            key={sheet}
            label={s.rollup.sheetLabel(sheet, county)}
            checked={!unticked.has(sheet)}
            onChange={(_, d) => onToggle(sheet, d.checked === true)}
            disabled={disabled}
          />
        ))}
      </div>
      {sheets && sheets.length > 0 && <Caption1>{s.rollup.sheetsHint}</Caption1>}
    </div>
  );
}
