/**
 * 催报通知 in the pane: the summary sheets read (the bulletin's reader), the notices built by the
 * core, and the 催报 sheet written on request. Loaded only when the button is clicked (a dynamic
 * import, its own chunk), so the summary reader and the notices stay out of the pane's first load.
 */
// imported, not re-exported in one line: the WPS pane-swap test reads the tabs' import lines
import { remindersInExcel, writeRemindersSheet } from '../hosts/excel/bulletin';

export { remindersInExcel, writeRemindersSheet };

/**
 * Puts text on the clipboard. The Clipboard API is refused in some Office webviews (no
 * permission in the add-in's frame): a selected textarea and execCommand('copy') still work there.
 */
export async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    const area = document.createElement('textarea');
    area.value = text;
    area.style.position = 'fixed';
    area.style.opacity = '0';
    document.body.appendChild(area);
    area.select();
    try {
      return document.execCommand('copy');
    } finally {
      area.remove();
    }
  }
}
