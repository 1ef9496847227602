/**
 * `npm run bench [-- --quick | --full]`: the Excel host's round trips and request sizes, the
 * engine's time over grids, and `keytask rollup` over files against an ExcelJS bare read and
 * a pandas script. Prints a table; writes the same figures to out/bench/bench-<time>.json and
 * out/bench/latest.json. Not part of `npm test`: its figures are for comparing runs.
 */
import { mkdirSync, writeFileSync } from 'fs';
import { cpus, totalmem } from 'os';
import { join, resolve } from 'path';
import { countyFiles } from './data';
import { type EngineResult, benchEngine, benchSingleSheet } from './engine';
import { type ExcelResult, benchExcel } from './excelPath';
import { type FilesResult, type MemoryResult, type Tools, benchFiles, benchMemory, checkPandas, runTool } from './files';
import { firstPaintLines } from './firstPaint';
import { type BenchReport, checkTargets, formatReport } from './report';

type Mode = BenchReport['mode'];

interface Sizes {
  excel: Array<{ counties: number; tasks: number }>;
  engine: Array<{ counties: number; tasks: number }>;
  singleSheet: number[];
  files: Array<{ counties: number; tasks: number }>;
  /** roll-ups over files whose peak RSS is measured, each in a process of its own */
  memory: Array<{ counties: number; tasks: number }>;
  engineRuns: (rows: number) => number;
  fileRuns: (counties: number) => number;
}

const cross = (counties: number[], tasks: number[]): Array<{ counties: number; tasks: number }> =>
  tasks.flatMap((t) => counties.map((c) => ({ counties: c, tasks: t })));

const SIZES: Record<Mode, Sizes> = {
  quick: {
    excel: cross([10, 50], [60]),
    engine: cross([10, 50], [60]),
    singleSheet: [1000],
    files: cross([10, 50], [60]),
    memory: cross([50], [60]),
    engineRuns: () => 3,
    fileRuns: () => 1,
  },
  default: {
    excel: cross([10, 50, 200, 400], [60, 150]),
    engine: cross([10, 50, 100, 200, 400], [60, 150]),
    singleSheet: [1000, 5000, 10000],
    files: cross([10, 50, 100, 200, 400], [150]),
    memory: cross([100, 400, 800], [150]),
    engineRuns: () => 5,
    fileRuns: (n) => (n > 200 ? 1 : 3),
  },
  full: {
    excel: cross([10, 50, 100, 200, 400], [60, 150]),
    engine: cross([10, 50, 100, 200, 400], [60, 150]),
    singleSheet: [1000, 5000, 10000],
    files: cross([10, 50, 100, 200, 400], [60, 150]),
    memory: cross([100, 400, 800], [150]),
    engineRuns: () => 5,
    fileRuns: () => 3,
  },
};

const log = (s: string): void => {
  process.stderr.write(`[bench] ${s}\n`);
};

function stamp(d: Date): string {
  return d.toISOString().replace(/[:]/g, '').replace(/\..*$/, '');
}

async function main(argv: string[]): Promise<number> {
  const mode: Mode = argv.includes('--quick') ? 'quick' : argv.includes('--full') ? 'full' : 'default';
  const only = (argv.find((a) => a.startsWith('--only=')) ?? '').slice('--only='.length).split(',').filter(Boolean);
  const wants = (part: string): boolean => only.length === 0 || only.includes(part);
  const sizes = SIZES[mode];
  const root = resolve(__dirname, '..', '..', '..');
  const outDir = join(root, 'out', 'bench');
  const started = new Date();
  const notes: string[] = [];

  const excel: ExcelResult[] = [];
  if (wants('excel')) {
    for (const c of [...sizes.excel, ...sizes.singleSheet.map((t) => ({ counties: 0, tasks: t }))]) {
      log(`excel ${c.counties} counties × ${c.tasks} tasks`);
      excel.push(...(await benchExcel(c)));
    }
  }

  const engine: EngineResult[] = [];
  if (wants('engine')) {
    for (const c of sizes.engine) {
      log(`engine ${c.counties} counties × ${c.tasks} tasks`);
      engine.push(...benchEngine(c, sizes.engineRuns(c.counties * c.tasks)));
    }
    for (const t of sizes.singleSheet) {
      log(`engine single sheet × ${t} tasks`);
      engine.push(benchSingleSheet(t, sizes.engineRuns(t)));
    }
  }

  const files: FilesResult[] = [];
  const memory: MemoryResult[] = [];
  if (wants('files')) {
    const pandasMissing = await checkPandas();
    if (pandasMissing) {
      notes.push(`pandas baseline skipped: ${pandasMissing}`);
      log(`pandas baseline skipped: ${pandasMissing}`);
    }
    const tools: Tools = {
      root,
      floor: join(__dirname, 'floorRead.js'),
      zlibFloor: join(__dirname, 'unzipFloor.js'),
      unzip: require('child_process').spawnSync('unzip', ['-v']).status === 0,
      pandasScript: join(root, 'bench', 'pandas_rollup.py'),
      pandasMissing,
      timeV: process.platform === 'linux' && require('fs').existsSync('/usr/bin/time'),
    };
    if (!tools.unzip) notes.push('unzip not found: the floor is node zlib alone');
    if (!tools.timeV) notes.push('peak RSS from /proc/<pid>/status VmHWM polling (no /usr/bin/time)');
    const dataRoot = join(outDir, 'data');
    const largest = Math.max(...[...sizes.files, ...sizes.memory].map((f) => f.counties));
    let warm = false;
    for (const f of sizes.files) {
      const set = await countyFiles(dataRoot, f.tasks, largest, log);
      const counties = set.counties.slice(0, f.counties);
      if (!warm) {
        // Once, unmeasured: the page cache and node's compile cache, for every tool alike.
        log('warm-up');
        await runTool('keytask', tools, set.city, counties);
        await runTool('floor', tools, set.city, counties);
        await runTool('zlib', tools, set.city, counties);
        if (tools.unzip) await runTool('unzip', tools, set.city, counties);
        if (!pandasMissing) await runTool('pandas', tools, set.city, counties);
        warm = true;
      }
      const runs = sizes.fileRuns(f.counties);
      log(`files ${f.counties} counties × ${f.tasks} tasks, ${runs} run(s)`);
      files.push(await benchFiles(tools, set.city, counties, f.tasks, runs));
    }
    for (const m of sizes.memory) {
      const set = await countyFiles(dataRoot, m.tasks, largest, log);
      log(`memory ${m.counties} counties × ${m.tasks} tasks`);
      memory.push(
        await benchMemory({ ...tools, maxRss: join(__dirname, 'maxRss.js') }, set.city, set.counties.slice(0, m.counties), m.tasks),
      );
    }
  }

  const partial: Omit<BenchReport, 'targets'> = {
    started: started.toISOString(),
    mode,
    machine: {
      node: process.version,
      platform: process.platform,
      cpus: cpus().length,
      cpuModel: cpus()[0]?.model ?? '?',
      memGb: Math.round(totalmem() / 1024 ** 3),
    },
    excel,
    engine,
    files,
    memory,
    notes,
  };
  const report: BenchReport = { ...partial, targets: checkTargets(partial) };
  mkdirSync(outDir, { recursive: true });
  const json = JSON.stringify(report, null, 2);
  const file = join(outDir, `bench-${stamp(started)}.json`);
  writeFileSync(file, json);
  writeFileSync(join(outDir, 'latest.json'), json);
  process.stdout.write([...formatReport(report), ...firstPaintLines(root)].join('\n') + '\n');
  process.stdout.write(`\nfigures written to ${file} and ${join(outDir, 'latest.json')}\n`);
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`bench failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exitCode = 1;
  },
);
