// `velakit check` runs the type-check of @velakit/language as its "Types" section, in every format, for apps that have
// a jsconfig.json or tsconfig.json; an app without one is told how to turn it on.
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
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

  it('an app without jsconfig.json or tsconfig.json: the section says how to turn it on', async () => {
    const { stdout } = await velakit('check', 'fixtures/watch-s4-clean');
    expect(stdout).toContain(
      '== Types ==\nskipped: no jsconfig.json or tsconfig.json (add the jsconfig.json of the @velakit/types README',
    );
  });
});
