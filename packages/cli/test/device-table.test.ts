import { describe, expect, it } from 'vitest';
import { findMethod, findModule, type Module } from '@velakit/catalog';
import { buildDeviceTable, renderDeviceTable, type UsedApi } from 'velakit';

const module = (name: string): Module => findModule(name)!;
const use = (
  moduleName: string,
  methodName?: string,
  interfaceName?: string,
  protectedOn?: UsedApi['protectedOn'],
): UsedApi => {
  const found = module(moduleName);
  return {
    module: found,
    method: methodName ? findMethod(found, methodName, interfaceName) : undefined,
    interfaceName,
    firstUse: 'src/a.js:1',
    ...(protectedOn ? { protectedOn } : {}),
  };
};

describe('buildDeviceTable', () => {
  it('gives a cell per target and the APIs each target lacks', () => {
    const table = buildDeviceTable(
      [use('system.uploadtask', 'uploadFile'), use('system.vibrator', 'start')],
      ['xiaomi-watch-s4', 'xiaomi-watch-s5'],
      'settings',
    );
    expect(table.rows.map((row) => [row.api, row.cells])).toEqual([
      ['@system.uploadtask uploadFile', { 'xiaomi-watch-s4': 'supported', 'xiaomi-watch-s5': 'supported' }],
      ['@system.vibrator start', { 'xiaomi-watch-s4': 'unsupported', 'xiaomi-watch-s5': 'supported' }],
    ]);
    expect(table.verdicts).toEqual({ 'xiaomi-watch-s4': ['@system.vibrator start'], 'xiaomi-watch-s5': [] });
  });

  it('keeps a module row only when none of its methods has one, and each API once', () => {
    const table = buildDeviceTable(
      [
        use('system.request'),
        use('system.request', 'download'),
        use('system.request', 'download'),
        use('system.fetch'),
      ],
      ['xiaomi-watch-s4'],
      'settings',
    );
    expect(table.rows.map((row) => row.api)).toEqual(['@system.fetch', '@system.request download']);
  });

  it('keeps a module row beside its methods where a use of the module itself runs unprotected and no method is ✘', () => {
    // `sensor[name]` read untested on Redmi Watch 4 (no sensor), beside a feature-tested `sensor.subscribeCompass`.
    const table = buildDeviceTable(
      [
        use('system.sensor'),
        use('system.sensor', 'subscribeCompass', undefined, {
          'redmi-watch-4': 'guarded',
          'xiaomi-band-9': 'guarded',
        }),
      ],
      ['xiaomi-band-9', 'redmi-watch-4', 'xiaomi-watch-s4'],
      'settings',
    );
    expect(table.rows.map((row) => [row.api, row.cells])).toEqual([
      [
        '@system.sensor',
        { 'xiaomi-band-9': 'supported', 'redmi-watch-4': 'unsupported', 'xiaomi-watch-s4': 'supported' },
      ],
      [
        '@system.sensor subscribeCompass',
        { 'xiaomi-band-9': 'guarded', 'redmi-watch-4': 'guarded', 'xiaomi-watch-s4': 'supported' },
      ],
    ]);
    expect(table.verdicts).toEqual({ 'xiaomi-band-9': [], 'redmi-watch-4': ['@system.sensor'], 'xiaomi-watch-s4': [] });
    // Where the method's row already marks the target ✘, the module's row adds nothing.
    const both = buildDeviceTable(
      [use('system.sensor'), use('system.sensor', 'subscribeCompass')],
      ['redmi-watch-4'],
      'settings',
    );
    expect(both.rows.map((row) => row.api)).toEqual(['@system.sensor subscribeCompass']);
  });

  it('marks undocumented support as unknown, never as lacking', () => {
    const table = buildDeviceTable([use('system.wifi')], ['redmi-watch-4'], 'settings');
    expect(table.rows[0]!.cells).toEqual({ 'redmi-watch-4': 'undocumented' });
    expect(table.verdicts['redmi-watch-4']).toEqual([]);
  });

  it('a target that lacks an API is unsupported when one use runs there unprotected, else says why none does', () => {
    const table = buildDeviceTable(
      [
        use('system.fetch', 'fetch', undefined, { 'xiaomi-band-9': 'guarded' }),
        use('system.fetch', 'fetch', undefined, { 'xiaomi-band-9': 'compiled-out' }),
        use('system.crypto', 'hashDigest', undefined, { 'xiaomi-band-9': 'compiled-out' }),
        use('system.geolocation', 'getLocation', undefined, { 'xiaomi-band-9': 'conditional' }),
        use('system.geolocation', 'getLocation', undefined, { 'xiaomi-band-9': 'compiled-out' }),
        use('system.request', 'download', undefined, { 'xiaomi-band-9': 'guarded' }),
        use('system.request', 'download'),
      ],
      ['xiaomi-band-9', 'xiaomi-watch-s4'],
      'settings',
    );
    expect(table.rows.map((row) => [row.api, row.cells['xiaomi-band-9'], row.cells['xiaomi-watch-s4']])).toEqual([
      ['@system.crypto hashDigest', 'compiled-out', 'supported'],
      ['@system.fetch fetch', 'guarded', 'supported'],
      ['@system.geolocation getLocation', 'conditional', 'supported'],
      ['@system.request download', 'unsupported', 'supported'],
    ]);
    expect(table.verdicts).toEqual({ 'xiaomi-band-9': ['@system.request download'], 'xiaomi-watch-s4': [] });
  });

  it("a returned object's method fails only where a call of its module runs unprotected", () => {
    const task = (producer: UsedApi['protectedOn']) =>
      buildDeviceTable(
        [
          use('system.uploadtask', 'uploadFile', undefined, producer),
          use('system.uploadtask', 'onProgressUpdate', 'UploadTask'),
        ],
        ['redmi-watch-4'],
        'settings',
      ).rows.map((row) => [row.api, row.cells['redmi-watch-4']]);
    expect(task({ 'redmi-watch-4': 'guarded' })).toEqual([
      ['@system.uploadtask uploadFile', 'guarded'],
      ['@system.uploadtask UploadTask.onProgressUpdate', 'guarded'],
    ]);
    expect(task(undefined)).toEqual([
      ['@system.uploadtask uploadFile', 'unsupported'],
      ['@system.uploadtask UploadTask.onProgressUpdate', 'unsupported'],
    ]);
  });

  it('takes the API level from the method or its module', () => {
    const table = buildDeviceTable(
      [use('system.uploadtask', 'abort', 'UploadTask'), use('system.event')],
      ['xiaomi-watch-s5'],
      'settings',
    );
    expect(table.rows.map((row) => [row.api, row.apiLevel])).toEqual([
      ['@system.event', 4],
      ['@system.uploadtask UploadTask.abort', 3],
    ]);
  });
});

describe('renderDeviceTable', () => {
  it('a column per target for up to four targets', () => {
    const text = renderDeviceTable(
      buildDeviceTable(
        [use('system.battery')],
        ['xiaomi-watch-s3', 'xiaomi-watch-s4'],
        'src/manifest.json targetDevices',
      ),
    );
    expect(text).toContain('Targets (src/manifest.json targetDevices):');
    expect(text).toMatch(/^@system\.battery +1 +✘ +✔$/mu);
    expect(text).toContain('✘ Xiaomi Watch S3: lacks @system.battery');
    expect(text).toContain('✔ Xiaomi Watch S4: every API is supported');
  });

  it('never calls a target whose support of an API is undocumented fully supported', () => {
    const text = renderDeviceTable(
      buildDeviceTable(
        [use('system.webview'), use('system.share'), use('system.battery'), use('system.storage', 'get')],
        ['xiaomi-watch-s3', 'xiaomi-watch-s4'],
        'src/manifest.json targetDevices',
      ),
    );
    expect(text).toMatch(/^@system\.webview +1 +\? +\?$/mu);
    expect(text).toContain(
      '✘ Xiaomi Watch S3: lacks @system.battery; support of @system.share and @system.webview is not documented',
    );
    expect(text).toContain(
      '? Xiaomi Watch S4: nothing it runs is known to be missing; support of @system.share and @system.webview is not documented',
    );
    expect(text).not.toContain('every API is supported');
  });

  it('with more targets, an undocumented API keeps a target out of the "every API runs" line', () => {
    const targets = ['xiaomi-s1-pro', 'xiaomi-watch-s3', 'xiaomi-watch-s4', 'xiaomi-watch-s5', 'redmi-watch-5'];
    const text = renderDeviceTable(buildDeviceTable([use('system.webview')], targets, 'every known device'));
    expect(text).toMatch(/^@system\.webview +1 +\? support not documented$/mu);
    expect(text).toContain(
      '? nothing known to be missing on Xiaomi S1 Pro Sports Health Watch, Xiaomi Watch S3, Xiaomi Watch S4, Xiaomi Watch S5, and REDMI Watch 5, but the support of some API is not documented',
    );
    expect(text).not.toContain('every API runs on');
    expect(text).not.toContain('no target runs every API');
    const mixed = renderDeviceTable(
      buildDeviceTable([use('system.webview', undefined), use('system.battery')], targets, 'every known device'),
    );
    expect(mixed).toContain('? nothing known to be missing on Xiaomi Watch S4, Xiaomi Watch S5, and REDMI Watch 5');
  });

  it('with more targets, one line per API naming the devices that lack it', () => {
    const targets = ['xiaomi-s1-pro', 'xiaomi-band-8-pro', 'xiaomi-watch-s3', 'xiaomi-watch-s4', 'xiaomi-watch-s5'];
    const text = renderDeviceTable(
      buildDeviceTable([use('system.battery'), use('system.storage')], targets, 'every known device'),
    );
    expect(text).toContain('Targets (every known device): 5 devices');
    expect(text).toMatch(
      /^@system\.battery +1 +✘ not on Xiaomi S1 Pro Sports Health Watch, Xiaomi Band 8 Pro, and Xiaomi Watch S3$/mu,
    );
    expect(text).toMatch(/^@system\.storage +1 +✔ every target$/mu);
    expect(text).toContain('✔ every API runs on Xiaomi Watch S4 and Xiaomi Watch S5');
  });

  it('shows a target that lacks an API it never runs unprotected by the reason, explained, and not as lacking it', () => {
    const text = renderDeviceTable(
      buildDeviceTable(
        [
          use('system.fetch', 'fetch', undefined, { 'xiaomi-band-9': 'guarded' }),
          use('system.geolocation', 'getLocation', undefined, { 'xiaomi-band-9': 'compiled-out' }),
          use('system.request', 'download'),
        ],
        ['xiaomi-band-9', 'xiaomi-watch-s4'],
        'src/manifest.json targetDevices',
      ),
    );
    expect(text).toMatch(/^@system\.fetch fetch +1 +guarded +✔$/mu);
    expect(text).toMatch(/^@system\.geolocation getLocation +1 +compiled out +✔$/mu);
    expect(text).toMatch(/^@system\.request download +1 +✘ +✔$/mu);
    expect(text).toContain(
      [
        '✔ supported  ✘ not supported  ? support not documented',
        'guarded: not supported, and every use is guarded (a canIUse or feature test, try/catch, ?.())',
        'compiled out: not supported, and conditional compilation (// if true: …) leaves every use out',
        '',
      ].join('\n'),
    );
    expect(text).not.toContain('conditional:');
    expect(text).toContain(
      '✘ Xiaomi Band 9: lacks @system.request download (guarded: @system.fetch fetch; compiled out: @system.geolocation getLocation)',
    );
    const guardedOnly = renderDeviceTable(
      buildDeviceTable(
        [use('system.fetch', 'fetch', undefined, { 'xiaomi-band-9': 'guarded' })],
        ['xiaomi-band-9'],
        'settings',
      ),
    );
    expect(guardedOnly).toContain('  ✔ Xiaomi Band 9: every API it runs is supported (guarded: @system.fetch fetch)\n');
  });

  it('with more targets, says where an API is guarded or compiled out beside where it is lacking', () => {
    const targets = ['xiaomi-band-8-pro', 'xiaomi-band-9', 'redmi-watch-4', 'xiaomi-watch-s4', 'xiaomi-watch-s5'];
    const text = renderDeviceTable(
      buildDeviceTable(
        [
          use('system.fetch', 'fetch', undefined, { 'xiaomi-band-9': 'guarded', 'redmi-watch-4': 'compiled-out' }),
          use('system.geolocation', 'getLocation', undefined, {
            'xiaomi-band-8-pro': 'guarded',
            'xiaomi-band-9': 'guarded',
            'redmi-watch-4': 'conditional',
          }),
        ],
        targets,
        'settings',
      ),
    );
    expect(text).toMatch(
      /^@system\.fetch fetch +1 +✘ not on Xiaomi Band 8 Pro; guarded on Xiaomi Band 9; compiled out for Redmi Watch 4$/mu,
    );
    expect(text).toMatch(
      /^@system\.geolocation getLocation +1 +✔ guarded on Xiaomi Band 8 Pro and Xiaomi Band 9; conditional on Redmi Watch 4$/mu,
    );
    expect(text).toContain('✔ every API runs on Xiaomi Band 9, Redmi Watch 4, Xiaomi Watch S4, and Xiaomi Watch S5');
  });

  it('says so when the app uses no API', () => {
    expect(renderDeviceTable(buildDeviceTable([], ['xiaomi-watch-s4'], 'settings'))).toBe(
      'No @system.* API is used. Targets (settings): Xiaomi Watch S4\n',
    );
  });
});
