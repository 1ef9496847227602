/**
 * `keytask rollup` over N county files against references measured on the same files in the
 * same run: (a) the real floor, the worksheet and shared-strings parts unzipped — inflated
 * with node's zlib and decoded (bench/unzipFloor.ts), and by `unzip -p` in one shell when
 * unzip is there; (b) reading the files with ExcelJS and nothing more; (c) the peer,
 * bench/pandas_rollup.py (openpyxl + pandas, Debian's python3). Each is a child process; wall
 * time is taken around it with process.hrtime, peak RSS from /usr/bin/time -v when present,
 * else by polling /proc/<pid>/status for VmHWM.
 */
import { spawn } from 'child_process';
import { existsSync, readFileSync } from 'fs';
import { join } from 'path';
import { median } from './engine';

export type Tool = 'keytask' | 'floor' | 'pandas' | 'zlib' | 'unzip';

const TOOLS: Tool[] = ['keytask', 'floor', 'pandas', 'zlib', 'unzip'];
const byTool = <T>(f: (t: Tool) => T): Record<Tool, T> => Object.fromEntries(TOOLS.map((t) => [t, f(t)])) as Record<Tool, T>;

export interface RunFigures {
  ms: number;
  peakRssKb: number | null;
  stdout: string;
}

export interface FilesResult {
  counties: number;
  tasks: number;
  runs: number;
  /** median wall time in ms, by tool; null when the tool was skipped */
  ms: Record<Tool, number | null>;
  /** each run's wall time */
  samples: Record<Tool, number[]>;
  peakRssMb: Record<Tool, number | null>;
  keytaskOverFloor: number | null;
  keytaskOverPandas: number | null;
  /** keytask ÷ the worksheet and shared-strings parts inflated by node's zlib (the real floor) */
  keytaskOverZlib: number | null;
  /** keytask ÷ the same parts by `unzip -p` (null without unzip) */
  keytaskOverUnzip: number | null;
  /**
   * keytask's summed actual value of each task it sums against pandas' for the same task:
   * how many tasks were compared and how many differ (null when pandas was skipped)
   */
  check: { compared: number; differ: number } | null;
}

const TIME = '/usr/bin/time';
export const PYTHON = '/usr/bin/python3';

export interface Tools {
  root: string;
  /** compiled floor reader */
  floor: string;
  /** compiled zlib floor (bench/unzipFloor.ts) */
  zlibFloor: string;
  /** whether `unzip` is on PATH */
  unzip: boolean;
  pandasScript: string;
  /** why pandas is skipped, or null when it is there */
  pandasMissing: string | null;
  timeV: boolean;
}

/** Whether Debian's python3 with pandas and openpyxl is there; says why not. */
export async function checkPandas(): Promise<string | null> {
  if (!existsSync(PYTHON)) return `${PYTHON} not found`;
  const r = await run([PYTHON, '-c', 'import pandas, openpyxl'], false);
  return r.code === 0 ? null : 'python3-pandas / python3-openpyxl are not installed (apt-get install python3-pandas python3-openpyxl)';
}

interface Spawned {
  code: number | null;
  ms: number;
  stdout: string;
  stderr: string;
  peakRssKb: number | null;
}

function vmHwm(pid: number): number | null {
  try {
    const m = /VmHWM:\s+(\d+)\s+kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) : null;
  } catch {
    return null;
  }
}

/** Runs a command; with `timeV`, under /usr/bin/time -v for its peak RSS. */
function run(cmd: string[], timeV: boolean): Promise<Spawned> {
  const argv = timeV ? [TIME, '-v', ...cmd] : cmd;
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn(argv[0], argv.slice(1), { stdio: ['ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => err.push(b));
    let polled: number | null = null;
    const poll = timeV
      ? null
      : setInterval(() => {
          const v = child.pid === undefined ? null : vmHwm(child.pid);
          if (v !== null) polled = Math.max(polled ?? 0, v);
        }, 20);
    child.on('error', reject);
    child.on('close', (code) => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      if (poll) clearInterval(poll);
      const stderr = Buffer.concat(err).toString('utf8');
      const m = /Maximum resident set size \(kbytes\): (\d+)/.exec(stderr);
      resolve({ code, ms, stdout: Buffer.concat(out).toString('utf8'), stderr, peakRssKb: m ? Number(m[1]) : polled });
    });
  });
}

export function commandOf(tool: Tool, tools: Tools, city: string, counties: string[]): string[] {
  switch (tool) {
    case 'keytask':
      return [process.execPath, join(tools.root, 'bin', 'keytask.js'), 'rollup', city, ...counties, '--format', 'json'];
    case 'floor':
      return [process.execPath, tools.floor, city, ...counties];
    case 'pandas':
      return [PYTHON, tools.pandasScript, city, ...counties];
    case 'zlib':
      return [process.execPath, tools.zlibFloor, city, ...counties];
    case 'unzip':
      // One shell for all files, each file's parts to one stream: unzip takes one archive a call.
      return ['sh', '-c', 'for f; do unzip -p "$f" "xl/worksheets/*.xml" xl/sharedStrings.xml; done > /dev/null', 'sh', city, ...counties];
  }
}

/** One run of one tool; throws with its stderr when it fails. */
export async function runTool(tool: Tool, tools: Tools, city: string, counties: string[]): Promise<RunFigures> {
  const r = await run(commandOf(tool, tools, city, counties), tools.timeV);
  // keytask exits 1 when the roll-up has error findings; the bench data has none.
  if (r.code !== 0) throw new Error(`${tool} exited ${r.code}: ${r.stderr.split('\n').slice(-5).join('\n')}`);
  return { ms: r.ms, peakRssKb: r.peakRssKb, stdout: r.stdout };
}

/** Task id → summed actual value, for the tasks keytask sums (the others it shows per county). */
function keytaskTotals(stdout: string): Map<string, number | null> {
  const json = JSON.parse(stdout) as { tasks: Array<{ id: string; total: { actual: number | null } | null }> };
  return new Map(json.tasks.filter((t) => t.total !== null).map((t) => [t.id, t.total!.actual]));
}

function pandasTotals(stdout: string): Map<string, number | null> {
  const json = JSON.parse(stdout.trim().split('\n').pop() ?? '{}') as { actual?: Record<string, number | null> };
  return new Map(Object.entries(json.actual ?? {}));
}

function compare(k: Map<string, number | null>, p: Map<string, number | null>): { compared: number; differ: number } {
  let differ = 0;
  for (const [id, v] of k) {
    const w = p.get(id) ?? null;
    if ((v === null) !== (w === null) || (v !== null && w !== null && Math.abs(v - w) > 1e-6)) differ++;
  }
  return { compared: k.size, differ };
}

const ratio = (a: number | null, b: number | null): number | null => (a === null || b === null ? null : Math.round((a / b) * 1000) / 1000);

/**
 * `runs` rounds of the three tools over the same files; within a round the order rotates, so
 * no tool always runs on a cache warmed by the one before it.
 */
export async function benchFiles(tools: Tools, city: string, counties: string[], tasks: number, runs: number): Promise<FilesResult> {
  const all: Tool[] = [
    'zlib',
    ...(tools.unzip ? (['unzip'] as Tool[]) : []),
    'floor',
    'keytask',
    ...(tools.pandasMissing ? [] : (['pandas'] as Tool[])),
  ];
  const samples = byTool<number[]>(() => []);
  const rss = byTool<number | null>(() => null);
  let k: Map<string, number | null> | null = null;
  let p: Map<string, number | null> | null = null;
  for (let i = 0; i < runs; i++) {
    const order = all.map((_, k) => all[(k + i) % all.length]);
    for (const tool of order) {
      const r = await runTool(tool, tools, city, counties);
      samples[tool].push(r.ms);
      if (r.peakRssKb !== null) rss[tool] = Math.max(rss[tool] ?? 0, r.peakRssKb);
      if (tool === 'keytask') k = keytaskTotals(r.stdout);
      if (tool === 'pandas') p = pandasTotals(r.stdout);
    }
  }
  const ms = (t: Tool): number | null => (samples[t].length ? Math.round(median(samples[t])) : null);
  const mb = (t: Tool): number | null => (rss[t] === null ? null : Math.round(rss[t]! / 1024));
  return {
    counties: counties.length,
    tasks,
    runs,
    ms: byTool(ms),
    samples,
    peakRssMb: byTool(mb),
    keytaskOverFloor: ratio(ms('keytask'), ms('floor')),
    keytaskOverPandas: ratio(ms('keytask'), ms('pandas')),
    keytaskOverZlib: ratio(ms('keytask'), ms('zlib')),
    keytaskOverUnzip: ratio(ms('keytask'), ms('unzip')),
    check: k && p ? compare(k, p) : null,
  };
}

export interface MemoryResult {
  counties: number;
  tasks: number;
  /** keytask rollup's own peak RSS (process.resourceUsage().maxRSS at exit), MB */
  peakRssMb: number | null;
  ms: number;
}

/**
 * `keytask rollup` of N files in a child process of its own, which reports its own peak RSS on
 * exit (bench/maxRss.ts preloaded): one process per size, so no size inherits another's heap.
 */
export async function benchMemory(
  tools: Tools & { maxRss: string },
  city: string,
  counties: string[],
  tasks: number,
): Promise<MemoryResult> {
  const [node, ...rest] = commandOf('keytask', tools, city, counties);
  const r = await run([node, '--require', tools.maxRss, ...rest], false);
  if (r.code !== 0) throw new Error(`keytask exited ${r.code}: ${r.stderr.split('\n').slice(-5).join('\n')}`);
  const m = /bench-max-rss-kb (\d+)/.exec(r.stderr);
  return { counties: counties.length, tasks, peakRssMb: m ? Math.round(Number(m[1]) / 1024) : null, ms: Math.round(r.ms) };
}
