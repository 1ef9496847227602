import { MessageBar, MessageBarBody, Tab, TabList, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import type { ExcelApi } from '../../hosts/excel/runtime';
import { useStrings } from '../i18n';
import { DiagnosticsTab } from './diagnostics/DiagnosticsTab';
import { ErrorBoundary } from './ErrorBoundary';
import { GenerateTab } from './GenerateTab';
import { Header } from './Header';
import { ReviewTab } from './review/ReviewTab';
import { RollupTab } from './rollup/RollupTab';

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
      <TabList className={styles.tabs} selectedValue={tab} onTabSelect={(_, data) => setTab(data.value as TabId)}>
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
      {/* Panels stay mounted so a running generation and typed input survive a tab switch. */}
      {TABS.map((id) => (
        <div key={id} id={`panel-${id}`} role="tabpanel" aria-labelledby={`tab-${id}`} hidden={tab !== id} className={styles.panel}>
          <ErrorBoundary>{panel(id)}</ErrorBoundary>
        </div>
      ))}
    </div>
  );
}
