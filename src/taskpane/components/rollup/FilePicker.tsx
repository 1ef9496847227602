import { Button, Caption1, Label, makeStyles, tokens, useId } from '@fluentui/react-components';
import { useRef } from 'react';
import { useStrings } from '../../i18n';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXS, alignItems: 'flex-start' },
  list: { listStyle: 'none', margin: 0, padding: 0, width: '100%' },
  file: {
    display: 'flex',
    alignItems: 'center',
    justifyContent: 'space-between',
    columnGap: tokens.spacingHorizontalS,
    overflowWrap: 'anywhere',
  },
  input: { display: 'none' },
});

interface Props {
  files: File[];
  onChange: (files: File[]) => void;
  disabled: boolean;
}

/** County workbooks to roll up beside the sheets; read in the pane, never uploaded. */
export function FilePicker({ files, onChange, disabled }: Props) {
  const s = useStrings();
  const styles = useStyles();
  const input = useRef<HTMLInputElement>(null);
  const labelId = useId('county-files');
  return (
    <div className={styles.root} role="group" aria-labelledby={labelId}>
      <Label id={labelId}>{s.rollup.files}</Label>
      <input
        ref={input}
        className={styles.input}
        type="file"
        multiple
        accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        aria-label={s.rollup.files}
        onChange={(e) => {
          const picked = [...(e.target.files ?? [])];
          // A file picked twice is taken once.
          const known = new Set(files.map((f) => `${f.name}/${f.size}/${f.lastModified}`));
          onChange([...files, ...picked.filter((f) => !known.has(`${f.name}/${f.size}/${f.lastModified}`))]);
          e.target.value = '';
        }}
      />
      <Button onClick={() => input.current?.click()} disabled={disabled}>
        {s.rollup.pickFiles}
      </Button>
      {files.length > 0 && (
        <ul className={styles.list}>
          {files.map((f, i) => (
            <li key={`${f.name}/${i}`} className={styles.file}>
              <Caption1>{f.name}</Caption1>
              <Button
                size="small"
                appearance="subtle"
                aria-label={s.rollup.removeFile(f.name)}
                onClick={() => onChange(files.filter((_, j) => j !== i))}
                disabled={disabled}
              >
                ×
              </Button>
            </li>
          ))}
        </ul>
      )}
      <Caption1>{s.rollup.filesPrivacy}</Caption1>
    </div>
  );
}
