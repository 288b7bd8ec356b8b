import { readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Runtime } from '../src/index.js';
import { maxTimerDelay, setLongTimeout } from '../src/long-timer.js';
import { raceHooks } from '../src/race-hooks.js';
import { callLog, filesUnder, placeFile, testRuntime } from './helpers/runtime.js';
import { patternBytes, startServer, type TestServer } from './helpers/server.js';

// Hostile servers: endless bodies, trickles, floods of interim responses, odd header names; timers past Node's limit.

let server: TestServer;
let runtime: Runtime;

beforeAll(async () => {
  server = await startServer();
});
afterEach(async () => {
  vi.useRealTimers();
  delete raceHooks.afterOpen;
  await runtime.close();
  await server.settle();
  server.reset();
});
afterAll(async () => {
  await server.close();
});

/** A route that sends `piece` again and again, as fast as the client takes it, until the client goes away. */
function endless(request: IncomingMessage, response: ServerResponse, piece: Buffer): void {
  request.resume();
  const pump = (): void => {
    while (!response.destroyed) if (!response.write(piece)) return void response.once('drain', pump);
  };
  request.on('end', pump);
}

/** A route that writes one byte per interval (a server-side fault, not a wait in the test). */
function trickle(response: ServerResponse, announced: number, everyMs: number): void {
  response.writeHead(200, { 'Content-Length': announced });
  const timer = setInterval(() => response.write('x'), everyMs);
  response.on('close', () => clearInterval(timer));
}

async function download(options: object) {
  const request = runtime.modules['system.request'];
  const started = callLog<{ token: string }>();
  request.download({ ...options, ...started.callbacks });
  await started.completed;
  const finished = callLog<{ uri: string }>();
  request.onDownloadComplete({ token: started.result!.token, ...finished.callbacks });
  return finished;
}

const cacheFiles = (): string[] => filesUnder(runtime.pathOf('internal://cache/'));

describe('upload response kept for success.data', () => {
  it('an endless answer fails with 200 at the documented limit (1 MiB by default), and the connection is closed', async () => {
    runtime = testRuntime();
    expect(runtime.settings.maxUploadResponseBytes).toBe(1024 * 1024);
    server.route('/endless', (request, response) => {
      response.writeHead(200, { 'Content-Type': 'text/plain' });
      endless(request, response, Buffer.alloc(64 * 1024, 0x61));
    });
    const filePath = placeFile(runtime, 'internal://files/a.txt', 'a');
    const log = callLog();
    runtime.modules['system.uploadtask'].uploadFile({
      url: `${server.url}/endless`,
      filePath,
      name: 'a',
      ...log.callbacks,
    });
    await log.completed;
    expect(log.calls).toEqual(['fail', 'complete']);
    expect(log.failure).toEqual({
      message: 'upload failed: the response body is larger than 1048576 bytes (maxUploadResponseBytes)',
      code: 200,
    });
    await server.until(() => server.abortedRequests === 1);
  });

  it('keeps a body of exactly the limit, refuses one byte more', async () => {
    runtime = testRuntime({ maxUploadResponseBytes: 1000 });
    for (const size of [1000, 1001])
      server.route(`/answer-${size}`, (request, response) =>
        request.resume().on('end', () => response.end(patternBytes(size))),
      );
    const filePath = placeFile(runtime, 'internal://files/b.txt', 'b');
    const exact = callLog<{ data: string }>();
    runtime.modules['system.uploadtask'].uploadFile({
      url: `${server.url}/answer-1000`,
      filePath,
      name: 'b',
      ...exact.callbacks,
    });
    await exact.completed;
    expect(exact.calls).toEqual(['success', 'complete']);
    expect(Buffer.from(exact.result!.data, 'utf8').length).toBeGreaterThanOrEqual(1000);
    const over = callLog();
    runtime.modules['system.uploadtask'].uploadFile({
      url: `${server.url}/answer-1001`,
      filePath,
      name: 'b',
      ...over.callbacks,
    });
    await over.completed;
    expect(over.failure).toEqual({
      message: 'upload failed: the response body is larger than 1000 bytes (maxUploadResponseBytes)',
      code: 200,
    });
  });
});

describe('download limits', () => {
  it('a 1 byte per interval trickle ends at the overall deadline (1000), whatever the idle timeout', async () => {
    runtime = testRuntime({ downloadTimeout: 300, downloadIdleTimeout: 60_000 });
    server.route('/trickle', (_request, response) => trickle(response, 1_000_000, 10));
    const finished = await download({ url: `${server.url}/trickle`, filename: 't.bin' });
    await finished.completed;
    expect(finished.failure).toEqual({ message: 'download failed: not finished after 300 ms', code: 1000 });
    expect(cacheFiles()).toEqual([]);
  });

  it('a flood of 100 Continue responses fails (1000) once it passes the head limit', async () => {
    runtime = testRuntime();
    server.route('/flood', (_request, response) => {
      const flood = (): void => {
        if (response.destroyed) return;
        for (let index = 0; index < 100; index += 1) response.writeContinue();
        setImmediate(flood);
      };
      flood();
    });
    const finished = await download({ url: `${server.url}/flood`, filename: 'f.bin' });
    await finished.completed;
    expect(finished.failure).toEqual({ message: 'download failed: too many interim (1xx) responses', code: 1000 });
    expect(cacheFiles()).toEqual([]);
  });

  it('a slow run of 100 Continue responses ends at the overall deadline (1000)', async () => {
    runtime = testRuntime({ downloadTimeout: 300 });
    server.route('/slow-flood', (_request, response) => {
      const timer = setInterval(() => response.writeContinue(), 10);
      response.on('close', () => clearInterval(timer));
    });
    const finished = await download({ url: `${server.url}/slow-flood`, filename: 'f.bin' });
    await finished.completed;
    expect(finished.failure).toEqual({ message: 'download failed: not finished after 300 ms', code: 1000 });
  });

  it('a body over maxDownloadBytes fails (1000), announced or counted; exactly the limit is saved', async () => {
    runtime = testRuntime({ maxDownloadBytes: 1000 });
    // A second runtime, for its defaults: closed at once (it made a data folder of its own).
    const defaults = testRuntime();
    expect(defaults.settings).toMatchObject({ maxDownloadBytes: 2 * 1024 ** 3, downloadTimeout: 30 * 60_000 });
    await defaults.close();
    server.route('/unannounced', (request, response) => {
      request.resume();
      response.writeHead(200, { 'Transfer-Encoding': 'chunked' });
      response.end(patternBytes(1001));
    });
    const announced = await download({ url: `${server.url}/bytes/1001`, filename: 'a.bin' });
    await announced.completed;
    expect(announced.failure).toEqual({
      message: 'download failed: larger than 1000 bytes (maxDownloadBytes)',
      code: 1000,
    });
    const counted = await download({ url: `${server.url}/unannounced`, filename: 'b.bin' });
    await counted.completed;
    expect(counted.failure).toEqual({
      message: 'download failed: larger than 1000 bytes (maxDownloadBytes)',
      code: 1000,
    });
    expect(cacheFiles()).toEqual([]);
    const exact = await download({ url: `${server.url}/bytes/1000`, filename: 'c.bin' });
    await exact.completed;
    expect(exact.result).toEqual({ uri: 'internal://cache/c.bin' });
    expect(readFileSync(runtime.pathOf('internal://cache/c.bin'))).toEqual(patternBytes(1000));
  });

  it("does not send the app's Content-Length or Transfer-Encoding on the GET (the server would wait for a body)", async () => {
    runtime = testRuntime();
    for (const header of [
      { 'Content-Length': 5, 'X-Keep': 'yes' },
      'content-length: 5\r\nTransfer-Encoding: chunked\r\nX-Keep: yes',
    ]) {
      const finished = await download({ url: `${server.url}/headers`, filename: 'h.json', header });
      await finished.completed;
      expect(finished.calls).toEqual(['success', 'complete']);
      const received = JSON.parse(readFileSync(runtime.pathOf('internal://cache/h.json'), 'utf8')) as Record<
        string,
        string
      >;
      expect(received['x-keep']).toBe('yes');
      expect(received['content-length']).toBeUndefined();
      expect(received['transfer-encoding']).toBeUndefined();
    }
  });
});

describe('timeouts above 2^31-1 ms', () => {
  it('setLongTimeout fires once, at the delay, never early', () => {
    runtime = testRuntime();
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const fired: number[] = [];
    const delay = 2_592_000_000;
    setLongTimeout(() => fired.push(Date.now()), delay);
    vi.advanceTimersByTime(maxTimerDelay);
    expect(fired).toEqual([]);
    vi.advanceTimersByTime(delay - maxTimerDelay - 1);
    expect(fired).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(fired).toHaveLength(1);
    vi.advanceTimersByTime(delay * 2);
    expect(fired).toHaveLength(1);
    const cleared: number[] = [];
    setLongTimeout(() => cleared.push(1), delay).clear();
    vi.advanceTimersByTime(delay);
    expect(cleared).toEqual([]);
  });

  it('an upload with timeout 2592000000 (30 days) runs to success instead of timing out at once', async () => {
    runtime = testRuntime({ uploadTimeout: 2_592_000_000 });
    const filePath = placeFile(runtime, 'internal://files/long.txt', 'long');
    for (const timeout of [2_592_000_000, undefined]) {
      const log = callLog<{ statusCode: number }>();
      runtime.modules['system.uploadtask'].uploadFile({
        url: `${server.url}/upload?delay=30`,
        filePath,
        name: 'l',
        timeout,
        ...log.callbacks,
      });
      await log.completed;
      expect(log.failure).toBeUndefined();
      expect(log.calls).toEqual(['success', 'complete']);
    }
  });

  it('a download with 30-day idle and overall timeouts runs to success', async () => {
    runtime = testRuntime({ downloadIdleTimeout: 2_592_000_000, downloadTimeout: 2_592_000_000 });
    const finished = await download({ url: `${server.url}/bytes/100`, filename: 'l.bin' });
    await finished.completed;
    expect(finished.result).toEqual({ uri: 'internal://cache/l.bin' });
  });
});

describe('default timeouts (fake clock)', () => {
  /** A few turns of the event loop, so callbacks that were (wrongly) due would have been delivered. */
  const turns = async (): Promise<void> => {
    for (let turn = 0; turn < 5; turn += 1) await new Promise((resolve) => setImmediate(resolve));
  };

  it('an upload without timeout fails with 204 after exactly 20000 ms, the catalogue default', async () => {
    runtime = testRuntime();
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const filePath = placeFile(runtime, 'internal://files/d.txt', 'd');
    const log = callLog();
    runtime.modules['system.uploadtask'].uploadFile({
      url: `${server.url}/stall`,
      filePath,
      name: 'd',
      ...log.callbacks,
    });
    await server.until(() => server.requests.length === 1);
    vi.advanceTimersByTime(19_999);
    await turns();
    expect(log.calls).toEqual([]);
    vi.advanceTimersByTime(1);
    await log.completed;
    expect(log.failure).toEqual({ message: 'timeout: the upload took longer than 20000 ms', code: 204 });
  });

  it('a stalled download fails with 1000 after exactly 20000 ms without data by default', async () => {
    runtime = testRuntime();
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
    const opened = new Promise<void>((resolve) => (raceHooks.afterOpen = () => resolve()));
    server.route('/stalls', (request, response) => {
      request.resume();
      response.writeHead(200, { 'Content-Length': 10 });
      response.write('abc');
    });
    const finished = await download({ url: `${server.url}/stalls`, filename: 's.bin' });
    // The head (and what came with it) has arrived once the temporary file exists.
    await opened;
    vi.advanceTimersByTime(19_999);
    await turns();
    expect(finished.calls).toEqual([]);
    vi.advanceTimersByTime(1);
    await finished.completed;
    expect(finished.failure).toEqual({ message: 'download failed: no data for 20000 ms', code: 1000 });
  });
});

describe('response header names that are also Object.prototype names', () => {
  const hostile = [
    '__proto__',
    'proto value',
    'constructor',
    'constructor value',
    'toString',
    'toString value',
    'hasOwnProperty',
    'own',
  ];

  it('reaches success.headers intact, as own properties of a plain object', async () => {
    runtime = testRuntime();
    server.route('/hostile', (request, response) =>
      request.resume().on('end', () => response.writeHead(200, [...hostile, 'Content-Length', '2']).end('ok')),
    );
    const filePath = placeFile(runtime, 'internal://files/h.txt', 'h');
    const log = callLog<{ headers: Record<string, string> }>();
    runtime.modules['system.uploadtask'].uploadFile({
      url: `${server.url}/hostile`,
      filePath,
      name: 'h',
      ...log.callbacks,
    });
    await log.completed;
    const headers = log.result!.headers;
    expect(Object.getPrototypeOf(headers)).toBe(Object.prototype);
    for (let index = 0; index < hostile.length; index += 2) {
      expect(Object.hasOwn(headers, hostile[index]!)).toBe(true);
      expect(Object.getOwnPropertyDescriptor(headers, hostile[index]!)?.value).toBe(hostile[index + 1]);
    }
    expect(headers['Content-Length']).toBe('2');
  });

  it("does not confuse the runtime's own header lookups (downloads name files, follow redirects)", async () => {
    runtime = testRuntime();
    server.route('/odd', (request, response) =>
      request.resume().on('end', () => response.writeHead(200, [...hostile, 'Content-Length', '3']).end('odd')),
    );
    const finished = await download({ url: `${server.url}/odd` });
    await finished.completed;
    expect(finished.result).toEqual({ uri: 'internal://cache/odd' });
    expect(readFileSync(runtime.pathOf('internal://cache/odd'), 'utf8')).toBe('odd');
  });
});
