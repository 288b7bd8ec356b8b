import { execFile, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { ESLint } from 'eslint';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { devices } from '@velakit/catalog';
import { type CheckReport } from 'velakit';
import { runVelakit } from './run-velakit.js';

const repo = fileURLToPath(new URL('../../../', import.meta.url));
const fixture = (name: string) => join(repo, 'fixtures', name);
const scratch = mkdtempSync(join(tmpdir(), 'velakit-cli-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const velakit = (...argv: string[]) => runVelakit(repo, ...argv);

/** An app folder with this manifest text and these source files. */
function app(name: string, manifest: string | undefined, files: Record<string, string> = {}): string {
  const dir = join(scratch, name);
  mkdirSync(join(dir, 'src'), { recursive: true });
  if (manifest !== undefined) writeFileSync(join(dir, 'src', 'manifest.json'), manifest);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

const manifestFor = (extra: Record<string, unknown>) =>
  JSON.stringify({
    package: 'com.example.cli',
    name: 'CLI test',
    icon: '/common/logo.png',
    versionCode: 1,
    config: {},
    router: { entry: 'pages/index', pages: { 'pages/index': { component: 'index' } } },
    ...extra,
  });

describe('velakit devices', () => {
  it('lists every device of the catalogue with its id and name', async () => {
    const { code, stdout } = await velakit('devices');
    expect(code).toBe(0);
    for (const device of devices)
      expect(stdout).toMatch(new RegExp(`^${device.id} +${device.name.replace(/[()]/gu, '\\$&')} `, 'mu'));
    expect(stdout.trimEnd().split('\n')).toHaveLength(devices.length + 2);
  });

  it('shows the one device a name or alias names', async () => {
    const { code, stdout } = await velakit('devices', 'Redmi Watch 4');
    expect(code).toBe(0);
    expect(stdout.trimEnd().split('\n')).toHaveLength(3);
    expect(stdout).toContain('redmi-watch-4');
  });

  it('prints JSON equal to the catalogue', async () => {
    const { stdout } = await velakit('devices', '--format', 'json');
    expect(JSON.parse(stdout)).toEqual(JSON.parse(JSON.stringify(devices)));
  });

  it('--support shows each device against every module with a support table', async () => {
    const { code, stdout } = await velakit('devices', '--support');
    expect(code).toBe(0);
    const lines = stdout.split('\n');
    const header = lines[0]!.split(/\s+/u);
    const row = (id: string) => lines.find((line) => line.startsWith(`${id} `))!.split(/\s+/u);
    const column = header.indexOf('uploadtask');
    expect(row('redmi-watch-4')[column]).toBe('✘');
    expect(row('xiaomi-watch-s4')[column]).toBe('✔');
    expect(row('xiaomi-s1-pro')[header.indexOf('request')]).toBe('✔');
    expect(stdout).toMatch(/^Supported on every device \(no restriction documented\): .*system\.storage/mu);
    expect(stdout).toMatch(/^Known to Vela's toolkit, support not documented: .*system\.wifi/mu);
    expect(
      (await velakit('devices', 'Redmi Watch 4', '--support')).stdout
        .split('\n')
        .filter((line) => line.startsWith('redmi-watch-4')),
    ).toHaveLength(1);
    expect((await velakit('devices', '--support', '--format', 'json')).code).toBe(2);
  });

  it('an unknown device is exit 2 with a suggestion', async () => {
    expect(await velakit('devices', 'redmi-wach-4')).toEqual({
      code: 2,
      stdout: '',
      stderr:
        'velakit: unknown device "redmi-wach-4"; did you mean "redmi-watch-4", "redmi-watch-5", or "redmi-watch-6"?\n',
    });
  });

  it('a bad option or format is exit 2 with one line', async () => {
    expect(await velakit('devices', '--format', 'xml')).toMatchObject({
      code: 2,
      stderr: 'velakit: unknown format "xml" (use text or json)\n',
    });
    const unknown = await velakit('devices', '--colour');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/^velakit: Unknown option '--colour'/u);
    expect(unknown.stderr.split('\n')).toHaveLength(2);
  });
});

describe('velakit check', () => {
  it('a clean app: exit 0, every target supports every API', async () => {
    const { code, stdout } = await velakit('check', fixture('watch-s4-clean'));
    expect(code).toBe(0);
    expect(stdout).toContain('src/manifest.json: no problems');
    expect(stdout).toContain("== Lint (velakit's recommended config: the app has no eslint.config.*) ==\nno problems");
    expect(stdout).toMatch(/^@system\.uploadtask uploadFile +3 +✔$/mu);
    expect(stdout).toContain('✔ Xiaomi Watch S4: every API is supported');
    expect(stdout.trimEnd().endsWith('✔ no problems')).toBe(true);
  });

  it('an app on devices without the modules: exit 1, the table and the verdicts name both devices', async () => {
    const { code, stdout } = await velakit('check', fixture('band-and-redmi'));
    expect(code).toBe(1);
    expect(stdout).toContain('Targets (src/manifest.json targetDevices):');
    // Lint and the table resolve targets the same way, so they name the same source.
    expect(stdout).toContain('Xiaomi Band 8 Pro and Redmi Watch 4 (targets from src/manifest.json targetDevices)');
    expect(stdout).toMatch(/^API +level +Xiaomi Band 8 Pro +Redmi Watch 4$/mu);
    expect(stdout).toMatch(/^@system\.request download +1 +✘ +✘$/mu);
    expect(stdout).toContain(
      '✘ Redmi Watch 4: lacks @system.request download, @system.request onDownloadComplete, @system.uploadtask uploadFile',
    );
    // Lint reports each call; the manifest leaves the features the calls use to those reports (no second warning).
    expect(stdout).toContain('velakit/no-unsupported-api');
    expect(stdout).toContain('src/manifest.json: no problems');
    expect(stdout).not.toContain('unsupported-feature');
    expect(stdout.trimEnd().endsWith('✖ 3 errors, 0 warnings')).toBe(true);
  });

  it('--format json gives the three parts as data', async () => {
    const { code, stdout } = await velakit('check', fixture('band-and-redmi'), '--format', 'json');
    expect(code).toBe(1);
    const report = JSON.parse(stdout) as CheckReport;
    expect(report.manifest.diagnostics).toEqual([]);
    expect('text' in report.manifest).toBe(false);
    expect(report.lint.flatMap((result) => result.messages.map((m) => m.ruleId))).toEqual([
      'velakit/no-unsupported-api',
      'velakit/no-unsupported-api',
      'velakit/no-unsupported-api',
    ]);
    expect(report.devices.targets).toEqual(['xiaomi-band-8-pro', 'redmi-watch-4']);
    expect(report.devices.verdicts['redmi-watch-4']).toContain('@system.uploadtask uploadFile');
    expect(report.devices.rows.find((row) => row.api === '@system.uploadtask uploadFile')).toEqual({
      api: '@system.uploadtask uploadFile',
      apiLevel: 3,
      firstUse: 'src/common/sync.js:6',
      cells: { 'xiaomi-band-8-pro': 'unsupported', 'redmi-watch-4': 'unsupported' },
    });
    expect([report.errorCount, report.warningCount]).toEqual([3, 0]);
  });

  it('finds APIs used in .ux scripts at their place in the .ux file', async () => {
    const { stdout } = await velakit('check', fixture('broken-manifest'), '--format', 'json');
    const report = JSON.parse(stdout) as CheckReport;
    expect(report.devices.rows.map((row) => [row.api, row.firstUse])).toEqual([
      ['@system.request download', 'src/pages/index/index.ux:16'],
    ]);
  });

  it('a broken manifest: its syntax error once, with a code frame, and lint still runs on the sources', async () => {
    const { code, stdout } = await velakit('check', fixture('broken-manifest'));
    expect(code).toBe(1);
    expect(stdout).toContain('invalid-json');
    expect(stdout).toContain('> 6 |   "minPlatformVersion": 1200,');
    expect(stdout).not.toContain('Parsing error');
    expect(stdout).toContain('src/manifest.json cannot be used');
    expect(stdout).toContain('Targets (every known device (src/manifest.json is unusable)): 12 devices');
  });

  it('manifest fields of the wrong type: reported at the value, said once per file by lint, never "absent"', async () => {
    const dir = app(
      'wrong-types',
      manifestFor({
        targetDevices: 'xiaomi-watch-s4',
        features: { 'system.fetch': {} },
        minAPILevel: '3',
        permissions: { 'hapjs.permission.LOCATION': {} },
        router: { entry: 'pages/index', pages: ['pages/index'] },
      }),
      {
        'src/pages/index/index.ux':
          "<script>\nimport fetch from '@system.fetch'\nimport geolocation from '@system.geolocation'\nimport router from '@system.router'\nexport default {\n  go() {\n    fetch.fetch({ url: 'https://example.com' })\n    geolocation.getLocation({ success() {} })\n    router.push({ uri: '/nowhere' })\n  },\n}\n</script>\n",
      },
    );
    const { code, stdout } = await velakit('check', dir);
    expect(code).toBe(1);
    expect(stdout).toContain(
      'Targets (every known device (targetDevices in src/manifest.json is not a list)): 12 devices',
    );
    for (const field of ['targetDevices', 'features', 'minAPILevel', 'permissions', 'router.pages']) {
      expect(stdout.split(`${field} in src/manifest.json cannot be used: `)).toHaveLength(2);
    }
    for (const untrue of [
      'No "targetDevices"',
      'no targetDevices is declared',
      'has no features',
      'has no permissions',
    ])
      expect(stdout).not.toContain(untrue);
    // The manifest check reports each value, at its place.
    expect(stdout.match(/invalid-type/gu)).toHaveLength(5);
    // No report judges by a field it cannot use: no undeclared feature or permission, no unknown page, no API level.
    expect(stdout).not.toMatch(/is not declared|matches no page|needs API level/u);

    const array = app('array-manifest', '[{ "package": "com.example.cli" }]', {
      'src/app.js': "import fetch from '@system.fetch'\nfetch.fetch({ url: 'https://example.com' })\n",
    });
    const arrayRun = await velakit('check', array);
    expect(arrayRun.stdout).toContain('Targets (every known device (src/manifest.json is unusable)): 12 devices');
    expect(arrayRun.stdout).toContain(
      'src/manifest.json cannot be used: The manifest must be an object, not an array (line 1, column 1)',
    );
  });

  it('warnings alone pass unless --max-warnings is exceeded', async () => {
    const dir = app(
      'warnings-only',
      manifestFor({ targetDevices: ['xiaomi-watch-s4'], features: [{ name: 'system.requst' }] }),
    );
    const lenient = await velakit('check', dir);
    expect(lenient.code).toBe(0);
    expect(lenient.stdout).toContain('Did you mean "system.request"?');
    expect(lenient.stdout).toContain('No @system.* API is used.');
    expect((await velakit('check', dir, '--max-warnings', '0')).code).toBe(1);
    expect((await velakit('check', dir, '--max-warnings', 'many')).stderr).toBe(
      'velakit: --max-warnings takes a whole number of 0 or more\n',
    );
    // What Number() would take: an empty value as 0, spaces, hex and exponents.
    for (const value of ['', ' 3', '0x10', '1e3', '2.0'])
      expect(await velakit('check', dir, '--max-warnings', value)).toEqual({
        code: 2,
        stdout: '',
        stderr: 'velakit: --max-warnings takes a whole number of 0 or more\n',
      });
    expect((await velakit('check', dir, '--max-warnings', '007')).code).toBe(0);
  });

  it('a file ESLint cannot read stops the check with one line naming it and what to do', async () => {
    const dangling = app('dangling-link', manifestFor({ targetDevices: ['xiaomi-watch-s4'] }));
    symlinkSync(join(dangling, 'src', 'gone.js'), join(dangling, 'src', 'link.js'));
    expect(await velakit('check', dangling)).toEqual({
      code: 2,
      stdout: '',
      stderr:
        'velakit: cannot read src/link.js: it is a symbolic link to nothing (remove it, or make it point to a file)\n',
    });
    const loop = app('link-loop', manifestFor({ targetDevices: ['xiaomi-watch-s4'] }));
    symlinkSync('a.js', join(loop, 'src', 'a.js'));
    expect((await velakit('check', loop)).stderr).toBe(
      'velakit: cannot read src/a.js: it is a loop of symbolic links (remove it)\n',
    );
  });

  it('an unreadable file (permission denied) stops the check with one line naming it', async () => {
    const dir = app('unreadable', manifestFor({ targetDevices: ['xiaomi-watch-s4'] }), { 'src/secret.js': '' });
    // The tests may run as root, which reads any file: the error is ESLint's, as it reads a file without permission.
    const denied = Object.assign(new Error('EACCES: permission denied'), {
      code: 'EACCES',
      path: join(dir, 'src', 'secret.js'),
    });
    const lintFiles = vi.spyOn(ESLint.prototype, 'lintFiles').mockRejectedValueOnce(denied);
    try {
      expect(await velakit('check', dir)).toEqual({
        code: 2,
        stdout: '',
        stderr: 'velakit: cannot read src/secret.js: permission denied (make it readable, or remove it)\n',
      });
    } finally {
      lintFiles.mockRestore();
    }
  });

  it('a declared feature nothing uses is one warning (unused), with no API-level error; a used one is judged at its call', async () => {
    const manifest = manifestFor({
      minAPILevel: 1,
      targetDevices: ['xiaomi-watch-s4'],
      features: [{ name: 'system.request' }, { name: 'system.uploadtask' }],
    });
    const unused = app('unused-feature', manifest, {
      'src/common/net.js': "import request from '@system.request'\nrequest.download({ url: 'u' })\n",
    });
    const report = JSON.parse((await velakit('check', unused, '--format', 'json')).stdout) as CheckReport;
    expect(report.manifest.diagnostics.map((d) => d.code)).toEqual([]);
    expect(
      report.lint.flatMap((result) => result.messages.map((m) => [m.ruleId, m.message.includes('system.uploadtask')])),
    ).toEqual([['velakit/no-unused-feature', true]]);
    expect(report.errorCount).toBe(0);
    // The same manifest, once a source imports the module: minAPILevel 1 is too low for it.
    const used = app('used-feature', manifest, {
      'src/common/net.js': "import request from '@system.request'\nrequest.download({ url: 'u' })\n",
      'src/common/upload.js':
        "import uploadtask from '@system.uploadtask'\nexport const send = () => uploadtask.uploadFile({ url: 'u', filePath: 'f', name: 'n' })\n",
    });
    // It is said once, at the call (which may also feature-detect instead); the manifest leaves the used feature to it.
    const usedReport = JSON.parse((await velakit('check', used, '--format', 'json')).stdout) as CheckReport;
    expect(usedReport.manifest.diagnostics).toEqual([]);
    expect(usedReport.lint.flatMap((result) => result.messages.map((m) => m.message))).toEqual([
      expect.stringMatching(
        /^`uploadtask\.uploadFile` needs API level 3, but minAPILevel is 1 \(from src\/manifest\.json minAPILevel\)\./u,
      ),
    ]);
  });

  it('a feature the sources only feature-detect is not a manifest support error (the source rules judge the calls)', async () => {
    const dir = app(
      'detected-feature',
      manifestFor({ targetDevices: ['xiaomi-band-9'], features: [{ name: 'system.geolocation' }] }),
      {
        'src/common/where.js':
          "import geolocation from '@system.geolocation'\nexport const start = () => { if (typeof geolocation.getLocation === 'function') geolocation.getLocation({}) }\n",
      },
    );
    const report = JSON.parse((await velakit('check', dir, '--format', 'json')).stdout) as CheckReport;
    expect(report.manifest.diagnostics.map((d) => d.code)).toEqual([]);
  });

  it('an API whose support is undocumented is shown as unknown, not as a failure', async () => {
    const dir = app(
      'undocumented',
      manifestFor({ targetDevices: ['xiaomi-watch-s4'], features: [{ name: 'system.wifi' }] }),
      {
        'src/common/net.js': "import wifi from '@system.wifi'\nexport const scan = () => wifi.scan({})\n",
      },
    );
    const { code, stdout } = await velakit('check', dir);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^@system\.wifi +1 +\?$/mu);
  });

  it.each([
    ['a missing directory', (): string => join(scratch, 'nowhere'), /^velakit: no such directory: .*nowhere\n$/u],
    [
      'a file',
      (): string => app('file-target', '{}', {}) + '/src/manifest.json',
      /^velakit: not a directory: .*manifest\.json \(give the app's folder, the one holding src\/\)\n$/u,
    ],
    [
      'a folder without a manifest',
      (): string => app('no-manifest', undefined),
      /^velakit: no manifest\.json in .*no-manifest \(looked for src\/manifest\.json and manifest\.json\)\n$/u,
    ],
  ])('%s is exit 2 with one clear line', async (_what, target, message) => {
    const result = await velakit('check', target());
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(message);
  });

  it('an unreadable manifest (not UTF-8) is reported as a diagnostic, not a crash', async () => {
    const dir = app('latin1', undefined);
    writeFileSync(join(dir, 'src', 'manifest.json'), Buffer.from([0x7b, 0x22, 0xe9, 0x22, 0x7d]));
    const { code, stdout } = await velakit('check', dir);
    expect(code).toBe(1);
    expect(stdout).toContain('invalid-encoding');
  });

  it('a source file that does not parse is one error in the summary and in errorCount, not two', async () => {
    const dir = app('parse-error', manifestFor({ targetDevices: ['xiaomi-watch-s4'] }), {
      'src/common/broken.js': 'export const x = (\n',
    });
    const text = await velakit('check', dir);
    expect(text.code).toBe(1);
    expect(text.stdout).toContain('Parsing error');
    expect(text.stdout.trimEnd().endsWith('✖ 1 error, 0 warnings')).toBe(true);
    const report = JSON.parse((await velakit('check', dir, '--format', 'json')).stdout) as CheckReport;
    expect(report.lint.flatMap((result) => result.messages.map((m) => m.fatal))).toEqual([true]);
    expect(report.errorCount).toBe(1);
  });

  it('a manifest that is a FIFO is refused by name at once (reading it would wait forever), exit 2', async () => {
    const dir = app('fifo-manifest', undefined);
    const fifo = join(dir, 'src', 'manifest.json');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    expect(await velakit('check', dir)).toEqual({
      code: 2,
      stdout: '',
      stderr: `velakit: ${fifo} is a FIFO (named pipe), not a regular file: name the manifest file itself.\n`,
    });
  });

  it('two app directories at once is a usage error', async () => {
    expect(await velakit('check', 'a', 'b')).toMatchObject({
      code: 2,
      stderr: 'velakit: check one app directory at a time\n',
    });
  });
});

describe('velakit', () => {
  it('--help and --version', async () => {
    expect((await velakit('--help')).stdout).toContain('velakit check [appDir]');
    expect((await velakit('--version')).stdout).toMatch(/^\d+\.\d+\.\d+\n$/u);
  });

  it('no command prints help and exits 2; an unknown command is one line', async () => {
    expect((await velakit()).code).toBe(2);
    expect(await velakit('lint')).toEqual({
      code: 2,
      stdout: '',
      stderr: 'velakit: unknown command "lint" (use check or devices; see velakit --help)\n',
    });
  });

  it('the installed binary runs and sets the exit code', async () => {
    const bin = join(repo, 'packages/cli/dist/bin/velakit.js');
    const result = await promisify(execFile)(process.execPath, [bin, 'check', fixture('band-and-redmi')]).catch(
      (error: { code: number; stdout: string }) => error,
    );
    expect(result).toMatchObject({ code: 1 });
    expect(result.stdout).toContain('✘ Xiaomi Band 8 Pro');
  });
});
