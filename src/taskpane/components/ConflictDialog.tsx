import { Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle } from '@fluentui/react-components';
import type { NameConflict } from '../../core/generate/generate';
import { useStrings } from '../i18n';

interface Props {
  /** null while no question is pending */
  conflicts: NameConflict[] | null;
  onAnswer: (proceed: boolean) => void;
}

/** Asks before keytask takes a substitute name beside a sheet of the user's. */
export function ConflictDialog({ conflicts, onAnswer }: Props) {
  const s = useStrings();
  return (
    // Escape or a click outside counts as Cancel: the safe answer leaves the workbook as it was.
    <Dialog open={conflicts !== null} modalType="alert" onOpenChange={(_, data) => !data.open && onAnswer(false)}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{s.conflict.title}</DialogTitle>
          <DialogContent>
            <p>{s.conflict.intro}</p>
            <ul>
              {(conflicts ?? []).map((c) => (
                <li key={c.key}>{s.conflict.line(c.wanted, c.used)}</li>
              ))}
            </ul>
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" onClick={() => onAnswer(true)}>
              {s.conflict.proceed}
            </Button>
            <Button appearance="secondary" onClick={() => onAnswer(false)}>
              {s.conflict.cancel}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
