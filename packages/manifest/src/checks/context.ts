import type { ManifestSummary } from '../diagnostic.js';
import type { Reporter } from '../report.js';

/** What every platform check sees: the parsed value (not necessarily schema-valid) and where to report. */
export interface CheckContext {
  readonly manifest: unknown;
  readonly summary: ManifestSummary;
  readonly reporter: Reporter;
}

export type Check = (context: CheckContext) => void;
