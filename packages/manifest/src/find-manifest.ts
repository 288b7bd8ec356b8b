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

/**
 * The manifest that governs a source file. Walks up from the file's directory; at each ancestor checks
 * `manifest.json` (the file sits inside `src/`), then `src/manifest.json` (the file sits beside `src/`, e.g. in tests/).
 */
export function findNearestManifest(fromFile: string): string | undefined {
  let dir = dirname(resolve(fromFile));
  for (;;) {
    for (const candidate of [join(dir, 'manifest.json'), join(dir, 'src', 'manifest.json')]) {
      if (isFile(candidate)) return candidate;
    }
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}
