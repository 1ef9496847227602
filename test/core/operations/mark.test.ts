import type { Finding } from '../../../src/core/findings/catalogue';
import { type CellState, MARK_FILL, type MarkOp, markTargets, planMarks } from '../../../src/core/operations/mark';
import { generate } from '../../../src/core/operations/generate';
import { validate } from '../../../src/core/operations/validate';
import { Refusal } from '../../../src/core/refusal';
import { samplePlan } from '../sample';
import { readBack } from './support';

const { spec } = generate({ plan: samplePlan(), counties: ['新密市'] });
const { sheets, names } = readBack(spec);
const ids = sheets.map((s, i) => ({ id: `{${i}}`, name: s.name }));
const findings = validate(sheets, names).report.findings.filter((f) => f.sheet === '重点任务清单' && f.cell);
const blank = (keys: string[]): Map<string, CellState> => new Map(keys.map((k) => [k, { fill: '', note: null, comment: null }]));
const ofKind = <K extends MarkOp['op']>(ops: MarkOp[], op: K) => ops.filter((o): o is Extract<MarkOp, { op: K }> => o.op === op);

describe('mark operation', () => {
  const t = markTargets(findings, ids, names, null);
  const first = planMarks(t, blank(t.cells.map((c) => c.key)), { mode: 'note', lang: 'zh', recordExists: false });

  it('marks each cell once, in its worst severity, with every message in one note, recorded first', () => {
    const cells = new Set(findings.map((f) => f.cell));
    expect(first.marked).toBe(cells.size);
    expect(first.ops[0].op).toBe('write-record');
    const marks = ofKind(first.ops, 'mark');
    expect(marks).toHaveLength(cells.size);
    for (const m of marks) {
      const here = findings.filter((f) => f.cell === m.cell);
      const worst = here.some((f) => f.severity === 'error') ? 'error' : here.some((f) => f.severity === 'warning') ? 'warning' : 'info';
      expect(m.fill).toBe(MARK_FILL[worst]);
      expect(m.annotation).toBe('note');
      expect(m.text.split('\n')).toHaveLength(here.length + 1);
    }
    const record = ofKind(first.ops, 'write-record')[0];
    expect(record.rows[0]).toEqual(['sheetKey', 'sheet', 'cell', 'previousFill', 'markFill', 'annotation', 'text']);
    expect(record.rows[1][0]).toMatch(/^KT_S_\d+$/);
  });

  it('takes off what is no longer found, leaving a fill the user changed and a note not its own', () => {
    const record = ofKind(first.ops, 'write-record')[0].rows;
    const [gone, recoloured, ...rest] = ofKind(first.ops, 'mark');
    const again = markTargets(
      findings.filter((f) => f.cell !== gone.cell && f.cell !== recoloured.cell),
      ids,
      names,
      record,
    );
    const state = blank(again.cells.map((c) => c.key));
    state.set(gone.key, { fill: gone.fill, note: `${gone.text}\n(seen)`, comment: null });
    state.set(recoloured.key, { fill: '#00FF00', note: 'mine', comment: null });
    for (const m of rest) state.set(m.key, { fill: m.fill, note: m.text, comment: null });
    const plan = planMarks(again, state, { mode: 'note', lang: 'zh', recordExists: true });
    expect(plan.cleared).toBe(2);
    expect(ofKind(plan.ops, 'restore-fill').map((o) => [o.cell, o.fill])).toEqual([[gone.cell, '']]);
    // its own notes: the cleared one, and each re-marked one (written again)
    expect(ofKind(plan.ops, 'delete-note').map((o) => o.cell)).toEqual([gone.cell, ...rest.map((m) => m.cell)]);
    expect(plan.marked).toBe(rest.length);
  });

  it('with no findings, clears and deletes the record', () => {
    const record = ofKind(first.ops, 'write-record')[0].rows;
    const clear = markTargets([] as Finding[], ids, names, record);
    const plan = planMarks(clear, blank(clear.cells.map((c) => c.key)), { mode: 'fill', lang: 'zh', recordExists: true });
    expect(plan).toMatchObject({ marked: 0, cleared: first.marked });
    expect(plan.ops).toEqual([{ op: 'delete-record' }]);
  });

  it("refuses a sheet of the record's name that keytask did not make", () => {
    expect(() => markTargets(findings, ids, names, [['my notes']])).toThrow(/keytask_marks/);
  });

  it("refuses a keytask_marks sheet of the user's, in the user's language", () => {
    let refusal: unknown;
    try {
      markTargets(findings, ids, names, [['我的笔记']]);
    } catch (e) {
      refusal = e;
    }
    expect(refusal).toBeInstanceOf(Refusal);
    expect((refusal as Refusal).describe('zh')).toContain('不是 keytask 建的');
    expect((refusal as Refusal).describe('en')).toContain('not one keytask made');
  });
});
