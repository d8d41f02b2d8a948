import type { Position, Range } from '../types';

export const at = (p: Position): Range => ({ start: p, end: p });

export interface FileCreate { path: string; content: string }
export interface TextEditPlan { path: string; range: Range; newText: string }

/** Everything a creation does, as data: applied as one edit by the caller, so it is all or nothing. */
export interface CreatePlan {
  creates: FileCreate[];
  edits: TextEditPlan[];
  /** The doc to open afterwards, and what to select in it (the first section to fill in). */
  open: { path: string; selection: Range };
}

export class CreateError extends Error {}
