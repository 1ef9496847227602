/**
 * Entry of the task pane: waits for Office, picks the UI language from Office's display
 * language, and renders the app against the real Excel.
 */
import { createRoot } from 'react-dom/client';
import { officeExcelApi } from '../hosts/excel/runtime';
import { App } from './components/App';
import { showNotInOffice, startPane } from './components/startPane';

function mount(): ReturnType<typeof createRoot> {
  const container = document.getElementById('container');
  if (!container) throw new Error('taskpane.html lacks #container');
  return createRoot(container);
}

/** Outside Excel there is no workbook to work on; say so instead of a blank or broken page. */
function renderNotInOffice(): Promise<void> {
  return showNotInOffice(mount());
}

if (typeof Office === 'undefined') {
  void renderNotInOffice();
} else {
  // office.js also loads in a plain browser tab, where onReady reports no host.
  void Office.onReady((info) =>
    info.host === Office.HostType.Excel
      ? startPane(mount(), Office.context.displayLanguage, <App api={officeExcelApi()} />)
      : renderNotInOffice(),
  );
}
