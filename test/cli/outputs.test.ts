/**
 * No command writes over one of its inputs, however the output is named (another path, `./`,
 * a symbolic link to the folder, a hard link), and none replaces an existing file without
 * --force. A closed pipe ends the command quietly; a hostile file is refused with exit 2.
 */
import { execFileSync } from 'child_process';
import { existsSync, linkSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'fs';
import { join } from 'path';
import { main, terminalSafe } from '../../src/cli/main';
import { messages } from '../../src/cli/messages';
import { sameFile } from '../../src/cli/options';
import { tempDir } from '../xlsx/support';

async function run(...args: string[]): Promise<{ code: number; out: string[]; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(['node', 'keytask', ...args], { out: (l) => out.push(l), err: (l) => err.push(l) }, messages('en'));
  return { code, out, err };
}

describe('outputs never land on an input', () => {
  const dir = tempDir();
  const real = join(dir, 'real');
  const county = join(real, 'county.xlsx');

  beforeAll(async () => {
    mkdirSync(real);
    expect((await run('generate', '--sample', '--counties', '新密市', '-o', county)).code).toBe(0);
    symlinkSync(real, join(dir, 'link'));
    linkSync(county, join(dir, 'hard.xlsx'));
  });

  it.each([
    ['a symbolic link to its folder', () => join(dir, 'link', 'county.xlsx')],
    ['a hard link', () => join(dir, 'hard.xlsx')],
    ['./ and ..', () => join(real, '.', '..', 'real', 'county.xlsx')],
  ])('refuses %s, even with --force', async (_what, target) => {
    const before = readFileSync(county);
    for (const args of [
      ['validate', county, '--findings-sheet', target(), '--force'],
      ['rollup', county, '-o', target(), '--force'],
    ]) {
      const r = await run(...args);
      expect(r.code).toBe(2);
      expect(r.err.join('\n')).toMatch(/cannot be written over/);
    }
    expect(readFileSync(county).equals(before)).toBe(true);
    expect(sameFile(target(), county)).toBe(true);
  });

  it('--findings-sheet replaces an existing file only with --force', async () => {
    const out = join(dir, 'findings.xlsx');
    writeFileSync(out, 'keep me');
    const r = await run('validate', county, '--findings-sheet', out);
    expect(r.code).toBe(2);
    expect(r.err.join('\n')).toContain('already exists (add --force');
    // validate has no --replace: the message names only what the command takes
    expect(r.err.join('\n')).not.toContain('--replace');
    expect(readFileSync(out, 'utf8')).toBe('keep me');
    expect((await run('validate', county, '--findings-sheet', out, '--force')).code).toBeLessThan(2);
    expect(readFileSync(out, 'utf8')).not.toBe('keep me');
  });

  it('import and generate refuse their own input as output', async () => {
    const plan = join(dir, 'plan.txt');
    writeFileSync(plan, '重点任务清单');
    expect((await run('import', plan, '-o', plan, '--force')).err.join('\n')).toMatch(/cannot be written over/);
    expect(readFileSync(plan, 'utf8')).toBe('重点任务清单');
  });
});

describe('the terminal', () => {
  it('shows control characters from a file escaped, not raw', () => {
    expect(terminalSafe('新密\x1b[31m市\x07')).toBe('新密\\x1b[31m市\\x07');
    expect(terminalSafe('a\tb')).toBe('a\tb');
  });

  const bin = join(__dirname, '..', '..', 'bin', 'keytask.js');
  const built = existsSync(join(__dirname, '..', '..', 'lib', 'cli', 'main.js'));
  (built ? it : it.skip)('ends quietly when the reader of its output goes away (| head -1)', () => {
    const dir = tempDir();
    const county = join(dir, 'county.xlsx');
    execFileSync('node', [bin, 'generate', '--sample', '--counties', '新密市', '-o', county]);
    const out = execFileSync(
      'sh',
      [
        '-c',
        `node "${bin}" validate "${county}" | head -1; echo "status \${PIPESTATUS:-}" ; node "${bin}" validate "${county}" 2>&1 >/dev/null | head -1`,
      ],
      {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    expect(out).not.toMatch(/EPIPE|Error:|at /);
  });

  it('refuses a hostile file with exit 2 and a plain message, never 3', async () => {
    const dir = tempDir();
    const file = join(dir, 'encrypted.xlsx');
    const b = Buffer.alloc(1024);
    Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(b);
    Buffer.from('EncryptedPackage', 'utf16le').copy(b, 600);
    writeFileSync(file, b);
    const r = await run('validate', file);
    expect(r.code).toBe(2);
    expect(r.err.join('\n')).toContain('remove the password in Excel first');
  });
});
