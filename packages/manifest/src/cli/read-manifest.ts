import { closeSync, constants, fstatSync, openSync, readSync, type Stats } from 'node:fs';
import type { Diagnostic } from '../diagnostic.js';
import { diagnosticAt } from '../report.js';
import { LineIndex } from '../text-position.js';

/** Larger than any real manifest by far; reading more would only slow CI down on a mistaken path. */
const maxManifestBytes = 5 * 1024 * 1024;

export type ReadResult =
  /** The text, ready to validate. */
  | { kind: 'text'; text: string }
  /** The file exists but its content cannot be read as text: a diagnostic, with the best text for a code frame. */
  | { kind: 'unreadable'; diagnostic: Diagnostic; text: string }
  /** The path is a directory. */
  | { kind: 'directory' }
  /** Nothing to validate (missing, no permission): an I/O error. */
  | { kind: 'io-error'; message: string };

const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const lenientUtf8 = new TextDecoder('utf-8', { fatal: false, ignoreBOM: true });

/** Offset of the first byte that does not start or continue a valid UTF-8 sequence. */
export function firstInvalidUtf8Byte(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    let length: number;
    let min: number;
    if (b < 0x80) {
      i++;
      continue;
    } else if (b >= 0xc2 && b <= 0xdf) [length, min] = [2, 0x80];
    else if (b >= 0xe0 && b <= 0xef) [length, min] = [3, 0x800];
    else if (b >= 0xf0 && b <= 0xf4) [length, min] = [4, 0x10000];
    else return i;
    if (i + length > bytes.length) return i;
    let code = b & (0xff >> (length + 1));
    for (let k = 1; k < length; k++) {
      const next = bytes[i + k]!;
      if ((next & 0xc0) !== 0x80) return i;
      code = (code << 6) | (next & 0x3f);
    }
    if (code < min || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return i;
    i += length;
  }
  return -1;
}

function describeIoError(path: string, error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return `File not found: ${path}`;
  if (code === 'EACCES' || code === 'EPERM') return `Permission denied: ${path}`;
  if (code === 'EISDIR') return `${path} is a directory`;
  return `Cannot read ${path}: ${error instanceof Error ? error.message : String(error)}`;
}

function tooLarge(bytes: number): ReadResult {
  const at = { line: 1, column: 1, offset: 0 };
  const size = (bytes / 1024 / 1024).toFixed(1);
  return {
    kind: 'unreadable',
    text: '',
    diagnostic: diagnosticAt(
      'file-too-large',
      `The file is ${size} MiB; a manifest is a few KiB and velakit reads at most ${maxManifestBytes / 1024 / 1024} MiB. Is this the right file?`,
      { start: at, end: at },
      '',
    ),
  };
}

// One buffer for every file: a CI run reads hundreds of manifests, and each read is copied out into a string.
let buffer = Buffer.allocUnsafe(64 * 1024);

/**
 * Reads the open file to its end, or to just past the size limit (a device or a growing file has no size to trust):
 * the byte count, or the file's real size when it is too large.
 */
function readBounded(fd: number): { length: number; tooLarge: boolean } {
  let length = 0;
  for (;;) {
    if (length === buffer.length) {
      if (length > maxManifestBytes) return { length, tooLarge: true };
      const bigger = Buffer.allocUnsafe(buffer.length * 2);
      buffer.copy(bigger, 0, 0, length);
      buffer = bigger;
    }
    const read = readSync(fd, buffer, length, buffer.length - length, null);
    if (read === 0) return { length, tooLarge: length > maxManifestBytes };
    length += read;
  }
}

function isDirectoryError(error: unknown): boolean {
  return (error as NodeJS.ErrnoException).code === 'EISDIR';
}

/** What a file that is not a regular file is, for the message that refuses it. */
function kindOf(stat: Stats): string {
  if (stat.isFIFO()) return 'a FIFO (named pipe)';
  if (stat.isSocket()) return 'a socket';
  if (stat.isCharacterDevice()) return 'a character device';
  if (stat.isBlockDevice()) return 'a block device';
  return 'not a file';
}

/**
 * Opening a FIFO for reading waits for a writer, forever if none comes; without blocking, the open returns at once,
 * and a read returns nothing (no writer) or fails with EAGAIN (a writer that has not written). No effect on regular
 * files; Windows has no such flag and no FIFOs to open.
 */
const openForReading = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);

/**
 * Reads a manifest file as UTF-8 text, turning every way it can fail into a message or a diagnostic. This is the one
 * place velakit reads a manifest for a command (`velakit-manifest`, `velakit check`), so it is the one that refuses
 * what is not a regular file: a FIFO, a socket or a device would block the run or never end.
 *
 * Only a read that found nothing, failed or ran past the size limit can be a FIFO or a device; only then does fstat
 * say what was opened. A regular file with content (every manifest of a CI run) costs no fstat, whose Stats object
 * (four Dates) costs more than the read. (A FIFO whose writer already wrote and closed is read like a file: nothing
 * blocks.)
 */
export function readManifest(path: string): ReadResult {
  let fd: number;
  try {
    fd = openSync(path, openForReading);
  } catch (error) {
    return isDirectoryError(error)
      ? { kind: 'directory' }
      : { kind: 'io-error', message: describeIoError(path, error) };
  }
  let length: number;
  try {
    let read: { length: number; tooLarge: boolean } | undefined;
    let readError: unknown;
    try {
      read = readBounded(fd);
    } catch (error) {
      if (isDirectoryError(error)) return { kind: 'directory' };
      readError = error;
    }
    if (read === undefined || read.length === 0 || read.tooLarge) {
      const stat = fstatSync(fd);
      if (stat.isDirectory()) return { kind: 'directory' };
      if (!stat.isFile())
        return {
          kind: 'io-error',
          message: `${path} is ${kindOf(stat)}, not a regular file: name the manifest file itself.`,
        };
      if (read === undefined) throw readError;
      if (read.tooLarge) return tooLarge(Math.max(read.length, stat.size));
    }
    length = read.length;
  } catch (error) {
    return isDirectoryError(error)
      ? { kind: 'directory' }
      : { kind: 'io-error', message: describeIoError(path, error) };
  } finally {
    closeSync(fd);
  }
  // Node decodes UTF-8 natively in one call; invalid bytes become U+FFFD, so only then look at the bytes.
  const text = buffer.toString('utf8', 0, length);
  if (!text.includes('\uFFFD')) return { kind: 'text', text };
  const bytes = new Uint8Array(buffer.subarray(0, length)); // a copy: the buffer is reused
  try {
    return { kind: 'text', text: strictUtf8.decode(bytes) };
  } catch {
    const bad = Math.max(0, firstInvalidUtf8Byte(bytes));
    const prefix = lenientUtf8.decode(bytes.subarray(0, bad));
    const readable = lenientUtf8.decode(bytes);
    const lines = new LineIndex(readable);
    const start = lines.position(prefix.length);
    const end = lines.position(prefix.length + 1);
    const byte = bytes[bad]!.toString(16).toUpperCase().padStart(2, '0');
    return {
      kind: 'unreadable',
      text: readable,
      diagnostic: diagnosticAt(
        'invalid-encoding',
        `The file is not UTF-8: byte 0x${byte} at byte offset ${bad} cannot start or continue a character. Save it as UTF-8.`,
        { start, end },
        '',
      ),
    };
  }
}
