import { useStrings } from '../i18n';
import { ComingNext } from './ComingNext';

/** 审核: checks a county's submission. Its own file so the review issue replaces only this. */
export function ReviewTab() {
  const s = useStrings();
  return <ComingNext text={s.comingNext.review} />;
}
