import type { ManifestSummary } from '../diagnostic.js';
import type { Reporter } from '../report.js';
import type { DeclaredFeature } from '../summary.js';

/** What every platform check sees: the parsed value (not necessarily schema-valid) and where to report. */
export interface CheckContext {
  readonly manifest: unknown;
  /** The entries of `features` that have a string name, found once for every check. */
  readonly features: readonly DeclaredFeature[];
  readonly summary: ManifestSummary;
  readonly reporter: Reporter;
  /** See `ValidateOptions.usedFeatures`. */
  readonly usedFeatures: ReadonlySet<string> | undefined;
  /** See `ValidateOptions.checkedFeatures`. */
  readonly checkedFeatures: ReadonlySet<string> | undefined;
  /** See `ValidateOptions.targetDevices`. */
  readonly targetDevices: { readonly ids: readonly string[]; readonly source: string } | undefined;
}

export type Check = (context: CheckContext) => void;
