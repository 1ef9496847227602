import { MessageBar, MessageBarBody, Tab, TabList, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import type { ExcelApi } from '../../hosts/excel/runtime';
import { useStrings } from '../i18n';
import { ErrorBoundary } from './ErrorBoundary';
import { GenerateTab } from './GenerateTab';
import { Header } from './Header';
import { Loading, lazyRetry } from './lazyPanel';

// The first tab paints with the pane; the others (and the core each calls) load when first opened.
const ReviewTab = lazyRetry(() => import(/* webpackChunkName: "tab-review" */ './review/ReviewTab').then((m) => m.ReviewTab));
const RollupTab = lazyRetry(() => import(/* webpackChunkName: "tab-rollup" */ './rollup/RollupTab').then((m) => m.RollupTab));
const DiagnosticsTab = lazyRetry(() =>
  import(/* webpackChunkName: "tab-diagnostics" */ './diagnostics/DiagnosticsTab').then((m) => m.DiagnosticsTab),
);

type TabId = 'generate' | 'review' | 'rollup' | 'diagnostics';
const TABS: readonly TabId[] = ['generate', 'review', 'rollup', 'diagnostics'];

/** The oldest Excel API set the host code relies on; the manifest asks for the same. */
export const REQUIRED_API = { set: 'ExcelApi', version: '1.8' } as const;

const useStyles = makeStyles({
  root: { minHeight: '100vh', display: 'flex', flexDirection: 'column' },
  tabs: { padding: `0 ${tokens.spacingHorizontalS}` },
  panel: { padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalL}` },
});

export function App({ api }: { api: ExcelApi }) {
  const s = useStrings();
  const styles = useStyles();
  const [tab, setTab] = useState<TabId>('generate');
  // A tab's panel is mounted when first opened and then kept (see below).
  const [opened, setOpened] = useState<ReadonlySet<TabId>>(() => new Set([tab]));
  const open = (id: TabId): void => {
    setTab(id);
    setOpened((before) => (before.has(id) ? before : new Set(before).add(id)));
  };
  const supported = api.isSetSupported(REQUIRED_API.set, REQUIRED_API.version);

  const panel = (id: TabId) => {
    switch (id) {
      case 'generate':
        return <GenerateTab api={api} />;
      case 'review':
        return <ReviewTab api={api} />;
      case 'rollup':
        return <RollupTab api={api} active={tab === 'rollup'} />;
      case 'diagnostics':
        return <DiagnosticsTab api={api} />;
    }
  };

  return (
    <div className={styles.root}>
      <Header />
      <TabList className={styles.tabs} selectedValue={tab} onTabSelect={(_, data) => open(data.value as TabId)}>
        {TABS.map((id) => (
          <Tab key={id} value={id} id={`tab-${id}`} aria-controls={`panel-${id}`}>
            {s.tabs[id]}
          </Tab>
        ))}
      </TabList>
      {!supported && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>{s.errors.excelTooOld}</MessageBarBody>
        </MessageBar>
      )}
      {/* Panels stay mounted once opened so a running generation and typed input survive a tab switch. */}
      {TABS.map((id) => (
        <div key={id} id={`panel-${id}`} role="tabpanel" aria-labelledby={`tab-${id}`} hidden={tab !== id} className={styles.panel}>
          {opened.has(id) && (
            <ErrorBoundary>
              <Loading>{panel(id)}</Loading>
            </ErrorBoundary>
          )}
        </div>
      ))}
    </div>
  );
}
