import { useCallback, useEffect, useRef, useState } from 'react';
import type { NameConflict } from '../../core/generate/generate';

/**
 * The question the hosts ask before taking another sheet name beside a sheet of the user's.
 * The host awaits `confirm`'s promise while ConflictDialog shows `conflicts`; `answer` settles it.
 */
export function useConflictQuestion(): {
  confirm: (found: NameConflict[]) => Promise<boolean>;
  conflicts: NameConflict[] | null;
  answer: (proceed: boolean) => void;
} {
  const [conflicts, setConflicts] = useState<NameConflict[] | null>(null);
  const pending = useRef<((proceed: boolean) => void) | null>(null);

  const confirm = useCallback(
    (found: NameConflict[]) =>
      found.length === 0
        ? Promise.resolve(true)
        : new Promise<boolean>((resolve) => {
            pending.current = resolve;
            setConflicts(found);
          }),
    [],
  );
  const answer = useCallback((proceed: boolean): void => {
    pending.current?.(proceed);
    pending.current = null;
    setConflicts(null);
  }, []);
  // A pane closed mid-question must not leave the host waiting forever.
  useEffect(() => () => pending.current?.(false), []);
  return { confirm, conflicts, answer };
}
