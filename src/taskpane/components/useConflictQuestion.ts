import { useCallback } from 'react';
import type { NameConflict } from '../../core/generate/generate';
import { useQuestion } from './useQuestion';

/**
 * The question the hosts ask before taking another sheet name beside a sheet of the user's.
 * The host awaits `confirm`'s promise while ConflictDialog shows `conflicts`; `answer` settles it.
 */
export function useConflictQuestion(): {
  confirm: (found: NameConflict[]) => Promise<boolean>;
  conflicts: NameConflict[] | null;
  answer: (proceed: boolean) => void;
} {
  const { ask, question, answer } = useQuestion<NameConflict[], boolean>(false);
  const confirm = useCallback((found: NameConflict[]) => (found.length === 0 ? Promise.resolve(true) : ask(found)), [ask]);
  return { confirm, conflicts: question, answer };
}
