// The planning engine's public surface, used by the language server and the CLI.
export { PlanFolder } from './folder';
export type { DiagnosticsChange, FileEvent } from './folder';
export type { PlanDiagnostic } from './rules';
export { CODES, DEFAULT_SEVERITY, defaultSettings, resolveSettings } from './settings';
export type { Code, Settings, Severity } from './settings';
export { NEVER_CANCELLED } from './workspace';
export type { CancellationToken, FileKind, Workspace } from './workspace';
export type { Position, Range } from './types';
export type { CreateRequest } from './create/requests';
export { CreateError } from './create/types';
export type { CreatePlan, TextEditPlan } from './create/types';
export type { QuickFix } from './features/quickFixes';
export { summaries } from './features/summaries';
export type { DocSummaryData } from './features/summaries';
