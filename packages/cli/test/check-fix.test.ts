// `velakit check --fix`: ESLint's fixes written into a copy of a sample app, what was fixed said, and the fixed app
// checked.
import { cpSync, mkdtempSync, readFileSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { type CheckReport } from 'velakit';
import { runVelakit } from './run-velakit.js';

const repo = realpathSync(fileURLToPath(new URL('../../../', import.meta.url)));
const scratch = realpathSync(mkdtempSync(join(tmpdir(), 'velakit-check-fix-')));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const velakit = (...argv: string[]) => runVelakit(scratch, ...argv);

/** A fresh copy of a sample app of fixtures/, named `name` in the scratch folder. */
function copy(fixture: string, name: string): string {
  const dir = join(scratch, name);
  cpSync(join(repo, 'fixtures', fixture), dir, { recursive: true });
  return dir;
}

const missingFeature = /`@system\.uploadtask` is imported by the app's sources but not declared in features/u;

describe('velakit check --fix', () => {
  it('declares the features manifest.json lacks, says so, and checks the fixed app', async () => {
    // undeclared-features imports @system.uploadtask but declares it as "system.uploadtsk".
    const dir = copy('undeclared-features', 'text');
    const before = await velakit('check', 'text');
    expect(before.stdout).toMatch(missingFeature);
    expect(before.stdout).toContain('1 warning potentially fixable with the `--fix` option');

    const { code, stdout } = await velakit('check', 'text', '--fix');
    expect(stdout.startsWith('== Fixed (--fix) ==\ntext/src/manifest.json\n  15:3  fixed  ')).toBe(true);
    expect(stdout).toMatch(/^ {2}15:3 {2}fixed {2}`@system\.uploadtask` is imported .* velakit\/no-missing-feature$/mu);
    const features = (JSON.parse(readFileSync(join(dir, 'src/manifest.json'), 'utf8')) as { features: unknown[] })
      .features;
    // The misspelled declaration is corrected in place, not left beside a new entry.
    expect(features).toEqual([{ name: 'system.request' }, { name: 'system.uploadtask' }]);
    // The report is of the fixed app: neither the slip (valid-manifest's unknown-feature) nor the manifest's or the
    // import's "not declared" is left.
    expect(stdout.slice(stdout.indexOf('== Manifest'), stdout.indexOf('== Lint'))).not.toContain('unknown-feature');
    const lint = stdout.slice(stdout.indexOf('== Lint'), stdout.indexOf('== Types'));
    expect(lint).not.toMatch(missingFeature);
    expect(lint).not.toContain('no-undeclared-feature');
    expect(lint).toContain('`@system.vibrater` is not a Vela module');
    expect(stdout).not.toContain('potentially fixable');
    expect(code).toBe(1);

    // Nothing is left to fix.
    const again = await velakit('check', 'text', '--fix');
    expect(again.stdout.startsWith('== Fixed (--fix) ==\nnothing to fix\n')).toBe(true);
    expect(readFileSync(join(dir, 'src/manifest.json'), 'utf8')).toContain('"name": "system.uploadtask"');
  });

  it('--format json has the files fixed and the problems fixed in them', async () => {
    const dir = copy('undeclared-features', 'json');
    const report = JSON.parse((await velakit('check', 'json', '--fix', '--format', 'json')).stdout) as CheckReport;
    expect(report.fixed).toEqual([
      {
        path: join(dir, 'src/manifest.json'),
        problems: [
          { ruleId: 'velakit/no-missing-feature', message: expect.stringMatching(missingFeature), line: 15, column: 3 },
        ],
      },
    ]);
    expect(report.lint.flatMap((result) => result.messages.map((message) => message.ruleId))).toEqual([
      'velakit/no-unknown-module',
    ]);
    // Without --fix the report has no `fixed`, and nothing is written.
    const untouched = copy('undeclared-features', 'untouched');
    const plain = JSON.parse((await velakit('check', 'untouched', '--format', 'json')).stdout) as CheckReport;
    expect('fixed' in plain).toBe(false);
    expect(readFileSync(join(untouched, 'src/manifest.json'), 'utf8')).toBe(
      readFileSync(join(repo, 'fixtures/undeclared-features/src/manifest.json'), 'utf8'),
    );
  });

  it('an app with nothing to fix is left as it is', async () => {
    const dir = copy('watch-s4-clean', 'clean');
    const { code, stdout } = await velakit('check', 'clean', '--fix');
    expect(code).toBe(0);
    expect(stdout.startsWith('== Fixed (--fix) ==\nnothing to fix\n\n== Manifest ==')).toBe(true);
    expect(readFileSync(join(dir, 'src/manifest.json'), 'utf8')).toBe(
      readFileSync(join(repo, 'fixtures/watch-s4-clean/src/manifest.json'), 'utf8'),
    );
  });

  it('a file it cannot write (permission denied) is exit 2 with one line naming it', async () => {
    const dir = copy('undeclared-features', 'read-only');
    // The tests may run as root, which writes any file: the error is the one writing a read-only file throws.
    const denied = Object.assign(new Error('EACCES: permission denied'), {
      code: 'EACCES',
      path: join(dir, 'src', 'manifest.json'),
    });
    const outputFixes = vi.spyOn(ESLint, 'outputFixes').mockRejectedValueOnce(denied);
    try {
      expect(await velakit('check', 'read-only', '--fix')).toEqual({
        code: 2,
        stdout: '',
        stderr: `velakit: --fix cannot write ${join(dir, 'src', 'manifest.json')}: permission denied (make it writable, or run without --fix)\n`,
      });
    } finally {
      outputFixes.mockRestore();
    }
  });
});
