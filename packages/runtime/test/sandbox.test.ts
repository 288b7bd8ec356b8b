import { mkdirSync, symlinkSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ErrorCodes } from '@velakit/catalog';
import { CallFailure } from '../src/errors.js';
import type { Runtime } from '../src/index.js';
import { callLog, filesUnder, outsideFolder, placeFile, testRuntime } from './helpers/runtime.js';
import { startServer, type TestServer } from './helpers/server.js';

let runtime: Runtime;
let server: TestServer;
const outside = outsideFolder();

beforeAll(async () => {
  runtime = testRuntime();
  server = await startServer();
  writeFileSync(join(outside.path, 'secret.txt'), 'secret');
});
afterAll(async () => {
  await runtime.close();
  await server.close();
  outside.remove();
});

function refusalOf(uri: unknown): string {
  try {
    runtime.locate(uri as string);
  } catch (error) {
    expect(error).toBeInstanceOf(CallFailure);
    expect((error as CallFailure).code).toBe(ErrorCodes.INVALID_PARAMETER);
    return (error as Error).message;
  }
  throw new Error(`${String(uri)} was accepted`);
}

describe('internal:// URIs', () => {
  it('maps each partition to its own folder for the app package', () => {
    for (const partition of ['cache', 'files', 'mass', 'tmp'] as const) {
      const location = runtime.locate(`internal://${partition}/a/b.txt`);
      expect(location.path).toBe(join(runtime.dataDir, partition, 'com.example.workout', 'a', 'b.txt'));
      expect(location.writable).toBe(partition !== 'tmp');
      expect(location.isDirectory).toBe(false);
    }
    expect(runtime.locate('internal://cache/').isDirectory).toBe(true);
    expect(runtime.locate('internal://files/sub/').segments).toEqual(['sub']);
  });

  it('maps /path to a read-only packaged resource under src', () => {
    const location = runtime.locate('/common/sync.js');
    expect(location.path).toBe(join(runtime.appRoot, 'src', 'common', 'sync.js'));
    expect(location.writable).toBe(false);
  });

  it.each([
    ['internal://files/../x', '".." is not allowed'],
    ['internal://files/a..b', '".." is not allowed'],
    ['internal://files/%2e%2e/x', 'percent-encoded'],
    ['internal://files/%2E%2e%2Fx', 'percent-encoded'],
    ['internal://files/a%2fb', 'percent-encoded'],
    ['internal://files/a%5cb', 'percent-encoded'],
    ['internal://files/%252e%252e/x', 'percent-encoded'],
    ['internal://files/a%00b', 'percent-encoded'],
    ['internal://files/a\u0000b', 'only 0-9'],
    ['internal://files/a b', 'only 0-9'],
    ['internal://files/a\\b', 'only 0-9'],
    ['/etc/../passwd', '".." is not allowed'],
    ['//etc/passwd', 'expected internal://'],
    ['file:///etc/passwd', 'expected internal://'],
    ['etc/passwd', 'expected internal://'],
    ['C:/Windows', 'expected internal://'],
    ['internal://secret/x', 'unknown partition "secret"'],
    ['internal://files//x', 'empty or "." path segment'],
    ['internal://files/./x', 'empty or "." path segment'],
    ['internal://files/é', 'only 0-9'],
  ])('refuses %j (%s)', (uri, reason) => {
    expect(refusalOf(uri)).toContain(reason);
  });

  it('refuses a URI that is not a string', () => {
    expect(refusalOf(42)).toBe('invalid uri: expected an internal:// URI or /path');
    expect(refusalOf('')).toBe('invalid uri: expected an internal:// URI or /path');
  });

  it('keeps names and paths up to the file system limits, and refuses longer ones', () => {
    expect(runtime.locate(`internal://files/${'n'.repeat(255)}`).segments).toEqual(['n'.repeat(255)]);
    expect(runtime.locate(`internal://files/${'d/'.repeat(511)}xy`).segments).toHaveLength(512);
    expect(refusalOf(`internal://files/${'n'.repeat(256)}`)).toMatch(
      /": a path segment is longer than 255 characters$/u,
    );
    expect(refusalOf(`internal://files/${'d/'.repeat(512)}x`)).toMatch(
      /": longer than 1024 characters after the partition$/u,
    );
  });

  it('keeps a literal % that does not encode a dot, slash or control', () => {
    expect(runtime.locate('internal://files/100%41.txt').segments).toEqual(['100%41.txt']);
  });
});

describe('symlinks and traversal against real uploads and downloads', () => {
  it('refuses to upload a file reached through a symlink that leaves the partition (202)', async () => {
    symlinkSync(join(outside.path, 'secret.txt'), runtime.pathOf('internal://files/link.txt'));
    const log = callLog();
    runtime.modules['system.uploadtask'].uploadFile({
      url: `${server.url}/upload`,
      filePath: 'internal://files/link.txt',
      name: 'f',
      ...log.callbacks,
    });
    await log.completed;
    expect(log.calls).toEqual(['fail', 'complete']);
    expect(log.failure).toEqual({
      message: 'invalid filePath "internal://files/link.txt": resolves outside its partition (a symlink?)',
      code: 202,
    });
    expect(server.uploads).toHaveLength(0);
  });

  it('refuses a symlinked folder that leads into another partition', async () => {
    mkdirSync(runtime.pathOf('internal://cache/private'), { recursive: true });
    placeFile(runtime, 'internal://cache/private/c.txt', 'cache data');
    symlinkSync(runtime.pathOf('internal://cache/private'), runtime.pathOf('internal://mass/peek'));
    const log = callLog();
    runtime.modules['system.uploadtask'].uploadFile({
      url: `${server.url}/upload`,
      filePath: 'internal://mass/peek/c.txt',
      name: 'f',
      ...log.callbacks,
    });
    await log.completed;
    expect(log.failure?.code).toBe(202);
    expect(log.failure?.message).toContain('resolves outside its partition');
  });

  it('accepts a symlink that stays inside its partition', async () => {
    placeFile(runtime, 'internal://files/real.txt', 'inside');
    symlinkSync(runtime.pathOf('internal://files/real.txt'), runtime.pathOf('internal://files/alias.txt'));
    const log = callLog<{ statusCode: number }>();
    runtime.modules['system.uploadtask'].uploadFile({
      url: `${server.url}/upload`,
      filePath: 'internal://files/alias.txt',
      name: 'f',
      ...log.callbacks,
    });
    await log.completed;
    expect(log.calls).toEqual(['success', 'complete']);
    expect(server.uploads.at(-1)?.files[0]?.bytes).toBe(6);
  });

  it('never downloads through a symlinked folder that leaves the partition, and writes nothing outside', async () => {
    symlinkSync(outside.path, runtime.pathOf('internal://files/escape'));
    const log = callLog<{ token: string }>();
    const request = runtime.modules['system.request'];
    request.download({
      url: `${server.url}/bytes/100`,
      filename: 'internal://files/escape/evil.bin',
      ...log.callbacks,
    });
    await log.completed;
    expect(log.calls).toEqual(['success', 'complete']);
    const done = callLog<{ uri: string }>();
    request.onDownloadComplete({ token: log.result!.token, ...done.callbacks });
    await done.completed;
    expect(done.calls).toEqual(['fail', 'complete']);
    expect(done.failure?.code).toBe(ErrorCodes.TASK_FAILED);
    expect(done.failure?.message).toContain('resolves outside its partition');
    expect(filesUnder(outside.path)).toEqual(['secret.txt']);
    expect(server.requests).not.toContain('GET /bytes/100');
  });

  it.each([
    'internal://files/../../outside.bin',
    'internal://files/%2e%2e/%2e%2e/outside.bin',
    'internal://tmp/x.bin',
    '/common/x.bin',
    '../outside.bin',
  ])('refuses the download filename %j with 202 and sends nothing', async (filename) => {
    const log = callLog();
    runtime.modules['system.request'].download({ url: `${server.url}/bytes/10`, filename, ...log.callbacks });
    await log.completed;
    expect(log.calls).toEqual(['fail', 'complete']);
    expect(log.failure?.code).toBe(202);
    expect(existsSync(join(runtime.dataDir, 'outside.bin'))).toBe(false);
    expect(filesUnder(outside.path)).toEqual(['secret.txt']);
  });

  it.each([
    [
      'a file: URL',
      'file:///etc/passwd',
      'expected internal://cache/, internal://files/, internal://mass/, internal://tmp/ or /path',
    ],
    [
      'an https: URL',
      'https://example.com/x.bin',
      'expected internal://cache/, internal://files/, internal://mass/, internal://tmp/ or /path',
    ],
    [
      'a URI with a 256-character name',
      `internal://files/${'n'.repeat(256)}`,
      'a path segment is longer than 255 characters',
    ],
    ['a 256-character plain name', 'n'.repeat(256), 'a path segment is longer than 255 characters'],
  ])('refuses as the download filename %s with 202 and why, before any request', async (_label, filename, reason) => {
    const log = callLog();
    runtime.modules['system.request'].download({ url: `${server.url}/bytes/10`, filename, ...log.callbacks });
    await log.completed;
    expect(log.calls).toEqual(['fail', 'complete']);
    expect(log.failure?.code).toBe(202);
    expect(log.failure?.message).toMatch(
      new RegExp(`^invalid filename "[^"]+": ${reason.replace(/[./]/gu, '\\$&')}$`, 'u'),
    );
    expect(server.requests).not.toContain('GET /bytes/10');
  });

  it('refuses uploads from URIs that climb out, before any byte is sent', async () => {
    const requestsBefore = server.requests.length;
    for (const filePath of [
      'internal://files/../../../etc/passwd',
      'internal://files/%2e%2e%2f%2e%2e%2fetc/passwd',
      '/../../etc/passwd',
    ]) {
      const log = callLog();
      runtime.modules['system.uploadtask'].uploadFile({
        url: `${server.url}/upload`,
        filePath,
        name: 'f',
        ...log.callbacks,
      });
      await log.completed;
      expect(log.failure?.code).toBe(202);
    }
    expect(server.requests.length).toBe(requestsBefore);
  });
});
