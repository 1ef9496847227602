/** Matching unit names against the unit directory, with a suggestion for near misses. */
import { matchKey } from '../text/normalize';
import { splitUnits } from '../text/responsibility';
import { memoized } from '../text/memo';

function distance(a: string, b: string): number {
  const m = a.length;
  const n = b.length;
  let prev = Array.from({ length: n + 1 }, (_, j) => j);
  for (let i = 1; i <= m; i++) {
    const cur = [i];
    for (let j = 1; j <= n; j++) cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[n];
}

/**
 * The usual short forms of office names, each with the long forms it stands for. A name and a
 * directory entry that come to the same short form are the same office written two ways
 * (`市发改委` and `市发展改革委`, `县人社局` and `县人力资源和社会保障局`).
 */
const ABBREVIATIONS: Array<[string, string[]]> = [
  ['发改委', ['发展和改革委员会', '发展改革委员会', '发展和改革委', '发展改革委']],
  ['工信局', ['工业和信息化局', '工业信息化局']],
  ['经信局', ['经济和信息化局', '经济和信息化委员会', '经信委']],
  ['人社局', ['人力资源和社会保障局', '人力资源社会保障局', '人力社保局']],
  ['住建局', ['住房和城乡建设局', '住房城乡建设局']],
  ['自然资源局', ['自然资源和规划局', '自然资源规划局']],
  ['市场监管局', ['市场监督管理局']],
  ['卫健委', ['卫生健康委员会', '卫生和健康委员会', '卫生健康委']],
  ['文旅局', ['文化广电和旅游局', '文化和旅游局', '文化广电旅游局']],
  ['交通局', ['交通运输局']],
  ['农业农村局', ['农业和农村局', '农业农村委员会', '农委']],
  ['应急局', ['应急管理局']],
  ['科技局', ['科学技术局']],
  ['生态环境局', ['生态环境保护局', '环保局']],
  ['国资委', ['国有资产监督管理委员会', '国资局']],
  ['金融局', ['地方金融监督管理局', '金融工作局', '金融服务中心', '金融办']],
  ['城管局', ['城市管理局', '城市管理综合执法局']],
  ['大数据局', ['大数据管理局']],
  ['商务局', ['商务和投资促进局']],
  ['教育局', ['教育体育局', '教体局']],
  ['税务局', ['税务总局']],
  ['政数局', ['政务服务和数据管理局', '政务服务数据管理局']],
];

const LONG_FORMS: Array<[string, string]> = ABBREVIATIONS.flatMap(([short, longs]) =>
  longs.map((l) => [matchKey(l), matchKey(short)] as [string, string]),
).sort((a, b) => b[0].length - a[0].length);

/** A name with its long office words in their short form: `市发展改革委` → `市发改委`. */
export function shortForm(name: string): string {
  let k = matchKey(name);
  for (const [long, short] of LONG_FORMS) if (k.includes(long)) k = k.split(long).join(short);
  return k;
}

/** The key of a run of list items: each item's match key, in order. */
const runKey = (parts: readonly string[]) => parts.map(matchKey).join('\n');

/** Distinct names a directory remembers the answer for; a sheet names a few dozen. */
const NAMES_REMEMBERED = 5000;
/** Directories kept by `UnitDirectory.of`: one per unit list a session validates against. */
const DIRECTORIES_KEPT = 4;

export class UnitDirectory {
  private readonly keys: Map<string, string>;
  /** entries by their `shortForm`, in directory order: the long and short names of one office */
  private readonly byShortForm = new Map<string, Array<[string, string]>>();
  /** entries a list splitter cuts into parts (`各乡镇政府、街道办事处`), by `runKey` of their parts */
  private readonly groups = new Set<string>();
  private readonly mostParts: number = 1;

  /**
   * The directory of `units`, built once per list: a roll-up checks every county against the
   * same list, and each directory remembers the names it has answered for.
   */
  static of(units: string[]): UnitDirectory {
    const signature = units.join('\u0000');
    let dir = built.get(signature);
    if (!dir) {
      dir = new UnitDirectory([...units]);
      if (built.size >= DIRECTORIES_KEPT) built.delete(built.keys().next().value!);
      built.set(signature, dir);
    }
    return dir;
  }

  constructor(readonly units: string[]) {
    this.keys = new Map(units.map((u) => [matchKey(u), u]));
    for (const [k, name] of this.keys) {
      const short = shortForm(name);
      const same = this.byShortForm.get(short);
      if (same) same.push([k, name]);
      else this.byShortForm.set(short, [[k, name]]);
    }
    for (const u of units) {
      const parts = splitUnits(u);
      if (parts.length < 2) continue;
      this.groups.add(runKey(parts));
      this.mostParts = Math.max(this.mostParts, parts.length);
    }
  }

  /**
   * Puts back together consecutive names that make up one entry holding 、 (a group subject
   * such as `各乡镇政府、街道办事处`, which a responsibility cell lists as written), longest run
   * first; every other name is left as it is.
   */
  join(names: readonly string[]): string[] {
    if (this.groups.size === 0) return names as string[];
    const out: string[] = [];
    for (let i = 0; i < names.length;) {
      let k = Math.min(this.mostParts, names.length - i);
      while (k > 1 && !this.groups.has(runKey(names.slice(i, i + k)))) k--;
      out.push(names.slice(i, i + k).join('、'));
      i += k;
    }
    return out;
  }

  /** Whether the name is an entry, written any way `matchKey` takes as the same. */
  readonly has: (unit: string) => boolean = memoized(NAMES_REMEMBERED, (unit) => this.keys.has(matchKey(unit)));

  /** The closest entry, when one is close enough to be a slip (`市发展改革委员` → `市发展改革委`). */
  readonly suggest: (unit: string) => string | null = memoized(NAMES_REMEMBERED, (unit) => this.closest(unit));

  private closest(unit: string): string | null {
    const key = matchKey(unit);
    // The same office under its short or long name is the suggestion, however far apart they are.
    const same = this.byShortForm.get(shortForm(unit))?.find(([k]) => k !== key);
    if (same) return same[1];
    let best: string | null = null;
    let bestD = Infinity;
    for (const [k, name] of this.keys) {
      const d = distance(key, k);
      if (d < bestD) {
        best = name;
        bestD = d;
      }
    }
    const limit = Math.max(1, Math.floor(key.length / 4));
    return best !== null && bestD <= limit ? best : null;
  }
}

const built = new Map<string, UnitDirectory>();
