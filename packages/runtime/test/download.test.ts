import { readFileSync, existsSync, mkdirSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Runtime } from '../src/index.js';
import { raceHooks } from '../src/race-hooks.js';
import { callLog, filesUnder, outsideFolder, testRuntime } from './helpers/runtime.js';
import { patternBytes, sha256, startServer, type TestServer } from './helpers/server.js';

let server: TestServer;
let runtime: Runtime;

beforeAll(async () => {
  server = await startServer();
});
afterEach(async () => {
  delete raceHooks.afterOpen;
  await runtime.close();
  await server.settle();
  server.reset();
});
afterAll(async () => {
  await server.close();
});

/** Starts a download and waits for its `onDownloadComplete` answer. */
async function downloadAndWait(options: object, using: Runtime = runtime) {
  const request = using.modules['system.request'];
  const started = callLog<{ token: string }>();
  request.download({ ...options, ...started.callbacks });
  await started.completed;
  const finished = callLog<{ uri: string }>();
  if (started.result !== undefined) request.onDownloadComplete({ token: started.result.token, ...finished.callbacks });
  else finished.callbacks.complete();
  await finished.completed;
  return { started, finished };
}

function cacheFiles(): string[] {
  return filesUnder(runtime.pathOf('internal://cache/'));
}

describe('download', () => {
  it('gives a token at once, then saves the file in internal://cache/ under the URL name', async () => {
    runtime = testRuntime();
    const { started, finished } = await downloadAndWait({ url: `${server.url}/bytes/70000` });
    expect(started.calls).toEqual(['success', 'complete']);
    expect(started.result).toEqual({ token: '1' });
    expect(finished.calls).toEqual(['success', 'complete']);
    expect(finished.result).toEqual({ uri: 'internal://cache/70000' });
    expect(sha256(readFileSync(runtime.pathOf('internal://cache/70000')))).toBe(sha256(patternBytes(70000)));
    expect(cacheFiles()).toEqual(['70000']);
  });

  it('calls success and complete on a later turn, before the transfer ends', async () => {
    runtime = testRuntime();
    const started = callLog<{ token: string }>();
    runtime.modules['system.request'].download({ url: `${server.url}/stall`, ...started.callbacks });
    expect(started.calls).toEqual([]);
    await started.completed;
    expect(started.calls).toEqual(['success', 'complete']);
  });

  it('saves under a plain filename, an internal:// URI, or a folder URI', async () => {
    runtime = testRuntime();
    expect((await downloadAndWait({ url: `${server.url}/bytes/10`, filename: 'face.bin' })).finished.result).toEqual({
      uri: 'internal://cache/face.bin',
    });
    expect(
      (await downloadAndWait({ url: `${server.url}/bytes/11`, filename: 'internal://files/faces/sun.bin' })).finished
        .result,
    ).toEqual({
      uri: 'internal://files/faces/sun.bin',
    });
    expect(
      (await downloadAndWait({ url: `${server.url}/bytes/12`, filename: 'internal://mass/big/' })).finished.result,
    ).toEqual({
      uri: 'internal://mass/big/12',
    });
    expect(readFileSync(runtime.pathOf('internal://files/faces/sun.bin'))).toEqual(patternBytes(11));
    expect(readFileSync(runtime.pathOf('internal://mass/big/12'))).toEqual(patternBytes(12));
  });

  it('uses a configurable default folder', async () => {
    runtime = testRuntime({ downloadDir: 'internal://files/downloads' });
    expect((await downloadAndWait({ url: `${server.url}/bytes/5` })).finished.result).toEqual({
      uri: 'internal://files/downloads/5',
    });
  });

  it('names the file from Content-Disposition (filename* first), sanitised', async () => {
    runtime = testRuntime();
    const named = (disposition: string) => (_request: unknown, response: import('node:http').ServerResponse) => {
      response.setHeader('Content-Disposition', disposition);
      response.end('x');
    };
    server.route('/d1', named('attachment; filename="report 2026.pdf"'));
    server.route('/d2', named(`attachment; filename="fallback.txt"; filename*=UTF-8''%E5%A4%A9%20sky.txt`));
    server.route('/d3', named('attachment; filename="../../etc/passwd"'));
    server.route('/d4', named('attachment; filename="..."'));
    expect((await downloadAndWait({ url: `${server.url}/d1` })).finished.result?.uri).toBe(
      'internal://cache/report_2026.pdf',
    );
    expect((await downloadAndWait({ url: `${server.url}/d2` })).finished.result?.uri).toBe(
      'internal://cache/__sky.txt',
    );
    expect((await downloadAndWait({ url: `${server.url}/d3` })).finished.result?.uri).toBe('internal://cache/passwd');
    expect((await downloadAndWait({ url: `${server.url}/d4` })).finished.result?.uri).toBe('internal://cache/d4');
  });

  it('falls back to a generated name when neither the response nor the URL has one', async () => {
    runtime = testRuntime();
    server.route('/', (_request, response) => response.end('root'));
    const { finished } = await downloadAndWait({ url: `${server.url}/` });
    expect(finished.result).toEqual({ uri: 'internal://cache/download-1' });
    expect(readFileSync(runtime.pathOf('internal://cache/download-1'), 'utf8')).toBe('root');
  });

  it('sends header given as "Key: value" lines or as an object', async () => {
    runtime = testRuntime();
    await downloadAndWait({
      url: `${server.url}/headers`,
      filename: 'a.json',
      header: 'X-One: 1\r\nX-Two:  two words \n\n',
    });
    expect(JSON.parse(readFileSync(runtime.pathOf('internal://cache/a.json'), 'utf8'))).toMatchObject({
      'x-one': '1',
      'x-two': 'two words',
    });
    await downloadAndWait({
      url: `${server.url}/headers`,
      filename: 'b.json',
      header: { Authorization: 'Bearer 42', 'X-N': 3 },
    });
    expect(JSON.parse(readFileSync(runtime.pathOf('internal://cache/b.json'), 'utf8'))).toMatchObject({
      authorization: 'Bearer 42',
      'x-n': '3',
    });
  });

  it('follows redirects with a GET', async () => {
    runtime = testRuntime();
    const { finished } = await downloadAndWait({ url: `${server.url}/redirect/301/~bytes~20` });
    expect(finished.result).toEqual({ uri: 'internal://cache/20' });
    expect(server.requests).toEqual(['GET /redirect/301/~bytes~20', 'GET /bytes/20']);
  });

  it('overwrites an existing file of the same name only once the new one is complete', async () => {
    runtime = testRuntime();
    await downloadAndWait({ url: `${server.url}/bytes/30`, filename: 'same.bin' });
    await downloadAndWait({ url: `${server.url}/bytes/40`, filename: 'same.bin' });
    expect(readFileSync(runtime.pathOf('internal://cache/same.bin'))).toEqual(patternBytes(40));
    expect(cacheFiles()).toEqual(['same.bin']);
  });

  it.each([
    [{ url: 'ftp://example.com/a' }, 'invalid url: "ftp://example.com/a" is not http(s)'],
    [{ url: '' }, 'invalid url: url is a required string'],
    [{ url: 42 }, 'invalid url: url is a required string'],
    [{ header: 'no colon here' }, 'invalid header: "no colon here" is not a "Key: value" line'],
    [{ header: { A: [] } }, 'invalid header: the value of "A" must be a string or a number'],
    [{ header: 7 }, 'invalid header: expected a string of "Key: value" lines or an object'],
    [{ filename: 5 }, 'invalid filename: expected a string'],
    [{ filename: 'a b.bin' }, 'invalid filename "internal://cache/a b.bin": only 0-9 a-z A-Z _ - . / % : are allowed'],
    [{ filename: 'internal://tmp/a.bin' }, 'invalid filename "internal://tmp/a.bin": internal://tmp/ is read-only'],
    [{ filename: '/common/a.bin' }, 'invalid filename "/common/a.bin": app resources are read-only'],
  ])('fails with 202 and sends nothing: %j', async (override, message) => {
    runtime = testRuntime();
    const log = callLog();
    runtime.modules['system.request'].download({ url: `${server.url}/bytes/1`, ...override, ...log.callbacks });
    await log.completed;
    expect(log.calls).toEqual(['fail', 'complete']);
    expect(log.failure).toEqual({ message, code: 202 });
    await runtime.idle();
    expect(server.requests).toEqual([]);
  });

  it('fails with 202 when the options are not an object', async () => {
    runtime = testRuntime();
    const log = callLog();
    runtime.modules['system.request'].download(null);
    runtime.modules['system.request'].download({ url: 'x', ...log.callbacks });
    await log.completed;
    expect(log.failure?.code).toBe(202);
  });
});

describe('download failures never leave a file behind', () => {
  it('a non-2xx status fails with 1000 naming the status (the watch would save the error page)', async () => {
    runtime = testRuntime();
    for (const status of [404, 500]) {
      const { started, finished } = await downloadAndWait({ url: `${server.url}/status/${status}`, filename: 'x.bin' });
      expect(started.calls).toEqual(['success', 'complete']);
      expect(finished.calls).toEqual(['fail', 'complete']);
      expect(finished.failure).toEqual({
        message: `download failed: HTTP ${status} ${status === 404 ? 'Not Found' : 'Internal Server Error'}`,
        code: 1000,
      });
    }
    expect(cacheFiles()).toEqual([]);
  });

  it('a connection closed mid-body fails with 1000 and leaves no partial file', async () => {
    runtime = testRuntime();
    server.route('/half', (_request, response) => {
      response.writeHead(200, { 'Content-Length': 100_000 });
      // Cut the connection once half the body has been handed to the system.
      response.write(patternBytes(50_000), () => response.socket?.destroy());
    });
    const { finished } = await downloadAndWait({ url: `${server.url}/half`, filename: 'half.bin' });
    expect(finished.calls).toEqual(['fail', 'complete']);
    expect(finished.failure?.code).toBe(1000);
    expect(finished.failure?.message).toMatch(/^download failed: /u);
    expect(cacheFiles()).toEqual([]);
  });

  it('a server that stops sending fails after the idle timeout with 1000', async () => {
    runtime = testRuntime({ downloadIdleTimeout: 100 });
    server.route('/trickle', (_request, response) => {
      response.writeHead(200, { 'Content-Length': 10 });
      response.write('abc');
    });
    const { finished } = await downloadAndWait({ url: `${server.url}/trickle`, filename: 't.bin' });
    expect(finished.failure).toEqual({ message: 'download failed: no data for 100 ms', code: 1000 });
    expect(cacheFiles()).toEqual([]);
  });

  it('a redirect loop fails with 1000', async () => {
    runtime = testRuntime();
    const { finished } = await downloadAndWait({ url: `${server.url}/loop/a` });
    expect(finished.failure).toEqual({
      message: `download failed: redirect loop: ${server.url}/loop/b leads back to ${server.url}/loop/a`,
      code: 1000,
    });
    expect(cacheFiles()).toEqual([]);
  });

  it('a refused connection fails with 1000', async () => {
    runtime = testRuntime();
    const { finished } = await downloadAndWait({ url: 'http://127.0.0.1:1/x' });
    expect(finished.failure?.code).toBe(1000);
    expect(finished.failure?.message).toContain('ECONNREFUSED');
  });

  it('a name that is a folder fails with 1000 and removes the temporary file', async () => {
    runtime = testRuntime();
    mkdirSync(runtime.pathOf('internal://cache/taken'));
    const { finished } = await downloadAndWait({ url: `${server.url}/bytes/3`, filename: 'taken' });
    expect(finished.failure).toEqual({ message: 'download failed: taken is a folder', code: 1000 });
    expect(cacheFiles()).toEqual([]);
  });

  it('close() stops running downloads and removes their temporary files without calling back', async () => {
    const kept = outsideFolder();
    runtime = testRuntime({ dataDir: kept.path });
    server.route('/endless', (_request, response) => {
      response.writeHead(200, { 'Content-Length': 1_000_000 });
      response.write(patternBytes(1000));
    });
    let markCreated: () => void = () => {};
    const partFileCreated = new Promise<void>((resolve) => (markCreated = resolve));
    raceHooks.afterOpen = () => markCreated();
    const request = runtime.modules['system.request'];
    const started = callLog<{ token: string }>();
    request.download({ url: `${server.url}/endless`, ...started.callbacks });
    await started.completed;
    const finished = callLog();
    request.onDownloadComplete({ token: started.result!.token, ...finished.callbacks });
    // The temporary file exists once the runtime has checked what it created (the hook runs right after): wait on that.
    await partFileCreated;
    expect(cacheFiles()).toHaveLength(1);
    expect(cacheFiles()[0]).toMatch(/^\.velakit-download-1-[0-9a-f]{12}\.part$/u);
    await runtime.close();
    expect(cacheFiles()).toEqual([]);
    expect(finished.calls).toEqual([]);
    expect(existsSync(runtime.dataDir)).toBe(true);
    kept.remove();
  });
});

describe('onDownloadComplete', () => {
  it('fails with 1001 for a missing or unknown token', async () => {
    runtime = testRuntime();
    for (const [options, message] of [
      [{}, 'token is required'],
      [{ token: 42 }, 'token is required'],
      [{ token: 'nope' }, 'no download task has token "nope"'],
    ] as const) {
      const log = callLog();
      runtime.modules['system.request'].onDownloadComplete({ ...options, ...log.callbacks });
      await log.completed;
      expect(log.calls).toEqual(['fail', 'complete']);
      expect(log.failure).toEqual({ message, code: 1001 });
    }
    runtime.modules['system.request'].onDownloadComplete(undefined);
    await runtime.idle();
  });

  it('for a running download, only the last registration hears the result', async () => {
    runtime = testRuntime();
    let finishResponse: () => void = () => {};
    const held = new Promise<void>((resolve) => {
      server.route('/held', (_request, response) => {
        finishResponse = () => response.end('held');
        resolve();
      });
    });
    const request = runtime.modules['system.request'];
    const started = callLog<{ token: string }>();
    request.download({ url: `${server.url}/held`, ...started.callbacks });
    await started.completed;
    const first = callLog();
    const second = callLog<{ uri: string }>();
    request.onDownloadComplete({ token: started.result!.token, ...first.callbacks });
    request.onDownloadComplete({ token: started.result!.token, ...second.callbacks });
    // The server holds its answer until the request has arrived; only then is there a response to finish.
    await held;
    finishResponse();
    await second.completed;
    await runtime.idle();
    expect(first.calls).toEqual([]);
    expect(second.calls).toEqual(['success', 'complete']);
    expect(second.result).toEqual({ uri: 'internal://cache/held' });
  });

  it('keeps the results of the last 10 finished downloads, failures included', async () => {
    runtime = testRuntime();
    const tokens: string[] = [];
    for (let index = 0; index < 12; index += 1) {
      const { started } = await downloadAndWait({
        url: `${server.url}/${index === 11 ? 'status/404' : `bytes/${index + 1}`}`,
      });
      tokens.push(started.result!.token);
    }
    const ask = async (token: string) => {
      const log = callLog<{ uri: string }>();
      runtime.modules['system.request'].onDownloadComplete({ token, ...log.callbacks });
      await log.completed;
      return log;
    };
    expect((await ask(tokens[0]!)).failure).toEqual({ message: 'no download task has token "1"', code: 1001 });
    expect((await ask(tokens[1]!)).failure).toEqual({ message: 'no download task has token "2"', code: 1001 });
    expect((await ask(tokens[2]!)).result).toEqual({ uri: 'internal://cache/3' });
    expect((await ask(tokens[2]!)).result).toEqual({ uri: 'internal://cache/3' });
    expect((await ask(tokens[11]!)).failure).toEqual({ message: 'download failed: HTTP 404 Not Found', code: 1000 });
  });
});
