import type { Severity } from '../../diagnostic.js';
import { LineIndex } from '../../text-position.js';
import { visible } from '../../visible-text.js';
import { codeFrame } from '../code-frame.js';
import type { Colors } from '../colors.js';
import type { FileResult } from '../file-result.js';
import { formatWith, type ReportLayout } from '../report-layout.js';

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

function severityLabel(severity: Severity, c: Colors): string {
  if (severity === 'error') return c.red('error');
  if (severity === 'warning') return c.yellow('warning');
  return c.blue('info');
}

/** Readable text with a code frame per diagnostic, file by file, and a closing count (see report-layout.ts). */
export function stylishLayout(c: Colors): ReportLayout {
  return {
    entry(result) {
      if (result.diagnostics.length === 0) return '';
      const lines = new LineIndex(result.text);
      const blocks: string[] = [];
      for (const diagnostic of result.diagnostics) {
        const where = `${visible(result.path)}:${diagnostic.start.line}:${diagnostic.start.column}`;
        const head = `${severityLabel(diagnostic.severity, c)} ${c.bold(diagnostic.message)} ${c.dim(diagnostic.code)}\n  at ${c.underline(where)}`;
        const frame = codeFrame(result.text, diagnostic, lines, c);
        const fix =
          diagnostic.suggestion === undefined
            ? ''
            : `\n  ${c.dim('suggestion:')} ${visible(JSON.stringify(diagnostic.suggestion))}`;
        blocks.push(`${head}${frame === '' ? '' : `\n${frame}`}${fix}`);
      }
      return blocks.join('\n\n');
    },
    open: '',
    separator: '\n\n',
    // A file has an entry exactly when it has a diagnostic: no entries, no problems.
    close(totals) {
      const total = totals.errors + totals.warnings + totals.infos;
      const checked = plural(totals.files, 'manifest');
      if (total === 0) return `✔ ${checked} checked, no problems.\n`;
      const summary = `${plural(total, 'problem')} (${plural(totals.errors, 'error')}, ${plural(totals.warnings, 'warning')}, ${plural(totals.infos, 'note')}) in ${checked}`;
      const mark = totals.errors > 0 ? c.red('✖') : totals.warnings > 0 ? c.yellow('⚠') : c.blue('ℹ');
      return `\n\n${mark} ${c.bold(summary)}\n`;
    },
  };
}

/** Readable text with a code frame per diagnostic, and a closing count. */
export function formatStylish(results: readonly FileResult[], c: Colors): string {
  return formatWith(stylishLayout(c), results);
}
