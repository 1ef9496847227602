export { ImportError, type ImportErrorReason, type ImportOptions, type ImportResult, type ImportedTask, importPlan } from './importPlan';
export { decodeText } from './decode';
