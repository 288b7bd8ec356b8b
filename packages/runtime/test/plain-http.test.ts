import { createServer, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { plainHttpRequest } from '../src/plain-http.js';

const plainHttpGet = (url: URL, headers: [string, string][], signal: AbortSignal, onRead: () => void) =>
  plainHttpRequest({ method: 'GET', url, headers }, signal, onRead);

/**
 * A TCP server that answers each path with scripted raw bytes, written in pieces; a number between pieces waits until
 * the previous piece was handed to the system and that many event-loop turns passed, so pieces tend to arrive in
 * separate reads (the assertions hold however they are split).
 */
let server: Server;
let base: URL;
const scripts = new Map<string, (socket: Socket) => void>();
const requests: string[] = [];
/** Resolves once the script of a path has written its last piece and ended or destroyed the socket. */
const scriptDone = new Map<string, Promise<void>>();

beforeAll(async () => {
  server = createServer((socket) => {
    let text = '';
    socket.on('data', (data) => {
      text += data.toString('latin1');
      if (!text.includes('\r\n\r\n')) return;
      requests.push(text);
      const path = /^GET ([^\s?]+)/u.exec(text)?.[1] ?? '';
      scripts.get(path)?.(socket);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = new URL(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

function script(path: string, pieces: (string | number)[], end: 'end' | 'destroy' | 'keep' = 'end'): void {
  let markDone: () => void = () => {};
  scriptDone.set(path, new Promise<void>((resolve) => (markDone = resolve)));
  scripts.set(path, (socket) => {
    void (async () => {
      let flushed: Promise<unknown> = Promise.resolve();
      for (const piece of pieces) {
        if (typeof piece === 'number') {
          await flushed;
          for (let turn = 0; turn < piece; turn += 1) await new Promise((resolve) => setImmediate(resolve));
        } else {
          flushed = new Promise((resolve) => socket.write(piece, 'latin1', resolve));
        }
      }
      await flushed;
      if (end === 'end') await new Promise<void>((resolve) => socket.end(resolve));
      if (end === 'destroy') socket.destroy();
      markDone();
    })();
  });
}

async function get(path: string, headers: [string, string][] = []) {
  const response = await plainHttpGet(new URL(path, base), headers, new AbortController().signal, () => {});
  const pieces: Buffer[] = [];
  await response.readBody((piece) => pieces.push(Buffer.from(piece)));
  return { ...response, body: Buffer.concat(pieces).toString('latin1') };
}

describe('plainHttpRequest', () => {
  it('reads a Content-Length body split across reads, and sends the request headers', async () => {
    script('/length', [
      'HTTP/1.1 200 OK\r\nContent-Length: 11\r\nX-A: 1\r\nx-a: 2\r\n\r\nhello',
      20,
      ' world',
      20,
      'ignored',
    ]);
    const response = await get('/length?q=1', [
      ['X-Token', 'abc'],
      ['Host', 'evil'],
    ]);
    expect(response).toMatchObject({
      statusCode: 200,
      statusMessage: 'OK',
      body: 'hello world',
      headers: { 'content-length': '11', 'x-a': '1, 2' },
    });
    expect(requests.at(-1)).toBe(
      `GET /length?q=1 HTTP/1.1\r\nHost: ${base.host}\r\nConnection: close\r\nX-Token: abc\r\n\r\n`,
    );
  });

  it('decodes a chunked body whose framing is split at every awkward place', async () => {
    script(
      '/chunked',
      [
        'HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5;ext=1\r',
        10,
        '\nab',
        10,
        'cde\r\n',
        10,
        'A\r\n0123456789',
        10,
        '\r\n0\r\nTrailer: x\r\n',
        10,
        '\r\n',
      ],
      'keep',
    );
    expect((await get('/chunked')).body).toBe('abcde0123456789');
  });

  it('reads a body delimited by the connection closing, even when it all arrived before readBody', async () => {
    script('/close', ['HTTP/1.0 200 OK\r\n\r\nuntil the end']);
    const response = await plainHttpGet(new URL('/close', base), [], new AbortController().signal, () => {});
    // The server has written everything and closed its side before the body is asked for.
    await scriptDone.get('/close');
    const pieces: string[] = [];
    await response.readBody((piece) => pieces.push(piece.toString()));
    expect(pieces.join('')).toBe('until the end');
  });

  it('skips 1xx responses and treats 204 as empty', async () => {
    script('/continue', ['HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 204 No Content\r\n\r\n'], 'keep');
    expect(await get('/continue')).toMatchObject({ statusCode: 204, body: '' });
  });

  it.each([
    ['/cut', ['HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\npartial'], 'the response was cut off'],
    ['/cut-chunked', ['HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nab'], 'the response was cut off'],
    ['/bad-chunk', ['HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n'], 'malformed chunked body'],
    ['/not-http', ['SSH-2.0-OpenSSH\r\n\r\n'], 'not an HTTP/1.1 response: "SSH-2.0-OpenSSH"'],
    ['/bad-header', ['HTTP/1.1 200 OK\r\nno colon\r\n\r\n'], 'malformed response header "no colon"'],
    ['/bad-length', ['HTTP/1.1 200 OK\r\nContent-Length: ten\r\n\r\n'], 'invalid Content-Length "ten"'],
    ['/nothing', [], 'the connection closed before a response'],
    ['/huge-head', [`HTTP/1.1 200 OK\r\nX: ${'a'.repeat(70_000)}`], 'the response headers are too large'],
  ])('fails clearly on %s', async (path, pieces, message) => {
    script(path, pieces, 'destroy');
    await expect(get(path)).rejects.toThrow(message);
  });

  it('stops at once when aborted', async () => {
    script('/slow', ['HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nab'], 'keep');
    const controller = new AbortController();
    const response = await plainHttpGet(new URL('/slow', base), [], controller.signal, () => {});
    const body = response.readBody(() => {});
    setImmediate(() => controller.abort());
    await expect(body).rejects.toThrow('aborted');
  });

  it('reports a refused connection', async () => {
    await expect(
      plainHttpGet(new URL('http://127.0.0.1:1/'), [], new AbortController().signal, () => {}),
    ).rejects.toThrow('ECONNREFUSED');
  });
});
