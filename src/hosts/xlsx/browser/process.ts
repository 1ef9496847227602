/**
 * The parts of Node's `process` that ExcelJS's source and readable-stream (3.x) touch while
 * reading an .xlsx, for the pane's bundle only: webpack.config.js provides it as the free
 * `process` of those modules. ExcelJS's own browser build bundles a full shim, with a second
 * JSZip and polyfills; built from its source it shares the pane's one JSZip instead.
 */
/** ExcelJS decodes parts with TextDecoder where this is set. */
export const browser = true;

/** readable-stream defers its callbacks with it; a microtask is what Node's nextTick amounts to. */
export function nextTick(fn: (...args: unknown[]) => void, ...args: unknown[]): void {
  queueMicrotask(() => fn(...args));
}
