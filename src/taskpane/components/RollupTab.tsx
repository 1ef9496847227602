import { useStrings } from '../i18n';
import { ComingNext } from './ComingNext';

/** 汇总: merges county sheets into the city summary. Its own file so the roll-up issue replaces only this. */
export function RollupTab() {
  const s = useStrings();
  return <ComingNext text={s.comingNext.rollup} />;
}
