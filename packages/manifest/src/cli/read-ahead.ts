// Reading ahead: a worker thread (reader-worker.ts) opens, reads and closes the batch's files in order into slots of
// shared memory while this thread validates, so those system calls (~a fifth of this thread's time per file) run on
// another core. It only takes the plain case: a regular file with content that fits a slot. Anything else (an error,
// a directory, a FIFO, an empty or large file, bytes that are not UTF-8), a file the reader has not reached or is
// still reading, and this thread reads it itself, the usual way (read-manifest.ts): it never waits for the reader,
// and every message stays the same.
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';

/** Files per ring of slots, and the bytes of a slot: a manifest is a few KiB; a larger file is read the usual way. */
export const slots = 64;
export const slotBytes = 16 * 1024;

/** Where a file stands: not claimed yet, the reader reading it, in its slot, given up by the reader, taken here. */
const free = 0;
const reading = 1;
const ready = 2;
const givenUp = 3;
const taken = 4;

/** Int32 fields of the header: the next file this thread takes (the reader stays within `slots` of it). */
const mainAt = 0;
const headerInts = 2;

/** What the reader is given. */
export interface ReadAheadData {
  /** The files, resolved, in the order this thread takes them. */
  paths: readonly string[];
  shared: SharedArrayBuffer;
}

/** The views of the shared memory both threads use. */
export class ReadAheadMemory {
  readonly header: Int32Array;
  readonly states: Int32Array;
  readonly lengths: Int32Array;
  readonly bytes: Uint8Array;

  static create(files: number): SharedArrayBuffer {
    return new SharedArrayBuffer(4 * (headerInts + files + slots) + slots * slotBytes);
  }

  constructor(shared: SharedArrayBuffer, files: number) {
    this.header = new Int32Array(shared, 0, headerInts);
    this.states = new Int32Array(shared, 4 * headerInts, files);
    this.lengths = new Int32Array(shared, 4 * (headerInts + files), slots);
    this.bytes = new Uint8Array(shared, 4 * (headerInts + files + slots), slots * slotBytes);
  }

  /** The next file this thread takes. */
  mainAt(): number {
    return Atomics.load(this.header, mainAt);
  }

  /** The reader waits (bounded, to look again) for this thread to take a file. */
  waitForMain(at: number): void {
    Atomics.wait(this.header, mainAt, at, 50);
  }

  /** Wakes the reader every half ring only: a wake-up per file cost both threads a system call and a switch. */
  moveMain(to: number): void {
    Atomics.store(this.header, mainAt, to);
    if (to % (slots / 2) === 0) Atomics.notify(this.header, mainAt);
  }
}

/**
 * This thread's side: the text of file `index` if the reader has it (`absolute` must be the path it was given for
 * that index), else undefined: read it the usual way. Either way the reader may then reuse that file's slot.
 */
export class ReadAhead {
  readonly #paths: readonly string[];
  readonly #memory: ReadAheadMemory;
  readonly #text: Buffer;

  constructor({ paths, shared }: ReadAheadData) {
    this.#paths = paths;
    this.#memory = new ReadAheadMemory(shared, paths.length);
    const { bytes } = this.#memory;
    this.#text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  /** No more files will be taken: the reader ends now rather than at its next look (the process exits after it). */
  finish(): void {
    Atomics.store(this.#memory.header, mainAt, this.#paths.length);
    Atomics.notify(this.#memory.header, mainAt);
  }

  take(index: number, absolute: string): string | undefined {
    if (index >= this.#paths.length || absolute !== this.#paths[index]) return undefined;
    const { states, lengths } = this.#memory;
    let text: string | undefined;
    if (Atomics.compareExchange(states, index, free, taken) === ready) {
      const slot = index % slots;
      text = this.#text.toString('utf8', slot * slotBytes, slot * slotBytes + lengths[slot]!);
      // Invalid UTF-8 gets its diagnostic from the usual reading, which looks at the bytes.
      if (text.includes('\uFFFD')) text = undefined;
    }
    this.#memory.moveMain(index + 1);
    return text;
  }
}

/** As read-manifest.ts opens a manifest: a FIFO without a writer must not block. */
const openForReading = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);

/** Reads a regular file into `bytes` at `offset`: its length, or 0 when the usual reading must decide. */
function readInto(path: string, bytes: Uint8Array, offset: number): number {
  let fd: number;
  try {
    fd = openSync(path, openForReading);
  } catch {
    return 0;
  }
  try {
    // Only regular files: reading part of a FIFO here would leave the rest to the usual reading.
    if (!fstatSync(fd).isFile()) return 0;
    for (let length = 0; ;) {
      const read = readSync(fd, bytes, offset + length, slotBytes - length, null);
      if (read === 0) return length;
      length += read;
      if (length === slotBytes) return 0; // maybe larger: the usual reading says so
    }
  } catch {
    return 0;
  } finally {
    closeSync(fd);
  }
}

/** The reader's loop (reader-worker.ts): reads the files in order, at most `slots` ahead of this thread. */
export function readAheadLoop({ paths, shared }: ReadAheadData): void {
  const memory = new ReadAheadMemory(shared, paths.length);
  const { states, lengths, bytes } = memory;
  for (let index = 0; index < paths.length; index++) {
    for (let at = memory.mainAt(); ; at = memory.mainAt()) {
      // This thread went past: read on from just ahead of it (the file it is at, it reads itself).
      if (index < at) index = at + 1;
      if (index < at + slots) break;
      memory.waitForMain(at);
    }
    if (index >= paths.length) return;
    if (Atomics.compareExchange(states, index, free, reading) !== free) continue;
    const slot = index % slots;
    const length = readInto(paths[index]!, bytes, slot * slotBytes);
    lengths[slot] = length;
    Atomics.store(states, index, length > 0 ? ready : givenUp);
  }
}
