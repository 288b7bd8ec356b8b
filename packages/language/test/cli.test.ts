// `velakit-typecheck`: the formats velakit-manifest has (stylish with code frames, json, sarif, github) and exit codes
// 0 (clean), 1 (type errors) and 2 (could not check).
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { runTypecheck } from '@velakit/language';
import { codeScanningProblems } from '../../../fixtures/support/sarif.js';

const packageDir = fileURLToPath(new URL('../', import.meta.url));
const bin = fileURLToPath(new URL('../bin/velakit-typecheck.js', import.meta.url));

function run(args: string[]): { code: number; stdout: string; stderr: string } {
  let stdout = '';
  let stderr = '';
  const code = runTypecheck(args, {
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
    cwd: packageDir,
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
