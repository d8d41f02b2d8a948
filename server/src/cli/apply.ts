// Applies a creation plan to the disk: all or nothing, never overwriting a file.
import { existsSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'fs';
import * as path from 'path';
import { URI } from 'vscode-uri';
import { CreateError, type CreatePlan, type PlanFolder, type TextEditPlan } from '../core';

function offsetOf(text: string, line: number, character: number): number {
  let offset = 0;
  for (let l = 0; l < line; l++) {
    const nl = text.indexOf('\n', offset);
    if (nl < 0) return text.length;
    offset = nl + 1;
  }
  return Math.min(offset + character, text.length);
}

export function applyTextEdits(text: string, edits: TextEditPlan[]): string {
  const sorted = edits
    .map((e) => ({ start: offsetOf(text, e.range.start.line, e.range.start.character), end: offsetOf(text, e.range.end.line, e.range.end.character), newText: e.newText }))
    .sort((a, b) => b.start - a.start);
  let out = text;
  for (const e of sorted) out = out.slice(0, e.start) + e.newText + out.slice(e.end);
  return out;
}

/** Writes the plan; returns the files created and updated (absolute paths). */
export function applyPlan(folder: PlanFolder, plan: CreatePlan): { created: string[]; updated: string[] } {
  const fsPath = (p: string) => URI.parse(folder.uriOf(p)).fsPath;
  for (const c of plan.creates) {
    if (existsSync(fsPath(c.path))) throw new CreateError(`${fsPath(c.path)} already exists; nothing was changed.`);
  }
  const updates = new Map<string, TextEditPlan[]>();
  for (const e of plan.edits) updates.set(e.path, [...(updates.get(e.path) ?? []), e]);
  const newTexts = [...updates].map(([p, edits]) => [fsPath(p), applyTextEdits(readFileSync(fsPath(p), 'utf8'), edits)] as const);
  const created: string[] = [];
  try {
    for (const c of plan.creates) {
      const file = fsPath(c.path);
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, c.content, { flag: 'wx' });
      created.push(file);
    }
  } catch (e) {
    for (const f of created) unlinkSync(f);
    throw e;
  }
  for (const [file, text] of newTexts) writeFileSync(file, text);
  return { created, updated: newTexts.map(([f]) => f) };
}
