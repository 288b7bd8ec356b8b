import * as fs from 'node:fs';
import { dirname, sep } from 'node:path';
import type { ValidateOptions } from '@velakit/manifest';
import { detachedString } from './detached-string.js';
import { timedStep } from './shared-timing.js';

/** Source files whose `@system.*` strings count as uses of a feature. */
const sourceExtensions = new Set(['.js', '.mjs', '.cjs', '.ts', '.mts', '.cts', '.ux']);
/** Folders that hold no app source: dependencies, build output, tool state. */
const skippedFolders = new Set(['node_modules', 'dist', 'build']);
/** Every string literal naming a module: imports, `require`, and `app.canIUse('@system.x')` alike. */
const moduleString = /(['"`])@(system\.[A-Za-z0-9_.]+)\1/gu;
/** Only the strings that load a module: `from '@system.x'`, `import '@system.x'`, `require('@system.x')`. */
const moduleImport = /(?:\bfrom\s*|\bimport\s*|\brequire\s*\(\s*)(['"`])@(system\.[A-Za-z0-9_.]+)\1/gu;

interface FileEntry {
  mtimeMs: number;
  size: number;
  features: readonly string[];
  imported: readonly string[];
}

const files = new Map<string, FileEntry>();
const counters = { reads: 0, scans: 0 };

export interface AppSources {
  /** Feature names (`system.request`) some source file names as `@system.request`. */
  readonly used: ReadonlySet<string>;
  /** Feature names some source file imports or requires (a subset of `used`: `app.canIUse` strings load nothing). */
  readonly imported: ReadonlySet<string>;
  readonly fileCount: number;
}

/**
 * Every source file under `dir` (skipping dependencies, build output and dot folders), depth first in directory order,
 * without following links. Paths are joined by hand (the walk's names need no normalizing) and collected in one array:
 * nested generators and `path.join` took a third of a cold scan of 2,400 files.
 */
function sourceFiles(dir: string, found: string[] = []): string[] {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return found;
  }
  const prefix = dir.endsWith(sep) ? dir : dir + sep;
  for (const entry of entries) {
    const name = entry.name;
    if (name.startsWith('.')) continue;
    if (entry.isDirectory()) {
      if (!skippedFolders.has(name)) sourceFiles(prefix + name, found);
    } else if (entry.isFile() && sourceExtensions.has(extensionOf(name))) {
      found.push(prefix + name);
    }
  }
  return found;
}

/** `.ux` for `page.ux`; empty without a dot (as `path.extname`, for names without a folder). */
function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot) : '';
}

type Found = Pick<FileEntry, 'features' | 'imported'>;

const nothing: Found = { features: [], imported: [] };

/** The distinct second groups of a global pattern's matches in `text`, in order, from `from` on. */
function matchedNames(pattern: RegExp, text: string, from: number): string[] {
  const names: string[] = [];
  pattern.lastIndex = from;
  for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
    const name = match[2]!;
    // Cached for the run: a copy, not a slice that would keep the whole file text alive (`detached-string.ts`).
    if (!names.includes(name)) names.push(detachedString(name));
  }
  return names;
}

/** The features a file names (and checks), read again only when its mtime or size changed since the last scan. */
function featuresOf(path: string): Found {
  let stat: fs.Stats | undefined;
  try {
    stat = fs.statSync(path, { throwIfNoEntry: false });
  } catch {
    // Unreadable: names no features.
  }
  if (!stat) return nothing;
  const cached = files.get(path);
  if (cached && cached.mtimeMs === stat.mtimeMs && cached.size === stat.size) return cached;
  // Stat, then read: a change between the two leaves an older mtime in the cache, so the next scan reads again.
  // `readFileSync` with an encoding opens, sizes, reads and decodes in one call into Node (four calls otherwise).
  let text: string;
  try {
    text = fs.readFileSync(path, 'utf8');
    counters.reads++;
  } catch {
    return nothing;
  }
  // Most files of an app name no module: one search instead of two scans.
  const first = text.indexOf('@system.');
  const entry =
    first < 0
      ? { mtimeMs: stat.mtimeMs, size: stat.size, ...nothing }
      : {
          mtimeMs: stat.mtimeMs,
          size: stat.size,
          // No match of either pattern starts before the quote in front of the first `@system.`, but an import's
          // `from`/`require (` may stand well before it.
          features: matchedNames(moduleString, text, Math.max(0, first - 1)),
          imported: matchedNames(moduleImport, text, 0),
        };
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
  const imported = new Set<string>();
  let fileCount = 0;
  counters.scans++;
  for (const path of sourceFiles(dir)) {
    fileCount++;
    const entry = featuresOf(path);
    for (const feature of entry.features) used.add(feature);
    for (const feature of entry.imported) imported.add(feature);
  }
  return { used, imported, fileCount };
}

const scans = new WeakMap<object, AppSources>();

/**
 * The sources of the app whose manifest is being linted (the manifest's folder and below), scanned once per lint of
 * the manifest however many rules ask: they share its SourceCode. The next lint of the manifest scans again.
 */
export function appSourcesFor(context: {
  readonly id: string;
  readonly sourceCode: object;
  readonly filename: string;
}): AppSources {
  let sources = scans.get(context.sourceCode);
  if (!sources) {
    sources = timedStep('app-sources', context.id, () => scanAppSources(dirname(context.filename)));
    scans.set(context.sourceCode, sources);
  }
  return sources;
}

/**
 * What the manifest validator needs to know of the app's sources, the same for the `valid-manifest` rule and
 * `velakit check`. A declared feature no source uses gets one report (unused, from no-unused-feature), not an API-level
 * or support one too. Device support of a feature the sources use is the source rules' to judge (`no-unsupported-api`
 * sees every call and every guard: `canIUse`, feature detection through aliases and barrels, `try`): a manifest warning
 * would repeat its report at the call, or contradict its silence at a guarded one. Pass `callsLinted: false` when no
 * source rule judges the calls (`velakit check` with an app config that leaves `no-unsupported-api` off): the manifest
 * then warns about every used feature a target lacks. An app with no source file found says nothing about use, so then
 * every declared feature is checked in the manifest.
 */
export function validationOptions(
  sources: AppSources,
  { callsLinted = true }: { callsLinted?: boolean } = {},
): Pick<ValidateOptions, 'checkedFeatures' | 'usedFeatures'> {
  if (sources.fileCount === 0) return {};
  return callsLinted ? { usedFeatures: sources.used, checkedFeatures: sources.used } : { usedFeatures: sources.used };
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
