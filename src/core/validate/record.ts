/**
 * One task row of a sheet, read into the fields the rules check, each with the cell it came
 * from. Works on the standard keytask layout (year columns, lead and cooperating columns) and
 * on a plan's own table (seed 001: 完成时限和目标 and 责任单位 as sentences), whose text is parsed.
 */
import type { Lang } from '../i18n';
import { type ColumnKey, FIXED_COLUMNS, isYearKey, yearKey } from '../layout/columns';
import type { ReadSheet } from '../layout/reader';
import { kindFromLabel } from '../layout/vocabulary';
import type { MilestoneKind } from '../model';
import { cellText } from '../sheet/grid';
import { type CellValue, cellAddress, columnLetter } from '../sheet/spec';
import { parseSchedule } from '../text/milestones';
import { toSimplified } from '../text/normalize';
import { quantitiesIn, readCellQuantity, unitFactor } from '../text/quantity';
import { type Responsibility, parseResponsibility, splitUnits } from '../text/responsibility';
import { memoized, memoizedPair } from '../text/memo';

export interface MilestoneEntry {
  year: number;
  value: number | null;
  /** the unit the milestone carries itself; null when it relies on the unit column or has none */
  unit: string | null;
  /** true when the milestone came from text (where a unit is expected to be written) */
  fromText: boolean;
  text: string;
  cell: string;
}

/** How a number cell was read, when it needs saying: converted, or why it is not a figure. */
export type NumberIssue =
  | { kind: 'converted'; typed: string; value: number; unit: string }
  | { kind: 'unitMismatch'; typed: string; unit: string; expected: string }
  | { kind: 'approximate'; typed: string };

/** A number field: its value (in the task's unit), or why it is not one. */
export interface NumberField {
  value: number | null;
  /** the unit the cell wrote itself where the task names none; null otherwise */
  unit: string | null;
  /** the cell's text when it is neither empty nor a number */
  invalid: string | null;
  /** a conversion made, or a figure that was typed but cannot be used (value null) */
  issue?: NumberIssue;
  cell: string | null;
}

export interface TaskRecord {
  row: number;
  id: string;
  cells: Partial<Record<ColumnKey, string>>;
  text: string;
  kind: MilestoneKind;
  /** true when the kind is written in the sheet, false when keytask inferred it */
  kindWritten: boolean;
  unit: string | null;
  target: NumberField;
  deadline: string;
  milestones: MilestoneEntry[];
  actual: NumberField;
  /** each year column's cell as read (standard layout only) */
  yearFields: Array<{ year: number; field: NumberField }>;
  responsibility: Responsibility & { text: string; cell: string | null; /** text that yielded no unit */ unparsed: string | null };
  values: Partial<Record<ColumnKey, CellValue>>;
}

const EMPTY_NUMBER: NumberField = { value: null, unit: null, invalid: null, cell: null };

/** A number field as an object literal of one shape: a hot path, called for every number cell. */
function field(value: number | null, unit: string | null, invalid: string | null, cell: string | null, issue?: NumberIssue): NumberField {
  return issue ? { value, unit, invalid, cell, issue } : { value, unit, invalid, cell };
}

/**
 * A number cell read against the task's unit (`readCellQuantity`): `0.23万` under 万个 is 0.23,
 * `2700家` under 万家 is 0.27, `5个` under 家 and `约4家` are no figure at all.
 */
export function numberField(v: CellValue | undefined, cell: string | null, taskUnit: string | null = null): NumberField {
  if (v === null || v === undefined) return field(null, null, null, cell);
  if (typeof v === 'number' && Number.isFinite(v)) return field(v, null, null, cell);
  if (typeof v === 'object') return field(null, null, cellText(v), cell);
  const text = cellText(v);
  if (text.startsWith('#')) return field(null, null, text, cell);
  const q = readCellQuantity(v, taskUnit);
  switch (q.kind) {
    case 'empty':
      return field(null, null, null, cell);
    case 'number':
      return field(q.value, null, null, cell);
    case 'converted':
      return field(q.value, null, null, cell, { kind: 'converted', typed: q.typed, value: q.value, unit: taskUnit ?? '' });
    case 'withUnit':
      return field(q.value, q.unit, null, cell);
    case 'unitMismatch':
      return field(null, null, null, cell, { kind: 'unitMismatch', typed: q.typed, unit: q.unit, expected: taskUnit ?? '' });
    case 'approximate':
      return field(null, null, null, cell, { kind: 'approximate', typed: q.typed });
    case 'invalid':
      return field(null, null, q.typed, cell);
  }
}

function inferKind(text: string, schedule: string, unit: string | null, measured: boolean): MilestoneKind {
  const t = toSimplified(`${text} ${schedule}`);
  if (!measured) return 'qualitative';
  // A rate of growth is in % but is not a share of a whole.
  if (unit === '%') return /增长|增速|增幅/.test(t) ? 'annual' : 'share';
  if (!unit && /占比|比重/.test(t)) return 'share';
  if (/每年|年均|每年度/.test(t) && !/累计/.test(t)) return 'annual';
  return 'cumulative';
}

const ROW = Symbol('row');

/**
 * A row's cell addresses by column, each made when a rule asks for it: made up front, 200,000
 * rows × 20 columns of addresses were most of what validating a large sheet allocated.
 */
function cellsOfRow(columns: ReadSheet['columns']): (row: number) => Partial<Record<ColumnKey, string>> {
  const proto = cellsPrototype(Object.entries(columns).join(';'));
  return (row) => {
    const cells = Object.create(proto) as { [ROW]: number };
    cells[ROW] = row;
    return cells as Partial<Record<ColumnKey, string>>;
  };
}

/** Column layouts whose prototype is kept: a city's sheets are laid out one or two ways. */
const LAYOUTS_REMEMBERED = 100;

/**
 * One prototype per column layout (`id,0;task,1;…`), shared by every sheet laid out alike: rows
 * of another prototype are objects of another shape to V8, and a roll-up's hundreds of county
 * copies would each make every rule's `r.cells.…` look up a shape it had not seen.
 */
const cellsPrototype = memoized(LAYOUTS_REMEMBERED, (layout: string): object => {
  const proto = {};
  for (const entry of layout ? layout.split(';') : []) {
    const [key, c] = entry.split(',') as [ColumnKey, string];
    // `cellAddress` without working out the column's letters again on every read.
    const letters = columnLetter(Number(c));
    Object.defineProperty(proto, key, {
      get(this: { [ROW]: number }) {
        return `${letters}${this[ROW] + 1}`;
      },
      enumerable: true,
    });
  }
  return proto;
});

type ReadResponsibility = Omit<TaskRecord['responsibility'], 'cell'>;

function leadAndCooperating(leadText: string, coopText: string): ReadResponsibility {
  const sentence = /牵头|牽頭|配合|负责|負責/.test(leadText);
  const lead = sentence
    ? parseResponsibility(leadText)
    : { lead: splitUnits(leadText), cooperating: [], form: leadText ? ('explicit' as const) : ('empty' as const) };
  const cooperating = splitUnits(coopText.replace(/(配合|协助)$/, ''));
  return {
    lead: lead.lead,
    cooperating: [...lead.cooperating, ...cooperating],
    form: lead.form,
    text: [leadText, coopText].filter(Boolean).join(' / '),
    unparsed:
      leadText && lead.lead.length + lead.cooperating.length === 0 ? leadText : coopText && cooperating.length === 0 ? coopText : null,
  };
}

function responsibilityCell(respText: string): ReadResponsibility {
  const parsed = parseResponsibility(respText);
  const unparsed = respText && parsed.lead.length + parsed.cooperating.length === 0 ? respText : null;
  return { ...parsed, text: respText, unparsed };
}

/**
 * `make(key)` once per distinct text, frozen since every row with that text shares it: a large
 * sheet repeats its responsibility and deadline cells row after row, and every county of a
 * roll-up the plan's; parsing each again made most of what validating a sheet allocated.
 */
function once<T extends object>(make: (key: string) => T): (key: string) => T {
  return memoized(TEXTS_REMEMBERED, (key) => deepFreeze(make(key)));
}

function deepFreeze<T>(v: T): T {
  if (typeof v === 'object' && v !== null && !Object.isFrozen(v)) {
    Object.freeze(v);
    for (const x of Object.values(v)) deepFreeze(x);
  }
  return v;
}

/** Distinct cell texts each parse is remembered for: a plan has a few hundred of each. */
const TEXTS_REMEMBERED = 5000;
const scheduleOf = once(parseSchedule);
const leadAndCooperatingOf = memoizedPair(TEXTS_REMEMBERED, (lead, cooperating) => deepFreeze(leadAndCooperating(lead, cooperating)));
const responsibilityCellOf = once(responsibilityCell);

export function readRecords(sheet: ReadSheet, _lang: Lang): TaskRecord[] {
  const { columns } = sheet;
  const cellsOf = cellsOfRow(columns);
  const yearKeys = sheet.years.map(yearKey);
  // Each year column's letters, for its cells' addresses: asked of the row's `cells` by a key
  // that changes, the address getters were a slow lookup on every year of every row.
  const yearLetters = yearKeys.map((k) => columnLetter(columns[k]!));
  const records: TaskRecord[] = [];
  for (const r of sheet.rows) {
    if (r.type !== 'task') continue;
    const v = r.values;
    const cells = cellsOf(r.row);
    const text = cellText(v.task);
    const scheduleText = cellText(v.schedule);
    const deadline = cellText(v.deadline) || scheduleText;

    // The unit column, else the unit the target cell writes: every figure is read in it.
    const unitText = cellText(v.unit);
    let target: NumberField =
      columns.target !== undefined
        ? numberField(v.target, cells.target ?? null, unitText || null)
        : { ...EMPTY_NUMBER, cell: cells.task ?? null };
    let unit = unitText || target.unit || null;

    // Milestones: year columns first; else text in the schedule (or deadline) cell.
    const yearFields = yearKeys.map((key, i) => ({ year: sheet.years[i], field: numberField(v[key], yearLetters[i] + (r.row + 1), unit) }));
    // In a list made as long as it is: one pushed to from empty keeps room for 17, a row of every sheet.
    let valued = 0;
    for (const y of yearFields) if (y.field.value !== null) valued++;
    const milestones = new Array<MilestoneEntry>(valued);
    for (let i = 0, k = 0; i < yearKeys.length; i++) {
      const { year, field: f } = yearFields[i];
      if (f.value !== null)
        milestones[k++] = { year, value: f.value, unit: f.unit, fromText: false, text: cellText(v[yearKeys[i]]), cell: f.cell! };
    }
    let scheduleKind: MilestoneKind | null = null;
    if (milestones.length === 0) {
      const source = scheduleText ? 'schedule' : 'deadline';
      const parsed = scheduleOf(scheduleText || deadline);
      scheduleKind = parsed.kind;
      for (const m of parsed.milestones) {
        milestones.push({
          year: m.year,
          value: m.value,
          unit: m.unit,
          fromText: true,
          text: m.text ?? '',
          cell: cells[source] ?? cells.task ?? cellAddress(r.row, 0),
        });
      }
    }

    // Without a target column: the figure the task sentence states.
    if (columns.target === undefined) {
      const found = quantitiesIn(text);
      const last = [...milestones].reverse().find((m) => m.value !== null);
      const match =
        (last && found.find((q) => q.value === last.value && (!q.unit || !last.unit || unitFactor(q.unit, last.unit) === 1))) ??
        [...found].reverse().find((q) => q.unit) ??
        (found.length === 1 ? found[0] : undefined);
      if (match) target = { value: match.value, unit: match.unit || null, invalid: null, cell: cells.task ?? null };
      unit = unitText || target.unit || null;
    }

    const kindText = cellText(v.kind);
    const written = kindText ? kindFromLabel(kindText) : null;
    const measured =
      target.value !== null ||
      milestones.some((m) => m.value !== null) ||
      target.invalid !== null ||
      target.issue !== undefined ||
      yearFields.some((y) => y.field.issue !== undefined);
    const kind = written ?? scheduleKind ?? inferKind(text, scheduleText, unit, measured);

    // Responsibility: lead and cooperating columns, a sentence in either, or a 责任单位 column.
    const leadText = cellText(v.lead);
    const coopText = cellText(v.cooperating);
    const respText = cellText(v.responsibility);
    let responsibility: TaskRecord['responsibility'];
    if (columns.lead !== undefined || columns.cooperating !== undefined) {
      responsibility = {
        ...leadAndCooperatingOf(leadText, coopText),
        cell: cells.lead ?? null,
      };
    } else {
      responsibility = { ...responsibilityCellOf(respText), cell: cells.responsibility ?? null };
    }

    const record: TaskRecord = {
      row: r.row,
      id: r.id,
      cells,
      text,
      kind,
      kindWritten: written !== null,
      unit,
      target,
      deadline,
      milestones,
      actual: numberField(v.actual, cells.actual ?? null, unit),
      yearFields,
      responsibility,
      values: v,
    };
    records.push(record);
  }
  return records;
}

export function fieldName(key: ColumnKey, lang: Lang): string {
  if (isYearKey(key)) return lang === 'zh' ? `${key.slice(1)}年目标` : `${key.slice(1)} milestone`;
  if (key === 'schedule') return lang === 'zh' ? '完成时限和目标' : 'Deadline and targets';
  if (key === 'responsibility') return lang === 'zh' ? '责任单位' : 'Responsible units';
  return FIXED_COLUMNS[key].header[lang];
}
