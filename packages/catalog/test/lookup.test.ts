import { describe, expect, it } from 'vitest';
import {
  apiLevelOf,
  devices,
  devicesLacking,
  devicesSupporting,
  editDistance,
  findDevice,
  findFeature,
  findMethod,
  findModule,
  isPhoneService,
  modules,
  suggest,
  suggestDevices,
  suggestModules,
  suggestParameters,
  uploadtask,
} from '@velakit/catalog';

describe('findDevice', () => {
  const spellings = devices.flatMap((device) =>
    [device.id, device.name, device.nameZh, ...device.aliases, ...('codename' in device ? [device.codename] : [])].map(
      (spelling) => [spelling, device.id] as const,
    ),
  );

  it.each(spellings)('%s resolves to %s', (spelling, id) => {
    expect(findDevice(spelling)?.id).toBe(id);
  });

  it('ignores case, spaces and dashes', () => {
    expect(findDevice('REDMI watch4')?.id).toBe('redmi-watch-4');
    expect(findDevice('xiaomi_watch_s4')?.id).toBe('xiaomi-watch-s4');
  });

  it('every spelling names exactly one device', () => {
    const owner = new Map<string, string>();
    for (const [spelling, id] of spellings) {
      const key = spelling.toLowerCase().replace(/[\s\-_.·]+/gu, '');
      expect(owner.get(key) ?? id, `"${spelling}"`).toBe(id);
      owner.set(key, id);
    }
  });

  it('returns undefined for an unknown device', () => {
    expect(findDevice('Apple Watch')).toBeUndefined();
  });
});

describe('suggestions', () => {
  it('suggests the closest devices for a misspelled id', () => {
    expect(suggestDevices('redmi-wach-4')[0]).toBe('redmi-watch-4');
    expect(suggestDevices('xiaomi-watch-s6')).toContain('xiaomi-watch-s5');
  });

  it('suggests devices for a partial name', () => {
    expect(suggestDevices('band 8')).toContain('xiaomi-band-8-pro');
  });

  it('suggests nothing for a name far from every device', () => {
    expect(suggestDevices('toaster')).toEqual([]);
  });

  it('suggests modules for a misspelled feature or specifier', () => {
    expect(suggestModules('system.requst')[0]).toBe('system.request');
    expect(suggestModules('@system.uplaodtask')[0]).toBe('system.uploadtask');
  });

  it('suggests parameters', () => {
    const uploadFile = findMethod(uploadtask, 'uploadFile')!;
    expect(suggestParameters(uploadFile, 'filepath')[0]).toBe('filePath');
    expect(suggestParameters(uploadFile, 'headers')[0]).toBe('header');
  });

  it('counts an adjacent swap as one edit', () => {
    expect(editDistance('reqeust', 'request')).toBe(1);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('abc', 'abc')).toBe(0);
  });

  it('returns nothing for empty input and honours max', () => {
    expect(suggest('', ['a'])).toEqual([]);
    expect(suggest('ab', ['aa', 'ab', 'ac', 'ad'], { max: 2 })).toHaveLength(2);
  });
});

describe('modules', () => {
  it('are found by feature name and by specifier', () => {
    expect(findModule('system.request')?.name).toBe('system.request');
    expect(findModule('@system.uploadtask')?.name).toBe('system.uploadtask');
    expect(findModule('@system.nope')).toBeUndefined();
  });

  it('are found by exact feature name only for manifest declarations', () => {
    expect(findFeature('system.request')?.name).toBe('system.request');
    expect(findFeature('@system.request')).toBeUndefined();
    expect(findFeature('system.nope')).toBeUndefined();
  });

  it('have unique names', () => {
    expect(new Set(modules.map((module) => module.name)).size).toBe(modules.length);
  });

  it('name only known device ids in their support lists', () => {
    const ids = new Set<string>(devices.map((device) => device.id));
    for (const module of modules) {
      const lists = [module.support, ...module.methods.map((method) => method.support)];
      for (const list of lists) if (Array.isArray(list)) for (const id of list) expect(ids, module.name).toContain(id);
    }
  });

  it('app, router, configuration and model need no declaration; the rest do', () => {
    const undeclared = modules.filter((module) => !module.requiresDeclaration).map((module) => module.name);
    expect(undeclared).toEqual(['system.app', 'system.configuration', 'system.model', 'system.router']);
  });

  it('only audio, request and geolocation may run in the background', () => {
    expect(modules.filter((module) => module.background).map((module) => module.name)).toEqual([
      'system.audio',
      'system.geolocation',
      'system.request',
    ]);
  });

  it('support per device comes from the module or the method', () => {
    expect(devicesSupporting(uploadtask)).toEqual([
      'xiaomi-watch-s3',
      'xiaomi-watch-s4',
      'redmi-watch-5',
      'redmi-watch-6',
      'xiaomi-watch-s5',
    ]);
    const vibrator = findModule('system.vibrator')!;
    expect(devicesSupporting(vibrator, findMethod(vibrator, 'vibrate'))).toHaveLength(devices.length);
    expect(devicesSupporting(vibrator, findMethod(vibrator, 'start'))).toEqual(['xiaomi-watch-s5']);
    expect(devicesSupporting(findModule('system.wifi')!)).toBeUndefined();
  });

  it('the Band 9 column covers Band 9 and Band 9 Pro, which differ only for sensors', () => {
    const sensor = findModule('system.sensor')!;
    expect(devicesSupporting(sensor, findMethod(sensor, 'subscribePressure'))).toContain('xiaomi-band-9-pro');
    expect(devicesSupporting(sensor, findMethod(sensor, 'subscribePressure'))).not.toContain('xiaomi-band-9');
    expect(devicesSupporting(sensor, findMethod(sensor, 'subscribeAccelerometer'))).toContain('xiaomi-band-9');
  });

  it('devicesLacking never guesses for undocumented modules', () => {
    expect(devicesLacking('undocumented', ['redmi-watch-4'])).toEqual([]);
    expect(devicesLacking('everywhere', ['redmi-watch-4'])).toEqual([]);
    expect(devicesLacking(uploadtask.support, ['redmi-watch-4', 'xiaomi-watch-s4'])).toEqual(['redmi-watch-4']);
  });

  it('API levels: event 4, app.canIUse 3, a method inherits its module level', () => {
    expect(apiLevelOf(findModule('system.event')!)).toBe(4);
    const app = findModule('system.app')!;
    expect(apiLevelOf(app, findMethod(app, 'canIUse'))).toBe(3);
    expect(apiLevelOf(uploadtask, findMethod(uploadtask, 'uploadFile'))).toBe(3);
  });
});

describe('isPhoneService', () => {
  it("knows the phone platform's service modules by specifier and by feature name", () => {
    expect(isPhoneService('@service.share')).toBe(true);
    expect(isPhoneService('service.account')).toBe(true);
  });

  it('is false for Vela modules, a bare prefix and other names', () => {
    expect(isPhoneService('@system.share')).toBe(false);
    expect(isPhoneService('service.')).toBe(false);
    expect(isPhoneService('@service.')).toBe(false);
    expect(isPhoneService('myservice.share')).toBe(false);
  });

  it('names no module of the catalogue', () => {
    expect(modules.filter((module) => isPhoneService(module.name))).toEqual([]);
  });
});
