/**
 * The pane's host handle inside WPS. The pane's tabs are written against the Excel host's
 * modules; the WPS build of the pane (webpack.config.js, `--env wps`) swaps those modules for the
 * ones in this folder, which export the same names with the same types and run the WPS host.
 * The tabs still pass an `ExcelApi` around: in WPS it is this one, which carries ET.
 */
import type { ExcelApi } from '../../hosts/excel/runtime';
import type { WpsApi } from '../../hosts/wps/runtime';

export interface WpsPaneApi extends ExcelApi {
  readonly wps: WpsApi;
}

/** An ExcelApi whose Office.js door is shut; every pane operation goes through `wps` instead. */
export function wpsPaneApi(wps: WpsApi): WpsPaneApi {
  return {
    wps,
    run: () => Promise.reject(new Error('keytask: no Office.js in WPS')),
    // WPS is no Excel version: the pane's "Excel too old" warning does not apply.
    isSetSupported: () => true,
  };
}

/** The ET door of the api the pane was given. */
export function etOf(api: ExcelApi): WpsApi {
  const wps = (api as Partial<WpsPaneApi>).wps;
  if (!wps) throw new Error('keytask: the WPS build of the pane was given an Excel api');
  return wps;
}
