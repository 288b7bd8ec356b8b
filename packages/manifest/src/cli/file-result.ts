import type { Diagnostic, ManifestSummary } from '../diagnostic.js';

/** One validated file, as every formatter receives it. */
export interface FileResult {
  /** As the user named it (relative paths stay relative). */
  path: string;
  /** The text diagnostics point into (for code frames); empty when there are no diagnostics. */
  text: string;
  diagnostics: Diagnostic[];
  summary?: ManifestSummary;
}

export interface Counts {
  errors: number;
  warnings: number;
  infos: number;
}

export function countOf(results: readonly FileResult[]): Counts {
  const counts: Counts = { errors: 0, warnings: 0, infos: 0 };
  for (const result of results) {
    for (const diagnostic of result.diagnostics) {
      if (diagnostic.severity === 'error') counts.errors++;
      else if (diagnostic.severity === 'warning') counts.warnings++;
      else counts.infos++;
    }
  }
  return counts;
}
