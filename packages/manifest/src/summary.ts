import { deviceIdOf } from './device-id.js';
import type { ManifestSummary } from './diagnostic.js';
import { arrayAt, isObject, objectAt } from './json-value.js';

/** Declared feature names with their index in `features` (entries without a string name are skipped). */
export function declaredFeatures(manifest: unknown): { name: string; index: number }[] {
  const features = arrayAt(manifest, 'features') ?? [];
  const found: { name: string; index: number }[] = [];
  features.forEach((entry, index) => {
    if (isObject(entry) && typeof entry.name === 'string') found.push({ name: entry.name, index });
  });
  return found;
}

/** Device ids named by `targetDevices` (names and aliases resolved, unknown entries and repeats dropped). */
export function targetDeviceIds(manifest: unknown): string[] | undefined {
  const entries = arrayAt(manifest, 'targetDevices');
  if (entries === undefined) return undefined;
  const ids = entries.flatMap((entry) => {
    const id = typeof entry === 'string' ? deviceIdOf(entry) : undefined;
    return id === undefined ? [] : [id];
  });
  return [...new Set(ids)];
}

export function minAPILevelOf(manifest: unknown): number {
  const level = isObject(manifest) ? manifest.minAPILevel : undefined;
  return typeof level === 'number' && Number.isInteger(level) ? level : 1;
}

export function backgroundFeatureNames(manifest: unknown): string[] {
  const features = arrayAt(objectAt(objectAt(manifest, 'config'), 'background'), 'features') ?? [];
  return features.filter((name): name is string => typeof name === 'string');
}

export function summarize(manifest: unknown): ManifestSummary {
  const summary: ManifestSummary = {
    features: declaredFeatures(manifest).map((feature) => feature.name),
    minAPILevel: minAPILevelOf(manifest),
    backgroundFeatures: backgroundFeatureNames(manifest),
  };
  if (isObject(manifest) && typeof manifest.package === 'string') summary.package = manifest.package;
  const targets = targetDeviceIds(manifest);
  if (targets !== undefined) summary.targetDevices = targets;
  return summary;
}
