import { describe, expect, it } from 'vitest';
import { fdWriter } from '../src/cli/fd-writer.js';

function errno(code: string): NodeJS.ErrnoException {
  return Object.assign(new Error(code), { code });
}

/** A descriptor that takes at most `chunk` bytes per write, and then answers each write as `script` says. */
function fakeFd(chunk: number, script: ('ok' | string)[] = []) {
  const written: number[] = [];
  const write = ((_fd: number, bytes: Uint8Array, offset: number, length: number) => {
    const next = script.shift() ?? 'ok';
    if (next !== 'ok') throw errno(next);
    const taken = Math.min(chunk, length);
    written.push(...bytes.subarray(offset, offset + taken));
    return taken;
  }) as unknown as typeof import('node:fs').writeSync;
  return { write, text: () => Buffer.from(written).toString('utf8') };
}

function fakeStream() {
  const chunks: Buffer[] = [];
  return {
    write: (chunk: Uint8Array) => chunks.push(Buffer.from(chunk)),
    text: () => Buffer.concat(chunks).toString('utf8'),
  };
}

describe('fdWriter', () => {
  it('writes everything, across partial writes, keeping multi-byte characters whole', () => {
    const fd = fakeFd(3);
    const write = fdWriter(1, () => fakeStream(), fd.write);
    write('✔ 小米 ok\n');
    write('second\n');
    expect(fd.text()).toBe('✔ 小米 ok\nsecond\n');
  });

  it('hands the rest to the stream when the pipe is full (EAGAIN), and keeps the order after that', () => {
    const fd = fakeFd(4, ['ok', 'EAGAIN']);
    const stream = fakeStream();
    let created = 0;
    const write = fdWriter(
      1,
      () => {
        created++;
        return stream;
      },
      fd.write,
    );
    write('abcdefghij');
    write('klm');
    expect(fd.text()).toBe('abcd');
    expect(stream.text()).toBe('efghijklm');
    expect(created).toBe(1);
  });

  it('drops the output once the reader has gone (EPIPE)', () => {
    const fd = fakeFd(100, ['EPIPE']);
    const stream = fakeStream();
    const write = fdWriter(1, () => stream, fd.write);
    write('lost');
    write('also lost');
    expect([fd.text(), stream.text()]).toEqual(['', '']);
  });

  it('lets any other error through', () => {
    const fd = fakeFd(100, ['EBADF']);
    expect(() => fdWriter(9, () => fakeStream(), fd.write)('x')).toThrow('EBADF');
  });
});
