import { MessageBar, MessageBarBody, MessageBarTitle, makeStyles, tokens } from '@fluentui/react-components';

const useStyles = makeStyles({
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

export interface Note {
  intent: 'success' | 'info' | 'warning' | 'error';
  title: string;
  lines: string[];
}

/** A result or an error in words: errors are alerts, the rest a polite status. */
export function StatusBar({ note }: { note: Note | null }) {
  const styles = useStyles();
  if (!note) return null;
  return (
    <MessageBar intent={note.intent} layout="multiline" role={note.intent === 'error' ? 'alert' : 'status'}>
      <MessageBarBody>
        <MessageBarTitle>{note.title}</MessageBarTitle>
        {note.lines.length === 1 ? (
          note.lines[0]
        ) : (
          <ul className={styles.list}>
            {note.lines.map((line, i) => (
              <li key={i}>{line}</li>
            ))}
          </ul>
        )}
      </MessageBarBody>
    </MessageBar>
  );
}
