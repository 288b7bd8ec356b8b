import { statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { manifestLocations } from '@velakit/catalog';

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/** The manifest of a Vela project directory: `dir/src/manifest.json`, else `dir/manifest.json`, else undefined. */
export function manifestPathForDir(dir: string): string | undefined {
  for (const candidate of manifestLocations.map((location) => join(dir, location))) {
    if (isFile(candidate)) return candidate;
  }
  return undefined;
}

/** What is at an app folder's manifest locations, for a command that is about to read it. */
export type ManifestLookup =
  | { kind: 'found'; path: string }
  | { kind: 'none' }
  /** A folder on the way cannot be searched (permission denied) or looked into (another error): the message says which. */
  | { kind: 'error'; path: string; message: string };

/**
 * Like `manifestPathForDir`, for a command that reads what it finds: anything at a manifest location that is not a
 * folder counts, so the reader (`readManifest`) refuses a FIFO or a device by name rather than the command saying
 * there is no manifest; and a folder that cannot be searched is said to be so. `stat` is for tests.
 */
export function lookUpManifestInDir(
  dir: string,
  stat: (path: string) => { isDirectory(): boolean } = statSync,
): ManifestLookup {
  for (const candidate of manifestLocations.map((location) => join(dir, location))) {
    try {
      if (!stat(candidate).isDirectory()) return { kind: 'found', path: candidate };
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' || code === 'ENOTDIR') continue;
      const message =
        code === 'EACCES' || code === 'EPERM'
          ? `Permission denied looking for ${candidate}: a folder on the way cannot be searched.`
          : `Cannot look for ${candidate}: ${error instanceof Error ? error.message : String(error)}`;
      return { kind: 'error', path: candidate, message };
    }
  }
  return { kind: 'none' };
}

/**
 * The manifest that governs a source file. Walks up from the file's directory; at each ancestor looks where
 * `manifestPathForDir` looks, in the same order (`src/manifest.json`, for a file beside `src/` such as a test, then
 * `manifest.json`, for a file inside `src/` or a flat project), so a folder's manifest is the same for every tool.
 */
export function findNearestManifest(fromFile: string): string | undefined {
  let dir = dirname(resolve(fromFile));
  for (;;) {
    const found = manifestPathForDir(dir);
    if (found !== undefined) return found;
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}
