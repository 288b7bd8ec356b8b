import { visibleJson } from '../../visible-text.js';
import type { FileResult } from '../file-result.js';

/** One entry per file: path, diagnostics and the manifest summary (no text). */
export function formatJson(results: readonly FileResult[]): string {
  const entries = results.map(({ path, diagnostics, summary }) => ({ path, diagnostics, ...(summary === undefined ? {} : { summary }) }));
  return `${visibleJson(JSON.stringify(entries, null, 2))}\n`;
}
