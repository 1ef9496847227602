/**
 * The 通报 as a reader gets it: the .docx `keytask report` writes, converted to PDF by
 * LibreOffice Writer, its text read back (pdftotext) and its first page kept as a PNG in
 * out/test-artifacts/bulletin-p1.png for people to look at.
 */
import { execFileSync } from 'child_process';
import { copyFileSync, mkdirSync } from 'fs';
import { join } from 'path';
import { main } from '../../src/cli/main';
import { messages } from '../../src/cli/messages';
import { SOFFICE, describeWith } from '../support/env';
import { writeClerkFixtures } from '../cli/clerkFixtures';
import { toHalfWidth } from '../../src/core/text/normalize';
import { tempDir } from './support';

const ARTIFACTS = join(__dirname, '..', '..', 'out', 'test-artifacts');

async function keytask(args: string[]): Promise<number> {
  return main(['node', 'keytask', ...args], { out: () => undefined, err: () => undefined }, messages('zh'));
}

describeWith(SOFFICE, 'LibreOffice', 'the 通报 converted to PDF', () => {
  const dir = tempDir('keytask-bulletin-pdf-');
  let text = '';

  beforeAll(async () => {
    const fx = await writeClerkFixtures(dir);
    const summary = join(dir, 'summary.xlsx');
    await keytask(['rollup', fx.city, fx.counties['新密市'], fx.counties['登封市'], fx.counties['荥阳市'], '-o', summary]);
    expect(await keytask(['report', summary, '--city', fx.city, '-o', join(dir, 'bulletin.docx')])).toBe(0);
    const profile = `file://${join(dir, 'profile')}`;
    execFileSync(
      SOFFICE!,
      [`-env:UserInstallation=${profile}`, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', dir, join(dir, 'bulletin.docx')],
      { timeout: 240_000, stdio: 'pipe' },
    );
    const pdf = join(dir, 'bulletin.pdf');
    text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
    mkdirSync(ARTIFACTS, { recursive: true });
    copyFileSync(pdf, join(ARTIFACTS, 'bulletin.pdf'));
    execFileSync('pdftoppm', ['-png', '-r', '90', '-f', '1', '-l', '1', '-singlefile', pdf, join(ARTIFACTS, 'bulletin-p1')]);
  }, 300_000);

  it('prints the title, the ranking, the lagging tasks with their lead units, and the footnote', () => {
    const flat = toHalfWidth(text).replace(/\s+/g, '');
    expect(flat).toContain('关于2024年第2季度重点任务推进情况的通报');
    expect(flat).toContain('二、县(市、区)进度排名');
    expect(flat).toMatch(/1荥阳市91/);
    expect(flat).toContain('三、滞后于序时进度的任务');
    // table cells wrap: the lead unit of task 10 starts its cell
    expect(flat).toContain('市工业和信');
    expect(flat).toContain('本通报数据均取自keytask汇总表《summary.xlsx》');
  });
});
