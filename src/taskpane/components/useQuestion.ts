import { useCallback, useEffect, useRef, useState } from 'react';

/**
 * A question a host awaits while the pane shows it: `ask` returns a promise the dialog settles
 * with `answer`; `question` is what the dialog shows, null while none is pending. A pane closed
 * mid-question answers `closed`, the safe answer, so the host never waits forever.
 */
export function useQuestion<Q, A>(
  closed: A,
): {
  ask: (q: Q) => Promise<A>;
  question: Q | null;
  answer: (a: A) => void;
} {
  const [question, setQuestion] = useState<Q | null>(null);
  const pending = useRef<((a: A) => void) | null>(null);
  const ask = useCallback(
    (q: Q) =>
      new Promise<A>((resolve) => {
        pending.current = resolve;
        setQuestion(q);
      }),
    [],
  );
  const answer = useCallback((a: A): void => {
    pending.current?.(a);
    pending.current = null;
    setQuestion(null);
  }, []);
  useEffect(() => () => pending.current?.(closed), [closed]);
  return { ask, question, answer };
}
