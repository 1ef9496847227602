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

/** Opened in a plain browser there is no Office to wait for; say so instead of a blank page. */
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
  void Office.onReady(() => renderPane());
}
