import { execFile } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createRuntime, importApp, velakitAliases } from '@velakit/runtime';
import { startServer, type TestServer } from './helpers/server.js';

/** What the test app's `upload` and `download` report to their `done` callback. */
interface AppResult {
  kind: 'success' | 'fail';
  statusCode?: number;
  code?: number;
  message?: string;
  uri?: string;
  events?: number[];
}
interface TestApp {
  upload(server: string, filePath: string, done: (result: AppResult) => void): unknown;
  download(server: string, path: string, done: (result: AppResult) => void): void;
}

const appRoot = fileURLToPath(new URL('./apps/workout', import.meta.url));
const appFile = (path: string) => new URL(`./apps/workout/src/common/${path}`, import.meta.url);
let server: TestServer;

beforeAll(async () => {
  server = await startServer();
});
afterEach(async () => {
  await server.settle();
  server.reset();
});
afterAll(async () => {
  await server.close();
});

const styles = {
  import: async () => (await importApp(appFile('sync.js'))) as unknown as TestApp,
  require: async () => (await importApp(appFile('cjs/sync.js'))).default as TestApp,
};

describe.each(Object.entries(styles))(
  'the same app file (%s style) on several devices in one process',
  (_style, load) => {
    it('runs unchanged, each call served by the runtime active at the time', async () => {
      const app = await load();
      const outcomes: Record<string, { uploaded: AppResult; downloaded: AppResult }> = {};
      for (const device of ['xiaomi-watch-s4', 'redmi-watch-4', 'xiaomi-s1-pro', 'xiaomi-watch-s3']) {
        const runtime = createRuntime({ appRoot, device });
        writeFileSync(runtime.pathOf('internal://files/log.txt'), device);
        const uploaded = await runtime.run(
          () => new Promise<AppResult>((done) => app.upload(server.url, 'internal://files/log.txt', done)),
        );
        const downloaded = await runtime.run(
          () => new Promise<AppResult>((done) => app.download(server.url, '/bytes/32', done)),
        );
        if (downloaded.uri !== undefined) expect(existsSync(runtime.pathOf(downloaded.uri))).toBe(true);
        outcomes[device] = { uploaded, downloaded };
        await runtime.close();
      }
      expect(outcomes['xiaomi-watch-s4']?.uploaded).toMatchObject({ kind: 'success', statusCode: 200 });
      expect(outcomes['xiaomi-watch-s4']?.uploaded.events?.at(-1)).toBe(100);
      expect(outcomes['xiaomi-watch-s4']?.downloaded).toEqual({ kind: 'success', uri: 'internal://cache/32' });
      expect(outcomes['redmi-watch-4']?.uploaded).toMatchObject({
        kind: 'fail',
        code: 203,
        message: 'system.uploadtask.uploadFile is not supported on Redmi Watch 4 (redmi-watch-4)',
      });
      expect(outcomes['redmi-watch-4']?.downloaded).toMatchObject({ kind: 'fail', code: 203 });
      // The S1 Pro downloads but cannot upload.
      expect(outcomes['xiaomi-s1-pro']?.uploaded).toMatchObject({ kind: 'fail', code: 203 });
      expect(outcomes['xiaomi-s1-pro']?.downloaded).toEqual({ kind: 'success', uri: 'internal://cache/32' });
      expect(outcomes['xiaomi-watch-s3']?.uploaded).toMatchObject({ kind: 'success' });
      expect(server.uploads.map((upload) => upload.files[0]?.bytes)).toEqual([
        'xiaomi-watch-s4'.length,
        'xiaomi-watch-s3'.length,
      ]);
    });

    it('serves two runtimes side by side with run()', async () => {
      const app = await load();
      const s4 = createRuntime({ appRoot, device: 'xiaomi-watch-s4' });
      const band = createRuntime({ appRoot, device: 'xiaomi-band-9-pro' });
      writeFileSync(s4.pathOf('internal://files/log.txt'), 'x');
      const [a, b] = await Promise.all([
        s4.run(() => new Promise<AppResult>((done) => app.upload(server.url, 'internal://files/log.txt', done))),
        band.run(() => new Promise<AppResult>((done) => app.upload(server.url, 'internal://files/log.txt', done))),
      ]);
      expect(a.kind).toBe('success');
      expect(b).toMatchObject({ kind: 'fail', code: 203 });
      await Promise.all([s4.close(), band.close()]);
    });
  },
);

describe('module names the runtime cannot serve', () => {
  it('suggests the closest module for a misspelled import or require', async () => {
    await expect(importApp(appFile('misc/typo.js'))).rejects.toThrow(
      "Cannot find Vela module '@system.vibrater'. Did you mean '@system.vibrator'?",
    );
    await expect(importApp(appFile('cjs/typo.js'))).rejects.toThrow(
      "Cannot find Vela module '@system.requests'. Did you mean '@system.request'?",
    );
  });

  it('says plainly when a real module is not implemented', async () => {
    await expect(importApp(appFile('misc/unimplemented.js'))).rejects.toThrow(
      "Cannot load '@system.vibrator': the velakit runtime implements only @system.uploadtask and @system.request.",
    );
  });
});

describe('plain Node with --import @velakit/runtime/register', () => {
  it.each(['import', 'require'])('runs the %s-style app on three devices', async (style) => {
    const driver = fileURLToPath(new URL('./apps/drive.mjs', import.meta.url));
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ['--import', '@velakit/runtime/register', driver, server.url, style],
      {
        cwd: fileURLToPath(new URL('..', import.meta.url)),
        timeout: 20_000,
      },
    );
    expect(
      stdout
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line) as unknown),
    ).toEqual([
      {
        device: 'xiaomi-watch-s4',
        uploaded: 'success',
        uploadCode: null,
        downloaded: 'success',
        uri: 'internal://cache/64',
        downloadCode: null,
      },
      {
        device: 'xiaomi-band-8-pro',
        uploaded: 'fail',
        uploadCode: 203,
        downloaded: 'fail',
        uri: null,
        downloadCode: 203,
      },
      {
        device: 'xiaomi-s1-pro',
        uploaded: 'fail',
        uploadCode: 203,
        downloaded: 'success',
        uri: 'internal://cache/64',
        downloadCode: null,
      },
    ]);
    expect(server.uploads).toHaveLength(1);
  });
});

describe('velakitAliases', () => {
  it('maps each implemented @system specifier to a module whose default export forwards every method', async () => {
    const aliases = velakitAliases();
    expect(aliases.map((alias) => alias.find.source)).toEqual(['^@system\\.uploadtask$', '^@system\\.request$']);
    expect(aliases[0]!.find.test('@system.uploadtask')).toBe(true);
    expect(aliases[0]!.find.test('@system.uploadtasks')).toBe(false);
    const request = (await import(aliases[1]!.replacement)) as { default: Record<string, unknown> };
    expect(Object.keys(request.default)).toEqual(['download', 'onDownloadComplete']);
  });
});
