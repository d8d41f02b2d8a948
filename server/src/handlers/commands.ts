// workspace/executeCommand: New Milestone / PRD / User Story, Initialize, create from a link, set a
// story's PRD. The core plans; the plan is applied through workspace/applyEdit as one edit.
import { ErrorCodes, LSPErrorCodes, ResponseError, type Connection, type TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { CreateError, type CreateRequest, type PlanFolder } from '../core';
import type { Folders } from '../folders';
import { localDate, planToWorkspaceEdit } from '../planEdits';
import { Command, type CommandResult } from '../protocol';

type Args = Record<string, unknown>;
const text = (v: unknown) => (typeof v === 'string' ? v : undefined);

/** The request for a command and the URI that picks the workspace folder. */
function toRequest(command: string, a: Args): { req: CreateRequest; anchor?: string } | undefined {
  const folder = text(a.folder);
  switch (command) {
    case Command.newMilestone: return { req: { type: 'milestone', title: text(a.title) ?? '', start: text(a.start), end: text(a.end) }, anchor: folder };
    case Command.newPrd: return { req: { type: 'prd', title: text(a.title) ?? '', milestone: text(a.milestone) ?? '', priority: text(a.priority) }, anchor: folder ?? uriLike(a.milestone) };
    case Command.newStory: return { req: { type: 'story', title: text(a.title) ?? '', prd: text(a.prd) ?? '' }, anchor: folder ?? uriLike(a.prd) };
    case Command.init: return { req: { type: 'init' }, anchor: folder };
    case Command.createFromLink: return { req: { type: 'fromLink', from: text(a.from) ?? '', target: text(a.target) ?? '' }, anchor: text(a.from) };
    case Command.setPrd: return { req: { type: 'setPrd', uri: text(a.uri) ?? '', prd: text(a.prd) ?? '' }, anchor: text(a.uri) };
    default: return undefined;
  }
}

function uriLike(v: unknown): string | undefined {
  return typeof v === 'string' && /^[a-z][a-z0-9+.-]*:/i.test(v) ? v : undefined;
}

export function registerCommands(connection: Connection, documents: TextDocuments<TextDocument>, folders: Folders): void {
  connection.onExecuteCommand(async (params) => {
    try {
      const parsed = toRequest(params.command, (params.arguments?.[0] ?? {}) as Args);
      if (!parsed) return new ResponseError(ErrorCodes.InvalidParams, `Unknown command ${params.command}.`);
      const folder = folders.pick(parsed.anchor);
      if (!folder) return new ResponseError(ErrorCodes.InvalidParams, 'Open a folder first: Plandocs works on the docs of a workspace folder.');
      return await execute(connection, documents, folder, parsed.req);
    } catch (e) {
      if (e instanceof CreateError) return new ResponseError(ErrorCodes.InvalidParams, e.message);
      connection.console.error(`command ${params.command} failed: ${e instanceof Error ? e.stack : String(e)}`);
      return new ResponseError(ErrorCodes.InternalError, `Plandocs could not run ${params.command}; see its output for details.`);
    }
  });
}

async function execute(connection: Connection, documents: TextDocuments<TextDocument>, folder: PlanFolder, req: CreateRequest): Promise<CommandResult | ResponseError> {
  const plan = await folder.planCreate(req, localDate());
  const edit = planToWorkspaceEdit(folder, plan, (uri) => documents.get(uri)?.version ?? null);
  const result = await connection.workspace.applyEdit({ label: 'Plandocs', edit });
  if (!result.applied) {
    return new ResponseError(LSPErrorCodes.RequestFailed, `The editor did not apply the change${result.failureReason ? `: ${result.failureReason}` : ''}. Nothing was created.`);
  }
  const changed = [...new Set([...plan.creates, ...plan.edits].map((c) => folder.uriOf(c.path)))];
  return { uri: folder.uriOf(plan.open.path), selection: plan.open.selection, changed };
}
