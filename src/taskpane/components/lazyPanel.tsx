/**
 * Parts of the pane that load on first use, in chunks of their own, so the first paint carries
 * only the Generate tab. A part shows a small spinner while its chunk arrives; a chunk that does
 * not arrive (offline) reaches the nearest ErrorBoundary, whose 重试 loads it again.
 */
import { Spinner } from '@fluentui/react-components';
import { type FunctionComponent, type PropsWithRef, Suspense, type ReactNode, lazy, useState } from 'react';
import { useStrings } from '../i18n';

/** The parts whose chunk failed to load, each with how to try it afresh. */
const failed = new Set<() => void>();

/**
 * React.lazy keeps a failed load for good, so after a dropped connection 重试 would only show
 * the same failure. This one keeps it only until retryFailedLoads() (the ErrorBoundary's 重试):
 * forgetting it any sooner would have React, rendering again after the failure, load it again
 * and again instead of showing the message.
 */
export function lazyRetry<P extends object>(load: () => Promise<FunctionComponent<P>>): FunctionComponent<P> {
  const fresh = () =>
    lazy(() =>
      load().then(
        (component) => ({ default: component }),
        (err: unknown) => {
          failed.add(reset);
          throw err;
        },
      ),
    );
  const reset = (): void => {
    current = fresh();
  };
  let current = fresh();
  return function LazyPart(props: P) {
    const Part = current;
    return <Part {...(props as PropsWithRef<P> & JSX.IntrinsicAttributes)} />;
  };
}

/** Lets every part whose chunk failed to load try again on its next render. */
export function retryFailedLoads(): void {
  for (const reset of failed) reset();
  failed.clear();
}

/** What stands in for a part while its chunk loads. */
export function Loading({ children }: { children: ReactNode }) {
  const s = useStrings();
  return <Suspense fallback={<Spinner size="small" label={s.loading} />}>{children}</Suspense>;
}

/**
 * True from the first render where `open` is, on: a part loaded on first use (a dialog, say)
 * then stays mounted, so it closes with its animation and opens again without a wait.
 */
export function useOpenedOnce(open: boolean): boolean {
  const [opened, setOpened] = useState(open);
  if (open && !opened) setOpened(true);
  return opened || open;
}

/** A part with nothing to show while it loads (a dialog about to open). */
export function Quietly({ children }: { children: ReactNode }) {
  return <Suspense fallback={null}>{children}</Suspense>;
}
