/**
 * How both entries (Excel's index.tsx, WPS's wps/index.tsx) put the pane on the page: in the
 * user's language once its words are there, or, outside the host, a note saying so.
 */
import { FluentProvider, Spinner } from '@fluentui/react-components';
import type { ReactElement } from 'react';
import type { Root } from 'react-dom/client';
import { StringsContext, ZH, loadStrings, uiLangFor } from '../i18n';
import { paneTheme } from '../theme';
import { ErrorBoundary } from './ErrorBoundary';

/**
 * Renders `app` in the language `displayLanguage` picks. English words are a chunk of their own
 * (i18n.ts loadStrings): until they arrive the pane shows a spinner, which has no words to mix
 * with, rather than a blank; should they fail to load, it speaks Chinese rather than not at all.
 */
export async function startPane(root: Root, displayLanguage: string | undefined | null, app: ReactElement): Promise<void> {
  const lang = uiLangFor(displayLanguage);
  if (lang !== 'zh') {
    root.render(
      <FluentProvider theme={paneTheme}>
        <Spinner />
      </FluentProvider>,
    );
  }
  const strings = await loadStrings(lang).catch(() => ZH);
  document.documentElement.lang = strings.lang === 'zh' ? 'zh-CN' : 'en';
  document.title = strings.appTitle;
  root.render(
    <FluentProvider theme={paneTheme}>
      <StringsContext.Provider value={strings}>
        <ErrorBoundary>{app}</ErrorBoundary>
      </StringsContext.Provider>
    </FluentProvider>,
  );
}

/**
 * Outside its host (Excel, or WPS for the WPS build) the pane has no workbook to work on and no
 * display language to go by, so it says so in both languages (the Chinese line alone, offline).
 */
export async function showNotInOffice(root: Root): Promise<void> {
  const en = await loadStrings('en').catch(() => null);
  root.render(
    <FluentProvider theme={paneTheme}>
      <p>
        {ZH.errors.notInOffice}
        {en && ` / ${en.errors.notInOffice}`}
      </p>
    </FluentProvider>,
  );
}
