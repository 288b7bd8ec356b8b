import { Linter, type Rule } from 'eslint';
import { isSupportedOn, supportOf } from '@velakit/catalog';
import { describe, expect, it } from 'vitest';
import noUnsupportedApi from '../no-unsupported-api.js';
import { usedApis } from './analysis.js';
import { weakestProtection, type Protection } from './use-protection.js';

/**
 * Lints `text` as a page and gives, for each API use `usedApis` finds, its place, its name and how it fares on each of
 * `devices` (`runs` for a use that runs there unprotected, `has` where the device has the API). no-unsupported-api lints it too, with `devices` as its
 * targets: the lines with a use that runs somewhere must be the lines it reports, the agreement the CLI relies on.
 */
function protections(text: string, devices: readonly string[]): string[] {
  const seen: string[] = [];
  const running = new Set<number>();
  const probe: Rule.RuleModule = {
    meta: { type: 'problem', schema: [] },
    create(context) {
      return {
        'Program:exit'() {
          for (const use of usedApis(context as unknown as Parameters<typeof usedApis>[0])) {
            const name = `${use.module.name}${use.method ? ` ${use.interfaceName ? `${use.interfaceName}.` : ''}${use.method.name}` : ''}`;
            const verdicts = devices.map((device) => {
              // The CLI asks only about a device that lacks the API.
              if (isSupportedOn(supportOf(use.module, use.method), device) !== false) return `${device}=has`;
              const protection = use.protectionOn(device);
              if (protection === undefined && use.interfaceName === undefined) running.add(use.loc.start.line);
              return `${device}=${protection ?? 'runs'}`;
            });
            seen.push(`${use.loc.start.line}:${use.loc.start.column} ${name}: ${verdicts.join(' ')}`);
          }
        },
      };
    },
  };
  const messages = new Linter({ configType: 'flat' }).verify(
    text,
    [
      {
        files: ['**/*.js'],
        languageOptions: { sourceType: 'module' },
        plugins: {
          probe: { rules: { probe } },
          velakit: { rules: { 'no-unsupported-api': noUnsupportedApi as never } },
        },
        rules: {
          'probe/probe': 'error',
          // A level every API has: only device support is reported.
          'velakit/no-unsupported-api': ['error', { targetDevices: [...devices], minAPILevel: 5 }],
        },
      },
    ],
    'src/pages/index/index.js',
  );
  const reported = messages.map((message) => {
    expect(message.ruleId).toBe('velakit/no-unsupported-api');
    return message.line;
  });
  expect([...running].sort()).toEqual([...new Set(reported)].sort());
  return seen;
}

describe('usedApis protectionOn', () => {
  it('an unguarded call runs on a device that lacks it', () => {
    expect(protections("import fetch from '@system.fetch'\nfetch.fetch({ url: 'u' })\n", ['xiaomi-band-9'])).toEqual([
      '2:0 system.fetch: xiaomi-band-9=runs',
      '2:0 system.fetch fetch: xiaomi-band-9=runs',
      '2:0 system.fetch fetch: xiaomi-band-9=runs',
    ]);
  });

  it('app.canIUse, feature detection, try/catch and an optional call guard a call', () => {
    const text = [
      "import app from '@system.app'",
      "import fetch from '@system.fetch'",
      "import crypto from '@system.crypto'",
      "import request from '@system.request'",
      "if (app.canIUse('@system.fetch')) fetch.fetch({ url: 'u' })",
      "const digest = typeof crypto.hashDigest === 'function' ? crypto.hashDigest({ data: 'd', algo: 'MD5' }) : ''",
      "try { request.download({ url: 'u' }) } catch (error) { console.log(error) }",
      "request.onDownloadComplete?.({ token: 't' })",
      '',
    ].join('\n');
    expect(protections(text, ['xiaomi-band-9'])).toEqual([
      '5:4 system.app: xiaomi-band-9=has',
      '5:34 system.fetch: xiaomi-band-9=guarded',
      '6:22 system.crypto: xiaomi-band-9=guarded',
      '7:6 system.request: xiaomi-band-9=guarded',
      '5:4 system.app canIUse: xiaomi-band-9=has',
      '5:4 system.app canIUse: xiaomi-band-9=has',
      '5:34 system.fetch fetch: xiaomi-band-9=guarded',
      '5:34 system.fetch fetch: xiaomi-band-9=guarded',
      '6:22 system.crypto hashDigest: xiaomi-band-9=guarded',
      '6:57 system.crypto hashDigest: xiaomi-band-9=guarded',
      '6:57 system.crypto hashDigest: xiaomi-band-9=guarded',
      '7:6 system.request download: xiaomi-band-9=guarded',
      '7:6 system.request download: xiaomi-band-9=guarded',
      '8:0 system.request onDownloadComplete: xiaomi-band-9=guarded',
      '8:0 system.request onDownloadComplete: xiaomi-band-9=guarded',
    ]);
  });

  it('a test of the module guards a method with its own table only where the module is missing', () => {
    // Redmi Watch 4 has no sensor module; Watch S3 has it, without the compass.
    const text = "import sensor from '@system.sensor'\nif (sensor) sensor.subscribeCompass({ callback() {} })\n";
    expect(protections(text, ['redmi-watch-4', 'xiaomi-watch-s3']).slice(-1)).toEqual([
      '2:12 system.sensor subscribeCompass: redmi-watch-4=guarded xiaomi-watch-s3=runs',
    ]);
  });

  it('a test of a sibling method guards where that sibling is missing', () => {
    // Band 9 lacks the pressure sensor and the compass; Watch S3 has the pressure sensor, not the compass.
    const text = [
      "import sensor from '@system.sensor'",
      "if (typeof sensor.subscribePressure === 'function') sensor.subscribeCompass({ callback() {} })",
      '',
    ].join('\n');
    expect(protections(text, ['xiaomi-band-9', 'xiaomi-watch-s3']).slice(-1)).toEqual([
      '2:52 system.sensor subscribeCompass: xiaomi-band-9=guarded xiaomi-watch-s3=runs',
    ]);
  });

  it('a read that only hands a method on is judged at its call', () => {
    const text = [
      "import sensor from '@system.sensor'",
      'const subscribe = sensor.subscribeCompass',
      "if (typeof sensor.subscribeCompass === 'function') subscribe({ callback() {} })",
      '',
    ].join('\n');
    expect(protections(text, ['xiaomi-watch-s3']).filter((line) => line.includes('subscribeCompass'))).toEqual([
      '2:18 system.sensor subscribeCompass: xiaomi-watch-s3=guarded',
      '3:11 system.sensor subscribeCompass: xiaomi-watch-s3=guarded',
      '3:51 system.sensor subscribeCompass: xiaomi-watch-s3=guarded',
    ]);
  });

  it('conditional compilation leaves a use out of the devices whose screen does not fit, or cannot tell', () => {
    const text = [
      "import geolocation from '@system.geolocation'",
      "// if true: process.env.SHAPE === 'CIRCLE'",
      'geolocation.getLocation({})',
      '// endif',
      "// if true: process.env.REGION === 'CN'",
      'geolocation.subscribe({ callback() {} })',
      '// endif',
      '',
    ].join('\n');
    // Band 9 is pill-shaped, Band 8 Pro rectangular; neither has geolocation.
    expect(protections(text, ['xiaomi-band-9', 'xiaomi-band-8-pro'])).toEqual([
      // The module's reads together: the weakest reason.
      '3:0 system.geolocation: xiaomi-band-9=conditional xiaomi-band-8-pro=conditional',
      '3:0 system.geolocation getLocation: xiaomi-band-9=compiled-out xiaomi-band-8-pro=compiled-out',
      '3:0 system.geolocation getLocation: xiaomi-band-9=compiled-out xiaomi-band-8-pro=compiled-out',
      '6:0 system.geolocation subscribe: xiaomi-band-9=conditional xiaomi-band-8-pro=conditional',
      '6:0 system.geolocation subscribe: xiaomi-band-9=conditional xiaomi-band-8-pro=conditional',
    ]);
  });

  it("a returned object's method is guarded by a test of its module", () => {
    const text = [
      "import app from '@system.app'",
      "import uploadtask from '@system.uploadtask'",
      "if (app.canIUse('@system.uploadtask')) {",
      "  const task = uploadtask.uploadFile({ url: 'u', filePath: 'f', name: 'n' })",
      '  task.onProgressUpdate(() => {})',
      '}',
      '',
    ].join('\n');
    expect(protections(text, ['redmi-watch-4']).filter((line) => line.includes('Upload'))).toEqual([
      '5:2 system.uploadtask UploadTask.onProgressUpdate: redmi-watch-4=guarded',
      '5:2 system.uploadtask UploadTask.onProgressUpdate: redmi-watch-4=guarded',
    ]);
  });

  it('a module imported and never read is no use (a barrel that hands it on)', () => {
    expect(protections("import fetch from '@system.fetch'\nexport { fetch }\n", ['xiaomi-band-9'])).toEqual([]);
  });
});

describe('weakestProtection', () => {
  it.each<[(Protection | undefined)[], Protection | undefined]>([
    [[], undefined],
    [['guarded', undefined], undefined],
    [['compiled-out', 'guarded'], 'guarded'],
    [['compiled-out', 'conditional'], 'conditional'],
    [['compiled-out', 'compiled-out'], 'compiled-out'],
  ])('%j gives %s', (protections, expected) => {
    expect(weakestProtection(protections)).toBe(expected);
  });
});
