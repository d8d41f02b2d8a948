// The one place where core findings become LSP types.
import { Diagnostic, DiagnosticSeverity } from 'vscode-languageserver';
import type { PlanDiagnostic, Severity, Settings } from './core';

const LEVEL: Record<Exclude<Severity, 'off'>, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export function toLspDiagnostics(list: PlanDiagnostic[], settings: Settings): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const d of list) {
    const level = settings.severity[d.code];
    if (level === 'off') continue;
    const diag: Diagnostic = { range: d.range, severity: LEVEL[level], code: d.code, source: 'plandocs', message: d.message };
    if (d.data) diag.data = d.data;
    out.push(diag);
  }
  return out;
}
