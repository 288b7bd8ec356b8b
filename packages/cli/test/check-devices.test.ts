// The device table of `velakit check` against lint: a target is marked ✘ for an API, and named in the verdicts, exactly
// where no-unsupported-api reports a use of it; a use a guard or conditional compilation keeps from a target is shown
// as such.
import { mkdirSync, mkdtempSync, readdirSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { devices } from '@velakit/catalog';
import { checkApp, type CheckReport } from 'velakit';
import { runVelakit } from './run-velakit.js';

const repo = realpathSync(fileURLToPath(new URL('../../../', import.meta.url)));
const scratch = realpathSync(mkdtempSync(join(tmpdir(), 'velakit-check-devices-')));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const velakit = (...argv: string[]) => runVelakit(scratch, ...argv);

const idByName = new Map<string, string>(devices.map((device) => [device.name, device.id]));

/**
 * Where no-unsupported-api says a target lacks an API: `@system.x method|device` for each device a report names,
 * and for a report about every known device (an app without targets), how many devices it counts.
 */
function lintVerdicts(report: CheckReport): { named: Set<string>; counted: Map<string, number> } {
  const named = new Set<string>();
  const counted = new Map<string, number>();
  for (const message of report.lint.flatMap((result) => result.messages)) {
    if (message.ruleId !== 'velakit/no-unsupported-api') continue;
    // The API is a method (`fetch.fetch`) or a whole module (`@system.sensor`: a computed or undocumented member).
    const listed = /^`(?:@system\.([\w.]+)|(\w+)\.(\w+))` is not supported on (.+?) \(targets /u.exec(message.message);
    const every = /^`(?:@system\.([\w.]+)|(\w+)\.(\w+))` is missing on (\d+) of the \d+ known devices/u.exec(
      message.message,
    );
    const match = listed ?? every;
    if (!match) continue; // an API-level report
    const api = match[1] !== undefined ? `@system.${match[1]}` : `@system.${match[2]} ${match[3]}`;
    if (every) counted.set(api, Number(every[4]));
    for (const name of listed ? listed[4]!.split(/,? and |, /u) : []) named.add(`${api}|${idByName.get(name)}`);
  }
  return { named, counted };
}

const apps = [
  ...readdirSync(join(repo, 'fixtures/corpus'), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => `corpus/${entry.name}`),
  'band-and-redmi',
  'watch-s4-clean',
  'undeclared-features',
];

describe('the device table agrees with lint', () => {
  it.each(apps)('%s', async (app) => {
    const report = await checkApp(join(repo, 'fixtures', app));
    const { named, counted } = lintVerdicts(report);
    const reportedModules = new Set([...named].map((key) => key.replace(/ \w+\|/u, '|')));
    for (const row of report.devices.rows) {
      const module = row.api.split(' ')[0]!;
      const lacking = Object.keys(row.cells).filter((target) => row.cells[target] === 'unsupported');
      // Each ✘ is a use lint reports on that target (for a returned object's method, the call that returned it).
      if (counted.has(row.api)) expect(lacking).toHaveLength(counted.get(row.api)!);
      else
        for (const target of lacking)
          expect(reportedModules, `${row.api} on ${target}`).toContain(`${module}|${target}`);
      // Each verdict names exactly the ✘ cells.
      for (const target of report.devices.targets)
        expect(report.devices.verdicts[target]!.includes(row.api)).toBe(lacking.includes(target));
    }
    // Each target lint names is a ✘ in the API's row (a module's row when no method of it has one).
    for (const key of named) {
      const [api, target] = key.split('|') as [string, string];
      const row =
        report.devices.rows.find((candidate) => candidate.api === api) ??
        report.devices.rows.find((candidate) => candidate.api === api.split(' ')[0]);
      expect(row?.cells[target], key).toBe('unsupported');
    }
  });
});

/** An app with this manifest and these files under src/. */
function app(name: string, targetDevices: string[], features: string[], files: Record<string, string>): string {
  const dir = join(scratch, name);
  const manifest = {
    package: `com.example.${name.replace(/-/gu, '')}`,
    name,
    icon: '/common/logo.png',
    versionCode: 1,
    minAPILevel: 3,
    targetDevices,
    features: features.map((feature) => ({ name: feature })),
    config: {},
    router: { entry: 'pages/index', pages: { 'pages/index': { component: 'index' } } },
  };
  mkdirSync(join(dir, 'src'), { recursive: true });
  writeFileSync(join(dir, 'src/manifest.json'), JSON.stringify(manifest, null, 2));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, 'src', path, '..'), { recursive: true });
    writeFileSync(join(dir, 'src', path), text);
  }
  return dir;
}

describe('guarded and compiled-out uses in the table', () => {
  it('a clean app whose calls on Band 9 are all guarded: no ✘, and its verdict says they are guarded', async () => {
    app('guarded-page', ['xiaomi-band-9', 'xiaomi-watch-s4'], ['system.fetch', 'system.crypto'], {
      'pages/index/index.ux': [
        '<template>',
        '  <text>{{ v }}</text>',
        '</template>',
        '',
        '<script>',
        "import app from '@system.app'",
        "import fetch from '@system.fetch'",
        "import crypto from '@system.crypto'",
        '',
        'export default {',
        "  private: { v: '' },",
        '  onInit() {',
        // A page's own canIUse, as the other guards.
        "    if (this.$canIUse('@system.fetch')) {",
        "      fetch.fetch({ url: 'https://example.com/v', success: (r) => (this.v = r.data) })",
        '    }',
        '  },',
        '  digest(text) {',
        "    if (!app.canIUse('@system.crypto')) return ''",
        "    return crypto.hashDigest({ data: text, algo: 'SHA256' })",
        '  },',
        '  empty() {',
        "    return typeof crypto.hashDigest === 'function' ? crypto.hashDigest({ data: '', algo: 'MD5' }) : ''",
        '  },',
        '}',
        '</script>',
        '',
      ].join('\n'),
    });
    const { code, stdout } = await velakit('check', 'guarded-page');
    expect(code).toBe(0);
    expect(stdout).toMatch(/^@system\.crypto hashDigest +1 +guarded +✔$/mu);
    expect(stdout).toMatch(/^@system\.fetch fetch +1 +guarded +✔$/mu);
    expect(stdout).not.toMatch(/^ {2}✘/mu);
    expect(stdout).toContain(
      '  ✔ Xiaomi Band 9: every API it runs is supported (guarded: @system.crypto hashDigest and @system.fetch fetch)',
    );
    expect(stdout.trimEnd().endsWith('✔ no problems')).toBe(true);
    const report = JSON.parse((await velakit('check', 'guarded-page', '--format', 'json')).stdout) as CheckReport;
    expect(report.devices.rows.map((row) => [row.api, row.cells])).toEqual([
      ['@system.app canIUse', { 'xiaomi-band-9': 'supported', 'xiaomi-watch-s4': 'supported' }],
      ['@system.crypto hashDigest', { 'xiaomi-band-9': 'guarded', 'xiaomi-watch-s4': 'supported' }],
      ['@system.fetch fetch', { 'xiaomi-band-9': 'guarded', 'xiaomi-watch-s4': 'supported' }],
    ]);
    expect(report.devices.verdicts).toEqual({ 'xiaomi-band-9': [], 'xiaomi-watch-s4': [] });
  });

  it('uses compiled out for a device are shown so; an unguarded use left in for another is ✘ there, as lint says', async () => {
    // Band 9 is pill-shaped: the geolocation block leaves it out; Redmi Watch 4 is rectangular and keeps it.
    const { stdout } = await velakit('check', join(repo, 'fixtures/corpus/guarded-three-shapes'));
    expect(stdout).toContain('`geolocation.getLocation` is not supported on Redmi Watch 4');
    expect(stdout).toMatch(/^@system\.geolocation getLocation +1 +compiled out +✔ +✘$/mu);
    expect(stdout).toMatch(/^@system\.uploadtask UploadTask\.onProgressUpdate +3 +guarded +✔ +guarded$/mu);
    expect(stdout).toContain(
      'compiled out: not supported, and conditional compilation (// if true: …) leaves every use out',
    );
    expect(stdout).toMatch(
      /^ {2}✔ Xiaomi Band 9: every API it runs is supported \(guarded: .*; compiled out: @system\.geolocation getLocation\)$/mu,
    );
    expect(stdout).toMatch(/^ {2}✘ Redmi Watch 4: lacks @system\.geolocation getLocation \(guarded: /mu);
  });

  it('a page that uses modules only through a local barrel has its calls in the table', async () => {
    const { stdout } = await velakit('check', join(repo, 'fixtures/corpus/barrel-guarded'), '--format', 'json');
    const report = JSON.parse(stdout) as CheckReport;
    expect(report.devices.rows.map((row) => [row.api, row.firstUse, row.cells['xiaomi-band-9']])).toEqual([
      ['@system.fetch fetch', 'src/pages/index/index.ux:24', 'guarded'],
      ['@system.network getType', 'src/pages/index/index.ux:19', 'guarded'],
    ]);
  });
});
