import type { Dirent } from 'node:fs';
import { sep } from 'node:path';

/**
 * What the app-source scan saw in each folder it listed, kept for the manifest lookup (`nearestManifest`): whether the
 * folder holds a `manifest.json` file and a `src` folder. The scan lists every folder of an app once per lint of its
 * manifest, and the source files linted after it (most of an app: `pages/` comes after `manifest.json`) each sit in a
 * folder the lookup has not seen, where it asked the disk for `src/manifest.json` and `manifest.json`: two failed
 * `stat`s per page folder. An answer from a listing is as old as the scan; the lookup keeps each folder's answer for
 * the run anyway (`nearestManifest`), so a listing adds no staleness a lookup at scan time would not have had.
 */
interface Listing {
  /** True, false, or undefined when the entry is a link (its target decides; the lookup asks the disk). */
  readonly manifest: boolean | undefined;
  readonly src: boolean | undefined;
}

const listings = new Map<string, Listing>();
/** Past this many folders the listings start over: an editor may scan many apps in one session. */
const maxListings = 50_000;

/** Records a folder's entries as the scan read them (`readdirSync` with file types). */
export function recordListing(dir: string, entries: readonly Dirent[]): void {
  let manifest: boolean | undefined = false;
  let src: boolean | undefined = false;
  for (let index = 0; index < entries.length; index++) {
    const entry = entries[index]!;
    const name = entry.name;
    if (name === 'manifest.json') manifest = entry.isSymbolicLink() ? undefined : entry.isFile();
    else if (name === 'src') src = entry.isSymbolicLink() ? undefined : entry.isDirectory();
  }
  if (listings.size >= maxListings) listings.clear();
  listings.set(dir, { manifest, src });
}

/**
 * Whether `dir/location` (a manifest location: `manifest.json` or `src/manifest.json`) is a file, as the scan's
 * listings tell; undefined when they do not (a folder not listed, a link).
 */
export function listedManifest(dir: string, location: string): boolean | undefined {
  const listing = listings.get(dir);
  if (listing === undefined) return undefined;
  if (location === 'manifest.json') return listing.manifest;
  if (location !== 'src/manifest.json' || listing.src === undefined) return undefined;
  if (!listing.src) return false;
  return listings.get(dir + sep + 'src')?.manifest;
}

export function clearListings(): void {
  listings.clear();
}
