import { Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle } from '@fluentui/react-components';
import type { StatusConflict } from '../../../core/operations/fillStatus';
import type { ConflictAnswer } from '../../../hosts/excel/fillStatus';
import { useStrings } from '../../i18n';

/** The conflicts listed before the rest are counted: the dialog must fit a task pane. */
const LISTED = 10;

interface Props {
  /** null while no question is pending */
  conflicts: StatusConflict[] | null;
  onAnswer: (answer: ConflictAnswer) => void;
}

/** Asks before 填写状态 writes the rule's status over a status a clerk chose. */
export function StatusConflictDialog({ conflicts, onAnswer }: Props) {
  const s = useStrings();
  const list = conflicts ?? [];
  return (
    // Escape or a click outside keeps the clerk's choice: the safe answer changes nothing they wrote.
    <Dialog open={conflicts !== null} modalType="alert" onOpenChange={(_, data) => !data.open && onAnswer('keep')}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{s.fillStatus.askTitle}</DialogTitle>
          <DialogContent>
            <p>{s.fillStatus.askIntro(list.length)}</p>
            <ul>
              {list.slice(0, LISTED).map((c) => (
                <li key={`${c.sheet}!${c.cell}`}>{s.fillStatus.askLine(`${c.sheet}!${c.cell}`, c.taskId, c.clerk, c.rule)}</li>
              ))}
            </ul>
            {list.length > LISTED && <p>{s.fillStatus.askMore(list.length - LISTED)}</p>}
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" onClick={() => onAnswer('keep')}>
              {s.fillStatus.keep}
            </Button>
            <Button appearance="secondary" onClick={() => onAnswer('overwrite')}>
              {s.fillStatus.overwrite}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
