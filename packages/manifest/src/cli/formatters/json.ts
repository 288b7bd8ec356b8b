import type { FileResult } from '../file-result.js';

/** One entry per file: path, diagnostics and the manifest summary (no text). */
export function formatJson(results: readonly FileResult[]): string {
  return `${JSON.stringify(
    results.map(({ path, diagnostics, summary }) => ({ path, diagnostics, ...(summary === undefined ? {} : { summary }) })),
    null,
    2,
  )}\n`;
}
