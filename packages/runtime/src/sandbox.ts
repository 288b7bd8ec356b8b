import { mkdirSync, realpathSync } from 'node:fs';
import { lstat, mkdir, realpath, stat } from 'node:fs/promises';
import { dirname, join, relative, isAbsolute, sep } from 'node:path';
import { invalid, type CallFailure } from './errors.js';

/** The `internal://` partitions of an app, and whether the app may write to them. */
const partitions = { cache: true, files: true, mass: true, tmp: false } as const;
export type Partition = keyof typeof partitions;

/** Where a URI points: a partition (or the app's packaged resources) and the path segments inside it. */
export interface Location {
  readonly uri: string;
  readonly area: Partition | 'resources';
  readonly segments: readonly string[];
  /** The URI names a directory (`internal://cache/` or `internal://files/sub/`). */
  readonly isDirectory: boolean;
  readonly writable: boolean;
  /** The real path on this machine. */
  readonly path: string;
}

const allowedCharacters = /^[0-9A-Za-z_\-./%:]+$/u;
const scheme = 'internal://';

/**
 * An app's private storage. Every URI is checked by its text first (allowed characters, no `..`, no percent-encoded
 * dot, slash, backslash, percent or control character, a known partition) and then against the disk: the real path of
 * what is read, and of the deepest existing folder of what is written, must stay inside the partition, so a symlink
 * cannot lead outside. Anything else is refused with `202` before a byte is read or written.
 */
export class Sandbox {
  readonly #roots = new Map<Location['area'], string>();
  readonly #realRoots = new Map<Location['area'], string>();

  constructor(dataDir: string, packageName: string, resourceRoot: string) {
    for (const partition of Object.keys(partitions) as Partition[]) {
      const root = join(dataDir, partition, packageName);
      mkdirSync(root, { recursive: true });
      this.#roots.set(partition, root);
      this.#realRoots.set(partition, realpathSync(root));
    }
    this.#roots.set('resources', resourceRoot);
  }

  /** The directory behind a partition, or behind `/` (packaged resources). */
  rootOf(area: Location['area']): string {
    return this.#roots.get(area)!;
  }

  /** Checks a URI's text and maps it to a path, without touching the disk. Throws a `202` failure. */
  locate(uri: unknown, what = 'uri'): Location {
    if (typeof uri !== 'string' || uri === '') throw invalid(`invalid ${what}: expected an internal:// URI or /path`);
    const refuse = (reason: string): CallFailure => invalid(`invalid ${what} "${printable(uri)}": ${reason}`);
    if (!allowedCharacters.test(uri)) throw refuse('only 0-9 a-z A-Z _ - . / % : are allowed');
    if (uri.includes('..')) throw refuse('".." is not allowed');
    if (/%(2e|2f|5c|25|[01][0-9a-f]|7f)/iu.test(uri)) throw refuse('percent-encoded dots, slashes and controls are not allowed');
    let area: Location['area'];
    let rest: string;
    if (uri.startsWith(scheme)) {
      const slash = uri.indexOf('/', scheme.length);
      const name = slash === -1 ? uri.slice(scheme.length) : uri.slice(scheme.length, slash);
      if (!Object.hasOwn(partitions, name)) {
        throw refuse(`unknown partition "${name}" (expected ${Object.keys(partitions).join(', ')})`);
      }
      area = name as Partition;
      rest = slash === -1 ? '' : uri.slice(slash + 1);
    } else if (uri.startsWith('/') && !uri.startsWith('//')) {
      area = 'resources';
      rest = uri.slice(1);
    } else {
      throw refuse('expected internal://cache/, internal://files/, internal://mass/, internal://tmp/ or /path');
    }
    const isDirectory = rest === '' || rest.endsWith('/');
    const segments = rest === '' ? [] : rest.replace(/\/$/u, '').split('/');
    if (segments.some((segment) => segment === '' || segment === '.')) throw refuse('empty or "." path segment');
    const root = this.rootOf(area);
    const path = join(root, ...segments);
    const inside = relative(root, path);
    if (inside.startsWith('..') || isAbsolute(inside)) throw refuse('leaves its partition');
    return { uri, area, segments, isDirectory, writable: area !== 'resources' && partitions[area], path };
  }

  /** The real path of an existing file the app may read. */
  async readable(uri: unknown, what = 'uri'): Promise<{ location: Location; path: string; size: number }> {
    const location = this.locate(uri, what);
    if (location.isDirectory) throw invalid(`invalid ${what} "${location.uri}": names a directory, not a file`);
    let real: string;
    try {
      real = await realpath(location.path);
    } catch {
      throw invalid(`invalid ${what} "${location.uri}": no such file`);
    }
    await this.#ensureInside(location, real, what);
    const info = await stat(real);
    if (!info.isFile()) throw invalid(`invalid ${what} "${location.uri}": not a regular file`);
    return { location, path: real, size: info.size };
  }

  /** A directory the app may write into, created if needed; its real path is checked to stay inside. */
  async writableDirectory(location: Location, what = 'uri'): Promise<string> {
    if (!location.writable) {
      throw invalid(`invalid ${what} "${location.uri}": ${location.area === 'resources' ? 'app resources' : `internal://${location.area}/`} is read-only`);
    }
    const target = location.isDirectory ? location.path : dirname(location.path);
    // Walk up to the deepest folder that exists, check where it really is, and only then create the rest.
    let existing = target;
    for (;;) {
      try {
        await lstat(existing);
        break;
      } catch {
        existing = dirname(existing);
      }
    }
    await this.#ensureInside(location, await realpath(existing), what);
    try {
      await mkdir(target, { recursive: true });
    } catch (error) {
      throw invalid(`invalid ${what} "${location.uri}": cannot create its folder (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
    }
    const real = await realpath(target);
    await this.#ensureInside(location, real, what);
    return real;
  }

  /** The `internal://` URI of a file inside a writable partition. */
  uriOf(area: Partition, segments: readonly string[]): string {
    return `${scheme}${area}/${segments.join('/')}`;
  }

  async #ensureInside(location: Location, real: string, what: string): Promise<void> {
    let root = this.#realRoots.get(location.area);
    if (root === undefined) {
      try {
        root = await realpath(this.rootOf(location.area));
      } catch {
        throw invalid(`invalid ${what} "${location.uri}": the app has no packaged resources`);
      }
    }
    if (real !== root && !real.startsWith(root + sep)) {
      throw invalid(`invalid ${what} "${location.uri}": resolves outside its partition (a symlink?)`);
    }
  }
}

function printable(text: string): string {
  return text.replace(/[^\x20-\x7e]/gu, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
