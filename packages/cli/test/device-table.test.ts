import { describe, expect, it } from 'vitest';
import { findMethod, findModule, type Module } from '@velakit/catalog';
import { buildDeviceTable, renderDeviceTable, type UsedApi } from 'velakit';

const module = (name: string): Module => findModule(name)!;
const use = (moduleName: string, methodName?: string, interfaceName?: string): UsedApi => {
  const found = module(moduleName);
  return {
    module: found,
    method: methodName ? findMethod(found, methodName, interfaceName) : undefined,
    interfaceName,
    firstUse: 'src/a.js:1',
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

  it('marks undocumented support as unknown, never as lacking', () => {
    const table = buildDeviceTable([use('system.wifi')], ['redmi-watch-4'], 'settings');
    expect(table.rows[0]!.cells).toEqual({ 'redmi-watch-4': 'undocumented' });
    expect(table.verdicts['redmi-watch-4']).toEqual([]);
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

  it('says so when the app uses no API', () => {
    expect(renderDeviceTable(buildDeviceTable([], ['xiaomi-watch-s4'], 'settings'))).toBe(
      'No @system.* API is used. Targets (settings): Xiaomi Watch S4\n',
    );
  });
});
