/**
 * What the pane asks of a host's roll-up in the open workbook (Excel's rollupInExcel, WPS's
 * rollupInWps): the same request for both, so the pane's roll-up tab is one.
 */
import type { NameConflict } from '../generate/generate';
import type { Lang } from '../i18n';
import type { SourceFile, UnreadableFile } from '../rollup/sources';

export interface RollupRequest {
  /** county sheets picked in the pane; default every keytask county sheet of the workbook */
  sheets?: string[];
  /** county files the pane has already read */
  files?: SourceFile[];
  /** files the pane could not read; each becomes a `submission-unreadable` finding */
  unreadable?: UnreadableFile[];
  lang: Lang;
  /** counties expected to submit; default the registry's counties when no sheets were picked */
  counties?: string[];
  /** title of the summary sheet; default from the city sheet's title */
  title?: string;
  /** asked when a sheet of the user's holds a wanted name; false cancels before anything is written */
  confirm: (conflicts: NameConflict[]) => Promise<boolean>;
}
