import * as fs from 'node:fs';
import { dirname, join, normalize, sep } from 'node:path';
import { manifestLocations } from '@velakit/catalog';
import { validateManifest, type Diagnostic, type ManifestSummary } from '@velakit/manifest';
import { isRecent, now } from './disk-checks.js';
import { clearListings, listedManifest } from './folder-listings.js';

/** The manifest fields tools read that a file may give with the wrong type (`ManifestSummary['invalid']`). */
export type ManifestField = 'targetDevices' | 'features' | 'minAPILevel' | 'permissions' | 'pages';

/**
 * What one read of a manifest yields: its summary, or the first error that kept it from having one (broken JSON, a
 * manifest that is not an object). `unusable` holds, for each field the file gives with the wrong type, the schema's
 * words and position (`features must be an array, not an object (line 8, column 15)`): tools use no such field.
 */
export type ManifestRead =
  | {
      readonly ok: true;
      readonly path: string;
      readonly summary: ManifestSummary;
      readonly unusable: Readonly<Partial<Record<ManifestField, string>>>;
    }
  | { readonly ok: false; readonly path: string; readonly problem: string };

/** The file-system calls the cache makes; tests swap them to count reads. */
export interface ManifestFileSystem {
  statSync(path: string): { mtimeMs: number; size: number };
  readFileSync(path: string, encoding: 'utf8'): string;
}

interface Entry {
  mtimeMs: number;
  size: number;
  read: ManifestRead;
  /** When mtime and size were last compared with the disk (`disk-checks.ts`). */
  checkedAt: number;
}

const entries = new Map<string, Entry>();
const nearestByDir = new Map<string, string | undefined>();
let fileSystem: ManifestFileSystem = fs;
const counters = { stats: 0, reads: 0 };

function describe(diagnostic: Diagnostic): string {
  // Schema messages end with a full stop; the position follows inside the sentence.
  const message = diagnostic.message.endsWith('.') ? diagnostic.message.slice(0, -1) : diagnostic.message;
  return `${message} (line ${diagnostic.start.line}, column ${diagnostic.start.column})`;
}

/** The JSON pointers whose error makes each field unusable: `router` itself, when it is not an object, for pages. */
const fieldPointers: readonly (readonly [ManifestField, readonly string[]])[] = [
  ['targetDevices', ['/targetDevices']],
  ['features', ['/features']],
  ['minAPILevel', ['/minAPILevel']],
  ['permissions', ['/permissions']],
  ['pages', ['/router/pages', '/router']],
];

/** Nothing unusable: the common case shares one object. */
const allUsable: Readonly<Partial<Record<ManifestField, string>>> = Object.freeze({});

/** The summary's fields of the wrong type, each with the schema's diagnostic at it (found once per manifest read). */
function unusableFields(
  summary: ManifestSummary,
  diagnostics: readonly Diagnostic[],
): Readonly<Partial<Record<ManifestField, string>>> {
  const { invalid } = summary;
  if (!invalid.targetDevices && !invalid.features && !invalid.minAPILevel && !invalid.permissions && !invalid.pages)
    return allUsable;
  const found: Partial<Record<ManifestField, string>> = {};
  for (const [field, pointers] of fieldPointers) {
    if (!invalid[field]) continue;
    const diagnostic = diagnostics.find((d) => d.severity === 'error' && pointers.includes(d.pointer));
    found[field] = diagnostic ? describe(diagnostic) : `${field} has the wrong type`;
  }
  return found;
}

/** The read of a parsed manifest: unusable as a whole when it is not an object (a JSON array, a string). */
function readOf(path: string, summary: ManifestSummary, diagnostics: readonly Diagnostic[]): ManifestRead {
  if (summary.invalid.document) {
    const diagnostic = diagnostics.find((d) => d.severity === 'error' && d.pointer === '');
    return { ok: false, path, problem: diagnostic ? describe(diagnostic) : 'it is not a JSON object' };
  }
  return { ok: true, path, summary, unusable: unusableFields(summary, diagnostics) };
}

/**
 * Reads and summarizes a manifest, once per content: an editor keeps ESLint running for hours, so a lookup after the
 * last check's window (`recheckAfterMs`) stats the file and re-reads it only when its mtime or size changed; lookups
 * within the window (the other files of a lint run) use the read without touching the disk. A missing, unreadable or
 * invalid file gives a problem text instead of throwing.
 */
export function readManifest(path: string): ManifestRead {
  const known = entries.get(path);
  if (known && isRecent(known.checkedAt)) return known.read;
  let stat: { mtimeMs: number; size: number };
  try {
    counters.stats++;
    stat = fileSystem.statSync(path);
  } catch {
    entries.delete(path);
    return { ok: false, path, problem: 'the file does not exist or cannot be read' };
  }
  const checkedAt = now();
  if (known && known.mtimeMs === stat.mtimeMs && known.size === stat.size) {
    known.checkedAt = checkedAt;
    return known.read;
  }
  let read: ManifestRead;
  try {
    counters.reads++;
    const text = fileSystem.readFileSync(path, 'utf8');
    const { diagnostics, summary } = validateManifest(text);
    if (summary) {
      read = readOf(path, summary, diagnostics);
    } else {
      const first = diagnostics.find((diagnostic) => diagnostic.severity === 'error') ?? diagnostics[0];
      read = { ok: false, path, problem: first ? describe(first) : 'it could not be understood' };
    }
  } catch (error) {
    read = { ok: false, path, problem: error instanceof Error ? error.message : String(error) };
  }
  entries.set(path, { mtimeMs: stat.mtimeMs, size: stat.size, read, checkedAt });
  return read;
}

/** True for a regular file; a missing path is `false` without the cost of a thrown error. */
function isFile(path: string): boolean {
  try {
    return fs.statSync(path, { throwIfNoEntry: false })?.isFile() ?? false;
  } catch {
    return false;
  }
}

/** The manifest locations with the platform's separator, each after one: what `join` appends to a plain folder. */
const locationSuffixes = new Map<string, string>(
  manifestLocations.map((location) => [location, sep + normalize(location)]),
);

/**
 * `join(dir, location)`, without normalizing `dir` again when it is plainly normalized already (an absolute POSIX
 * path without `.` segments, doubled or trailing slashes, as ESLint hands rules): `join` walked every character of the
 * path, and was half the cost of a first look into 960 page folders.
 */
function childPath(dir: string, location: string): string {
  const suffix = locationSuffixes.get(location);
  const plain =
    sep === '/' &&
    dir.length > 1 &&
    dir.startsWith('/') &&
    !dir.endsWith('/') &&
    !dir.includes('/.') &&
    !dir.includes('//');
  return plain && suffix !== undefined ? dir + suffix : join(dir, location);
}

/**
 * The manifest that governs files in `dir`: `src/manifest.json` or `manifest.json` (the catalogue's
 * `manifestLocations`, the manifest command's order) in it or in the nearest ancestor that has one (as
 * `findNearestManifest` of `@velakit/manifest`). Each directory is looked into once, ancestors
 * included, so the pages of an app (one folder each) cost one lookup in their own folder, and none on the disk when the
 * app-source scan listed that folder (`folder-listings.ts`). A manifest created later in a
 * directory that already had an answer is seen after ESLint restarts (or after `clearManifestCache()`).
 */
export function nearestManifest(dir: string): string | undefined {
  if (nearestByDir.has(dir)) return nearestByDir.get(dir);
  let found: string | undefined;
  for (const location of manifestLocations) {
    // A folder the app-source scan listed is answered from its listing, without a `stat` (`folder-listings.ts`).
    const listed = listedManifest(dir, location);
    if (listed === false) continue;
    const candidate = childPath(dir, location);
    if (listed === true || isFile(candidate)) {
      found = candidate;
      break;
    }
  }
  if (found === undefined) {
    const parent = dirname(dir);
    found = parent === dir ? undefined : nearestManifest(parent);
  }
  nearestByDir.set(dir, found);
  return found;
}

/** How often the cache touched the disk since the last `clearManifestCache()`. */
export function manifestCacheStats(): { stats: number; reads: number; cached: number } {
  return { ...counters, cached: entries.size };
}

/** Forgets every manifest read; with an argument, also makes later reads go through `fileSystemForTests`. */
export function clearManifestCache(fileSystemForTests?: ManifestFileSystem): void {
  entries.clear();
  nearestByDir.clear();
  clearListings();
  counters.stats = 0;
  counters.reads = 0;
  fileSystem = fileSystemForTests ?? fs;
}
