// The Plandocs protocol beyond plain LSP, defined once for the server and the VS Code client.
// Commands go through `workspace/executeCommand`; their changes come back as `workspace/applyEdit`.
import type { DocSummaryData } from './core/features/summaries';

export const Command = {
  newMilestone: 'plandocs.newMilestone',
  newPrd: 'plandocs.newPrd',
  newStory: 'plandocs.newStory',
  init: 'plandocs.init',
  createFromLink: 'plandocs.createFromLink',
  setPrd: 'plandocs.setPrd',
} as const;

/** Commands the server executes (any LSP client may call them). */
export const SERVER_COMMANDS: readonly string[] = Object.values(Command);

/** Client-side only: pick a PRD, then run `plandocs.setPrd`. */
export const LINK_PRD_COMMAND = 'plandocs.linkPrd';

/** `folder`: the workspace folder URI, when there are several. */
export interface NewMilestoneArgs { title: string; start?: string; end?: string; folder?: string }
/** `milestone`: its id or URI; `priority`: High, Medium (default) or Low. */
export interface NewPrdArgs { title: string; milestone: string; priority?: string; folder?: string }
/** `prd`: its id or URI. */
export interface NewStoryArgs { title: string; prd: string; folder?: string }
export interface InitArgs { folder?: string }
/** Create the PRD or story a broken link in `from` points to, at `target`. */
export interface CreateFromLinkArgs { from: string; target: string }
export interface SetPrdArgs { uri: string; prd: string }

export interface Position { line: number; character: number }
export interface Range { start: Position; end: Position }

/** What every command answers: the doc to show, the range to select in it, and every doc it created or edited. */
export interface CommandResult { uri: string; selection: Range; changed: string[] }

/** A milestone or PRD for pickers: id, title, status, dates (milestones), milestone title (PRDs). */
export type DocSummary = DocSummaryData & { folder: string };

/** `plandocs/listDocs`: the milestones or PRDs of the workspace, for pickers. */
export const ListDocs = {
  method: 'plandocs/listDocs',
} as const;
export interface ListDocsParams { kind: 'milestone' | 'prd' }

export interface InitializationOptions {
  /** The client registers the commands itself (with prompts) and forwards them: don't advertise them. */
  clientHandlesCommands?: boolean;
}
