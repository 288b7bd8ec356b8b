import * as fs from 'node:fs';
import { dirname, extname, join } from 'node:path';
import type { ValidateOptions } from '@velakit/manifest';

/** Source files whose `@system.*` strings count as uses of a feature. */
const sourceExtensions = new Set(['.js', '.mjs', '.cjs', '.ts', '.mts', '.cts', '.ux']);
/** Folders that hold no app source: dependencies, build output, tool state. */
const skippedFolders = new Set(['node_modules', 'dist', 'build']);
/** Every string literal naming a module: imports, `require`, and `app.canIUse('@system.x')` alike. */
const moduleString = /(['"`])@(system\.[A-Za-z0-9_.]+)\1/gu;
/** A module checked at run time: `canIUse('@system.x')`, whatever object it is called on. */
const canIUseString = /\bcanIUse\s*\(\s*(['"`])@(system\.[A-Za-z0-9_.]+)\1/gu;
/** A module bound to a name: `import geo from '@system.geolocation'`, `const geo = require('@system.geolocation')`. */
const moduleBinding = /(?:\bimport\s+(?:\*\s+as\s+)?([A-Za-z_$][\w$]*)\s+from\s*|\b(?:const|let|var)\s+([A-Za-z_$][\w$]*)\s*=\s*require\s*\(\s*)(['"`])@(system\.[A-Za-z0-9_.]+)\3/gu;

/**
 * True when the text feature-detects the module bound to `name`: `typeof name...`, `name.m?.(`, `name?.`, `'m' in name`,
 * `if (name.m)`/`if (!name)`, `name && ...`. A cheap textual test for the manifest check, which leaves such features to
 * the source rules (they judge each call, with the full guard analysis).
 */
function detects(text: string, name: string): boolean {
  const n = name.replace(/\$/gu, '\\$');
  return new RegExp(
    `typeof\\s+${n}\\b|\\b${n}\\s*\\.\\s*[\\w$]+\\s*\\?\\.\\s*\\(|\\b${n}\\s*\\?\\.|\\bin\\s+${n}\\b|\\bif\\s*\\(\\s*!?\\s*${n}\\b|\\b${n}\\s*(?:\\.\\s*[\\w$]+\\s*)?&&`,
    'u',
  ).test(text);
}

/** Only the strings that load a module: `from '@system.x'`, `import '@system.x'`, `require('@system.x')`. */
const moduleImport = /(?:\bfrom\s*|\bimport\s*|\brequire\s*\(\s*)(['"`])@(system\.[A-Za-z0-9_.]+)\1/gu;

interface FileEntry {
  mtimeMs: number;
  size: number;
  features: readonly string[];
  checked: readonly string[];
  imported: readonly string[];
  detected: readonly string[];
}

const files = new Map<string, FileEntry>();
const counters = { reads: 0, scans: 0 };

export interface AppSources {
  /** Feature names (`system.request`) some source file names as `@system.request`. */
  readonly used: ReadonlySet<string>;
  /** Feature names some source file checks with `canIUse('@system.request')`. */
  readonly checked: ReadonlySet<string>;
  /** Feature names some source file feature-detects (`typeof geo.subscribe === 'function'`, `geo.subscribe?.()`). */
  readonly detected: ReadonlySet<string>;
  /** Feature names some source file imports or requires (a subset of `used`: `app.canIUse` strings load nothing). */
  readonly imported: ReadonlySet<string>;
  readonly fileCount: number;
}

function* sourceFiles(dir: string): Generator<string> {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return;
  }
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!skippedFolders.has(entry.name)) yield* sourceFiles(path);
    } else if (entry.isFile() && sourceExtensions.has(extname(entry.name))) {
      yield path;
    }
  }
}

type Found = Pick<FileEntry, 'features' | 'checked' | 'imported' | 'detected'>;

const nothing: Found = { features: [], checked: [], imported: [], detected: [] };

/** The features a file names (and checks), read again only when its mtime or size changed since the last scan. */
function featuresOf(path: string): Found {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(path);
  } catch {
    return nothing;
  }
  const cached = files.get(path);
  if (cached && cached.mtimeMs === stat.mtimeMs && cached.size === stat.size) return cached;
  let text = '';
  try {
    counters.reads++;
    text = fs.readFileSync(path, 'utf8');
  } catch {
    // Unreadable files name no features.
  }
  // Most files of an app name no module: one `includes` instead of four scans.
  if (!text.includes('@system.')) {
    const entry = { mtimeMs: stat.mtimeMs, size: stat.size, ...nothing };
    files.set(path, entry);
    return entry;
  }
  const features = [...new Set(Array.from(text.matchAll(moduleString), (match) => match[2]!))];
  const checked = [...new Set(Array.from(text.matchAll(canIUseString), (match) => match[2]!))];
  const imported = [...new Set(Array.from(text.matchAll(moduleImport), (match) => match[2]!))];
  const detected = [
    ...new Set(Array.from(text.matchAll(moduleBinding)).filter((match) => detects(text, (match[1] ?? match[2])!)).map((match) => match[4]!)),
  ];
  const entry = { mtimeMs: stat.mtimeMs, size: stat.size, features, checked, imported, detected };
  files.set(path, entry);
  return entry;
}

/**
 * Scans an app's source folder for the modules its files name. The folder walk and one `stat` per file run on every
 * call; a file's text is read only the first time and after it changes.
 */
export function scanAppSources(dir: string): AppSources {
  // No file limit: the scan runs once per manifest per lint run, costs one stat per file once the texts are cached,
  // and a rule that went silent on large apps would hide exactly the declarations nobody remembers.
  const used = new Set<string>();
  const checked = new Set<string>();
  const imported = new Set<string>();
  const detected = new Set<string>();
  let fileCount = 0;
  counters.scans++;
  for (const path of sourceFiles(dir)) {
    fileCount++;
    const entry = featuresOf(path);
    for (const feature of entry.features) used.add(feature);
    for (const feature of entry.checked) checked.add(feature);
    for (const feature of entry.imported) imported.add(feature);
    for (const feature of entry.detected) detected.add(feature);
  }
  return { used, checked, imported, detected, fileCount };
}

const scans = new WeakMap<object, AppSources>();

/**
 * The sources of the app whose manifest is being linted (the manifest's folder and below), scanned once per lint of
 * the manifest however many rules ask: they share its SourceCode. The next lint of the manifest scans again.
 */
export function appSourcesFor(context: { readonly sourceCode: object; readonly filename: string }): AppSources {
  let sources = scans.get(context.sourceCode);
  if (!sources) {
    sources = scanAppSources(dirname(context.filename));
    scans.set(context.sourceCode, sources);
  }
  return sources;
}

/**
 * What the manifest validator needs to know of the app's sources, the same for the `valid-manifest` rule and
 * `velakit check`: features the app checks at run time (`canIUse`, feature detection) are the source rules' to judge,
 * call by call; a declared feature no source uses gets one report (unused), not an API-level or support one too. An app
 * with no source file found says nothing about use, so then every declared feature counts as used.
 */
export function validationOptions(sources: AppSources): Pick<ValidateOptions, 'checkedFeatures' | 'usedFeatures'> {
  return {
    checkedFeatures: new Set([...sources.checked, ...sources.detected]),
    ...(sources.fileCount > 0 ? { usedFeatures: sources.used } : {}),
  };
}

/** How many folder scans ran and how many source files were read since the last `clearAppSourcesCache()`. */
export function appSourcesCacheStats(): { scans: number; reads: number; cached: number } {
  return { scans: counters.scans, reads: counters.reads, cached: files.size };
}

export function clearAppSourcesCache(): void {
  files.clear();
  counters.reads = 0;
  counters.scans = 0;
}
