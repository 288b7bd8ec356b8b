import { readAppManifest, summarizeManifest, type ManifestSummary } from '@velakit/manifest';
import { listAnd } from '@velakit/catalog';
import { RuntimeSetupError } from './errors.js';

/** The parts of `manifest.json` the runtime reads. Other keys are kept but ignored. */
export interface AppManifest {
  readonly package?: unknown;
  readonly minAPILevel?: unknown;
  readonly features?: unknown;
  readonly [key: string]: unknown;
}

/** The manifest and the facts the runtime takes from it, as `@velakit/manifest` states them. */
export interface LoadedManifest {
  readonly manifest: AppManifest;
  /** The file it was read from; undefined for the `manifest` option. */
  readonly path: string | undefined;
  /** Declared features, the package name: the validator's summary, so the runtime and the manifest command agree. */
  readonly summary: ManifestSummary;
}

/** Reads the app's manifest the way `velakit-manifest <appRoot>` does, or explains exactly why it cannot. */
export function loadManifest(appRoot: string): LoadedManifest {
  const read = readAppManifest(appRoot);
  switch (read.kind) {
    case 'none':
      throw new RuntimeSetupError(`createRuntime: no manifest.json found (looked for ${listAnd(read.candidates)}).`);
    case 'unusable':
      throw new RuntimeSetupError(`createRuntime: ${read.message}`);
    case 'read':
      return {
        manifest: checkManifest(read.value, read.path),
        path: read.path,
        summary: checkFeatures(read.summary, read.path),
      };
  }
}

/**
 * `features` that is not a list declares nothing the runtime could trust: every call of a module that needs a
 * declaration would fail as "not declared", which the manifest's author did not mean. Refused up front instead.
 */
function checkFeatures(summary: ManifestSummary, source: string): ManifestSummary {
  if (summary.invalid.features) {
    throw new RuntimeSetupError(
      `createRuntime: ${source}: "features" must be a list of { "name": "system.x" } entries (velakit-manifest shows where).`,
    );
  }
  return summary;
}

/** A manifest given as an object (the `manifest` option), with the same facts as one read from disk. */
export function manifestFromObject(value: unknown): LoadedManifest {
  const manifest = checkManifest(value, '`manifest`');
  return { manifest, path: undefined, summary: checkFeatures(summarizeManifest(manifest), '`manifest`') };
}

/** Accepts any JSON object; the manifest validator (`@velakit/manifest`) is the place for full checks. */
function checkManifest(value: unknown, source: string): AppManifest {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new RuntimeSetupError(`createRuntime: ${source} must be a JSON object.`);
  }
  return value as AppManifest;
}
