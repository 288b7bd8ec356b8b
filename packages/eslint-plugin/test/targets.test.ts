import * as fs from 'node:fs';
import { join } from 'node:path';
import { deviceIds } from '@velakit/catalog';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import {
  clearManifestCache,
  manifestCacheStats,
  recheckAfterMs,
  resolveTargets,
  useClockForTests,
  type ManifestFileSystem,
} from '@velakit/eslint-rules';
import velakit, { appConfig, manifestSettings } from '../src/index.js';
import { useDiskClock } from '../../../fixtures/support/disk-clock.js';
import { makeTree, manifestText } from './helpers.js';

const typesText = manifestText({
  targetDevices: 'xiaomi-watch-s4',
  features: { 'system.fetch': {} },
  minAPILevel: '3',
  permissions: { 'hapjs.permission.LOCATION': {} },
  router: { entry: 'pages/index', pages: ['pages/index'] },
});
/** `(line L, column C)` of the value after `"key": ` in the pretty-printed `typesText`. */
function typesAt(key: string): string {
  const offset = typesText.indexOf(`"${key}": `) + key.length + 4;
  const before = typesText.slice(0, offset);
  return `(line ${before.split('\n').length}, column ${offset - before.lastIndexOf('\n')})`;
}
const app = makeTree({
  'src/manifest.json': manifestText({
    targetDevices: ['xiaomi-watch-s4'],
    features: [{ name: 'system.request' }],
    minAPILevel: 2,
  }),
  'src/pages/index/index.js': '',
  'test/upload.test.js': '',
  'other/manifest.json': manifestText({
    targetDevices: ['redmi-watch-4'],
    features: [{ name: 'system.fetch' }],
    minAPILevel: 4,
    permissions: [{ name: 'hapjs.permission.LOCATION' }],
  }),
  'bare/src/manifest.json': manifestText(),
  'empty/src/manifest.json': manifestText({ targetDevices: [], minAPILevel: '3' }),
  'wrong/src/manifest.json': manifestText({ targetDevices: ['redmi-watch-5-active'], minAPILevel: 0 }),
  'broken/src/manifest.json': '{ "package": "com.example" ',
  // Every field the rules read, with the wrong type; and a manifest that is no object.
  'types/src/manifest.json': typesText,
  'array/src/manifest.json': '[{ "package": "com.example" }]',
  'loose/page.js': '',
});
const at = (path: string): { filename: string; cwd: string; settings: Record<string, unknown> } => ({
  filename: join(app, path),
  cwd: app,
  settings: {},
});

// The caches look at the disk again only a window after their last look: a test moves the clock past it.
const { nextWindow } = useDiskClock({ recheckAfterMs, useClockForTests, clearManifestCache });

describe('target resolution order', () => {
  it('3. takes the nearest manifest.json above the file, naming it in the sources', () => {
    const targets = resolveTargets(at('src/pages/index/index.js'));
    expect(targets.devices).toEqual({ value: ['xiaomi-watch-s4'], source: 'src/manifest.json targetDevices' });
    expect(targets.pages).toEqual({
      value: [{ name: 'pages/index', path: '/pages/index', explicit: false }],
      source: 'src/manifest.json router.pages',
    });
    expect(targets.features).toEqual({ value: new Set(['system.request']), source: 'src/manifest.json features' });
    expect(targets.minAPILevel).toEqual({ value: 2, source: 'src/manifest.json minAPILevel' });
    // No permissions field: none declared, and messages say the manifest has none.
    expect(targets.permissions).toEqual({ value: new Set(), source: 'src/manifest.json', defaulted: true });
    expect(targets.problem).toBeUndefined();
  });

  it("3. counts an ancestor's src/manifest.json for files beside src/", () => {
    expect(resolveTargets(at('test/upload.test.js')).devices.source).toBe('src/manifest.json targetDevices');
  });

  it('2. settings.velakit.manifest wins over the nearest manifest (a file or a project folder)', () => {
    const byFile = resolveTargets({
      ...at('src/pages/index/index.js'),
      settings: { velakit: { manifest: 'other/manifest.json' } },
    });
    expect(byFile.devices).toEqual({ value: ['redmi-watch-4'], source: 'other/manifest.json targetDevices' });
    expect(byFile.minAPILevel?.value).toBe(4);
    expect(byFile.permissions).toEqual({
      value: new Set(['hapjs.permission.LOCATION']),
      source: 'other/manifest.json permissions',
    });
    const byDir = resolveTargets({ ...at('src/pages/index/index.js'), settings: { velakit: { manifest: 'bare' } } });
    expect(byDir.devices).toEqual({
      value: deviceIds,
      source: 'every known device (no targetDevices in bare/src/manifest.json)',
    });
  });

  it('2. settings values win over any manifest, field by field; device names are accepted', () => {
    const targets = resolveTargets({
      ...at('src/pages/index/index.js'),
      settings: { velakit: { targetDevices: ['Redmi Watch 4', 'xiaomi-band-9'], manifest: 'other/manifest.json' } },
    });
    expect(targets.devices.value).toEqual(['redmi-watch-4', 'xiaomi-band-9']);
    expect(targets.devices.source).toBe('settings.velakit.targetDevices (read from other/manifest.json)');
    // Fields the settings leave open still come from the manifest they name.
    expect(targets.features?.source).toBe('other/manifest.json features');
    expect(targets.permissions?.source).toBe('other/manifest.json permissions');
    const declared = resolveTargets({
      ...at('src/pages/index/index.js'),
      settings: { velakit: { permissions: ['hapjs.permission.DEVICE_INFO'], manifest: 'other/manifest.json' } },
    });
    expect(declared.permissions).toEqual({
      value: new Set(['hapjs.permission.DEVICE_INFO']),
      source: 'settings.velakit.permissions (read from other/manifest.json)',
    });
  });

  it('2. settings that give every value take none from the manifest (nor its problems), but its pages; without permissions the manifest still gives those', () => {
    const full = { targetDevices: ['redmi-watch-4'], features: [], minAPILevel: 1 };
    const all = resolveTargets({
      ...at('broken/src/page.js'),
      settings: { velakit: { ...full, permissions: ['hapjs.permission.LOCATION'] } },
    });
    expect(all.problem).toBeUndefined();
    expect(all.pages).toBeUndefined();
    const paged = resolveTargets({
      ...at('src/pages/index/index.js'),
      settings: { velakit: { ...full, permissions: [] } },
    });
    expect(paged.devices.source).toBe('settings.velakit.targetDevices');
    expect(paged.pages).toEqual({
      value: [{ name: 'pages/index', path: '/pages/index', explicit: false }],
      source: 'src/manifest.json router.pages',
    });
    expect(all.permissions).toEqual({
      value: new Set(['hapjs.permission.LOCATION']),
      source: 'settings.velakit.permissions',
    });
    const open = resolveTargets({ ...at('other/page.js'), settings: { velakit: full } });
    expect(open.permissions?.source).toBe('other/manifest.json permissions');
    expect(open.devices.source).toBe('settings.velakit.targetDevices');
  });

  it('1. rule options win over settings', () => {
    const targets = resolveTargets(
      {
        ...at('src/pages/index/index.js'),
        settings: {
          velakit: { targetDevices: ['redmi-watch-4'], features: [], minAPILevel: 1, permissions: [] },
        },
      },
      {
        targetDevices: ['xiaomi-watch-s5'],
        features: ['system.record'],
        minAPILevel: 4,
        permissions: ['hapjs.permission.LOCATION'],
      },
    );
    expect(targets.devices).toEqual({ value: ['xiaomi-watch-s5'], source: 'the rule option targetDevices' });
    expect(targets.features).toEqual({ value: new Set(['system.record']), source: 'the rule option features' });
    expect(targets.minAPILevel).toEqual({ value: 4, source: 'the rule option minAPILevel' });
    expect(targets.permissions).toEqual({
      value: new Set(['hapjs.permission.LOCATION']),
      source: 'the rule option permissions',
    });
  });

  it('4. without any manifest: every known device; features, API level and permissions unknown', () => {
    const targets = resolveTargets({ filename: '/velakit-nowhere/page.js', cwd: '/velakit-nowhere', settings: {} });
    expect(targets).toEqual({
      devices: { value: deviceIds, source: 'every known device (no manifest.json found)' },
      features: undefined,
      minAPILevel: undefined,
      permissions: undefined,
      pages: undefined,
      everyDeviceBecause: 'no manifest.json was found',
      problem: undefined,
      unusable: {},
      noManifest: true,
    });
  });

  it('3. fields of the wrong type cannot be used: unknown, or every device, each with what to report, never "absent"', () => {
    const targets = resolveTargets(at('types/src/page.js'));
    const because = 'targetDevices in types/src/manifest.json is not a list';
    expect(targets).toEqual({
      devices: { value: deviceIds, source: `every known device (${because})` },
      features: undefined,
      minAPILevel: undefined,
      permissions: undefined,
      pages: undefined,
      everyDeviceBecause: because,
      // valid-manifest reports each value; the rule that reads a field reports it once per file.
      problem: undefined,
      unusable: {
        targetDevices: `targetDevices in types/src/manifest.json cannot be used: targetDevices must be an array, not a string ${typesAt('targetDevices')}`,
        features: `features in types/src/manifest.json cannot be used: features must be an array, not an object ${typesAt('features')}`,
        minAPILevel: `minAPILevel in types/src/manifest.json cannot be used: minAPILevel must be an integer, not a string ${typesAt('minAPILevel')}`,
        permissions: `permissions in types/src/manifest.json cannot be used: permissions must be an array, not an object ${typesAt('permissions')}`,
        pages: `router.pages in types/src/manifest.json cannot be used: router.pages must be an object, not an array ${typesAt('pages')}`,
      },
      noManifest: false,
    });
    // Settings that give the rest leave only the pages to the manifest: only they are unusable.
    const settled = resolveTargets({
      ...at('types/src/page.js'),
      settings: { velakit: { targetDevices: ['xiaomi-watch-s4'], features: [], minAPILevel: 1, permissions: [] } },
    });
    expect(Object.keys(settled.unusable)).toEqual(['pages']);
    expect(settled.devices).toEqual({ value: ['xiaomi-watch-s4'], source: 'settings.velakit.targetDevices' });
  });

  it('3. a manifest that is no object is unusable, as broken JSON is', () => {
    const targets = resolveTargets(at('array/src/page.js'));
    expect(targets.problem).toBe(
      'array/src/manifest.json cannot be used: The manifest must be an object, not an array (line 1, column 1)',
    );
    expect(targets.devices.source).toBe('every known device (array/src/manifest.json is unusable)');
    expect([targets.features, targets.minAPILevel, targets.permissions, targets.pages]).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
  });

  it('3. a targetDevices that names no known device (empty, or every entry wrong) counts as absent: every device', () => {
    for (const dir of ['empty', 'wrong']) {
      const targets = resolveTargets(at(`${dir}/src/page.js`));
      expect(targets.devices).toEqual({
        value: deviceIds,
        source: `every known device (targetDevices in ${dir}/src/manifest.json names no known device)`,
      });
      expect(targets.everyDeviceBecause).toBe(`targetDevices in ${dir}/src/manifest.json names no known device`);
      // valid-manifest reports the list; it is no problem of every file.
      expect(targets.problem).toBeUndefined();
    }
  });

  it('3. a minAPILevel of the wrong type or range leaves the level unknown, never "absent, so 1"', () => {
    expect(resolveTargets(at('empty/src/page.js')).minAPILevel).toBeUndefined();
    expect(resolveTargets(at('wrong/src/page.js')).minAPILevel).toBeUndefined();
    expect(resolveTargets(at('bare/src/page.js')).minAPILevel).toEqual({
      value: 1,
      source: 'bare/src/manifest.json',
      defaulted: true,
    });
  });

  it('1. and 2. an option or setting that names no known device: every device, saying why', () => {
    const bySettings = resolveTargets({
      ...at('src/pages/index/index.js'),
      settings: { velakit: { targetDevices: [] } },
    });
    expect(bySettings.devices).toEqual({
      value: deviceIds,
      source: 'settings.velakit.targetDevices (naming no known device: every known device)',
    });
    expect(bySettings.everyDeviceBecause).toBe('settings.velakit.targetDevices names no known device');
    expect(bySettings.problem).toBeUndefined();
    const unknown = resolveTargets({
      ...at('src/pages/index/index.js'),
      settings: { velakit: { targetDevices: ['redmi watch 44'] } },
    });
    expect(unknown.devices.value).toEqual(deviceIds);
    expect(unknown.problem).toMatch(/^settings\.velakit\.targetDevices names an unknown device "redmi watch 44"/u);
    const byOption = resolveTargets(at('src/pages/index/index.js'), { targetDevices: [] });
    expect(byOption.devices.value).toEqual(deviceIds);
    expect(byOption.everyDeviceBecause).toBe('the rule option targetDevices names no known device');
  });

  it('a broken manifest is a problem, never an exception', () => {
    const targets = resolveTargets(at('broken/src/page.js'));
    expect(targets.problem).toMatch(/^broken\/src\/manifest\.json cannot be used: .*\(line 1, column \d+\)$/u);
    expect(targets.devices.source).toBe('every known device (broken/src/manifest.json is unusable)');
    expect(
      resolveTargets({ ...at('loose/page.js'), settings: { velakit: { manifest: 'missing/manifest.json' } } }).problem,
    ).toBe('missing/manifest.json cannot be used: the file does not exist or cannot be read');
  });

  it('bad settings are problems with suggestions', () => {
    const targets = resolveTargets({
      ...at('src/pages/index/index.js'),
      settings: { velakit: { targetDevices: ['redmi watch 44'], minAPILevel: 'three', permissions: 'LOCATION' } },
    });
    expect(targets.problem).toBe(
      'settings.velakit.permissions must be an array of strings; settings.velakit.minAPILevel must be an integer; settings.velakit.targetDevices names an unknown device "redmi watch 44" (did you mean "redmi-watch-4", "redmi-watch-5", or "redmi-watch-6"?)',
    );
    expect(resolveTargets({ ...at('loose/page.js'), settings: { velakit: 'src' } }).problem).toBe(
      'settings.velakit must be an object',
    );
  });
});

describe('messages name the targets and where they came from', () => {
  it('through ESLint, for each layer', async () => {
    const code = "import fetch from '@system.fetch'\nfetch.fetch({ url: 'u' })\n";
    const lint = async (
      filePath: string,
      settings: Record<string, unknown> = {},
      options?: Record<string, unknown>,
    ): Promise<string[]> => {
      const eslint = new ESLint({
        cwd: app,
        overrideConfigFile: true,
        overrideConfig: [
          ...velakit.configs.recommended,
          { settings, ...(options ? { rules: { 'velakit/no-unsupported-api': ['error', options] } } : {}) },
        ],
      });
      const [result] = await eslint.lintText(code, { filePath: join(app, filePath) });
      return result!.messages
        .filter((message) => message.ruleId === 'velakit/no-unsupported-api')
        .map((message) => message.message);
    };
    expect(await lint('other/page.js')).toEqual([
      "`fetch.fetch` is not supported on Redmi Watch 4 (targets from other/manifest.json targetDevices). Guard it with `app.canIUse('@system.fetch')` or drop it from targetDevices.",
    ]);
    expect(await lint('other/page.js', { velakit: { targetDevices: ['xiaomi-band-8-pro'] } })).toEqual([
      "`fetch.fetch` is not supported on Xiaomi Band 8 Pro (targets from settings.velakit.targetDevices). Guard it with `app.canIUse('@system.fetch')` or drop it from targetDevices.",
    ]);
    expect(
      await lint(
        'other/page.js',
        { velakit: { targetDevices: ['xiaomi-band-8-pro'] } },
        { targetDevices: ['xiaomi-band-9'] },
      ),
    ).toEqual([
      "`fetch.fetch` is not supported on Xiaomi Band 9 (targets from the rule option targetDevices). Guard it with `app.canIUse('@system.fetch')` or drop it from targetDevices.",
    ]);
    expect(await lint('bare/src/page.js')).toEqual([
      expect.stringContaining('; no targetDevices is declared in bare/src/manifest.json, so every device is a target.'),
    ]);
  });
});

describe('manifest cache', () => {
  function countingFileSystem(): ManifestFileSystem & { reads: number } {
    const counting = {
      reads: 0,
      statSync: (path: string) => fs.statSync(path),
      readFileSync: (path: string, encoding: 'utf8') => {
        counting.reads++;
        return fs.readFileSync(path, encoding);
      },
    };
    return counting;
  }

  it('reads a manifest once while it is unchanged, and again after it changes', () => {
    const dir = makeTree({ 'src/manifest.json': manifestText({ targetDevices: ['xiaomi-watch-s4'] }), 'src/a.js': '' });
    const fileSystem = countingFileSystem();
    clearManifestCache(fileSystem);
    const context = { filename: join(dir, 'src/a.js'), cwd: dir, settings: {} };
    for (let run = 0; run < 5; run++) expect(resolveTargets(context).devices.value).toEqual(['xiaomi-watch-s4']);
    expect(fileSystem.reads).toBe(1);
    // Five files within one window: one stat.
    expect(manifestCacheStats()).toEqual({ stats: 1, reads: 1, cached: 1 });
    nextWindow();
    for (let run = 0; run < 5; run++) resolveTargets(context);
    expect(manifestCacheStats()).toEqual({ stats: 2, reads: 1, cached: 1 });

    fs.writeFileSync(
      join(dir, 'src/manifest.json'),
      manifestText({ targetDevices: ['xiaomi-watch-s4', 'redmi-watch-5'] }),
    );
    nextWindow();
    expect(resolveTargets(context).devices.value).toEqual(['xiaomi-watch-s4', 'redmi-watch-5']);
    expect(fileSystem.reads).toBe(2);
    expect(resolveTargets(context).devices.value).toEqual(['xiaomi-watch-s4', 'redmi-watch-5']);
    expect(fileSystem.reads).toBe(2);

    fs.rmSync(join(dir, 'src/manifest.json'));
    nextWindow();
    expect(resolveTargets(context).problem).toBe(
      'src/manifest.json cannot be used: the file does not exist or cannot be read',
    );
  });

  it('resolves once for all files of an app under one config, and anew when the manifest or settings differ', () => {
    const dir = makeTree({
      'src/manifest.json': manifestText({ targetDevices: ['xiaomi-watch-s4'] }),
      'src/pages/a/index.ux': '',
      'src/b.js': '',
    });
    const settings = { velakit: { minAPILevel: 3 } };
    const page = join(dir, 'src/pages/a/index.ux');
    const file = join(dir, 'src/b.js');
    const first = resolveTargets({ filename: page, cwd: dir, settings });
    expect(resolveTargets({ filename: file, cwd: dir, settings })).toBe(first);
    expect(first.minAPILevel).toEqual({ value: 3, source: 'settings.velakit.minAPILevel' });
    // Other settings, rule options or working directory: their own resolution.
    const other = resolveTargets({ filename: file, cwd: dir, settings: { velakit: { minAPILevel: 2 } } });
    expect(other.minAPILevel?.value).toBe(2);
    const fromOptions = resolveTargets({ filename: file, cwd: dir, settings }, { targetDevices: ['redmi-watch-5'] });
    expect(fromOptions.devices.value).toEqual(['redmi-watch-5']);
    const fromSrc = resolveTargets({ filename: file, cwd: join(dir, 'src'), settings });
    expect(fromSrc.devices.source).toBe('manifest.json targetDevices');
    fs.writeFileSync(join(dir, 'src/manifest.json'), manifestText({ targetDevices: ['redmi-watch-5'] }));
    nextWindow();
    expect(resolveTargets({ filename: file, cwd: dir, settings }).devices.value).toEqual(['redmi-watch-5']);
  });
});

describe('manifestSettings', () => {
  it('puts the manifest into settings when the config loads', () => {
    expect(manifestSettings(join(app, 'src/manifest.json'))).toEqual({
      velakit: {
        manifest: join(app, 'src/manifest.json'),
        targetDevices: ['xiaomi-watch-s4'],
        features: ['system.request'],
        minAPILevel: 2,
        permissions: [],
      },
    });
    expect(manifestSettings(join(app, 'other/manifest.json')).velakit.permissions).toEqual([
      'hapjs.permission.LOCATION',
    ]);
    // A project folder finds src/manifest.json; a manifest without targetDevices or minAPILevel leaves them out (the
    // rules read the manifest named for them, and say it has none).
    expect(manifestSettings(join(app, 'bare'))).toEqual({
      velakit: { manifest: join(app, 'bare/src/manifest.json'), features: [], permissions: [] },
    });
  });

  it('leaves out a targetDevices naming no known device and a minAPILevel the validator rejects', () => {
    expect(manifestSettings(join(app, 'empty'))).toEqual({
      velakit: { manifest: join(app, 'empty/src/manifest.json'), features: [], permissions: [] },
    });
    expect(manifestSettings(join(app, 'wrong'))).toEqual({
      velakit: { manifest: join(app, 'wrong/src/manifest.json'), features: [], permissions: [] },
    });
    const targets = resolveTargets({ ...at('loose/page.js'), settings: manifestSettings(join(app, 'empty')) });
    expect(targets.devices.source).toBe(
      'every known device (targetDevices in empty/src/manifest.json names no known device)',
    );
    expect(targets.minAPILevel).toBeUndefined();
  });

  it('leaves out fields of the wrong type, so the rules say they cannot be used (not that a list is empty)', async () => {
    expect(manifestSettings(join(app, 'types'))).toEqual({
      velakit: { manifest: join(app, 'types/src/manifest.json') },
    });
    expect(manifestSettings(join(app, 'array'))).toEqual({
      velakit: { manifest: join(app, 'array/src/manifest.json') },
    });
    const eslint = new ESLint({
      cwd: app,
      overrideConfigFile: true,
      overrideConfig: [...velakit.configs.recommended, { settings: manifestSettings(join(app, 'types')) }],
    });
    const [result] = await eslint.lintText(
      "import fetch from '@system.fetch'\nimport geolocation from '@system.geolocation'\ngeolocation.getLocation({ success() {} })\n",
      { filePath: join(app, 'loose/page.js') },
    );
    expect(result!.messages.map((message) => [message.ruleId, message.line, message.message.split(': ')[0]])).toEqual([
      ['velakit/no-undeclared-feature', 1, 'features in types/src/manifest.json cannot be used'],
      ['velakit/no-undeclared-permission', 1, 'permissions in types/src/manifest.json cannot be used'],
      ['velakit/no-unsupported-api', 1, 'targetDevices in types/src/manifest.json cannot be used'],
      ['velakit/no-unsupported-api', 1, 'minAPILevel in types/src/manifest.json cannot be used'],
      [
        'velakit/no-unsupported-api',
        3,
        expect.stringMatching(/^`geolocation\.getLocation` is missing on \d+ of the 12 known devices/u),
      ],
    ]);
  });

  it('names a broken or missing manifest without throwing, so the rules report it', async () => {
    expect(manifestSettings(join(app, 'broken'))).toEqual({
      velakit: { manifest: join(app, 'broken/src/manifest.json') },
    });
    expect(manifestSettings(join(app, 'nothing-here/manifest.json'))).toEqual({
      velakit: { manifest: join(app, 'nothing-here/manifest.json') },
    });
    const eslint = new ESLint({
      cwd: app,
      overrideConfigFile: true,
      overrideConfig: [...velakit.configs.recommended, { settings: manifestSettings(join(app, 'broken')) }],
    });
    const [result] = await eslint.lintText("import request from '@system.request'\nrequest.download({ url: 'u' })\n", {
      filePath: join(app, 'loose/page.js'),
    });
    expect(result!.messages.filter((message) => message.message.includes('cannot be used'))).toMatchObject([
      { ruleId: 'velakit/no-undeclared-feature', line: 1, column: 1 },
    ]);
  });
});

describe('cost of files without Vela imports', () => {
  it('never looks for a manifest when the text has no @system.', async () => {
    clearManifestCache();
    const eslint = new ESLint({ cwd: app, overrideConfigFile: true, overrideConfig: velakit.configs.recommended });
    const [plain] = await eslint.lintText('export const add = (a, b) => a + b\n', {
      filePath: join(app, 'src/pages/index/plain.js'),
    });
    expect(plain!.messages).toEqual([]);
    expect(manifestCacheStats()).toEqual({ stats: 0, reads: 0, cached: 0 });
    await eslint.lintText("import fetch from '@system.fetch'\nfetch.fetch({ url: 'u' })\n", {
      filePath: join(app, 'src/pages/index/vela.js'),
    });
    expect(manifestCacheStats()).toMatchObject({ reads: 1, cached: 1 });
  });
});

describe('appConfig', () => {
  it('is the recommended (or strict) config plus the settings read from the app', async () => {
    const config = appConfig(app);
    expect(config.slice(0, -1)).toEqual(velakit.configs.recommended);
    expect(config.at(-1)).toEqual({ name: 'velakit/app-settings', settings: manifestSettings(app) });
    expect(appConfig(app, { strict: true }).slice(0, -1)).toEqual(velakit.configs.strict);
    const eslint = new ESLint({ cwd: app, overrideConfigFile: true, overrideConfig: config });
    const [result] = await eslint.lintText("import record from '@system.record'\nrecord.start({})\n", {
      filePath: join(app, 'loose/page.js'),
    });
    expect(result!.messages.map((message) => message.message)).toEqual([
      '`@system.record` is imported but `system.record` is not declared (not in settings.velakit.features (read from src/manifest.json)). The Vela docs require declaring it: add `{ "name": "system.record" }` to features (the build adds it with a warning otherwise).',
      "`record.start` is not supported on Xiaomi Watch S4 (targets from settings.velakit.targetDevices (read from src/manifest.json)). Feature-detect it (`typeof record.start === 'function'`) or drop it from targetDevices.",
    ]);
  });
});
