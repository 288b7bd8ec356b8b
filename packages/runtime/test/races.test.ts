import { mkdirSync, renameSync, symlinkSync, unlinkSync, writeFileSync, existsSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ErrorCodes } from '@velakit/catalog';
import type { Runtime } from '../src/index.js';
import { raceHooks } from '../src/race-hooks.js';
import { callLog, filesUnder, outsideFolder, placeFile, testRuntime } from './helpers/runtime.js';
import { sha256, startServer, type TestServer } from './helpers/server.js';

// A file or folder swapped for a symlink between the runtime's check and its use: each moment is driven by an event
// (the server holding its answer, a slot of the upload queue, a hook inside the runtime), never by a sleep.

let server: TestServer;
let runtime: Runtime;
const outside = outsideFolder();
const secret = join(outside.path, 'secret.txt');

beforeAll(async () => {
  server = await startServer();
  writeFileSync(secret, 'secret outside the sandbox');
});
afterEach(async () => {
  delete raceHooks.afterOpen;
  delete raceHooks.afterCheck;
  delete raceHooks.beforeRename;
  await runtime.close();
  await server.settle();
  server.reset();
  expect(filesUnder(outside.path)).toEqual(['secret.txt']);
});
afterAll(async () => {
  await server.close();
  outside.remove();
});

/** A route that answers only when the test says so; resolves `arrived` when the request is there. */
function heldRoute(path: string, body: string): { arrived: Promise<void>; answer: () => void } {
  let answer: () => void = () => {};
  const arrived = new Promise<void>((resolve) => {
    server.route(path, (request, response: ServerResponse) => {
      request.resume();
      answer = () => response.end(body);
      resolve();
    });
  });
  return { arrived, answer: () => answer() };
}

describe('uploads send what was checked', () => {
  it('a file swapped for a symlink while the upload waits for a slot: the checked file is sent, not the outside one', async () => {
    runtime = testRuntime({ maxConcurrentUploads: 1 });
    const upload = runtime.modules['system.uploadtask'].uploadFile;
    placeFile(runtime, 'internal://files/first.txt', 'first');
    const victim = placeFile(runtime, 'internal://files/victim.txt', 'inside');
    const first = callLog();
    upload({ url: `${server.url}/upload?hold`, filePath: 'internal://files/first.txt', name: 'a', ...first.callbacks });
    await server.until(() => server.requests.length === 1);
    const second = callLog<{ statusCode: number }>();
    const checked = new Promise<void>((resolve) => (raceHooks.afterCheck = () => resolve()));
    upload({ url: `${server.url}/upload`, filePath: victim, name: 'b', ...second.callbacks });
    // The second upload's file passed its checks and it waits behind the held one: swap the file, then let the queue move.
    await checked;
    unlinkSync(runtime.pathOf(victim));
    symlinkSync(secret, runtime.pathOf(victim));
    server.releaseHeld();
    await Promise.all([first.completed, second.completed]);
    expect(second.calls).toEqual(['success', 'complete']);
    expect(server.uploads.map((received) => received.files[0]?.sha256)).toEqual([sha256('first'), sha256('inside')]);
  });

  it('a symlink to an outside file swapped for an inside file right after the open is refused (202), nothing sent', async () => {
    runtime = testRuntime();
    const uri = 'internal://files/flip.txt';
    symlinkSync(secret, runtime.pathOf(uri));
    raceHooks.afterOpen = (path) => {
      unlinkSync(path);
      writeFileSync(path, 'inside');
    };
    const log = callLog();
    runtime.modules['system.uploadtask'].uploadFile({
      url: `${server.url}/upload`,
      filePath: uri,
      name: 'f',
      ...log.callbacks,
    });
    await log.completed;
    expect(log.calls).toEqual(['fail', 'complete']);
    expect(log.failure).toEqual({
      message: `invalid filePath "${uri}": replaced while it was being opened (a symlink?)`,
      code: 202,
    });
    expect(server.requests).toEqual([]);
  });

  it('refuses a FIFO without blocking (202)', async () => {
    runtime = testRuntime();
    const { execFileSync } = await import('node:child_process');
    execFileSync('mkfifo', [runtime.pathOf('internal://files/pipe')]);
    const log = callLog();
    runtime.modules['system.uploadtask'].uploadFile({
      url: `${server.url}/upload`,
      filePath: 'internal://files/pipe',
      name: 'f',
      ...log.callbacks,
    });
    await log.completed;
    expect(log.failure).toEqual({ message: 'invalid filePath "internal://files/pipe": not a regular file', code: 202 });
    expect(server.requests).toEqual([]);
  });
});

describe('downloads write only inside the sandbox', () => {
  async function download(options: object) {
    const request = runtime.modules['system.request'];
    const started = callLog<{ token: string }>();
    request.download({ ...options, ...started.callbacks });
    await started.completed;
    const finished = callLog<{ uri: string }>();
    request.onDownloadComplete({ token: started.result!.token, ...finished.callbacks });
    return finished;
  }

  it('a folder swapped for a symlink while the server holds its answer: 1000, nothing written outside', async () => {
    runtime = testRuntime();
    const held = heldRoute('/held', 'payload');
    const folder = runtime.pathOf('internal://files/dl');
    const finished = await download({ url: `${server.url}/held`, filename: 'internal://files/dl/got.bin' });
    await held.arrived;
    // The runtime created and checked the folder before sending the request; now it leads outside.
    renameSync(folder, runtime.pathOf('internal://files/dl-moved'));
    symlinkSync(outside.path, folder);
    held.answer();
    await finished.completed;
    expect(finished.calls).toEqual(['fail', 'complete']);
    expect(finished.failure?.code).toBe(ErrorCodes.TASK_FAILED);
    expect(finished.failure?.message).toBe(
      'download failed: invalid filename "internal://files/dl/": resolves outside its partition (a symlink?)',
    );
    // Only the test's own symlink; no partial file in the moved folder either.
    expect(filesUnder(runtime.pathOf('internal://files/'))).toEqual(['dl']);
  });

  it('a folder swapped right after the temporary file was created: the file is removed, 1000, nothing outside', async () => {
    runtime = testRuntime();
    const folder = runtime.pathOf('internal://files/dl2');
    mkdirSync(folder);
    raceHooks.afterOpen = (path) => {
      // Move the real folder away (with the new empty file) and put a symlink to the outside in its place.
      renameSync(folder, runtime.pathOf('internal://files/dl2-moved'));
      symlinkSync(outside.path, folder);
      expect(existsSync(path)).toBe(false);
    };
    const finished = await download({ url: `${server.url}/bytes/64`, filename: 'internal://files/dl2/got.bin' });
    await finished.completed;
    expect(finished.failure?.code).toBe(ErrorCodes.TASK_FAILED);
    expect(finished.failure?.message).toMatch(
      /^download failed: invalid filename "internal:\/\/files\/dl2\/": (no longer there|resolves outside)/u,
    );
  });

  it('a folder swapped between the last byte and the rename: checked again, 1000, nothing outside', async () => {
    runtime = testRuntime();
    const folder = runtime.pathOf('internal://files/dl3');
    mkdirSync(folder);
    raceHooks.beforeRename = () => {
      renameSync(folder, runtime.pathOf('internal://files/dl3-moved'));
      symlinkSync(outside.path, folder);
    };
    const finished = await download({ url: `${server.url}/bytes/64`, filename: 'internal://files/dl3/got.bin' });
    await finished.completed;
    expect(finished.calls).toEqual(['fail', 'complete']);
    expect(finished.failure?.code).toBe(ErrorCodes.TASK_FAILED);
    expect(finished.failure?.message).toBe(
      'download failed: invalid filename "internal://files/dl3/": no longer there (moved or replaced while in use)',
    );
    expect(existsSync(join(outside.path, 'got.bin'))).toBe(false);
  });
});
