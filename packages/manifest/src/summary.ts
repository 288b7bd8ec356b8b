import { deviceIdOf } from './device-id.js';
import type { ManifestSummary, RouterPage } from './diagnostic.js';
import { arrayAt, isObject, objectAt } from './json-value.js';

export interface DeclaredFeature {
  readonly name: string;
  /** Its index in `features`. */
  readonly index: number;
}

/** Declared features with their index in `features` (entries without a string name are skipped). */
export function declaredFeatures(manifest: unknown): DeclaredFeature[] {
  const features = arrayAt(manifest, 'features');
  const found: DeclaredFeature[] = [];
  if (features === undefined) return found;
  for (let index = 0; index < features.length; index++) {
    const entry = features[index];
    if (isObject(entry) && typeof entry.name === 'string') found.push({ name: entry.name, index });
  }
  return found;
}

/**
 * Device ids named by `targetDevices` (names and aliases resolved, unknown entries and repeats dropped): empty when it
 * names no known device.
 */
function targetDeviceIds(manifest: unknown): string[] | undefined {
  const entries = arrayAt(manifest, 'targetDevices');
  if (entries === undefined) return undefined;
  const ids: string[] = [];
  for (const entry of entries) {
    const id = typeof entry === 'string' ? deviceIdOf(entry) : undefined;
    if (id !== undefined && !ids.includes(id)) ids.push(id); // at most one per device: a handful
  }
  return ids;
}

/** A `minAPILevel` the schema accepts: an integer of 1 or more. */
function isLevel(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1;
}

function backgroundFeatureNames(manifest: unknown): string[] {
  const names: string[] = [];
  for (const name of arrayAt(objectAt(objectAt(manifest, 'config'), 'background'), 'features') ?? []) {
    if (typeof name === 'string') names.push(name);
  }
  return names;
}

/** Declared permission names (`permissions[].name` strings; other entries are the schema's to report). */
function permissionNamesOf(manifest: unknown): string[] {
  const names: string[] = [];
  for (const entry of arrayAt(manifest, 'permissions') ?? []) {
    if (isObject(entry) && typeof entry.name === 'string') names.push(entry.name);
  }
  return names;
}

/**
 * The pages of `router.pages` with their paths (undefined when `router.pages` is not an object). A page without `path`
 * gets `/<page name>`, as the manifest docs say; the duplicate-page-path check and the router rules share this.
 */
export function routerPages(manifest: unknown): RouterPage[] | undefined {
  const pages = objectAt(objectAt(manifest, 'router'), 'pages');
  if (pages === undefined) return undefined;
  const found: RouterPage[] = [];
  for (const [name, page] of Object.entries(pages)) {
    if (!isObject(page)) found.push({ name, explicit: false });
    else if (page.path === undefined) found.push({ name, path: `/${name}`, explicit: false });
    else if (typeof page.path === 'string') found.push({ name, path: page.path, explicit: true });
    else found.push({ name, explicit: true });
  }
  return found;
}

/** Present, and not an array: the schema's type error. */
function notArray(value: unknown): boolean {
  return value !== undefined && !Array.isArray(value);
}

/** `router`, or its `pages`, present and not an object: the pages are unknown (absent ones are only missing). */
function invalidPages(router: unknown): boolean {
  if (router === undefined) return false;
  if (!isObject(router)) return true;
  return router.pages !== undefined && !isObject(router.pages);
}

/** What tools need from a manifest, given its declared features (as `declaredFeatures` finds them). */
export function summarize(
  manifest: unknown,
  features: readonly DeclaredFeature[] = declaredFeatures(manifest),
): ManifestSummary {
  const object = isObject(manifest);
  const level = object ? manifest.minAPILevel : undefined;
  const summary: ManifestSummary = {
    features: features.map((feature) => feature.name),
    minAPILevel: isLevel(level) ? level : 1,
    has: {
      minAPILevel: isLevel(level),
      features: object && Array.isArray(manifest.features),
      permissions: object && Array.isArray(manifest.permissions),
    },
    invalid: {
      minAPILevel: level !== undefined && !isLevel(level),
      targetDevices: object && notArray(manifest.targetDevices),
      features: object && notArray(manifest.features),
      permissions: object && notArray(manifest.permissions),
      pages: object && invalidPages(manifest.router),
      document: !object,
    },
    backgroundFeatures: backgroundFeatureNames(manifest),
    permissions: permissionNamesOf(manifest),
  };
  if (object && typeof manifest.package === 'string') summary.package = manifest.package;
  const targets = targetDeviceIds(manifest);
  if (targets !== undefined) summary.targetDevices = targets;
  const pages = routerPages(manifest);
  if (pages !== undefined) summary.pages = pages;
  return summary;
}
