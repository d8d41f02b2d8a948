import * as path from 'path';
import { URI } from 'vscode-uri';
import { PlanFolder, PlanDiagnostic, defaultSettings } from '../core';
import { NodeWorkspace } from '../nodeWorkspace';
import { existsSync } from 'fs';

export interface CheckItem {
  file: string;
  range: PlanDiagnostic['range'];
  severity: string;
  code: string;
  message: string;
}

/**
 * `dir` is a workspace folder (its docs root is `docsRoot`, default `docs`) or, when it has no
 * such folder but holds planning folders itself, the docs root.
 */
export async function runCheck(dir: string, docsRoot?: string): Promise<{ items: CheckItem[]; text: string; error?: string }> {
  const settings = defaultSettings();
  let folder = dir;
  if (docsRoot) settings.docsRoot = docsRoot;
  else if (!existsSync(path.join(dir, settings.docsRoot)) && looksLikeDocsRoot(dir)) {
    folder = path.dirname(dir);
    settings.docsRoot = path.basename(dir);
  }
  if (!existsSync(path.join(folder, settings.docsRoot))) {
    return { items: [], text: '', error: `no docs folder: ${path.join(folder, settings.docsRoot)} does not exist` };
  }
  const plan = new PlanFolder(new NodeWorkspace(), URI.file(folder), settings);
  await plan.load();
  const items: CheckItem[] = [];
  for (const { uri, diagnostics } of plan.allDiagnostics()) {
    const file = path.relative(process.cwd(), URI.parse(uri).fsPath) || '.';
    for (const d of diagnostics) {
      const severity = settings.severity[d.code];
      if (severity === 'off') continue;
      items.push({ file, range: d.range, severity, code: d.code, message: d.message });
    }
  }
  const text = items
    .map((i) => `${i.file}:${i.range.start.line + 1}:${i.range.start.character + 1} ${i.severity} ${i.code} ${i.message}\n`)
    .join('') + (items.length ? `\n${summary(items)}\n` : '');
  return { items, text };
}

function looksLikeDocsRoot(dir: string): boolean {
  return ['milestones', 'prd', 'user-stories', 'templates'].some((d) => existsSync(path.join(dir, d)));
}

function summary(items: CheckItem[]): string {
  const files = new Set(items.map((i) => i.file)).size;
  return `${items.length} issue${items.length === 1 ? '' : 's'} in ${files} file${files === 1 ? '' : 's'}.`;
}
