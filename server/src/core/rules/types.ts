import type { DocEntry, DocIndex } from '../graph';
import type { Code } from '../settings';
import type { Range } from '../types';

/** A finding, as data. Severity comes from the settings when it is shown. */
export interface PlanDiagnostic {
  code: Code;
  message: string;
  range: Range;
  /** Facts for quick fixes (e.g. the missing section's name). */
  data?: Record<string, string>;
}

export type Rule = (index: DocIndex, doc: DocEntry) => PlanDiagnostic[];
