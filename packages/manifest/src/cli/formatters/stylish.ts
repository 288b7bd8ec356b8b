import type { Severity } from '../../diagnostic.js';
import { LineIndex } from '../../text-position.js';
import { visible } from '../../visible-text.js';
import { codeFrame } from '../code-frame.js';
import type { Colors } from '../colors.js';
import { countOf, type FileResult } from '../file-result.js';

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

function severityLabel(severity: Severity, c: Colors): string {
  if (severity === 'error') return c.red('error');
  if (severity === 'warning') return c.yellow('warning');
  return c.blue('info');
}

/** Readable text with a code frame per diagnostic, and a closing count. */
export function formatStylish(results: readonly FileResult[], c: Colors): string {
  const blocks: string[] = [];
  for (const result of results) {
    if (result.diagnostics.length === 0) continue;
    const lines = new LineIndex(result.text);
    for (const diagnostic of result.diagnostics) {
      const where = `${visible(result.path)}:${diagnostic.start.line}:${diagnostic.start.column}`;
      const head = `${severityLabel(diagnostic.severity, c)} ${c.bold(diagnostic.message)} ${c.dim(diagnostic.code)}\n  at ${c.underline(where)}`;
      const frame = codeFrame(result.text, diagnostic, lines, c);
      const fix = diagnostic.suggestion === undefined ? '' : `\n  ${c.dim('suggestion:')} ${visible(JSON.stringify(diagnostic.suggestion))}`;
      blocks.push(`${head}${frame === '' ? '' : `\n${frame}`}${fix}`);
    }
  }
  const counts = countOf(results);
  const total = counts.errors + counts.warnings + counts.infos;
  const checked = plural(results.length, 'manifest');
  if (total === 0) return `✔ ${checked} checked, no problems.\n`;
  const summary = `${plural(total, 'problem')} (${plural(counts.errors, 'error')}, ${plural(counts.warnings, 'warning')}, ${plural(counts.infos, 'note')}) in ${checked}`;
  const mark = counts.errors > 0 ? c.red('✖') : counts.warnings > 0 ? c.yellow('⚠') : c.blue('ℹ');
  return `${blocks.join('\n\n')}\n\n${mark} ${c.bold(summary)}\n`;
}
