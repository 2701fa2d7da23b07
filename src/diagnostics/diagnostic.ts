// Diagnostics are data (docs/design/ARCHITECTURE.md): every stage returns findings in this
// shape and only the CLI decides how to print them (human, --json, GitHub).

export type Severity = 'error' | 'warning' | 'info';

/** A place in a source file, 1-based line and column as editors count them. */
export interface SourcePoint {
  file: string;
  line: number;
  column: number;
}

export interface Diagnostic extends SourcePoint {
  severity: Severity;
  /** Stable rule id, e.g. `yaml-syntax`, `exact-duplicate`. */
  rule: string;
  message: string;
  /** Other places the finding refers to (the first copy of a duplicate, …). */
  related?: SourcePoint[];
}

/**
 * Thrown by a stage that cannot go on (a missing directory, broken YAML, …).
 * Carries the diagnostics so the CLI prints them like any others, exit code 1,
 * and never a stack trace.
 */
export class BulletinError extends Error {
  readonly diagnostics: Diagnostic[];
  constructor(diagnostics: Diagnostic[] | Diagnostic) {
    const list = Array.isArray(diagnostics) ? diagnostics : [diagnostics];
    super(list.map((d) => `${d.file}:${d.line}:${d.column} ${d.message}`).join('\n'));
    this.name = 'BulletinError';
    this.diagnostics = list;
  }
}

export function diagnostic(
  at: SourcePoint,
  severity: Severity,
  rule: string,
  message: string,
  related?: SourcePoint[],
): Diagnostic {
  const d: Diagnostic = { file: at.file, line: at.line, column: at.column, severity, rule, message };
  if (related && related.length > 0) d.related = related;
  return d;
}

export function hasErrors(list: readonly Diagnostic[]): boolean {
  return list.some((d) => d.severity === 'error');
}

/** Orders diagnostics by file, then position, so output is deterministic. */
export function sortDiagnostics(list: Diagnostic[]): Diagnostic[] {
  // Code-unit order, not localeCompare: the same on every machine and locale, and
  // free of ICU's collation data, slow to load on a cold run.
  const byUnits = (x: string, y: string): number => (x < y ? -1 : x > y ? 1 : 0);
  return [...list].sort((a, b) => byUnits(a.file, b.file) || a.line - b.line || a.column - b.column || byUnits(a.rule, b.rule));
}
