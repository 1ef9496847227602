/**
 * Entry of the task pane: waits for Office, picks the UI language from Office's display
 * language, and renders the app against the real Excel.
 */
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { createRoot } from 'react-dom/client';
import { officeExcelApi } from '../hosts/excel/runtime';
import { App } from './components/App';
import { ErrorBoundary } from './components/ErrorBoundary';
import { StringsContext, ZH, stringsFor, uiLangFor } from './i18n';

function mount(): ReturnType<typeof createRoot> {
  const container = document.getElementById('container');
  if (!container) throw new Error('taskpane.html lacks #container');
  return createRoot(container);
}

function renderPane(): void {
  const strings = stringsFor(uiLangFor(Office.context.displayLanguage));
  document.documentElement.lang = strings.lang === 'zh' ? 'zh-CN' : 'en';
  document.title = strings.appTitle;
  mount().render(
    <FluentProvider theme={webLightTheme}>
      <StringsContext.Provider value={strings}>
        <ErrorBoundary>
          <App api={officeExcelApi()} />
        </ErrorBoundary>
      </StringsContext.Provider>
    </FluentProvider>,
  );
}

/** Outside Excel there is no workbook to work on; say so instead of a blank or broken page. */
function renderNotInOffice(): void {
  mount().render(
    <FluentProvider theme={webLightTheme}>
      <p>
        {ZH.errors.notInOffice} / {stringsFor('en').errors.notInOffice}
      </p>
    </FluentProvider>,
  );
}

if (typeof Office === 'undefined') {
  renderNotInOffice();
} else {
  // office.js also loads in a plain browser tab, where onReady reports no host.
  void Office.onReady((info) => (info.host === Office.HostType.Excel ? renderPane() : renderNotInOffice()));
}
