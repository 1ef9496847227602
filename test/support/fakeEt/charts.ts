/**
 * Embedded charts of the fake ET: Worksheet.ChartObjects(), ChartObjects.Add / Delete, and the
 * Chart members keytask sets. Each behaves as its Excel VBA page says (WPS keeps Excel's object
 * model, strict.ts); the JavaScript shapes (ChartObjects and SeriesCollection are methods, a
 * collection's item is reached by Item) are et-jsapi-declare's. Where a page leaves a case open —
 * reading ChartTitle of a chart without a title, a series before there is a source — the fake
 * refuses it rather than guess.
 */
import type { Bounds } from '../fakeExcel/address';
import type { FakeSheet } from '../fakeExcel/state';
import { recordOf } from './records';
import { FakeEtError, itemOf, oneOf, strict } from './strict';

export interface EtSeriesRecord {
  Name: string;
  values: Bounds;
  /** the category labels, null until XValues is set */
  XValues: Bounds | null;
}

export interface EtChartRecord {
  Name: string;
  /** XlChartType, null until set */
  ChartType: number | null;
  HasTitle: boolean;
  title: string;
  HasLegend: boolean;
  series: EtSeriesRecord[];
  /** ReversePlotOrder of the category axis */
  categoryReversed: boolean;
  /** where ChartObjects.Add put it, in points from A1's top-left corner */
  Left: number;
  Top: number;
  Width: number;
  Height: number;
}

/** The sheet and cells of a Range the fake handed out (worksheet.ts registers them). */
export type RangeAnchor = (range: unknown) => { sheet: FakeSheet; bounds: Bounds } | undefined;

/** XlChartType: xlColumnClustered 51, xlBarClustered 57, xlLine 4, xlPie 5 (https://learn.microsoft.com/office/vba/api/excel.xlcharttype). */
const CHART_TYPES = [51, 57, 4, 5];
/** XlAxisType: xlCategory 1, xlValue 2 (https://learn.microsoft.com/office/vba/api/excel.xlaxistype). */
const AXIS_TYPES = [1, 2];
/** XlRowCol: xlRows 1, xlColumns 2 (https://learn.microsoft.com/office/vba/api/excel.chart.setsourcedata). */
const PLOT_BY = [1, 2];

class FakeSeries {
  constructor(
    private readonly rec: EtSeriesRecord,
    private readonly anchorOf: (range: unknown, what: string) => Bounds,
  ) {}
  get Name(): string {
    return this.rec.Name;
  }
  set Name(v: string) {
    if (typeof v !== 'string') throw new FakeEtError('Series.Name takes text');
    this.rec.Name = v;
  }
  /** a Range of the chart's sheet (VBA also takes an array; keytask gives cells, so the fake takes only those) */
  get XValues(): unknown {
    throw new FakeEtError('Series.XValues is written, not read, by keytask');
  }
  set XValues(v: unknown) {
    this.rec.XValues = this.anchorOf(v, 'Series.XValues');
  }
}

class FakeSeriesCollection {
  constructor(
    private readonly chart: EtChartRecord,
    private readonly anchorOf: (range: unknown, what: string) => Bounds,
  ) {}
  get Count(): number {
    return this.chart.series.length;
  }
  /** SeriesCollection.Item (https://learn.microsoft.com/office/vba/api/excel.seriescollection.item) */
  Item(Index: unknown): FakeSeries {
    const rec = itemOf(this.chart.series, Index, (n) => this.chart.series.find((s) => s.Name === n), 'SeriesCollection.Item');
    return strict(new FakeSeries(rec, this.anchorOf), 'Series');
  }
}

class FakeAxis {
  constructor(private readonly chart: EtChartRecord) {}
  get ReversePlotOrder(): boolean {
    return this.chart.categoryReversed;
  }
  set ReversePlotOrder(v: boolean) {
    if (typeof v !== 'boolean') throw new FakeEtError('Axis.ReversePlotOrder takes true or false');
    this.chart.categoryReversed = v;
  }
}

class FakeAxes {
  constructor(private readonly chart: EtChartRecord) {}
  /** Axes.Item(Type, AxisGroup) (https://learn.microsoft.com/office/vba/api/excel.axes.item); only the category axis is modelled */
  Item(Type: unknown, AxisGroup?: unknown): FakeAxis {
    oneOf(Type, AXIS_TYPES, 'Axes.Item Type');
    if (AxisGroup !== undefined && AxisGroup !== 1) throw new FakeEtError('Axes.Item: only the primary axis group (1) is modelled');
    if (Type !== 1) throw new FakeEtError('Axes.Item: only the category axis (xlCategory 1) is modelled');
    if (this.chart.ChartType === 5) throw new FakeEtError('Axes.Item: a pie chart has no axes');
    return strict(new FakeAxis(this.chart), 'Axis');
  }
}

class FakeChartTitle {
  constructor(private readonly chart: EtChartRecord) {}
  get Text(): string {
    return this.chart.title;
  }
  set Text(v: string) {
    if (typeof v !== 'string') throw new FakeEtError('ChartTitle.Text takes text');
    this.chart.title = v;
  }
}

class FakeChart {
  constructor(
    private readonly rec: EtChartRecord,
    private readonly anchorOf: (range: unknown, what: string) => Bounds,
  ) {}
  get ChartType(): number {
    if (this.rec.ChartType === null) throw new FakeEtError('Chart.ChartType read before it was set');
    return this.rec.ChartType;
  }
  set ChartType(v: number) {
    this.rec.ChartType = oneOf(v, CHART_TYPES, 'Chart.ChartType');
  }
  /**
   * One series per column of the source (PlotBy xlColumns 2, the default for a tall range) or per
   * row (xlRows 1), replacing any before (https://learn.microsoft.com/office/vba/api/excel.chart.setsourcedata).
   * Without PlotBy the fake takes columns only for a range at least as tall as it is wide, and
   * refuses a wide one: Excel's choice for it is not stated, so the caller must say.
   */
  SetSourceData(Source: unknown, PlotBy?: unknown): void {
    const b = this.anchorOf(Source, 'Chart.SetSourceData');
    const by = PlotBy === undefined ? undefined : oneOf(PlotBy, PLOT_BY, 'Chart.SetSourceData PlotBy');
    if (by === undefined && b.col2 - b.col1 > b.row2 - b.row1) {
      throw new FakeEtError('Chart.SetSourceData: a range wider than tall needs PlotBy (xlRows 1 or xlColumns 2)');
    }
    this.rec.series = [];
    if (by === 1) {
      for (let r = b.row1; r <= b.row2; r++) {
        this.rec.series.push({ Name: `Series${r - b.row1 + 1}`, values: { ...b, row1: r, row2: r }, XValues: null });
      }
      return;
    }
    for (let c = b.col1; c <= b.col2; c++) {
      this.rec.series.push({ Name: `Series${c - b.col1 + 1}`, values: { ...b, col1: c, col2: c }, XValues: null });
    }
  }
  get HasTitle(): boolean {
    return this.rec.HasTitle;
  }
  set HasTitle(v: boolean) {
    if (typeof v !== 'boolean') throw new FakeEtError('Chart.HasTitle takes true or false');
    this.rec.HasTitle = v;
  }
  /** "a ChartTitle object … exists only if HasTitle is True" (https://learn.microsoft.com/office/vba/api/excel.chart.charttitle) */
  get ChartTitle(): FakeChartTitle {
    if (!this.rec.HasTitle) throw new FakeEtError('Chart.ChartTitle: the chart has no title (set HasTitle first)');
    return strict(new FakeChartTitle(this.rec), 'ChartTitle');
  }
  get HasLegend(): boolean {
    return this.rec.HasLegend;
  }
  set HasLegend(v: boolean) {
    if (typeof v !== 'boolean') throw new FakeEtError('Chart.HasLegend takes true or false');
    this.rec.HasLegend = v;
  }
  /** the collection; an index is not taken (et-jsapi-declare types the result as the collection, lib.et.d.ts:5486) */
  SeriesCollection(Index?: unknown): FakeSeriesCollection {
    if (Index !== undefined) throw new FakeEtError('Chart.SeriesCollection(Index): use SeriesCollection().Item(Index)');
    return strict(new FakeSeriesCollection(this.rec, this.anchorOf), 'SeriesCollection');
  }
  /** the collection; a Type is not taken (et-jsapi-declare types the result as Axes, lib.et.d.ts:5355) */
  Axes(Type?: unknown): FakeAxes {
    if (Type !== undefined) throw new FakeEtError('Chart.Axes(Type): use Axes().Item(Type)');
    if (this.rec.ChartType === null) throw new FakeEtError('Chart.Axes before ChartType is set');
    return strict(new FakeAxes(this.rec), 'Axes');
  }
}

class FakeChartObject {
  constructor(
    private readonly rec: EtChartRecord,
    private readonly anchorOf: (range: unknown, what: string) => Bounds,
  ) {}
  get Name(): string {
    return this.rec.Name;
  }
  get Chart(): FakeChart {
    return strict(new FakeChart(this.rec, this.anchorOf), 'Chart');
  }
}

export class FakeChartObjects {
  constructor(
    private readonly sheet: FakeSheet,
    private readonly anchor: RangeAnchor,
  ) {}

  private readonly anchorOf = (range: unknown, what: string): Bounds => {
    const at = this.anchor(range);
    if (!at) throw new FakeEtError(`${what} takes a Range`);
    if (at.sheet !== this.sheet) throw new FakeEtError(`${what}: a range of another sheet`);
    return at.bounds;
  };

  get Count(): number {
    return recordOf(this.sheet).charts.length;
  }
  /** In points from the top-left corner of A1 (https://learn.microsoft.com/office/vba/api/excel.chartobjects.add). */
  Add(Left: unknown, Top: unknown, Width: unknown, Height: unknown): FakeChartObject {
    const n = [Left, Top, Width, Height];
    if (n.some((x) => typeof x !== 'number' || !Number.isFinite(x) || x < 0)) {
      throw new FakeEtError(`ChartObjects.Add(${n.map(String).join(', ')}): four numbers of points`);
    }
    const charts = recordOf(this.sheet).charts;
    const rec: EtChartRecord = {
      Name: `Chart ${charts.length + 1}`,
      ChartType: null,
      HasTitle: false,
      title: '',
      HasLegend: true,
      series: [],
      categoryReversed: false,
      Left: Left as number,
      Top: Top as number,
      Width: Width as number,
      Height: Height as number,
    };
    charts.push(rec);
    return strict(new FakeChartObject(rec, this.anchorOf), 'ChartObject');
  }
  /** Every chart of the sheet (ChartObjects.Delete, https://learn.microsoft.com/office/vba/api/excel.chartobjects.delete). */
  Delete(): boolean {
    recordOf(this.sheet).charts.length = 0;
    return true;
  }
}
