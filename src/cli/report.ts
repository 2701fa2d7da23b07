// Printing diagnostics: the CLI's only say in how findings look.
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { sortDiagnostics } from '../diagnostics/diagnostic.js';

export type OutputFormat = 'human' | 'json' | 'github';

function where(d: Diagnostic): string {
  return d.line > 0 ? `${d.file}:${d.line}:${d.column}` : d.file;
}

/** `file:line:col  severity  message  [rule]`, one line each, plus related places indented. */
export function formatHuman(list: Diagnostic[]): string {
  return sortDiagnostics(list)
    .map((d) => {
      const head = `${where(d)}  ${d.severity}  ${d.message}  [${d.rule}]`;
      const rel = (d.related ?? []).map((r) => `    see ${where({ ...d, ...r })}`);
      return [head, ...rel].join('\n');
    })
    .join('\n');
}

export function formatJson(list: Diagnostic[], extra: Record<string, unknown> = {}): string {
  const diagnostics = sortDiagnostics(list).map((d) => {
    const o: Record<string, unknown> = {
      file: d.file,
      line: d.line,
      column: d.column,
      severity: d.severity,
      rule: d.rule,
      message: d.message,
    };
    if (d.related) o.related = d.related;
    return o;
  });
  return JSON.stringify({ diagnostics, ...extra }, null, 2);
}

/** GitHub Actions workflow commands: annotations on the changed files. */
export function formatGithub(list: Diagnostic[]): string {
  const esc = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
  const escProp = (s: string) => esc(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
  return sortDiagnostics(list)
    .map((d) => {
      const level = d.severity === 'error' ? 'error' : d.severity === 'warning' ? 'warning' : 'notice';
      const props = [`file=${escProp(d.file)}`];
      if (d.line > 0) props.push(`line=${d.line}`, `col=${d.column}`);
      props.push(`title=${escProp(d.rule)}`);
      return `::${level} ${props.join(',')}::${esc(d.message)}`;
    })
    .join('\n');
}

export function formatDiagnostics(list: Diagnostic[], format: OutputFormat): string {
  if (format === 'json') return formatJson(list);
  if (format === 'github') return formatGithub(list);
  return formatHuman(list);
}

export function summary(list: Diagnostic[]): string {
  const e = list.filter((d) => d.severity === 'error').length;
  const w = list.filter((d) => d.severity === 'warning').length;
  const i = list.length - e - w;
  return `${e} error${e === 1 ? '' : 's'}, ${w} warning${w === 1 ? '' : 's'}${i ? `, ${i} note${i === 1 ? '' : 's'}` : ''}`;
}
