/**
 * Charts and the AutoFilter of a worksheet. Their state hangs off the sheet in WeakMaps, so the
 * sheet model itself does not change; tests read it through `chartsOf` and `autoFilterOf`.
 */
import { type Bounds, formatLocal, parseLocal } from './address';
import { FakeClientObject, Lazy, type LoadArg, loadedNames } from './clientObject';
import { FakeOfficeError, invalidArgument, itemNotFound, propertyNotLoaded } from './errors';
import type { FakeQueue } from './queue';
import type { FakeRange } from './range';
import type { FakeSheet } from './state';

export interface FakeChartSeries {
  name: string;
  /** local addresses on the chart's sheet */
  values: string;
  categories: string | null;
}

export interface FakeChartRecord {
  name: string;
  type: string;
  title: string;
  legendVisible: boolean;
  reversePlotOrder: boolean;
  series: FakeChartSeries[];
  position: { from: string; to: string | null } | null;
}

const CHARTS = new WeakMap<FakeSheet, FakeChartRecord[]>();
const FILTERS = new WeakMap<FakeSheet, Bounds>();

export function chartsOf(sheet: FakeSheet): FakeChartRecord[] {
  let list = CHARTS.get(sheet);
  if (!list) {
    list = [];
    CHARTS.set(sheet, list);
  }
  return list;
}

/** Worksheet.copy takes the charts and the filter along. */
export function copyChartsAndFilter(src: FakeSheet, dst: FakeSheet): void {
  const charts = CHARTS.get(src);
  if (charts) CHARTS.set(dst, structuredClone(charts));
  const filter = FILTERS.get(src);
  if (filter) FILTERS.set(dst, { ...filter });
}

/** The AutoFilter's range, e.g. `A3:N57`, or null. */
export function autoFilterOf(sheet: FakeSheet): string | null {
  const b = FILTERS.get(sheet);
  return b ? formatLocal(b) : null;
}

const CHART_TYPES = ['BarClustered', 'BarStacked', 'ColumnClustered', 'ColumnStacked', 'Line', 'Pie', 'XYScatter'];
const SERIES_BY = ['Auto', 'Columns', 'Rows'];

function versionAtLeast(v: string, min: string): boolean {
  const [a1, a2 = 0] = v.split('.').map(Number);
  const [b1, b2 = 0] = min.split('.').map(Number);
  return a1 > b1 || (a1 === b1 && a2 >= b2);
}

/** A range argument, an address or a Range proxy, as local bounds on `sheet`. */
function boundsOn(sheet: FakeSheet, arg: FakeRange | string, path: string): Bounds {
  if (typeof arg === 'string') {
    const b = parseLocal(arg.slice(arg.lastIndexOf('!') + 1));
    if (!b) throw invalidArgument(`bad address '${arg}'`, path);
    return b;
  }
  const t = arg.resolveTarget();
  if (!t) throw invalidArgument('null range', path);
  if (t.sheet !== sheet) throw invalidArgument('a range of another sheet', path);
  return t.bounds;
}

const argText = (arg: FakeRange | string): string => (typeof arg === 'string' ? arg : arg.path);

export class FakeChart extends FakeClientObject<FakeChartRecord> {
  readonly title: { text: string };
  readonly legend: { visible: boolean };
  readonly axes: { categoryAxis: { reversePlotOrder: boolean } };
  readonly series: { getItemAt(index: number): FakeChartSeriesProxy };

  constructor(
    q: FakeQueue,
    path: string,
    ref: Lazy<FakeChartRecord | null>,
    private readonly sheet: Lazy<FakeSheet | null>,
  ) {
    super(q, path, ref);
    const set = (part: string, args: Record<string, unknown>, apply: (c: FakeChartRecord) => void): void =>
      q.enqueue(`${path}.${part}`, 'set', args, () => {
        const c = ref.get();
        if (c) apply(c);
      });
    const writeOnly = (what: string) => () => {
      throw new Error(`fake Excel: reading ${path}.${what} is not implemented; inspect chartsOf()`);
    };
    this.title = {
      set text(v: string) {
        set('title', { text: v }, (c) => (c.title = v));
      },
      get text(): string {
        return writeOnly('title.text')();
      },
    };
    this.legend = {
      set visible(v: boolean) {
        set('legend', { visible: v }, (c) => (c.legendVisible = v));
      },
      get visible(): boolean {
        return writeOnly('legend.visible')();
      },
    };
    this.axes = {
      categoryAxis: {
        set reversePlotOrder(v: boolean) {
          set('axes.categoryAxis', { reversePlotOrder: v }, (c) => (c.reversePlotOrder = v));
        },
        get reversePlotOrder(): boolean {
          return writeOnly('axes.categoryAxis.reversePlotOrder')();
        },
      },
    };
    this.series = {
      getItemAt: (index: number) => new FakeChartSeriesProxy(q, `${path}.series.getItemAt(${index})`, ref, index, sheet),
    };
  }

  protected scalarProperties(): string[] {
    return ['name'];
  }
  protected readProperty(c: FakeChartRecord, name: string): unknown {
    if (name === 'name') return c.name;
    throw new Error(`fake Excel: Chart.${name} is not implemented`);
  }
  get name(): string {
    return this.loaded('name');
  }
  set name(v: string) {
    this.change('set', { name: v }, (c) => (c.name = v));
  }

  setPosition(startCell: FakeRange | string, endCell?: FakeRange | string): void {
    this.change('setPosition', { startCell: argText(startCell), endCell: endCell && argText(endCell) }, (c) => {
      const sheet = this.sheet.get()!;
      const from = formatLocal(boundsOn(sheet, startCell, this.path));
      c.position = { from, to: endCell === undefined ? null : formatLocal(boundsOn(sheet, endCell, this.path)) };
    });
  }

  delete(): void {
    this.change('delete', undefined, (c) => {
      const sheet = this.sheet.get()!;
      const list = chartsOf(sheet);
      list.splice(list.indexOf(c), 1);
    });
  }
}

export class FakeChartSeriesProxy {
  constructor(
    private readonly q: FakeQueue,
    private readonly path: string,
    private readonly chart: Lazy<FakeChartRecord | null>,
    private readonly index: number,
    private readonly sheet: Lazy<FakeSheet | null>,
  ) {}

  private apply(op: string, args: unknown, fn: (s: FakeChartSeries, sheet: FakeSheet) => void): void {
    this.q.enqueue(this.path, op, args, () => {
      const c = this.chart.get();
      if (!c) return;
      const s = c.series[this.index];
      if (!s) throw itemNotFound(`series ${this.index}`, this.path);
      fn(s, this.sheet.get()!);
    });
  }

  set name(v: string) {
    this.apply('set', { name: v }, (s) => (s.name = v));
  }
  /** ExcelApi 1.7 */
  setValues(source: FakeRange | string): void {
    this.apply('setValues', argText(source), (s, sheet) => (s.values = formatLocal(boundsOn(sheet, source, this.path))));
  }
  /** ExcelApi 1.7 */
  setXAxisValues(source: FakeRange | string): void {
    this.apply('setXAxisValues', argText(source), (s, sheet) => (s.categories = formatLocal(boundsOn(sheet, source, this.path))));
  }
}

export class FakeChartCollection {
  private loadedItems: FakeChart[] | null = null;

  constructor(
    private readonly q: FakeQueue,
    private readonly path: string,
    private readonly sheet: Lazy<FakeSheet | null>,
  ) {}

  /** One series per column (or row) of the source, as Excel makes them; names `Chart 1`, `Chart 2`… */
  add(type: string, sourceData: FakeRange | string, seriesBy = 'Auto'): FakeChart {
    const path = `${this.path}.add(${type})`;
    const record = new Lazy<FakeChartRecord | null>(() => {
      const sheet = this.sheet.get();
      if (!sheet) return null;
      if (!CHART_TYPES.includes(type)) throw invalidArgument(`chart type ${type}`, path);
      if (!SERIES_BY.includes(seriesBy)) throw invalidArgument(`seriesBy ${seriesBy}`, path);
      const b = boundsOn(sheet, sourceData, path);
      const byRows = seriesBy === 'Rows' || (seriesBy === 'Auto' && b.col2 - b.col1 > b.row2 - b.row1);
      const count = byRows ? b.row2 - b.row1 + 1 : b.col2 - b.col1 + 1;
      const series = Array.from({ length: count }, (_, i) => ({
        name: `Series${i + 1}`,
        values: formatLocal(byRows ? { ...b, row1: b.row1 + i, row2: b.row1 + i } : { ...b, col1: b.col1 + i, col2: b.col1 + i }),
        categories: null,
      }));
      const list = chartsOf(sheet);
      let n = list.length + 1;
      while (list.some((c) => c.name === `Chart ${n}`)) n++;
      const chart: FakeChartRecord = {
        name: `Chart ${n}`,
        type,
        title: '',
        legendVisible: true,
        reversePlotOrder: false,
        series,
        position: null,
      };
      list.push(chart);
      return chart;
    });
    this.q.enqueue(this.path, 'add', { type, sourceData: argText(sourceData), seriesBy }, () => {
      record.get();
    });
    return new FakeChart(this.q, path, record, this.sheet);
  }

  getItem(name: string): FakeChart {
    const path = `${this.path}.getItem(${name})`;
    const ref = new Lazy<FakeChartRecord | null>(() => {
      const sheet = this.sheet.get();
      const c = sheet ? chartsOf(sheet).find((x) => x.name.toLowerCase() === name.toLowerCase()) : undefined;
      if (!c) throw itemNotFound(`chart ${JSON.stringify(name)}`, path);
      return c;
    });
    const chart = new FakeChart(this.q, path, ref, this.sheet);
    chart.announce('getItem', name);
    return chart;
  }

  load(arg?: LoadArg): this {
    const names = loadedNames(arg, true) ?? ['name'];
    this.q.enqueue(this.path, 'load', names, () => {
      const sheet = this.sheet.get();
      const items = (sheet ? chartsOf(sheet) : []).map((c) => {
        const item = new FakeChart(this.q, `${this.path}.getItem(${c.name})`, Lazy.of<FakeChartRecord | null>(c), this.sheet);
        item.prime(names, c);
        return item;
      });
      return { response: items.map((i) => i.toJSON()), commit: () => (this.loadedItems = items) };
    });
    return this;
  }

  get items(): FakeChart[] {
    if (!this.loadedItems) throw propertyNotLoaded('items', this.path);
    return this.loadedItems;
  }
}

/** Worksheet.autoFilter, ExcelApi 1.9. */
export class FakeAutoFilter extends FakeClientObject<FakeSheet> {
  constructor(q: FakeQueue, path: string, ref: Lazy<FakeSheet | null>) {
    if (!versionAtLeast(q.apiVersion, '1.9')) {
      throw new FakeOfficeError(
        'ApiNotFound',
        'The API you are trying to use could not be found (Worksheet.autoFilter needs ExcelApi 1.9).',
        path,
      );
    }
    super(q, path, ref);
  }

  protected scalarProperties(): string[] {
    return ['enabled'];
  }
  protected readProperty(s: FakeSheet, name: string): unknown {
    if (name === 'enabled') return FILTERS.has(s);
    throw new Error(`fake Excel: AutoFilter.${name} is not implemented`);
  }
  get enabled(): boolean {
    return this.loaded('enabled');
  }

  /**
   * What Excel does when a sheet already has a filter elsewhere is not something the fake can
   * vouch for, so it refuses: a host must remove the old filter first.
   */
  apply(range: FakeRange | string): void {
    this.change('apply', { range: argText(range) }, (s) => {
      const b = boundsOn(s, range, this.path);
      const prior = FILTERS.get(s);
      if (prior && formatLocal(prior) !== formatLocal(b)) {
        throw new FakeOfficeError('InvalidOperation', 'The sheet already has an AutoFilter on another range.', this.path);
      }
      FILTERS.set(s, b);
    });
  }

  remove(): void {
    this.change('remove', undefined, (s) => FILTERS.delete(s));
  }
}
