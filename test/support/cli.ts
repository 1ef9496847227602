/**
 * The compiled CLI, run as a user runs it (`node bin/keytask.js …`). lib/ is built first when it
 * is missing or older than the sources it is built from.
 */
import { execFileSync, spawnSync } from 'child_process';
import { existsSync, readdirSync, statSync } from 'fs';
import { join } from 'path';

export const ROOT = join(__dirname, '..', '..');
export const BIN = join(ROOT, 'bin', 'keytask.js');
const BUILT = join(ROOT, 'lib', 'cli', 'main.js');

function newestSource(dir: string): number {
  let newest = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    newest = Math.max(newest, e.isDirectory() ? newestSource(p) : statSync(p).mtimeMs);
  }
  return newest;
}

export function buildIfStale(): void {
  const sources = Math.max(...['src/core', 'src/hosts/xlsx', 'src/cli'].map((d) => newestSource(join(ROOT, d))));
  if (existsSync(BUILT) && statSync(BUILT).mtimeMs >= sources) return;
  execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.cli.json'], { cwd: ROOT, stdio: 'pipe' });
}

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs keytask under a locale (`C` by default, so messages are English) in a directory. */
export function keytask(args: string[], opts: { lang?: string; cwd?: string } = {}): Run {
  const env = { ...process.env, LANG: opts.lang ?? 'C', LC_ALL: '', LC_MESSAGES: '' };
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: opts.cwd ?? ROOT, env, encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A stack trace line, which a user must never see for a mistake of theirs. */
export const STACK = /^\s+at .+\(.*:\d+:\d+\)$/m;

/** The CLI run in this process (no build, no child): its exit code and what it printed. */
export async function runInProcess(args: string[], lang: 'zh' | 'en' = 'en'): Promise<{ code: number; out: string; err: string }> {
  const { main } = await import('../../src/cli/main');
  const { messages } = await import('../../src/cli/messages');
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(['node', 'keytask', ...args], { out: (l) => out.push(l), err: (l) => err.push(l) }, messages(lang));
  return { code, out: out.join('\n'), err: err.join('\n') };
}
