import { visibleJson } from '../../visible-text.js';
import type { FileResult } from '../file-result.js';
import { formatWith, type ReportLayout } from '../report-layout.js';

/**
 * One entry per file: path, diagnostics and the manifest summary (no text), in an array indented by two spaces. Each
 * entry is indented on its own and shifted one level in (JSON strings hold no raw line breaks), which gives the text
 * of `JSON.stringify(entries, null, 2)` file by file.
 */
export const jsonLayout: ReportLayout = {
  entry: ({ path, diagnostics, summary }) =>
    visibleJson(JSON.stringify(summary === undefined ? { path, diagnostics } : { path, diagnostics, summary }, null, 2)).replace(/\n/gu, '\n  '),
  open: '[\n  ',
  separator: ',\n  ',
  close: (_totals, entries) => (entries ? '\n]\n' : '[]\n'),
};

export function formatJson(results: readonly FileResult[]): string {
  return formatWith(jsonLayout, results);
}
