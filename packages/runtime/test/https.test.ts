import { readFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Runtime } from '../src/index.js';
import { callLog, placeFile, testRuntime } from './helpers/runtime.js';
import { patternBytes, sha256, startServer, type TestServer } from './helpers/server.js';

// A self-signed certificate for 127.0.0.1, made once with openssl and kept beside the test.
const cert = readFileSync(new URL('./helpers/test-tls.crt', import.meta.url), 'utf8');
const key = readFileSync(new URL('./helpers/test-tls.key', import.meta.url), 'utf8');
let server: TestServer;
let trusting: Runtime;
let untrusting: Runtime;

beforeAll(async () => {
  server = await startServer({ key, cert });
  trusting = testRuntime({ ca: cert });
  untrusting = testRuntime();
});
afterAll(async () => {
  await Promise.all([trusting.close(), untrusting.close()]);
  await server.close();
});

async function download(runtime: Runtime, url: string) {
  const request = runtime.modules['system.request'];
  const started = callLog<{ token: string }>();
  request.download({ url, ...started.callbacks });
  await started.completed;
  const finished = callLog<{ uri: string }>();
  request.onDownloadComplete({ token: started.result!.token, ...finished.callbacks });
  await finished.completed;
  return finished;
}

describe('https', () => {
  it('uploads over TLS', async () => {
    const content = randomBytes(500_000);
    const filePath = placeFile(trusting, 'internal://files/tls.bin', content);
    const log = callLog<{ statusCode: number }>();
    trusting.modules['system.uploadtask'].uploadFile({
      url: `${server.url}/upload`,
      filePath,
      name: 'f',
      ...log.callbacks,
    });
    await log.completed;
    expect(log.calls).toEqual(['success', 'complete']);
    expect(server.uploads.at(-1)?.files[0]).toMatchObject({ bytes: content.length, sha256: sha256(content) });
  });

  it('downloads over TLS, following a redirect', async () => {
    const finished = await download(trusting, `${server.url}/redirect/302/~bytes~300000`);
    expect(finished.result).toEqual({ uri: 'internal://cache/300000' });
    expect(sha256(readFileSync(trusting.pathOf('internal://cache/300000')))).toBe(sha256(patternBytes(300_000)));
  });

  it('refuses a certificate it does not trust: 200 for uploads, 1000 for downloads', async () => {
    const filePath = placeFile(untrusting, 'internal://files/x.txt', 'x');
    const log = callLog();
    untrusting.modules['system.uploadtask'].uploadFile({
      url: `${server.url}/upload`,
      filePath,
      name: 'f',
      ...log.callbacks,
    });
    await log.completed;
    expect(log.failure?.code).toBe(200);
    expect(log.failure?.message).toContain('self-signed certificate');
    const finished = await download(untrusting, `${server.url}/bytes/10`);
    expect(finished.failure?.code).toBe(1000);
    expect(finished.failure?.message).toContain('self-signed certificate');
  });
});

describe('https limits and header names', () => {
  it("keeps headers named like Object.prototype members, and caps the kept answer, over Node's client too", async () => {
    const hostile = ['__proto__', 'p', 'constructor', 'c', 'toString', 't'];
    server.route('/tls-hostile', (request, response) =>
      request.resume().on('end', () => response.writeHead(200, [...hostile, 'Content-Length', '2']).end('ok')),
    );
    server.route('/tls-big', (request, response) =>
      request.resume().on('end', () => response.end(Buffer.alloc(2 * 1024 * 1024, 0x62))),
    );
    const filePath = placeFile(trusting, 'internal://files/odd.txt', 'o');
    const log = callLog<{ headers: Record<string, string> }>();
    trusting.modules['system.uploadtask'].uploadFile({
      url: `${server.url}/tls-hostile`,
      filePath,
      name: 'f',
      ...log.callbacks,
    });
    await log.completed;
    for (let index = 0; index < hostile.length; index += 2)
      expect(Object.getOwnPropertyDescriptor(log.result!.headers, hostile[index]!)?.value).toBe(hostile[index + 1]);
    const big = callLog();
    trusting.modules['system.uploadtask'].uploadFile({
      url: `${server.url}/tls-big`,
      filePath,
      name: 'f',
      ...big.callbacks,
    });
    await big.completed;
    expect(big.failure).toEqual({
      message: 'upload failed: the response body is larger than 1048576 bytes (maxUploadResponseBytes)',
      code: 200,
    });
  });
});
