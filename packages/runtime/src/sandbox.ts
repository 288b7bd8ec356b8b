import {
  closeSync,
  constants,
  fstatSync,
  mkdirSync,
  openSync,
  realpathSync,
  statSync,
  unlinkSync,
  type Stats,
} from 'node:fs';
import { lstat, mkdir, realpath } from 'node:fs/promises';
import { dirname, join, relative, isAbsolute, sep } from 'node:path';
import { invalid, type CallFailure } from './errors.js';
import { raceHooks } from './race-hooks.js';

/** Never blocks on a FIFO or device (libuv adds O_CLOEXEC to every open). */
const openForReading = constants.O_RDONLY | constants.O_NONBLOCK;
/** A new file only (never an existing one, never through a final symlink). */
const openForWriting = constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW;

/** A file the sandbox opened and checked: the descriptor is what was checked, so it is what gets read or written. */
export interface OpenedFile {
  readonly fd: number;
  /** The path it was opened by (to rename or remove it). */
  readonly path: string;
  readonly size: number;
  readonly identity: FileIdentity;
}

/** Device and inode: what a path must still lead to for the runtime to trust it. */
export interface FileIdentity {
  readonly dev: number;
  readonly ino: number;
}

const identityOf = (info: Stats): FileIdentity => ({ dev: info.dev, ino: info.ino });

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
 * dot, slash, backslash, percent or control character, a known partition) and then against the disk. Files are opened
 * first and what was opened is checked (real path inside the partition, same device and inode as the descriptor), and
 * the transfer then uses that descriptor, so swapping a file or folder for a symlink between a check and a use cannot
 * lead outside. Anything else is refused with `202` before a byte is read or written.
 */
/** Longest name of one file or folder (NAME_MAX of common file systems; URIs are ASCII, so characters are bytes). */
const maxSegmentLength = 255;
/** Longest path inside a partition: well under PATH_MAX (4096) with the data folder in front and a download's suffix. */
const maxRestLength = 1024;

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
    if (/%(2e|2f|5c|25|[01][0-9a-f]|7f)/iu.test(uri))
      throw refuse('percent-encoded dots, slashes and controls are not allowed');
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
    // The file system's limits, said plainly here rather than as ENAMETOOLONG (with host paths) after a transfer.
    if (segments.some((segment) => segment.length > maxSegmentLength))
      throw refuse(`a path segment is longer than ${maxSegmentLength} characters`);
    if (rest.length > maxRestLength) throw refuse(`longer than ${maxRestLength} characters after the partition`);
    const root = this.rootOf(area);
    const path = join(root, ...segments);
    const inside = relative(root, path);
    if (inside.startsWith('..') || isAbsolute(inside)) throw refuse('leaves its partition');
    return { uri, area, segments, isDirectory, writable: area !== 'resources' && partitions[area], path };
  }

  /**
   * Opens an existing file the app may read, then checks what was opened: its real path must stay inside the partition
   * and lead to the very file the descriptor holds (device and inode), so a file swapped for a symlink at any moment
   * is either refused or never read. The caller reads through `fd` and must close it.
   */
  async openReadable(uri: unknown, what = 'uri'): Promise<OpenedFile & { location: Location }> {
    const location = this.locate(uri, what);
    if (location.isDirectory) throw invalid(`invalid ${what} "${location.uri}": names a directory, not a file`);
    let fd: number;
    try {
      fd = openSync(location.path, openForReading);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      throw invalid(
        `invalid ${what} "${location.uri}": ${code === 'ENOENT' || code === 'ENOTDIR' ? 'no such file' : `cannot open it (${code ?? 'error'})`}`,
      );
    }
    try {
      const info = fstatSync(fd);
      await raceHooks.afterOpen?.(location.path);
      await this.#ensureSame(location, location.path, identityOf(info), what);
      if (!info.isFile()) throw invalid(`invalid ${what} "${location.uri}": not a regular file`);
      await raceHooks.afterCheck?.(location.path);
      return { location, fd, path: location.path, size: info.size, identity: identityOf(info) };
    } catch (error) {
      closeSync(fd);
      throw error;
    }
  }

  /**
   * Creates a new file `name` in a folder returned by `writableDirectory`: the folder is checked again, the file is
   * created (never through a symlink), and then what was created is checked to lie inside the partition. If the folder
   * was swapped for a symlink in between, the empty file is removed before a byte is written and `202` is thrown.
   */
  async createInside(location: Location, folder: string, name: string, what = 'uri'): Promise<OpenedFile> {
    await this.#ensureInside(location, await this.#realpathOf(location, folder, what), what);
    const path = join(folder, name);
    let fd: number;
    try {
      fd = openSync(path, openForWriting, 0o666);
    } catch (error) {
      throw invalid(
        `invalid ${what} "${location.uri}": cannot create a file there (${(error as NodeJS.ErrnoException).code ?? 'error'})`,
      );
    }
    const identity = identityOf(fstatSync(fd));
    try {
      await raceHooks.afterOpen?.(path);
      await this.#ensureSame(location, path, identity, what);
    } catch (error) {
      closeSync(fd);
      await this.removeIfSame(path, identity);
      throw error;
    }
    return { fd, path, size: 0, identity };
  }

  /** Checks that `path` still leads, inside the partition, to the file with this identity (before a rename, say). */
  async confirm(location: Location, path: string, identity: FileIdentity, what = 'uri'): Promise<void> {
    await this.#ensureSame(location, path, identity, what);
  }

  /** Removes `path` only if it is still the file with this identity (never whatever a symlink now leads to). */
  async removeIfSame(path: string, identity: FileIdentity): Promise<void> {
    const info = await lstat(path).catch(() => undefined);
    if (info !== undefined && info.dev === identity.dev && info.ino === identity.ino) {
      try {
        unlinkSync(path);
      } catch {
        // Already gone: nothing to clean up.
      }
    }
  }

  /** A directory the app may write into, created if needed; its real path is checked to stay inside. */
  async writableDirectory(location: Location, what = 'uri'): Promise<string> {
    if (!location.writable) {
      throw invalid(
        `invalid ${what} "${location.uri}": ${location.area === 'resources' ? 'app resources' : `internal://${location.area}/`} is read-only`,
      );
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
      throw invalid(
        `invalid ${what} "${location.uri}": cannot create its folder (${(error as NodeJS.ErrnoException).code ?? 'error'})`,
      );
    }
    const real = await realpath(target);
    await this.#ensureInside(location, real, what);
    return real;
  }

  /** The `internal://` URI of a file inside a writable partition. */
  uriOf(area: Partition, segments: readonly string[]): string {
    return `${scheme}${area}/${segments.join('/')}`;
  }

  // The checks below run synchronously: each is one or two system calls on a local path (microseconds), where a trip
  // through libuv's thread pool costs milliseconds on a busy machine, before every transfer.
  async #realpathOf(location: Location, path: string, what: string): Promise<string> {
    try {
      return realpathSync.native(path);
    } catch {
      throw invalid(`invalid ${what} "${location.uri}": no longer there (moved or replaced while in use)`);
    }
  }

  /** The path's real location is inside the partition and is the file with this identity. */
  async #ensureSame(location: Location, path: string, identity: FileIdentity, what: string): Promise<void> {
    const real = await this.#realpathOf(location, path, what);
    await this.#ensureInside(location, real, what);
    let info: Stats | undefined;
    try {
      info = statSync(real);
    } catch {
      info = undefined;
    }
    if (info === undefined || info.dev !== identity.dev || info.ino !== identity.ino) {
      throw invalid(`invalid ${what} "${location.uri}": replaced while it was being opened (a symlink?)`);
    }
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
