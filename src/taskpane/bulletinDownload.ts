/**
 * 生成通报 in the pane: the summary sheets read, the bulletin drafted, packed as a .docx in the
 * browser and handed to the user as a download. Loaded only when the button is clicked (a
 * dynamic import, its own chunk): the reader, the drafting and the docx library stay out of
 * the pane's first load.
 */
import { Packer } from 'docx';
import type { BulletinDoc } from '../core/bulletin/bulletin';
import type { Lang } from '../core/i18n';
import { bulletinDocument } from '../hosts/docx/bulletinDocx';
import { bulletinInExcel } from '../hosts/excel/bulletin';
import type { ExcelApi } from '../hosts/excel/runtime';

/** Drafts the open workbook's bulletin and downloads it; throws a Refusal when it has no summary. */
export async function draftBulletin(api: ExcelApi, lang: Lang, fileName: string): Promise<BulletinDoc> {
  const { doc } = await bulletinInExcel(api, { lang });
  await downloadBulletin(doc, fileName);
  return doc;
}

export async function downloadBulletin(doc: BulletinDoc, fileName: string): Promise<void> {
  const blob = await Packer.toBlob(bulletinDocument(doc));
  const url = URL.createObjectURL(blob);
  try {
    const a = document.createElement('a');
    a.href = url;
    a.download = fileName;
    a.style.display = 'none';
    document.body.appendChild(a);
    a.click();
    a.remove();
  } finally {
    // the click has started the download; the URL is not needed after this turn
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  }
}
