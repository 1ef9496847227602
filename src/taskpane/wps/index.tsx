/**
 * Entry of the task pane in WPS 表格 (the `--env wps` build): the same App as in Excel, its host
 * modules swapped for the WPS ones at build time (api.ts), against WPS's `window.Application`.
 * WPS has no Office.context.displayLanguage; the page's own language (WPS's Chromium follows the
 * system's) picks the UI language.
 */
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { createRoot } from 'react-dom/client';
import { wpsApi } from '../../hosts/wps/runtime';
import { App } from '../components/App';
import { ErrorBoundary } from '../components/ErrorBoundary';
import { StringsContext, ZH, stringsFor, uiLangFor } from '../i18n';
import { wpsPaneApi } from './api';

const container = document.getElementById('container');
if (!container) throw new Error('taskpane.html lacks #container');
const root = createRoot(container);

if (!(globalThis as { Application?: unknown }).Application) {
  root.render(
    <FluentProvider theme={webLightTheme}>
      <p>
        {ZH.errors.notInOffice} / {stringsFor('en').errors.notInOffice}
      </p>
    </FluentProvider>,
  );
} else {
  const strings = stringsFor(uiLangFor(navigator.language));
  document.documentElement.lang = strings.lang === 'zh' ? 'zh-CN' : 'en';
  document.title = strings.appTitle;
  root.render(
    <FluentProvider theme={webLightTheme}>
      <StringsContext.Provider value={strings}>
        <ErrorBoundary>
          <App api={wpsPaneApi(wpsApi())} />
        </ErrorBoundary>
      </StringsContext.Provider>
    </FluentProvider>,
  );
}
