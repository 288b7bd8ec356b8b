import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { devices } from '@velakit/catalog';
import { createRuntime, RuntimeSetupError, withRuntime, type Runtime } from '../src/index.js';
import { activeRuntime } from '../src/active.js';
import { systemModule } from '../src/system-module.js';
import { callLog, workoutApp } from './helpers/runtime.js';

const app = (name: string) => fileURLToPath(new URL(`./apps/${name}`, import.meta.url));
const opened: Runtime[] = [];
const open = (options: Parameters<typeof createRuntime>[0]) => {
  const runtime = createRuntime({ onCallbackError: () => {}, ...options });
  opened.push(runtime);
  return runtime;
};
afterEach(async () => {
  await Promise.all(opened.splice(0).map((runtime) => runtime.close()));
});

function setupError(options: unknown): string {
  try {
    open(options as Parameters<typeof createRuntime>[0]);
  } catch (error) {
    expect(error).toBeInstanceOf(RuntimeSetupError);
    return (error as Error).message;
  }
  throw new Error('createRuntime accepted the options');
}

describe('createRuntime', () => {
  it('reads the manifest from src/manifest.json and takes the package name from it', () => {
    const runtime = open({ appRoot: workoutApp, device: 'xiaomi-watch-s4' });
    expect(runtime.packageName).toBe('com.example.workout');
    expect(runtime.device.id).toBe('xiaomi-watch-s4');
    expect(runtime.manifest.minAPILevel).toBe(3);
    expect(runtime.pathOf('internal://files/x')).toBe(join(runtime.dataDir, 'files', 'com.example.workout', 'x'));
  });

  it('falls back to <appRoot>/manifest.json', () => {
    expect(open({ appRoot: app('root-manifest'), device: 'xiaomi-watch-s4' }).packageName).toBe('com.example.root');
  });

  it('accepts a device name, alias or codename and a manifest object', () => {
    const runtime = open({
      appRoot: app('nowhere'),
      device: 'Redmi Watch 5',
      manifest: { package: 'com.example.inline' },
    });
    expect(runtime.device.id).toBe('redmi-watch-5');
    expect(open({ appRoot: app('nowhere'), device: 'o62', manifest: { package: 'a.b' } }).device.id).toBe(
      'xiaomi-watch-s4',
    );
  });

  it('lets packageName override the manifest', () => {
    expect(open({ appRoot: workoutApp, device: 'xiaomi-watch-s4', packageName: 'com.other' }).packageName).toBe(
      'com.other',
    );
  });

  it.each([
    [
      { appRoot: workoutApp, device: 'xiaomi-watch-s9' },
      'createRuntime: unknown device "xiaomi-watch-s9". Did you mean "xiaomi-watch-s3", "xiaomi-watch-s4", or "xiaomi-watch-s5"?',
    ],
    [{ appRoot: workoutApp, device: '' }, 'createRuntime: `device` must be a device id such as "xiaomi-watch-s4".'],
    [{ appRoot: workoutApp }, 'createRuntime: `device` must be a device id such as "xiaomi-watch-s4".'],
    [{ device: 'xiaomi-watch-s4' }, 'createRuntime: `appRoot` must be the path of the app folder.'],
    [
      { appRoot: workoutApp, device: 'xiaomi-watch-s4', manifest: 'x' },
      'createRuntime: `manifest` must be a JSON object.',
    ],
    [
      { appRoot: workoutApp, device: 'xiaomi-watch-s4', packageName: '../up' },
      'createRuntime: the app needs a package name',
    ],
    [{ appRoot: workoutApp, device: 'xiaomi-watch-s4', manifest: {} }, 'createRuntime: the app needs a package name'],
    [
      { appRoot: workoutApp, device: 'xiaomi-watch-s4', uploadTimeout: 0 },
      'createRuntime: `uploadTimeout` must be a positive number.',
    ],
    [
      { appRoot: workoutApp, device: 'xiaomi-watch-s4', maxRedirects: -1 },
      'createRuntime: `maxRedirects` must be a non-negative number.',
    ],
    [
      { appRoot: workoutApp, device: 'xiaomi-watch-s4', downloadDir: 5 },
      'createRuntime: `downloadDir` must be an internal:// URI.',
    ],
    [
      { appRoot: workoutApp, device: 'xiaomi-watch-s4', downloadDir: 'internal://tmp/' },
      'createRuntime: downloadDir "internal://tmp/" must be a writable',
    ],
    [
      { appRoot: workoutApp, device: 'xiaomi-watch-s4', downloadDir: 'internal://x/' },
      'createRuntime: invalid downloadDir "internal://x/": unknown partition',
    ],
  ])('refuses %j with a clear message', (options, message) => {
    expect(setupError(options)).toContain(message);
  });

  it('refuses a non-object', () => {
    expect(() => createRuntime(null as unknown as Parameters<typeof createRuntime>[0])).toThrow(
      new RuntimeSetupError('createRuntime expects an options object.'),
    );
  });

  it('explains a missing, broken or non-object manifest', () => {
    expect(setupError({ appRoot: app('nowhere'), device: 'xiaomi-watch-s4' })).toBe(
      `createRuntime: no manifest.json found (looked for ${join(app('nowhere'), 'src', 'manifest.json')} and ${join(app('nowhere'), 'manifest.json')}).`,
    );
    expect(setupError({ appRoot: app('broken'), device: 'xiaomi-watch-s4' })).toBe(
      `createRuntime: ${join(app('broken'), 'src', 'manifest.json')}:3:3: Invalid JSON: unexpected string (is a comma missing before it?)`,
    );
    expect(setupError({ appRoot: app('array-manifest'), device: 'xiaomi-watch-s4' })).toMatch(
      /array-manifest\/src\/manifest\.json must be a JSON object\.$/u,
    );
  });

  it('turns a bad URI given to pathOf into a setup error', () => {
    const runtime = open({ appRoot: workoutApp, device: 'xiaomi-watch-s4' });
    expect(() => runtime.pathOf('internal://files/../x')).toThrow(RuntimeSetupError);
  });
});

describe('which runtime @system.* modules talk to', () => {
  const uploadtask = systemModule('system.uploadtask');
  const request = systemModule('system.request');

  it('has one forwarding function per catalogue method', () => {
    expect(Object.keys(uploadtask)).toEqual(['uploadFile']);
    expect(Object.keys(request)).toEqual(['download', 'onDownloadComplete']);
    expect(Object.isFrozen(request)).toBe(true);
  });

  it('throws a clear error when no runtime is active', () => {
    expect(activeRuntime()).toBeUndefined();
    expect(() => request.download({})).toThrow(
      '@system.request.download was called with no velakit runtime active: create one with createRuntime(...) and call runtime.activate() or runtime.run(fn) first.',
    );
  });

  it('activate() makes a runtime current until undone; run() wins inside its callback', async () => {
    const s4 = open({ appRoot: workoutApp, device: 'xiaomi-watch-s4' });
    const band = open({ appRoot: workoutApp, device: 'xiaomi-band-8-pro' });
    const undo = s4.activate();
    expect(activeRuntime()).toBe(s4);
    const log = callLog();
    band.run(() => request.download({ url: 'http://127.0.0.1:1/x', ...log.callbacks }));
    await log.completed;
    expect(log.failure).toEqual({
      message: 'system.request.download is not supported on Xiaomi Band 8 Pro (xiaomi-band-8-pro)',
      code: 203,
    });
    expect(activeRuntime()).toBe(s4);
    undo();
    expect(activeRuntime()).toBeUndefined();
  });

  it('close() deactivates the runtime and removes its own data folder', async () => {
    const runtime = open({ appRoot: workoutApp, device: 'xiaomi-watch-s4' });
    runtime.activate();
    await runtime.close();
    await runtime.close();
    expect(activeRuntime()).toBeUndefined();
    expect(existsSync(runtime.dataDir)).toBe(false);
  });

  it('withRuntime runs a function with a fresh runtime, waits for its callbacks and closes it', async () => {
    const seen: string[] = [];
    const dataDir = await withRuntime({ appRoot: workoutApp, device: 'xiaomi-band-9' }, (runtime) => {
      request.download({ url: 'http://127.0.0.1:1/x', fail: (message: string) => seen.push(message) });
      return runtime.dataDir;
    });
    expect(seen).toEqual(['system.request.download is not supported on Xiaomi Band 9 (xiaomi-band-9)']);
    expect(existsSync(dataDir)).toBe(false);
  });

  it('knows every catalogue device', () => {
    for (const device of devices) expect(open({ appRoot: workoutApp, device: device.id }).device).toBe(device);
  });
});
