// `velakit-typecheck`: the formats velakit-manifest has (stylish with code frames, json, sarif, github) and exit codes
// 0 (clean), 1 (type errors) and 2 (could not check).
import { execFile } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import {
  formatTypesGithub,
  formatTypesJson,
  formatTypesSarif,
  formatTypesStylish,
  runTypecheck,
  typecheckApp,
} from '@velakit/language';
import { colors } from '@velakit/manifest/cli';
import { codeScanningProblems } from '../../../fixtures/support/sarif.js';

const packageDir = fileURLToPath(new URL('../', import.meta.url));
const bin = fileURLToPath(new URL('../bin/velakit-typecheck.js', import.meta.url));

function run(args: string[], cwd = packageDir): { code: number; stdout: string; stderr: string } {
  let stdout = '';
  let stderr = '';
  const code = runTypecheck(args, {
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
    cwd,
  });
  return { code, stdout, stderr };
}

describe('velakit-typecheck', () => {
  const bad = run(['test/fixtures/bad-app']);

  it('exits 0 with a one-line summary on a correct app', () => {
    expect(run(['test/fixtures/good-app'])).toEqual({
      code: 0,
      stdout: '✔ 11 files type-checked, no problems.\n',
      stderr: '',
    });
  });

  it('exits 1 and shows each error at the .ux line and column with a code frame', () => {
    expect(bad.code).toBe(1);
    expect(bad.stdout).toContain(
      [
        "error Property 'nmae' does not exist on type 'PageRoute'. TS2339",
        '  at test/fixtures/bad-app/src/pages/index/index.ux:17:16',
        "  15 |     this.count = 'three'",
        "  16 |     this.$app.$def.gret('x')",
        '> 17 |     this.$page.nmae',
        '     |                ^^^^',
        '  18 |   },',
        '  19 | }',
      ].join('\n'),
    );
    expect(bad.stdout.endsWith('✖ 12 problems (12 errors, 0 warnings) in 6 files checked\n')).toBe(true);
  });

  it('--format json: each file with its diagnostics, as velakit-manifest --format json', () => {
    const { code, stdout } = run(['test/fixtures/bad-app', '--format', 'json']);
    expect(code).toBe(1);
    const files = JSON.parse(stdout) as {
      path: string;
      diagnostics: { code: string; start: { line: number; column: number } }[];
    }[];
    expect(files.map((file) => file.path)).toContain('test/fixtures/bad-app/src/pages/crlf/crlf.ux');
    const crlf = files.find((file) => file.path.endsWith('crlf.ux'));
    expect(crlf?.diagnostics.map((d) => [d.code, d.start.line, d.start.column])).toEqual([['TS2345', 10, 22]]);
  });

  it('--format github: one workflow annotation per error', () => {
    const { stdout } = run(['test/fixtures/bad-app', '-f', 'github']);
    const lines = stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(12);
    expect(lines).toContain(
      "::error file=test/fixtures/bad-app/src/pages/index/index.ux,line=17,col=16,endLine=17,endColumn=20,title=velakit-typecheck(TS2339)::Property 'nmae' does not exist on type 'PageRoute'.",
    );
  });

  it('--format sarif: a SARIF 2.1.0 run with one rule per TypeScript code and results at .ux places', () => {
    const sarif = JSON.parse(run(['test/fixtures/bad-app', '--format=sarif']).stdout) as {
      version: string;
      runs: {
        tool: { driver: { name: string; rules: { id: string; name: string }[] } };
        results: {
          ruleId: string;
          ruleIndex: number;
          locations: {
            physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number; startColumn: number } };
          }[];
        }[];
      }[];
    };
    expect(codeScanningProblems(sarif)).toEqual([]);
    const run0 = sarif.runs[0]!;
    expect(sarif.version).toBe('2.1.0');
    expect(run0.tool.driver.name).toBe('velakit-typecheck');
    expect(run0.tool.driver.rules.map((rule) => rule.id).sort()).toEqual(['TS2322', 'TS2339', 'TS2345', 'TS2551']);
    expect(run0.results).toHaveLength(12);
    for (const result of run0.results) expect(run0.tool.driver.rules[result.ruleIndex]?.id).toBe(result.ruleId);
    const nmae = run0.results.find((result) => result.ruleId === 'TS2339');
    expect(nmae?.locations[0]?.physicalLocation).toEqual({
      artifactLocation: { uri: 'test/fixtures/bad-app/src/pages/index/index.ux', uriBaseId: '%SRCROOT%' },
      region: { startLine: 17, startColumn: 16, endLine: 17, endColumn: 20 },
    });
  });

  it('exits 2 with a clear message on bad usage, a missing app or a broken config', () => {
    expect(run(['--format', 'xml'])).toMatchObject({
      code: 2,
      stdout: '',
      stderr: expect.stringContaining('unknown format "xml" (use stylish, json, sarif, github)'),
    });
    expect(run(['--nope'])).toMatchObject({ code: 2, stderr: expect.stringContaining("Unknown option '--nope'") });
    expect(run(['a', 'b'])).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('check one app directory at a time'),
    });
    expect(run(['test/fixtures/missing-app'])).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('not a directory:'),
    });
    expect(run(['test/fixtures/good-app', '-p', 'nope.json'])).toMatchObject({
      code: 2,
      stderr: 'velakit-typecheck: no such config file: nope.json\n',
    });
  });

  it('prints help and version', () => {
    expect(run(['--help'])).toMatchObject({
      code: 0,
      stdout: expect.stringContaining('Usage: velakit-typecheck [options] [appDir]'),
    });
    expect(run(['-v']).stdout).toMatch(/^\d+\.\d+\.\d+\n$/u);
  });

  it('the installed bin runs the same command and exits with its code', async () => {
    const failure = await promisify(execFile)(process.execPath, [bin, 'test/fixtures/bad-app', '--format', 'github'], {
      cwd: packageDir,
    }).catch((error: { code: number; stdout: string }) => error);
    expect('code' in failure && failure.code).toBe(1);
    expect(failure.stdout.trimEnd().split('\n')).toHaveLength(12);
  });
});

describe('velakit-typecheck on an app that has not installed @velakit/types', () => {
  // Outside the repository, where no node_modules above the app holds @velakit/types.
  const scratch = realpathSync(mkdtempSync(join(tmpdir(), 'velakit-typecheck-no-types-')));
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));
  const app = join(scratch, 'notes');
  cpSync(fileURLToPath(new URL('./fixtures/plain-js-app/', import.meta.url)), app, { recursive: true });
  const warning =
    '@velakit/types is not installed in this app: checked with the copy velakit ships (0.1.0). ' +
    'Install it so that tsc and your editor check the same: npm install --save-dev @velakit/types';
  const missing =
    '@velakit/types is not installed, so no @system.* module has types: npm install --save-dev @velakit/types';

  it('stylish: one warning with a code frame at the types entry, then the Vela errors it still finds', () => {
    const { code, stdout } = run(['.'], app);
    expect(code).toBe(1);
    expect(
      stdout.startsWith(
        [
          `warning ${warning} types-not-installed`,
          '  at jsconfig.json:11:15',
          '   9 |     "strict": false,',
          '  10 |     "noEmit": true,',
          '> 11 |     "types": ["@velakit/types"]',
          '     |               ^^^^^^^^^^^^^^^^',
        ].join('\n'),
      ),
    ).toBe(true);
    expect(stdout).toContain('  at src/common/sync.js:7:61\n');
    expect(stdout).not.toContain('Cannot find');
    expect(stdout.endsWith('✖ 3 problems (2 errors, 1 warning) in 6 files checked\n')).toBe(true);
  });

  it('json, github and sarif carry the same warning at the same place', () => {
    const files = JSON.parse(run(['.', '--format', 'json'], app).stdout) as {
      path: string;
      diagnostics: { code: string; severity: string; message: string; start: { line: number; column: number } }[];
    }[];
    expect(files.map((file) => file.path)).toEqual(['jsconfig.json', 'src/common/sync.js', 'src/pages/index/index.ux']);
    expect(files[0]?.diagnostics.map((d) => [d.code, d.severity, d.message, d.start.line, d.start.column])).toEqual([
      ['types-not-installed', 'warning', warning, 11, 15],
    ]);
    expect(run(['.', '--format', 'github'], app).stdout.split('\n')[0]).toBe(
      `::warning file=jsconfig.json,line=11,col=15,endLine=11,endColumn=31,title=velakit-typecheck(types-not-installed)::${warning}`,
    );
    const sarif = JSON.parse(run(['.', '--format', 'sarif'], app).stdout) as {
      runs: {
        tool: { driver: { rules: { id: string; shortDescription: { text: string }; helpUri: string }[] } };
        results: { ruleId: string; level: string; message: { text: string } }[];
      }[];
    };
    expect(codeScanningProblems(sarif)).toEqual([]);
    const rule = sarif.runs[0]!.tool.driver.rules.find((r) => r.id === 'types-not-installed');
    expect(rule?.shortDescription.text).toBe('@velakit/types is not installed.');
    expect(rule?.helpUri).toMatch(/packages\/language#when-velakittypes-is-not-installed$/u);
    expect(sarif.runs[0]!.results.filter((r) => r.ruleId === 'types-not-installed')).toEqual([
      expect.objectContaining({ level: 'warning', message: { text: warning } }),
    ]);
  });

  it('without a copy to use: one error in every format, and nothing about each @system.* import', () => {
    const result = typecheckApp(app, { bundledTypesFrom: false });
    const stylish = formatTypesStylish(result, app, colors(false));
    expect(stylish).toContain(`error ${missing} types-not-installed\n  at jsconfig.json:11:15\n`);
    expect(stylish.endsWith('✖ 1 problem (1 error, 0 warnings) in 6 files checked\n')).toBe(true);
    expect(JSON.parse(formatTypesJson(result, app))).toEqual([
      {
        path: 'jsconfig.json',
        diagnostics: [expect.objectContaining({ code: 'types-not-installed', severity: 'error' })],
      },
    ]);
    expect(formatTypesGithub(result, app)).toBe(
      `::error file=jsconfig.json,line=11,col=15,endLine=11,endColumn=31,title=velakit-typecheck(types-not-installed)::${missing}\n`,
    );
    const sarif = JSON.parse(formatTypesSarif(result, app, '0.1.0')) as {
      runs: { results: { ruleId: string; level: string }[] }[];
    };
    expect(codeScanningProblems(sarif)).toEqual([]);
    expect(sarif.runs[0]!.results.map((r) => [r.ruleId, r.level])).toEqual([['types-not-installed', 'error']]);
  });

  it('an app without a config file: the warning names the app folder (no frame), and a warning alone exits 0', async () => {
    const bare = join(scratch, 'bare');
    mkdirSync(join(bare, 'src/pages/index'), { recursive: true });
    writeFileSync(
      join(bare, 'src/pages/index/index.ux'),
      "<script>\nimport router from '@system.router'\nexport default {\n  onInit() { router.back() }\n}\n</script>\n",
    );
    // Run where a user runs it, in the app's folder: without a config, TypeScript looks for `types` from there.
    const result = await promisify(execFile)(process.execPath, [bin], { cwd: bare });
    expect(result.stdout).toBe(
      `warning ${warning} types-not-installed\n  at ${bare}:1:1\n\n⚠ 1 problem (0 errors, 1 warning) in 1 file checked\n`,
    );
  });
});
