/** The bench's figures as a plain-text table, and the targets checked against them. */
import type { EngineResult } from './engine';
import type { ExcelResult } from './excelPath';
import type { FilesResult, MemoryResult } from './files';

export interface BenchReport {
  started: string;
  mode: 'quick' | 'default' | 'full';
  machine: { node: string; platform: string; cpus: number; cpuModel: string; memGb: number };
  excel: ExcelResult[];
  engine: EngineResult[];
  files: FilesResult[];
  /** keytask rollup's own peak RSS over 100 / 400 / 800 files (quick: 50), a process each */
  memory: MemoryResult[];
  notes: string[];
  targets: Target[];
}

export interface Target {
  name: string;
  /** null: not measured in this run (size left out, or tool missing) */
  met: boolean | null;
  detail: string;
}

const MB = 1024 * 1024;
const mb = (b: number): string => (b / MB).toFixed(2);
const rss = (v: number | null): string => (v === null ? '-' : String(v));
const size = (counties: number, tasks: number): string => (counties === 0 ? `1 sheet × ${tasks}` : `${counties} × ${tasks}`);

function table(head: string[], rows: string[][]): string[] {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (r: string[]): string =>
    r
      .map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i])))
      .join('  ')
      .trimEnd();
  return [line(head), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)];
}

/** The growth of `pick` from `from` to `to` counties, against the 4× more work. */
function growth<T extends { counties: number; tasks: number }>(
  rows: T[],
  tasks: number,
  from: number,
  to: number,
  pick: (r: T) => number | null,
): { ratio: number; work: number } | null {
  const a = rows.find((r) => r.counties === from && r.tasks === tasks);
  const b = rows.find((r) => r.counties === to && r.tasks === tasks);
  const x = a && pick(a);
  const y = b && pick(b);
  if (!x || !y) return null;
  return { ratio: Math.round((y / x) * 100) / 100, work: to / from };
}

/** Linear: the time grows no more than 25% faster than the work. */
const LINEAR_SLACK = 1.25;

export function checkTargets(r: Omit<BenchReport, 'targets'>): Target[] {
  const targets: Target[] = [];
  for (const op of ['generate', 'regenerate', 'validate', 'rollup'] as const) {
    const rows = r.excel.filter((e) => e.operation === op && e.ok);
    const syncs = [...new Set(rows.map((e) => e.syncs))].sort((a, b) => a - b);
    const floor = rows[0]?.floor ?? 2;
    // Sizes whose data needs more than one response or request each way cannot stay at the floor
    // (the figure formats' read of its own is not size: it is there at every size with figures).
    const beyond = rows.filter((e) => e.dataFloor > floor + (e.formatBytes > 0 ? 1 : 0));
    const over = beyond.map((e) => e.syncs - e.dataFloor);
    targets.push({
      name: `Excel ${op}: syncs independent of size`,
      met: rows.length ? syncs.length === 1 : null,
      detail: rows.length
        ? `${syncs.join('–')} syncs over ${rows.length} sizes (floor ${floor}; ${syncs.length === 1 ? `${syncs[0] - floor} above it` : `${syncs[0] - floor}–${syncs[syncs.length - 1] - floor} above it`})` +
          (beyond.length
            ? `; ${beyond.length} size(s) carry more than 5 MB each way, where the data alone needs ${Math.min(...beyond.map((e) => e.dataFloor))}–${Math.max(...beyond.map((e) => e.dataFloor))}: keytask +${Math.min(...over)}–${Math.max(...over)} over that`
            : '')
        : 'not measured',
    });
  }
  // Issue 17: the reads planned from used-range extents, so no size pays for a refused answer.
  const reads = r.excel.filter((e) => e.operation === 'validate' || e.operation === 'rollup');
  const above = reads.filter((e) => !e.ok || e.syncs > e.dataFloor);
  targets.push({
    name: 'Excel validate and roll-up at the data floor at every size',
    met: reads.length ? above.length === 0 : null,
    detail: reads.length
      ? above.length === 0
        ? `${reads.length} runs at their data floor (${reads.reduce((n, e) => n + e.refused, 0)} answers refused)`
        : above
            .map((e) => `${e.operation} ${size(e.counties, e.tasks)}: ${e.ok ? `${e.syncs} syncs, floor ${e.dataFloor}` : 'failed'}`)
            .join('; ')
      : 'not measured',
  });
  const big = r.excel.filter((e) => e.counties === 400 && e.tasks === 150);
  const largest = big.length ? Math.max(...big.map((e) => e.largestBytes)) : null;
  const answered = big.flatMap((e) => e.responses.filter((b) => b <= 5 * MB));
  targets.push({
    name: 'Excel: no request above 5 MB at 400 × 150',
    met: largest === null ? null : largest <= 5 * MB && big.every((e) => e.ok),
    detail:
      largest === null
        ? 'size not in this run'
        : `largest request ${mb(largest)} MB; largest answer delivered ${mb(Math.max(0, ...answered))} MB (${big.reduce((n, e) => n + e.refused, 0)} refused as too large and asked again in parts)`,
  });
  const f200 = r.files.find((f) => f.counties === 200 && f.tasks === 150) ?? r.files.find((f) => f.counties === 200);
  targets.push({
    name: 'Files: keytask rollup ≤ 1.25× the ExcelJS bare read, 200 files',
    met: f200?.keytaskOverFloor == null ? null : f200.keytaskOverFloor <= 1.25,
    detail: f200?.keytaskOverFloor == null ? 'not measured' : `${f200.keytaskOverFloor}× (${f200.ms.keytask} ms vs ${f200.ms.floor} ms)`,
  });
  targets.push({
    name: 'Files: keytask rollup < 0.5× pandas, 200 files',
    met: f200?.keytaskOverPandas == null ? null : f200.keytaskOverPandas < 0.5,
    detail: f200?.keytaskOverPandas == null ? 'not measured' : `${f200.keytaskOverPandas}× (${f200.ms.keytask} ms vs ${f200.ms.pandas} ms)`,
  });
  // Issue 17's targets: against the real floor, per task row, and memory that does not grow.
  const f400 = r.files.find((f) => f.counties === 400 && f.tasks === 150);
  // The faster of the two floors: `unzip -p` starts a process per file, which zlib does not pay.
  const floors = [f200?.ms.zlib, f200?.ms.unzip].filter((v): v is number => typeof v === 'number');
  const floor200 = floors.length ? Math.min(...floors) : null;
  const over = f200?.ms.keytask != null && floor200 !== null ? Math.round((f200.ms.keytask / floor200) * 100) / 100 : null;
  targets.push({
    name: 'Files: keytask rollup ≤ 4× unzipping the parts (the faster of zlib and unzip -p), 200 files',
    met: over === null ? null : over <= 4,
    detail:
      over === null
        ? 'not measured'
        : `${over}× (${f200!.ms.keytask} ms vs zlib ${f200!.ms.zlib} ms, unzip -p ${f200!.ms.unzip ?? '-'} ms)`,
  });
  const g = f200?.ms.keytask && f400?.ms.keytask ? Math.round((f400.ms.keytask / f200.ms.keytask) * 100) / 100 : null;
  targets.push({
    name: 'Files: keytask rollup of 400 files ≤ 2.1× the time of 200',
    met: g === null ? null : g <= 2.1,
    detail: g === null ? 'sizes not in this run' : `×${g}`,
  });
  const roll = r.engine.filter((e) => e.operation === 'rollup' && e.tasks === 150);
  const us = roll.length ? Math.max(...roll.map((e) => (e.minMs * 1000) / e.rows)) : null;
  targets.push({
    name: 'Engine rollup ≤ 5 µs per task row (150 tasks, fastest runs)',
    met: us === null ? null : us <= 5,
    detail:
      us === null ? 'not measured' : roll.map((e) => `${e.counties}: ${((e.minMs * 1000) / e.rows).toFixed(1)}`).join(', ') + ' µs/row',
  });
  const m800 = r.memory.find((m) => m.counties === 800);
  targets.push({
    name: 'Memory: keytask rollup of 800 files ≤ 250 MB peak RSS',
    met: m800?.peakRssMb == null ? null : m800.peakRssMb <= 250,
    detail: r.memory.length ? r.memory.map((m) => `${m.counties}: ${rss(m.peakRssMb)} MB`).join(', ') : 'not measured',
  });
  const engine = (op: EngineResult['operation']): EngineResult[] => r.engine.filter((e) => e.operation === op);
  const lin: Array<[string, { ratio: number; work: number } | null]> = [
    // The fastest run: on a shared machine noise only ever adds time, so the minimum is the
    // steadiest estimate of what the work itself costs.
    ['engine validate', growth(engine('validate'), 150, 100, 400, (e) => e.minMs)],
    ['engine rollup', growth(engine('rollup'), 150, 100, 400, (e) => e.minMs)],
    ['files keytask', growth(r.files, 150, 100, 400, (f) => f.ms.keytask)],
  ];
  for (const [name, g] of lin) {
    targets.push({
      name: `Linear 100 → 400 counties: ${name}`,
      met: g === null ? null : g.ratio <= g.work * LINEAR_SLACK,
      detail:
        g === null ? 'sizes not in this run' : `time ×${g.ratio} for work ×${g.work}${name.startsWith('engine') ? ' (fastest runs)' : ''}`,
    });
  }
  return targets;
}

export function formatReport(r: BenchReport): string[] {
  const out: string[] = [];
  out.push(
    `keytask bench (${r.mode}) ${r.started} — node ${r.machine.node}, ${r.machine.cpus} × ${r.machine.cpuModel}, ${r.machine.memGb} GB`,
  );
  out.push(
    '',
    'Excel host against the fake Excel (floor: 1 read + 1 write batch, reads in 2 where the registry says what to read; data floor: 1 structure read + ⌈values / 5 MB⌉ + ⌈figure formats / 5 MB⌉ + ⌈writes / 5 MB⌉, answers as the fake measures them)',
  );
  out.push(
    ...table(
      [
        'operation',
        'size',
        'syncs',
        'over floor',
        'data floor',
        'largest req MB',
        'all reqs MB',
        'values read MB',
        'formats MB',
        'refused',
        'fake ms',
      ],
      r.excel.map((e) => [
        e.operation,
        size(e.counties, e.tasks),
        e.ok ? String(e.syncs) : 'FAILED',
        e.ok ? `+${e.syncs - e.floor}` : (e.error ?? '').slice(0, 40),
        String(e.dataFloor),
        mb(e.largestBytes),
        mb(e.totalBytes),
        e.readBytes ? mb(e.readBytes) : '-',
        e.formatBytes ? mb(e.formatBytes) : '-',
        String(e.refused),
        String(e.ms),
      ]),
    ),
  );
  out.push('', 'Engine over grids in memory (median and fastest of the runs after a warm-up, a GC before each; growth from the fastest)');
  const perRow = (e: EngineResult): string => ((e.medianMs * 1000) / e.rows).toFixed(1);
  out.push(
    ...table(
      ['operation', 'size', 'task rows', 'runs', 'median ms', 'min ms', 'µs/row', 'vs previous size (min time / work)'],
      r.engine.map((e) => {
        const prev = [...r.engine]
          .filter((p) => p.operation === e.operation && p.tasks === e.tasks && (p.counties === 0) === (e.counties === 0) && p.rows < e.rows)
          .pop();
        return [
          e.operation,
          size(e.counties, e.tasks),
          String(e.rows),
          String(e.runs),
          e.medianMs.toFixed(1),
          e.minMs.toFixed(1),
          perRow(e),
          prev ? `×${(e.minMs / prev.minMs).toFixed(2)} / ×${(e.rows / prev.rows).toFixed(2)}` : '',
        ];
      }),
    ),
  );
  out.push(
    '',
    'Files: roll-up of N county .xlsx (+ the city list), child processes, median wall time. Floor: the worksheet and shared-strings parts inflated by node zlib and decoded; unzip -p: the same parts, one shell',
  );
  const ms = (v: number | null): string => (v === null ? 'skipped' : String(v));
  const times = (v: number | null): string => (v === null ? '-' : `${v}×`);
  out.push(
    ...table(
      [
        'size',
        'runs',
        'keytask ms',
        'zlib ms',
        'unzip ms',
        'ExcelJS ms',
        'pandas ms',
        'k/zlib',
        'k/unzip',
        'k/ExcelJS',
        'k/pandas',
        'RSS MB k/E/p',
        'totals agree',
      ],
      r.files.map((f) => [
        size(f.counties, f.tasks),
        String(f.runs),
        ms(f.ms.keytask),
        ms(f.ms.zlib),
        ms(f.ms.unzip),
        ms(f.ms.floor),
        ms(f.ms.pandas),
        times(f.keytaskOverZlib),
        times(f.keytaskOverUnzip),
        times(f.keytaskOverFloor),
        times(f.keytaskOverPandas),
        `${rss(f.peakRssMb.keytask)}/${rss(f.peakRssMb.floor)}/${rss(f.peakRssMb.pandas)}`,
        f.check === null ? '-' : f.check.differ === 0 ? `yes (${f.check.compared})` : `NO: ${f.check.differ} of ${f.check.compared} differ`,
      ]),
    ),
  );
  if (r.memory.length) {
    out.push('', 'Memory: keytask rollup over files, a process per size, its own peak RSS (process.resourceUsage().maxRSS)');
    out.push(
      ...table(
        ['size', 'peak RSS MB', 'wall ms'],
        r.memory.map((m) => [size(m.counties, m.tasks), rss(m.peakRssMb), String(m.ms)]),
      ),
    );
  }
  out.push('', 'Targets');
  for (const t of r.targets) out.push(`  [${t.met === null ? ' -- ' : t.met ? ' ok ' : 'MISS'}] ${t.name}: ${t.detail}`);
  if (r.notes.length) out.push('', 'Notes', ...r.notes.map((n) => `  - ${n}`));
  return out;
}
