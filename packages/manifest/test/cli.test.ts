import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../src/cli/run.js';
import { manifests, withMembers } from './helpers.js';

let dir: string;
const valid = manifests('valid').find(([name]) => name === 'full.json')![1];
const warningOnly = withMembers('  "features": [{ "name": "system.requst" }, { "name": "system.teleport" }]');
const withError = withMembers('  "minAPILevel": 0');
const longName = withMembers('').replace('"name": "App"', '"name": "小米运动健康助手"');

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'velakit-manifest-cli-'));
  mkdirSync(join(dir, 'app', 'src'), { recursive: true });
  writeFileSync(join(dir, 'app', 'src', 'manifest.json'), valid);
  mkdirSync(join(dir, 'flat'));
  writeFileSync(join(dir, 'flat', 'manifest.json'), withError);
  mkdirSync(join(dir, 'empty-dir'));
  writeFileSync(join(dir, 'warn.json'), warningOnly);
  writeFileSync(join(dir, 'error.json'), withError);
  writeFileSync(join(dir, 'long-name.json'), longName);
  writeFileSync(join(dir, 'empty.json'), '');
  writeFileSync(join(dir, 'broken.json'), '{\n  "package": "a"\n  "name": "b"\n}\n');
  writeFileSync(join(dir, 'bom.json'), `\uFEFF${valid}`);
  writeFileSync(join(dir, 'comments.json'), valid.replace('{\n', '{\n  // built by hand\n'));
  writeFileSync(
    join(dir, 'latin1.json'),
    Buffer.concat([Buffer.from('{\n  "name": "Caf'), Buffer.from([0xe9]), Buffer.from('"\n}\n')]),
  );
  writeFileSync(join(dir, 'huge.json'), Buffer.alloc(5 * 1024 * 1024 + 1, 0x20));
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

function cli(...argv: string[]): { code: number; stdout: string; stderr: string } {
  let stdout = '';
  let stderr = '';
  const code = run(argv, {
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
    cwd: dir,
    isTTY: false,
  });
  return { code, stdout, stderr };
}

describe('velakit-manifest (in process)', () => {
  it('exit 0 and a clean report for a valid project directory', () => {
    const result = cli('app');
    expect(result).toEqual({ code: 0, stdout: '✔ 1 manifest checked, no problems.\n', stderr: '' });
  });

  it('defaults to the current directory', () => {
    let stdout = '';
    const code = run([], { stdout: (text) => (stdout += text), stderr: () => {}, cwd: join(dir, 'app') });
    expect(code).toBe(0);
    expect(stdout).toContain('1 manifest checked');
  });

  it('exit 0 with only warnings; --max-warnings turns too many into exit 1', () => {
    expect(cli('warn.json').code).toBe(0);
    expect(cli('warn.json', '--max-warnings', '2').code).toBe(0);
    const strict = cli('warn.json', '--max-warnings=1');
    expect(strict.code).toBe(1);
    expect(strict.stderr).toBe('velakit-manifest: 2 warnings, more than --max-warnings 1.\n');
  });

  it('exit 1 on errors, with a code frame pointing at the value', () => {
    const result = cli('flat');
    expect(result.code).toBe(1);
    expect(result.stdout).toBe(
      [
        'error minAPILevel must be at least 1, not 0. invalid-value',
        '  at flat/manifest.json:9:18',
        '   7 |   "router": { "entry": "pages/index", "pages": { "pages/index": { "component": "index" } } },',
        '   8 |   "targetDevices": ["xiaomi-watch-s4"],',
        '>  9 |   "minAPILevel": 0',
        '     |                  ^',
        '  10 | }',
        '',
        '✖ 1 problem (1 error, 0 warnings, 0 notes) in 1 manifest',
        '',
      ].join('\n'),
    );
  });

  it('a warning for an app name over 6 Chinese characters, at the value, exit 0', () => {
    const result = cli('long-name.json');
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(
      [
        'warning The app name "小米运动健康助手" has 8 Chinese characters; the Vela docs ask for at most 6, as the name is shown under the app\'s icon and in dialogs. app-name-too-long',
        '  at long-name.json:3:11',
        '  1 | {',
        '  2 |   "package": "com.example.app",',
        '> 3 |   "name": "小米运动健康助手",',
        // Under the whole value, wide characters taking two terminal columns each.
        `    |           ${'^'.repeat(18)}`,
        '  4 |   "icon": "/common/logo.png",',
        '  5 |   "versionCode": 1,',
        '',
        '⚠ 1 problem (0 errors, 1 warning, 0 notes) in 1 manifest',
        '',
      ].join('\n'),
    );
  });

  it('--format json: one entry per file with diagnostics and summary', () => {
    const result = cli('--format', 'json', 'error.json', 'app');
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout) as {
      path: string;
      diagnostics: { code: string; start: { line: number; column: number } }[];
      summary: unknown;
    }[];
    expect(report.map((entry) => entry.path)).toEqual(['error.json', join('app', 'src', 'manifest.json')]);
    expect(report[0]!.diagnostics).toEqual([
      expect.objectContaining({
        code: 'invalid-value',
        start: { line: 9, column: 18, offset: 268 },
        pointer: '/minAPILevel',
      }),
    ]);
    expect(report[1]!.summary).toEqual(expect.objectContaining({ package: 'com.example.weather', minAPILevel: 3 }));
  });

  it('--format sarif: SARIF 2.1.0 with rules and regions', () => {
    const result = cli('--format', 'sarif', 'warn.json');
    const sarif = JSON.parse(result.stdout) as {
      version: string;
      runs: {
        tool: { driver: { rules: { id: string }[] } };
        results: {
          ruleId: string;
          level: string;
          locations: { physicalLocation: { artifactLocation: { uri: string }; region: unknown } }[];
        }[];
      }[];
    };
    expect(sarif.version).toBe('2.1.0');
    const [runEntry] = sarif.runs;
    expect(runEntry!.tool.driver.rules.map((rule) => rule.id)).toContain('unknown-feature');
    expect(runEntry!.results).toHaveLength(2);
    expect(runEntry!.results[0]).toEqual(
      expect.objectContaining({
        ruleId: 'unknown-feature',
        level: 'warning',
        locations: [
          {
            physicalLocation: {
              artifactLocation: { uri: 'warn.json', uriBaseId: '%SRCROOT%' },
              region: { startLine: 9, startColumn: 26, endLine: 9, endColumn: 41 },
            },
          },
        ],
      }),
    );
  });

  it('--format github: workflow annotations, escaped', () => {
    const result = cli('--format', 'github', 'flat', 'warn.json');
    expect(result.stdout.split('\n')[0]).toBe(
      '::error file=flat/manifest.json,line=9,col=18,endLine=9,endColumn=19,title=velakit-manifest(invalid-value)::minAPILevel must be at least 1, not 0.',
    );
    expect(result.stdout).toContain(
      '::warning file=warn.json,line=9,col=26,endLine=9,endColumn=41,title=velakit-manifest(unknown-feature)::',
    );
  });

  it('--help prints usage and exits 0; bad options exit 2 with one message and the usage', () => {
    const help = cli('--help');
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^Usage: velakit-manifest/u);
    for (const [argv, message] of [
      [['--format', 'xml'], 'Unknown format "xml"; use one of stylish, json, sarif, github.'],
      [['--max-warnings', 'many'], '--max-warnings takes a whole number, not "many".'],
      [['--max-warnings'], '--max-warnings needs a value.'],
      [['--fix'], 'Unknown option --fix.'],
    ] as const) {
      const result = cli(...argv);
      expect(result.code).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr.split('\n')[0]).toBe(`velakit-manifest: ${message}`);
    }
  });

  it('--version prints the package version', () => {
    expect(cli('--version').stdout).toMatch(/^\d+\.\d+\.\d+\n$/u);
  });

  it('exit 2 for a missing file and a directory without a manifest, still checking the others', () => {
    const result = cli('nope.json', 'empty-dir', 'error.json');
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      'velakit-manifest: File not found: nope.json\n' +
        'velakit-manifest: No manifest in empty-dir: looked for empty-dir/src/manifest.json and empty-dir/manifest.json.\n',
    );
    expect(result.stdout).toContain('error.json:9:18');
  });

  it.each([
    ['empty.json', 'empty-file', '1:1', 'The file is empty: a manifest is a JSON object.'],
    ['broken.json', 'invalid-json', '3:3', 'Invalid JSON: unexpected string (is a comma missing before it?)'],
    ['bom.json', 'byte-order-mark', '1:1', 'The file starts with a byte order mark (U+FEFF)'],
    ['comments.json', 'json-comment', '2:3', 'Comments are not allowed in manifest.json'],
    ['latin1.json', 'invalid-encoding', '2:15', 'The file is not UTF-8: byte 0xE9 at byte offset 16'],
    [
      'huge.json',
      'file-too-large',
      '1:1',
      'The file is 5.0 MiB; a manifest is a few KiB and velakit reads at most 5 MiB.',
    ],
  ])('bad input %s: one clear diagnostic (%s at %s), no stack trace', (file, code, at, message) => {
    const result = cli('--format', 'json', file);
    const [entry] = JSON.parse(result.stdout) as {
      diagnostics: { code: string; message: string; start: { line: number; column: number } }[];
    }[];
    const first = entry!.diagnostics[0]!;
    expect(first.code).toBe(code);
    expect(`${first.start.line}:${first.start.column}`).toBe(at);
    expect(first.message).toContain(message);
    expect(result.stderr).toBe('');
    expect(cli(file).stdout).not.toMatch(/\n\s+at .*\.js:\d+/u);
  });

  it('checks each file once even when named twice', () => {
    const report = JSON.parse(cli('--format', 'json', 'app', 'app/src/manifest.json').stdout) as unknown[];
    expect(report).toHaveLength(1);
  });
});

describe('velakit-manifest (the built binary)', () => {
  const bin = fileURLToPath(new URL('../dist/bin/velakit-manifest.js', import.meta.url));
  const spawn = (...argv: string[]) =>
    spawnSync(process.execPath, [bin, ...argv], { cwd: dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });

  it('exits 0, 1 and 2 as documented', () => {
    const clean = spawn('app');
    // Nothing on stderr: V8 would print "unrecognized flag" there if the bin's JIT setting (main.ts) went away.
    expect([clean.status, clean.stdout, clean.stderr]).toEqual([0, '✔ 1 manifest checked, no problems.\n', '']);
    const errors = spawn('error.json');
    expect(errors.status).toBe(1);
    expect(errors.stdout).toContain('error minAPILevel must be at least 1, not 0. invalid-value\n  at error.json:9:18');
    const missing = spawn('missing.json');
    expect([missing.status, missing.stderr]).toEqual([2, 'velakit-manifest: File not found: missing.json\n']);
  });

  it('prints help', () => {
    const help = spawn('-h');
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('--max-warnings <n>');
  });
});
