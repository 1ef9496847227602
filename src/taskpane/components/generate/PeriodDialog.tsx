import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Input,
} from '@fluentui/react-components';
import { useStrings } from '../../i18n';

/** What the host asks before 开始新一期 writes: the period the new one is for. */
export interface Question {
  current: string | null;
  period: string;
}

interface Props {
  /** null while no question is pending */
  question: Question | null;
  setPeriod: (period: string) => void;
  answer: (ok: boolean) => void;
}

/** 开始新一期's question, in a chunk of its own (NextPeriodPanel loads it when first asked). */
export function PeriodDialog({ question, setPeriod, answer }: Props) {
  const s = useStrings();
  return (
    <Dialog open={question !== null} modalType="alert" onOpenChange={(_, data) => !data.open && answer(false)}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{s.nextPeriod.dialogTitle}</DialogTitle>
          <DialogContent>
            <p>{s.nextPeriod.current(question?.current ?? null)}</p>
            <Field label={s.nextPeriod.label} hint={s.nextPeriod.hint}>
              <Input value={question?.period ?? ''} onChange={(_, data) => setPeriod(data.value)} />
            </Field>
            <p>{s.nextPeriod.explain}</p>
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" onClick={() => answer(true)} disabled={!question?.period.trim()}>
              {s.nextPeriod.proceed}
            </Button>
            <Button appearance="secondary" onClick={() => answer(false)}>
              {s.nextPeriod.cancel}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
