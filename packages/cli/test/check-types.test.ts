// `velakit check` runs the type-check of @velakit/language as its "Types" section, in every format, for apps that have
// a jsconfig.json or tsconfig.json; an app without one is told how to turn it on.
import { cpSync, mkdtempSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { codeScanningProblems, type SarifLog } from '../../../fixtures/support/sarif.js';
import { runVelakit } from './run-velakit.js';

const repo = fileURLToPath(new URL('../../../', import.meta.url));
const badApp = 'packages/language/test/fixtures/bad-app';

const velakit = (...argv: string[]) => runVelakit(repo, ...argv);

describe('velakit check: Types', () => {
  it('text: a Types section with each type error at its .ux place, counted in the exit code', async () => {
    const { code, stdout } = await velakit('check', badApp);
    expect(code).toBe(1);
    const types = stdout.slice(stdout.indexOf('== Types =='), stdout.indexOf('== Devices =='));
    expect(types).toContain(
      "error Property 'nmae' does not exist on type 'PageRoute'. TS2339\n  at packages/language/test/fixtures/bad-app/src/pages/index/index.ux:17:16",
    );
    expect(types).toContain('✖ 12 problems (12 errors, 0 warnings) in 6 files checked');
  });

  it('json: the type diagnostics per file, paths relative to the app', async () => {
    const report = JSON.parse((await velakit('check', badApp, '--format', 'json')).stdout) as {
      types: { files: { path: string; diagnostics: { code: string; start: { line: number; column: number } }[] }[] };
    };
    const index = report.types.files.find((file) => file.path === 'src/pages/index/index.ux');
    expect(index?.diagnostics.map((d) => `${d.code} ${d.start.line}:${d.start.column}`)).toEqual([
      'TS2551 13:13',
      'TS2345 14:27',
      'TS2322 15:5',
      'TS2551 16:20',
      'TS2339 17:16',
    ]);
  });

  it('sarif: a second run, velakit-typecheck, that code scanning accepts', async () => {
    const log = JSON.parse((await velakit('check', badApp, '--format', 'sarif')).stdout) as SarifLog;
    expect(log.runs.map((run) => run.tool.driver.name)).toEqual(['velakit', 'velakit-typecheck']);
    expect(log.runs[1]!.results).toHaveLength(12);
    expect(codeScanningProblems(log)).toEqual([]);
  });

  it('github: the type errors as annotations beside the lint ones', async () => {
    const lines = (await velakit('check', badApp, '--format', 'github')).stdout.trimEnd().split('\n');
    expect(lines.filter((line) => line.includes('title=velakit-typecheck('))).toHaveLength(12);
  });

  it("with the README jsconfig.json (no DOM), the browser globals are type errors and Vela's are not", async () => {
    const report = JSON.parse(
      (await velakit('check', 'packages/language/test/fixtures/web-habits-app', '--format', 'json')).stdout,
    ) as {
      types: { files: { path: string; diagnostics: { code: string; start: { line: number; column: number } }[] }[] };
    };
    expect(
      report.types.files.flatMap((file) =>
        file.diagnostics.map((d) => `${file.path}:${d.start.line}:${d.start.column} ${d.code}`),
      ),
    ).toEqual([
      'src/common/net.js:5:10 TS2304',
      'src/common/net.js:9:3 TS2304',
      'src/pages/index/index.ux:19:5 TS2584',
      'src/pages/index/index.ux:20:5 TS2304',
    ]);
  });

  it('an app without jsconfig.json or tsconfig.json: the section says how to turn it on', async () => {
    const { stdout } = await velakit('check', 'fixtures/watch-s4-clean');
    expect(stdout).toContain(
      '== Types ==\nskipped: no jsconfig.json or tsconfig.json (add the jsconfig.json of the @velakit/types README',
    );
  });
});

describe('velakit check: Types, in an app that has not installed @velakit/types', () => {
  // The fixture copied outside the repository, where no node_modules above it holds @velakit/types.
  const scratch = realpathSync(mkdtempSync(join(tmpdir(), 'velakit-check-no-types-')));
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));
  const app = join(scratch, 'notes');
  cpSync(join(repo, 'packages/language/test/fixtures/plain-js-app'), app, { recursive: true });
  const inApp = (...argv: string[]) => runVelakit(app, ...argv);
  const warning =
    '@velakit/types is not installed in this app: checked with the copy velakit ships (0.1.0). ' +
    'Install it so that tsc and your editor check the same: npm install --save-dev @velakit/types';

  it("text: velakit's own copy checks the app, and one warning at the types entry says to install it", async () => {
    const { code, stdout } = await inApp('check');
    expect(code).toBe(1);
    const types = stdout.slice(stdout.indexOf('== Types =='), stdout.indexOf('== Devices =='));
    expect(types).toContain(`warning ${warning} types-not-installed\n  at jsconfig.json:11:15\n`);
    expect(types).not.toContain('Cannot find');
    expect(types).toContain('✖ 3 problems (2 errors, 1 warning) in 6 files checked');
  });

  it('json: the warning among the type diagnostics, and the copy used', async () => {
    const report = JSON.parse((await inApp('check', '--format', 'json')).stdout) as {
      warningCount: number;
      lint: { warningCount: number }[];
      manifest: { diagnostics: { severity: string }[] };
      types: {
        bundledTypes?: string;
        files: { path: string; diagnostics: { code: string; severity: string; message: string }[] }[];
      };
    };
    expect(report.types.bundledTypes).toBe(join(repo, 'packages/types/index.d.ts'));
    expect(report.types.files[0]).toEqual({
      path: 'jsconfig.json',
      diagnostics: [expect.objectContaining({ code: 'types-not-installed', severity: 'warning', message: warning })],
    });
    // Counted as a warning: it fails the run only under --max-warnings.
    const others =
      report.lint.reduce((sum, result) => sum + result.warningCount, 0) +
      report.manifest.diagnostics.filter((d) => d.severity === 'warning').length;
    expect(report.warningCount).toBe(others + 1);
  });

  it('sarif and github: the same warning, which code scanning accepts', async () => {
    const log = JSON.parse((await inApp('check', '--format', 'sarif')).stdout) as SarifLog;
    expect(codeScanningProblems(log)).toEqual([]);
    expect(log.runs[1]!.results?.filter((result) => result.ruleId === 'types-not-installed')).toEqual([
      expect.objectContaining({ level: 'warning', message: { text: warning } }),
    ]);
    const lines = (await inApp('check', '--format', 'github')).stdout.trimEnd().split('\n');
    expect(lines.filter((line) => line.includes('title=velakit-typecheck('))).toEqual([
      `::warning file=jsconfig.json,line=11,col=15,endLine=11,endColumn=31,title=velakit-typecheck(types-not-installed)::${warning}`,
      expect.stringMatching(/^::error file=src\/common\/sync\.js,line=7,col=61,.*\(TS2769\)::/u),
      expect.stringMatching(/^::error file=src\/pages\/index\/index\.ux,line=37,col=43,.*\(TS2322\)::/u),
    ]);
  });
});
