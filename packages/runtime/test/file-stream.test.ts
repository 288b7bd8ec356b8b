import { randomBytes } from 'node:crypto';
import { closeSync, mkdtempSync, openSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { BodySink } from '../src/http-types.js';
import { streamFile } from '../src/uploadtask-module.js';

const slice = 128 * 1024;
const folder = mkdtempSync(join(tmpdir(), 'velakit-file-stream-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

/** How the fake socket takes each write, in turn. */
type Take = 'at once' | 'at once, write says false' | 'queued until a later turn';

/**
 * A sink that behaves like a socket under each kind of backpressure: the system takes a chunk at once (`write`
 * true), takes it at once although `write` says false (a chunk over the stream's highWaterMark), or queues it and
 * takes it on a later turn (`drained()` pending). A queued chunk is read only when it leaves, as the kernel would: a
 * buffer overwritten before then arrives with the wrong bytes.
 */
function socketLikeSink(takes: readonly Take[]) {
  const received: Buffer[] = [];
  let queued: Buffer | undefined;
  let writes = 0;
  let waits = 0;
  const sink: BodySink = {
    write(chunk) {
      if (queued !== undefined) throw new Error('written to while the previous chunk is still queued');
      const take = takes[writes % takes.length];
      writes += 1;
      if (take === 'queued until a later turn') {
        queued = chunk;
        return false;
      }
      received.push(Buffer.from(chunk));
      return take === 'at once';
    },
    drained() {
      if (queued === undefined) return undefined;
      waits += 1;
      return new Promise((resolve) =>
        setImmediate(() => {
          received.push(Buffer.from(queued!));
          queued = undefined;
          resolve();
        }),
      );
    },
    end() {},
  };
  return { sink, received: () => Buffer.concat(received), waits: () => waits, writes: () => writes };
}

async function send(content: Buffer, takes: readonly Take[]) {
  const path = join(folder, `file-${content.length}.bin`);
  writeFileSync(path, content);
  const fd = openSync(path, 'r');
  const fake = socketLikeSink(takes);
  const counted: number[] = [];
  try {
    await streamFile(fake.sink, fd, content.length, new AbortController().signal, (bytes) => counted.push(bytes));
  } finally {
    closeSync(fd);
  }
  return { ...fake, counted };
}

describe('streamFile (one reused buffer)', () => {
  it.each([1, slice - 1, slice, slice + 1, 3 * slice - 1, 8 * slice + 12_345])(
    'a file of %i bytes arrives byte for byte, each slice once, whichever way the socket takes it',
    async (size) => {
      const content = randomBytes(size);
      const takes: Take[] = ['queued until a later turn', 'at once, write says false', 'queued until a later turn'];
      takes.push('at once');
      const { received, counted, waits, writes } = await send(content, takes);
      expect(received().equals(content)).toBe(true);
      expect(writes()).toBe(Math.ceil(size / slice));
      expect(waits()).toBeGreaterThan(0);
      // Progress counts every byte once; the last slice is the short remainder.
      expect(counted.reduce((sum, bytes) => sum + bytes, 0)).toBe(size);
      expect(counted.at(-1)).toBe(size % slice === 0 ? slice : size % slice);
    },
  );

  it('waits for every queued slice before reading the next one into the buffer', async () => {
    const content = randomBytes(20 * slice);
    const { received, waits } = await send(content, ['queued until a later turn']);
    expect(received().equals(content)).toBe(true);
    expect(waits()).toBe(20);
  });
});
