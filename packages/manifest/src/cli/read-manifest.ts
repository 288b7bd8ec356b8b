import { closeSync, fstatSync, openSync, readFileSync, readSync, statSync } from 'node:fs';
import type { Diagnostic } from '../diagnostic.js';
import { diagnosticAt } from '../report.js';
import { LineIndex } from '../text-position.js';

/** Larger than any real manifest by far; reading more would only slow CI down on a mistaken path. */
export const maxManifestBytes = 5 * 1024 * 1024;

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

/** Reads to the end (the size is a hint: the file may change while it is read), stopping past the limit. */
function readAll(fd: number, size: number): Uint8Array {
  let buffer = Buffer.allocUnsafe(Math.max(size, 1024));
  let length = 0;
  for (;;) {
    if (length === buffer.length) {
      if (length > maxManifestBytes) break;
      const bigger = Buffer.allocUnsafe(buffer.length * 2);
      buffer.copy(bigger, 0, 0, length);
      buffer = bigger;
    }
    const read = readSync(fd, buffer, length, buffer.length - length, null);
    if (read === 0) break;
    length += read;
  }
  return buffer.subarray(0, length);
}

/** Reads a manifest file as UTF-8 text, turning every way it can fail into a message or a diagnostic. */
export function readManifest(path: string): ReadResult {
  let size: number;
  try {
    const stats = statSync(path);
    if (stats.isDirectory()) return { kind: 'directory' };
    size = stats.size;
  } catch (error) {
    return { kind: 'io-error', message: describeIoError(path, error) };
  }
  if (size > maxManifestBytes) return tooLarge(size);
  let text: string;
  try {
    // Node decodes UTF-8 natively in one call; invalid bytes become U+FFFD, so only then look at the bytes.
    text = readFileSync(path, 'utf8');
  } catch (error) {
    return { kind: 'io-error', message: describeIoError(path, error) };
  }
  if (!text.includes('\uFFFD')) return { kind: 'text', text };
  let bytes: Uint8Array;
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    const stats = fstatSync(fd);
    if (stats.size > maxManifestBytes) return tooLarge(stats.size);
    bytes = readAll(fd, stats.size);
  } catch (error) {
    return { kind: 'io-error', message: describeIoError(path, error) };
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
  try {
    return { kind: 'text', text: strictUtf8.decode(bytes) };
  } catch {
    const bad = Math.max(0, firstInvalidUtf8Byte(bytes));
    const prefix = lenientUtf8.decode(bytes.subarray(0, bad));
    const text = lenientUtf8.decode(bytes);
    const lines = new LineIndex(text);
    const start = lines.position(prefix.length);
    const end = lines.position(prefix.length + 1);
    const byte = bytes[bad]!.toString(16).toUpperCase().padStart(2, '0');
    return {
      kind: 'unreadable',
      text,
      diagnostic: diagnosticAt(
        'invalid-encoding',
        `The file is not UTF-8: byte 0x${byte} at byte offset ${bad} cannot start or continue a character. Save it as UTF-8.`,
        { start, end },
        '',
      ),
    };
  }
}
