import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { deviceName, devices, findModule, isSupportedOn, supportOf, findMethod } from '@velakit/catalog';
import type { Runtime } from '../src/index.js';
import { callLog, testRuntime } from './helpers/runtime.js';

const noFeatures = fileURLToPath(new URL('./apps/no-features', import.meta.url));
const opened: Runtime[] = [];
afterAll(async () => {
  await Promise.all(opened.map((runtime) => runtime.close()));
});

/** Calls one method of a module the way an app would, and returns what `fail` received (if anything). */
async function call(runtime: Runtime, moduleName: string, method: string) {
  const log = callLog();
  const options = {
    url: 'http://127.0.0.1:1/x',
    filePath: 'internal://files/missing',
    name: 'f',
    token: 'none',
    ...log.callbacks,
  };
  const modules = runtime.modules as unknown as Record<string, Record<string, (options: object) => unknown>>;
  modules[moduleName]![method]!(options);
  await log.completed;
  return log;
}

const cases = (['system.uploadtask', 'system.request'] as const).flatMap((moduleName) => {
  const module = findModule(moduleName)!;
  return module.methods.flatMap((method) => devices.map((device) => ({ moduleName, method: method.name, device })));
});

describe('device profiles decided by the catalogue', () => {
  it.each(cases)('$moduleName.$method on $device.id', async ({ moduleName, method, device }) => {
    const runtime = testRuntime({ device: device.id });
    opened.push(runtime);
    const module = findModule(moduleName)!;
    const supported = isSupportedOn(supportOf(module, findMethod(module, method)), device.id);
    const log = await call(runtime, moduleName, method);
    if (supported === false) {
      expect(log.calls).toEqual(['fail', 'complete']);
      expect(log.failure).toEqual({
        message: `${moduleName}.${method} is not supported on ${deviceName(device.id)} (${device.id})`,
        code: 203,
      });
    } else {
      expect(log.failure?.code).not.toBe(203);
    }
  });

  it('a refused uploadFile still returns a task whose methods do nothing', async () => {
    const runtime = testRuntime({ device: 'redmi-watch-4' });
    opened.push(runtime);
    const log = callLog();
    const task = runtime.modules['system.uploadtask'].uploadFile({
      url: 'http://127.0.0.1:1',
      filePath: 'internal://files/a',
      name: 'a',
      ...log.callbacks,
    });
    const heard: unknown[] = [];
    task.onProgressUpdate((event: unknown) => heard.push(event));
    task.offProgressUpdate();
    task.abort();
    task.abort();
    await log.completed;
    await runtime.idle();
    expect(log.calls).toEqual(['fail', 'complete']);
    expect(log.failure?.code).toBe(203);
    expect(heard).toEqual([]);
  });
});

describe('features the manifest must declare', () => {
  it.each([
    ['system.uploadtask', 'uploadFile'],
    ['system.request', 'download'],
    ['system.request', 'onDownloadComplete'],
  ])('%s.%s fails with 203 naming the missing declaration', async (moduleName, method) => {
    const runtime = testRuntime({ appRoot: noFeatures });
    opened.push(runtime);
    const log = await call(runtime, moduleName, method);
    expect(log.calls).toEqual(['fail', 'complete']);
    expect(log.failure).toEqual({
      message: `${moduleName} is not declared in manifest.json: add { "name": "${moduleName}" } to "features"`,
      code: 203,
    });
  });

  it('reads declarations from a manifest object and ignores malformed entries', async () => {
    const runtime = testRuntime({
      manifest: { package: 'com.x', features: [{ name: 'system.request' }, 'system.uploadtask', null, { name: 3 }] },
    });
    opened.push(runtime);
    expect((await call(runtime, 'system.uploadtask', 'uploadFile')).failure?.message).toBe(
      'system.uploadtask is not declared in manifest.json: add { "name": "system.uploadtask" } to "features"',
    );
    expect((await call(runtime, 'system.request', 'download')).calls).toEqual(['success', 'complete']);
  });

  it('does not check minAPILevel (a watch without the API lacks it, which the device profile already says)', async () => {
    const runtime = testRuntime({
      manifest: { package: 'com.x', minAPILevel: 1, features: [{ name: 'system.uploadtask' }] },
    });
    opened.push(runtime);
    expect((await call(runtime, 'system.uploadtask', 'uploadFile')).failure?.code).toBe(202);
  });
});
