import { statSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import { deviceIds, didYouMean, findDevice, quote, suggestDevices } from '@velakit/catalog';
import { manifestPathForDir, type RouterPage } from '@velakit/manifest';
import { nearestManifest, readManifest, type ManifestField, type ManifestRead } from './manifest-cache.js';

/** Targets a rule's own options may set; they win over everything else. */
export interface TargetOptions {
  targetDevices?: string[];
  features?: string[];
  minAPILevel?: number;
  /** Declared permission names (`hapjs.permission.LOCATION`). */
  permissions?: string[];
}

/** `settings.velakit` in eslint.config.js (see `manifestSettings()`), the second layer. */
export interface VelakitSettings extends TargetOptions {
  /** A manifest.json, or a project directory holding `src/manifest.json` or `manifest.json`. */
  manifest?: string;
}

/** A value and the words that say where it came from, repeated in every message. */
export interface Sourced<T> {
  readonly value: T;
  readonly source: string;
  /** True when the manifest named in `source` lacks the field and the value is the platform's default. */
  readonly defaulted?: boolean;
}

export interface ResolvedTargets {
  readonly devices: Sourced<readonly string[]>;
  /**
   * Undefined when nothing declares features (no manifest, no settings, or the manifest's `features` is not a list:
   * see `unusable`): feature rules stay silent.
   */
  readonly features: Sourced<ReadonlySet<string>> | undefined;
  /**
   * Undefined when unknown (no usable manifest, or its `minAPILevel` is not a positive integer: valid-manifest reports
   * that value): API-level checks stay silent.
   */
  readonly minAPILevel: Sourced<number> | undefined;
  /**
   * Undefined when nothing declares permissions (no manifest, no settings, or the manifest's `permissions` is not a
   * list: see `unusable`): the permission rule stays silent.
   */
  readonly permissions: Sourced<ReadonlySet<string>> | undefined;
  /**
   * The pages of the manifest's `router.pages`, with their paths (`source`: "src/manifest.json router.pages"). Only
   * the manifest gives them (the one settings.velakit.manifest names, else the nearest): undefined when there is no
   * usable manifest or it has no `router.pages` object, and the page rules stay silent.
   */
  readonly pages: Sourced<readonly RouterPage[]> | undefined;
  /**
   * Why every known device is a target, when nothing declares targets: "no targetDevices is declared in
   * src/manifest.json", "targetDevices in src/manifest.json names no known device" (empty, or every entry wrong),
   * "no manifest.json was found", "src/manifest.json is unusable", "targetDevices in src/manifest.json is not a list".
   */
  readonly everyDeviceBecause: string | undefined;
  /** A manifest or settings problem worth one report per file. */
  readonly problem: string | undefined;
  /**
   * The fields the manifest gives with the wrong type, of those the options and settings leave to it, each with what
   * to report (`features in src/manifest.json cannot be used: features must be an array, not an object (line 8,
   * column 15)`). Such a field is not used, never taken as absent: features, permissions or the API level are
   * unknown, every known device is a target, the pages are unknown. The rule that reads the field reports it once
   * per file; valid-manifest reports it at the value.
   */
  readonly unusable: Readonly<Partial<Record<ManifestField, string>>>;
  /** True when no manifest.json was found and none was configured. */
  readonly noManifest: boolean;
}

/** The subset of a rule context target resolution needs, so tests and the CLI can call it too. */
export interface TargetContext {
  readonly filename: string;
  readonly cwd: string;
  readonly settings: { readonly [key: string]: unknown };
}

function display(cwd: string, path: string): string {
  const shown = relative(cwd, path);
  return (shown === '' || shown.startsWith('..') || isAbsolute(shown) ? path : shown).split(sep).join('/');
}

function stringList(value: unknown): string[] | undefined {
  return Array.isArray(value) && value.every((item) => typeof item === 'string') ? value : undefined;
}

/** Reads `settings.velakit`, ignoring fields of the wrong type (they are reported as a problem). */
function velakitSettings(settings: { readonly [key: string]: unknown }): {
  value: VelakitSettings;
  problems: string[];
} {
  const raw = settings['velakit'];
  const value: VelakitSettings = {};
  const problems: string[] = [];
  if (raw === undefined) return { value, problems };
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return { value, problems: ['settings.velakit must be an object'] };
  }
  const record = raw as Record<string, unknown>;
  for (const key of ['targetDevices', 'features', 'permissions'] as const) {
    if (record[key] === undefined) continue;
    const list = stringList(record[key]);
    if (list) value[key] = list;
    else problems.push(`settings.velakit.${key} must be an array of strings`);
  }
  if (record['minAPILevel'] !== undefined) {
    if (Number.isInteger(record['minAPILevel'])) value.minAPILevel = record['minAPILevel'] as number;
    else problems.push('settings.velakit.minAPILevel must be an integer');
  }
  if (record['manifest'] !== undefined) {
    if (typeof record['manifest'] === 'string') value.manifest = record['manifest'];
    else problems.push('settings.velakit.manifest must be a path');
  }
  return { value, problems };
}

/** Device names or ids → ids; unknown names become problems (with suggestions) instead of silently vanishing. */
function deviceIdsOf(names: readonly string[], where: string, problems: string[]): string[] {
  const ids: string[] = [];
  for (const name of names) {
    const device = findDevice(name);
    if (device) {
      if (!ids.includes(device.id)) ids.push(device.id);
      continue;
    }
    const near = suggestDevices(name);
    problems.push(`${where} names an unknown device ${quote(name)}${near.length > 0 ? ` (${didYouMean(near)})` : ''}`);
  }
  return ids;
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** What the rule options and `settings.velakit` decide before any manifest is read. */
interface Layers {
  readonly fromSettings: VelakitSettings;
  readonly devices: Sourced<readonly string[]> | undefined;
  /** Set when the devices the options or settings list are every known device, because they name none. */
  readonly everyDeviceBecause: string | undefined;
  readonly features: Sourced<ReadonlySet<string>> | undefined;
  readonly minAPILevel: Sourced<number> | undefined;
  readonly permissions: Sourced<ReadonlySet<string>> | undefined;
  readonly problems: readonly string[];
}

/**
 * A list of targets that names no known device (empty, or only unknown names, reported on their own) would turn every
 * device check off without a word: it counts as no list, and every known device is a target. `because` says so in
 * the messages.
 */
function everyDeviceFor(where: string): string {
  return `${where} names no known device`;
}

function layersOf(context: TargetContext, options: TargetOptions): Layers {
  const problems: string[] = [];
  const settings = velakitSettings(context.settings);
  problems.push(...settings.problems);
  const fromSettings = settings.value;

  // Settings written by manifestSettings() name their manifest; messages say so.
  const fromSettingsSource = (field: string): string =>
    fromSettings.manifest
      ? `settings.velakit.${field} (read from ${display(context.cwd, resolve(context.cwd, fromSettings.manifest))})`
      : `settings.velakit.${field}`;
  let devices: Sourced<readonly string[]> | undefined;
  let everyDeviceBecause: string | undefined;
  const listed = (names: readonly string[], where: string, source: string): Sourced<readonly string[]> => {
    const value = deviceIdsOf(names, where, problems);
    if (value.length > 0) return { value, source };
    everyDeviceBecause = everyDeviceFor(where);
    // The source still starts with where it came from: the manifest check is given these targets too (see valid-manifest).
    return { value: deviceIds, source: `${source} (naming no known device: every known device)` };
  };
  if (options.targetDevices) {
    devices = listed(options.targetDevices, 'the rule option targetDevices', 'the rule option targetDevices');
  } else if (fromSettings.targetDevices) {
    devices = listed(fromSettings.targetDevices, 'settings.velakit.targetDevices', fromSettingsSource('targetDevices'));
  }
  let features: Sourced<ReadonlySet<string>> | undefined;
  if (options.features) features = { value: new Set(options.features), source: 'the rule option features' };
  else if (fromSettings.features)
    features = { value: new Set(fromSettings.features), source: fromSettingsSource('features') };
  let minAPILevel: Sourced<number> | undefined;
  if (options.minAPILevel !== undefined)
    minAPILevel = { value: options.minAPILevel, source: 'the rule option minAPILevel' };
  else if (fromSettings.minAPILevel !== undefined)
    minAPILevel = { value: fromSettings.minAPILevel, source: fromSettingsSource('minAPILevel') };
  let permissions: Sourced<ReadonlySet<string>> | undefined;
  if (options.permissions) permissions = { value: new Set(options.permissions), source: 'the rule option permissions' };
  else if (fromSettings.permissions)
    permissions = { value: new Set(fromSettings.permissions), source: fromSettingsSource('permissions') };
  return { fromSettings, devices, everyDeviceBecause, features, minAPILevel, permissions, problems };
}

/** The pages of a manifest read, when it has a `router.pages` object. */
function pagesOf(cwd: string, read: ManifestRead | undefined): Sourced<readonly RouterPage[]> | undefined {
  if (read === undefined || !read.ok || read.summary.pages === undefined) return undefined;
  return { value: read.summary.pages, source: `${display(cwd, read.path)} router.pages` };
}

/** Nothing unusable: the common case shares one object. */
const noneUnusable: ResolvedTargets['unusable'] = Object.freeze({});

/** How `unusable` names each field. */
const fieldNames: Record<ManifestField, string> = {
  targetDevices: 'targetDevices',
  features: 'features',
  minAPILevel: 'minAPILevel',
  permissions: 'permissions',
  pages: 'router.pages',
};

/** `features in src/manifest.json cannot be used: features must be an array, not an object (line 8, column 15)`. */
function unusableField(field: ManifestField, shown: string, why: string): string {
  return `${fieldNames[field]} in ${shown} cannot be used: ${why}`;
}

/**
 * The layers with what the manifest says (`read` undefined: none was found). With `unneeded` the layers decide
 * targets, features, API level and permissions: the read only gives the pages, and its problems are not reported.
 */
function combine(layers: Layers, cwd: string, read: ManifestRead | undefined, unneeded = false): ResolvedTargets {
  let { devices, features, minAPILevel, permissions, everyDeviceBecause } = layers;
  const problems = [...layers.problems];
  let noManifest = false;
  // Fields of the wrong type the manifest would give: built only for such a manifest.
  let unusable: Partial<Record<ManifestField, string>> | undefined;
  const cannotUse = (field: ManifestField, shown: string, why: string): void => {
    (unusable ??= {})[field] = unusableField(field, shown, why);
  };
  if (unneeded) {
    // Options and settings give targets, features, API level and permissions: the manifest only gives the pages.
  } else if (read === undefined) {
    noManifest = true;
    if (!devices) {
      devices = { value: deviceIds, source: 'every known device (no manifest.json found)' };
      everyDeviceBecause = 'no manifest.json was found';
    }
  } else if (!read.ok) {
    const shown = display(cwd, read.path);
    problems.push(`${shown} cannot be used: ${read.problem}`);
    if (!devices) {
      devices = { value: deviceIds, source: `every known device (${shown} is unusable)` };
      everyDeviceBecause = `${shown} is unusable`;
    }
  } else {
    const shown = display(cwd, read.path);
    const { summary, unusable: wrong } = read;
    if (!devices) {
      const listed = summary.targetDevices;
      if (wrong.targetDevices !== undefined) {
        // Not a list: unusable, not absent (valid-manifest reports its type). Every known device is a target.
        cannotUse('targetDevices', shown, wrong.targetDevices);
        everyDeviceBecause = `targetDevices in ${shown} is not a list`;
        devices = { value: deviceIds, source: `every known device (${everyDeviceBecause})` };
      } else if (listed === undefined) {
        everyDeviceBecause = `no targetDevices is declared in ${shown}`;
        devices = { value: deviceIds, source: `every known device (no targetDevices in ${shown})` };
      } else if (listed.length === 0) {
        // Empty, or every entry wrong: valid-manifest reports the list; lint goes on against every device.
        everyDeviceBecause = everyDeviceFor(`targetDevices in ${shown}`);
        devices = { value: deviceIds, source: `every known device (${everyDeviceBecause})` };
      } else {
        devices = { value: deviceIdsOf(listed, `${shown} targetDevices`, []), source: `${shown} targetDevices` };
      }
    }
    // A features or permissions field that is not a list declares nothing knowable: unknown, and said once per file.
    if (features) {
      // The options or settings give them.
    } else if (wrong.features !== undefined) cannotUse('features', shown, wrong.features);
    else
      features = summary.has.features
        ? { value: new Set(summary.features), source: `${shown} features` }
        : { value: new Set(), source: shown, defaulted: true };
    // A minAPILevel of the wrong type or range is valid-manifest's to report at the value: the level is unknown, not 1.
    if (minAPILevel) {
      // The options or settings give it.
    } else if (wrong.minAPILevel !== undefined) cannotUse('minAPILevel', shown, wrong.minAPILevel);
    else
      minAPILevel = summary.has.minAPILevel
        ? { value: summary.minAPILevel, source: `${shown} minAPILevel` }
        : { value: summary.minAPILevel, source: shown, defaulted: true };
    if (permissions) {
      // The options or settings give them.
    } else if (wrong.permissions !== undefined) cannotUse('permissions', shown, wrong.permissions);
    else
      permissions = summary.has.permissions
        ? { value: new Set(summary.permissions), source: `${shown} permissions` }
        : { value: new Set(), source: shown, defaulted: true };
  }
  // Only the manifest gives the pages, so a router.pages of the wrong type counts even when the layers give the rest.
  if (read?.ok && read.unusable.pages !== undefined) cannotUse('pages', display(cwd, read.path), read.unusable.pages);
  const problem = problems.length > 0 ? problems.join('; ') : undefined;
  const pages = pagesOf(cwd, read);
  return {
    devices: devices!,
    features,
    minAPILevel,
    permissions,
    pages,
    everyDeviceBecause,
    problem,
    unusable: unusable ?? noneUnusable,
    noManifest,
  };
}

interface Resolutions {
  readonly layers: Layers;
  /** The manifest settings.velakit.manifest names, once found (a folder is looked into once). */
  configuredManifest?: string;
  /** By manifest path (`''`: none found): the read the targets were made from, and the targets. */
  readonly byManifest: Map<string, { readonly read: ManifestRead | undefined; readonly targets: ResolvedTargets }>;
}

/**
 * Resolutions already made, per `settings.velakit` object (ESLint hands every file under one config the same one),
 * then per working directory and rule options. The files of an app share one: resolving again costs a map lookup and
 * the manifest cache's `stat`, and a changed manifest (a new read) resolves anew.
 */
const resolutions = new WeakMap<object, Map<string, Resolutions>>();
/** The key for configs without `settings.velakit`. */
const noSettings = {};

/**
 * A key for rule options that set targets: empty for none (every file of the common config asks with none, so no
 * serializing on that path), their JSON otherwise.
 */
export function targetOptionsKey(options: TargetOptions): string {
  if (
    options.targetDevices === undefined &&
    options.features === undefined &&
    options.minAPILevel === undefined &&
    options.permissions === undefined
  )
    return '';
  return JSON.stringify([options.targetDevices, options.features, options.minAPILevel, options.permissions]);
}

/**
 * Targets, features, minimum API level and permissions for one linted file, each resolved on its own in this order:
 * 1. the rule's options; 2. `settings.velakit` (values, or a `manifest` path); 3. the nearest manifest.json walking up
 * from the file (an ancestor's `src/manifest.json` counts); 4. every known device (features, API level and permissions
 * unknown).
 * The manifest also gives the app's pages (`pages`), which nothing else sets: it is looked up even when options and
 * settings give everything else (the manifest cache makes that a map lookup for the files of one lint run).
 */
export function resolveTargets(context: TargetContext, options: TargetOptions = {}): ResolvedTargets {
  const raw = context.settings['velakit'];
  const owner = raw === undefined ? noSettings : typeof raw === 'object' && raw !== null ? raw : undefined;
  let byKey = owner === undefined ? undefined : resolutions.get(owner);
  if (owner !== undefined && !byKey) {
    byKey = new Map();
    resolutions.set(owner, byKey);
  }
  const key = `${context.cwd}\0${targetOptionsKey(options)}`;
  let known = byKey?.get(key);
  if (!known) {
    known = { layers: layersOf(context, options), byManifest: new Map() };
    byKey?.set(key, known);
  }
  const { layers } = known;
  let manifestPath: string | undefined;
  if (layers.fromSettings.manifest !== undefined) {
    manifestPath = known.configuredManifest ??= configuredManifest(context.cwd, layers.fromSettings.manifest);
  } else {
    // ESLint hands rules absolute, normalized paths: `resolve` (a normalization per file) only for others.
    const filename = isAbsolute(context.filename) ? context.filename : resolve(context.cwd, context.filename);
    manifestPath = nearestManifest(dirname(filename));
  }
  // The manifest cache answers the files of one lint run without touching the disk (see `readManifest`).
  const read = manifestPath === undefined ? undefined : readManifest(manifestPath);
  // Options and settings that give everything leave the manifest only its pages to give.
  const unneeded = layers.devices && layers.features && layers.minAPILevel && layers.permissions;
  return combineOnce(known, manifestPath ?? '', read, () => combine(layers, context.cwd, read, !!unneeded));
}

/** The manifest settings.velakit.manifest names: the file, or a folder's `src/manifest.json` or `manifest.json`. */
function configuredManifest(cwd: string, setting: string): string {
  const configured = resolve(cwd, setting);
  return isDirectory(configured) ? (manifestPathForDir(configured) ?? configured) : configured;
}

/** The targets made from this manifest read, made again only when the read changed (a new manifest text). */
function combineOnce(
  known: Resolutions,
  path: string,
  read: ManifestRead | undefined,
  make: () => ResolvedTargets,
): ResolvedTargets {
  const remembered = known.byManifest.get(path);
  if (remembered && remembered.read === read) return remembered.targets;
  const targets = make();
  known.byManifest.set(path, { read, targets });
  return targets;
}
