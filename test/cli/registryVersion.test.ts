/** A workbook a newer keytask made is refused by every command that reads it, exit 2, one plain sentence. */
import { writeFileSync } from 'fs';
import { join } from 'path';
import { main } from '../../src/cli/main';
import { messages } from '../../src/cli/messages';
import { generate } from '../../src/core/operations/generate';
import { toBuffer } from '../../src/hosts/xlsx/writeWorkbook';
import { samplePlan } from '../core/sample';
import { tempDir } from '../xlsx/support';

async function keytask(args: string[], lang: 'zh' | 'en'): Promise<{ code: number; err: string }> {
  const err: string[] = [];
  const code = await main(['node', 'keytask', ...args], { out: () => undefined, err: (l) => err.push(l) }, messages(lang));
  return { code, err: err.join('\n') };
}

describe('a workbook from a newer keytask', () => {
  let file = '';
  beforeAll(async () => {
    const { spec } = generate({ plan: samplePlan(), counties: ['新密市'] });
    const registry = spec.sheets.find((s) => s.kind === 'registry')!;
    registry.values = registry.values.map((r, i) => (i === 0 ? r : [...r.slice(0, 7), 99]));
    file = join(tempDir(), 'newer.xlsx');
    writeFileSync(file, await toBuffer(spec));
  });

  const ZH = '此工作簿由更新版本的 keytask 生成(登记表版本 99),请升级 keytask 后再操作';
  const EN = 'This workbook was made by a newer keytask (registry version 99); upgrade keytask before working on it';

  it.each([
    ['validate', () => ['validate', file]],
    ['rollup', () => ['rollup', file]],
    ['generate --force', () => ['generate', '--sample', '--counties', '新密市', '-o', file, '--force']],
  ])('%s exits 2 with the sentence', async (_name, args) => {
    const zh = await keytask(args(), 'zh');
    expect(zh.code).toBe(2);
    expect(zh.err).toContain(ZH);
    const en = await keytask(args(), 'en');
    expect(en.code).toBe(2);
    expect(en.err).toContain(EN);
  });
});
