/**
 * Entry of the task pane in WPS 表格 (the `--env wps` build): the same App as in Excel, its host
 * modules swapped for the WPS ones at build time (api.ts), against WPS's `window.Application`.
 * WPS has no Office.context.displayLanguage; the page's own language (WPS's Chromium follows the
 * system's) picks the UI language.
 */
import { createRoot } from 'react-dom/client';
import { wpsApi } from '../../hosts/wps/runtime';
import { App } from '../components/App';
import { showNotInOffice, startPane } from '../components/startPane';
import { wpsPaneApi } from './api';

const container = document.getElementById('container');
if (!container) throw new Error('taskpane.html lacks #container');
const root = createRoot(container);

if (!(globalThis as { Application?: unknown }).Application) void showNotInOffice(root);
else void startPane(root, navigator.language, <App api={wpsPaneApi(wpsApi())} />);
