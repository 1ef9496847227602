/**
 * 生成通报 in Chromium against the fake Excel: county sheets filled through the fake, rolled up
 * in the 汇总 tab, then the bulletin drafted from the summary sheets and downloaded as a .docx
 * whose word/document.xml holds the title and the ranking.
 */
import { readFileSync } from 'fs';
import JSZip from 'jszip';
import { toHalfWidth } from '../../src/core/text/normalize';
import { CHROMIUM, describeWith } from '../support/env';
import { fillSampleQuarter, usePane } from './harness';

describeWith(CHROMIUM, 'Chromium', '生成通报 against a fake Excel', () => {
  const pane = usePane();

  it('is offered once a summary is there, and downloads 通报.docx drafted from it', async () => {
    const page = await pane.open();
    await fillSampleQuarter(page);

    await page.getByRole('tab', { name: '汇总' }).click();
    const panel = page.getByRole('tabpanel', { name: '汇总' });
    const draft = panel.getByRole('button', { name: '生成通报' });
    // nothing rolled up yet: no summary to draft from
    await panel.getByRole('checkbox', { name: '新密市' }).waitFor();
    await expect(draft.isDisabled()).resolves.toBe(true);

    await panel.getByRole('button', { name: '开始汇总' }).click();
    await panel.getByRole('status').filter({ hasText: '汇总完成' }).waitFor();
    await expect(draft.isEnabled()).resolves.toBe(true);

    const [download] = await Promise.all([page.waitForEvent('download'), draft.click()]);
    expect(download.suggestedFilename()).toBe('通报.docx');
    const path = await download.path();
    const zip = await JSZip.loadAsync(readFileSync(path));
    const xml = await zip.file('word/document.xml')!.async('string');
    // the title, set in two lines (关于…季度 / 重点任务推进情况的通报)
    expect(xml).toContain('关于2024年第2季度');
    expect(xml).toContain('重点任务推进情况的通报');
    const text = toHalfWidth(xml.replace(/<[^>]+>/g, ''));
    // 荥阳市 left its copy blank: not reported, named in the bulletin
    expect(text).toContain('荥阳市未报送');
    expect(text).toContain('新密市');
    await page.getByRole('status').filter({ hasText: '通报已生成' }).waitFor();
    await pane.shot(page, 'bulletin');
    await pane.close(page);
  });
});
