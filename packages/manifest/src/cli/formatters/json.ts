import { visibleJson } from '../../visible-text.js';
import type { FileResult } from '../file-result.js';
import { formatWith, type ReportLayout } from '../report-layout.js';

/**
 * One entry per file: path, diagnostics and the manifest summary (no text), in an array indented by two spaces. An
 * entry is the text of a one-entry array less its brackets (`[\n  ` and `\n]`): already indented one level in, so
 * the entries joined give the text of `JSON.stringify(entries, null, 2)`, file by file.
 */
export const jsonLayout: ReportLayout = {
  entry: ({ path, diagnostics, summary }) => {
    const text = JSON.stringify(
      [summary === undefined ? { path, diagnostics } : { path, diagnostics, summary }],
      null,
      2,
    );
    return visibleJson(text.slice(4, -2));
  },
  open: '[\n  ',
  separator: ',\n  ',
  close: (_totals, entries) => (entries ? '\n]\n' : '[]\n'),
};

export function formatJson(results: readonly FileResult[]): string {
  return formatWith(jsonLayout, results);
}
