// What `velakit check` adds to ESLint's own output: with velakit's built-in config, directive comments about other
// rules are the app's business; with the app's own config, ESLint's behaviour is kept; a manifest syntax error is
// reported once, by the validator.
import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { type CheckReport } from 'velakit';
import { runVelakit } from './run-velakit.js';

const repo = realpathSync(fileURLToPath(new URL('../../../', import.meta.url)));
const scratch = realpathSync(mkdtempSync(join(tmpdir(), 'velakit-check-lint-')));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const velakit = (...argv: string[]) => runVelakit(scratch, ...argv);

const manifest = JSON.stringify(
  {
    package: 'com.example.directives',
    name: 'Directives',
    icon: '/common/logo.png',
    versionCode: 1,
    minAPILevel: 3,
    targetDevices: ['xiaomi-watch-s4'],
    features: [{ name: 'system.fetch' }],
    config: {},
    router: { entry: 'pages/index', pages: { 'pages/index': { component: 'index' } } },
  },
  null,
  2,
);

/** An app with these files (paths from the app's folder); node_modules links to this repository's. */
function app(name: string, files: Record<string, string>): string {
  const dir = join(scratch, name);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  symlinkSync(join(repo, 'node_modules'), join(dir, 'node_modules'));
  return dir;
}

/** A page whose script carries the directives of a real app linted with other plugins. */
const page = [
  '<template>',
  '  <text>{{ title }}</text>',
  '</template>',
  '',
  '<script>',
  "import fetch from '@system.fetch'",
  '',
  'export default {',
  "  private: { title: '' },",
  '  onInit() {',
  '    // eslint-disable-next-line @typescript-eslint/no-explicit-any',
  '    const parse = (data) => data',
  '    /* eslint-disable no-console */',
  "    console.log('start')",
  "    fetch.fetch({ url: 'https://example.com', success: (response) => (this.title = parse(response.data)) })",
  '  },',
  '}',
  '</script>',
  '',
].join('\n');

const messagesOf = (report: CheckReport) =>
  report.lint.flatMap((result) =>
    result.messages.map((message) => `${message.line}:${message.column} ${message.ruleId} ${message.message}`),
  );

describe("velakit's built-in config and the app's directive comments", () => {
  it('says nothing about directives naming rules of other plugins or unused ones: a clean app passes', async () => {
    app('clean', { 'src/manifest.json': manifest, 'src/pages/index/index.ux': page });
    const text = await velakit('check', 'clean', '--max-warnings', '0');
    expect(text.stdout).toContain(
      "== Lint (velakit's recommended config: the app has no eslint.config.*) ==\nno problems",
    );
    expect(text.stdout.trimEnd().endsWith('✔ no problems')).toBe(true);
    expect(text.code).toBe(0);
  });

  it('still reports a directive naming a velakit rule that does not exist, at the directive', async () => {
    const misspelled = page.replace(
      '@typescript-eslint/no-explicit-any',
      '@typescript-eslint/no-explicit-any, velakit/no-unsuported-api',
    );
    app('misspelled', { 'src/manifest.json': manifest, 'src/pages/index/index.ux': misspelled });
    const { code, stdout } = await velakit('check', 'misspelled', '--format', 'json');
    expect(code).toBe(1);
    const report = JSON.parse(stdout) as CheckReport;
    expect(messagesOf(report)).toEqual([
      "11:5 velakit/no-unsuported-api Definition for rule 'velakit/no-unsuported-api' was not found.",
    ]);
    expect([report.errorCount, report.warningCount]).toEqual([1, 0]);
    expect(report.lint.find((result) => result.messages.length > 0)).toMatchObject({
      errorCount: 1,
      warningCount: 0,
      fatalErrorCount: 0,
    });
  });

  it("with the app's own config, ESLint's own reports about its directives stay", async () => {
    const config = [
      "import velakit from '@velakit/eslint-plugin';",
      '',
      'export default [...velakit.configs.recommended];',
      '',
    ].join('\n');
    app('own-config', { 'src/manifest.json': manifest, 'src/pages/index/index.ux': page, 'eslint.config.mjs': config });
    const report = JSON.parse((await velakit('check', 'own-config', '--format', 'json')).stdout) as CheckReport;
    expect(messagesOf(report)).toEqual([
      "11:5 @typescript-eslint/no-explicit-any Definition for rule '@typescript-eslint/no-explicit-any' was not found.",
      "13:5 null Unused eslint-disable directive (no problems were reported from 'no-console').",
    ]);
  });
});

describe('a manifest that is not plain JSON', () => {
  const page =
    "import fetch from '@system.fetch'\nexport const load = () => fetch.fetch({ url: 'https://example.com' })\n";

  it.each([
    ['a trailing comma', manifest.replace(/\n\}$/u, ',\n}'), 'trailing-comma', 'Trailing comma'],
    [
      'a comment',
      manifest.replace('"versionCode"', '// build adds packageInfo\n  "versionCode"'),
      'json-comment',
      'Comments are not allowed',
    ],
  ])('%s is one problem, the validator’s, not a second parse error from lint', async (_what, text, code, words) => {
    const dir = app(`manifest-${code}`, { 'src/manifest.json': text, 'src/common/load.js': page });
    const { code: exit, stdout } = await velakit('check', dir);
    expect(exit).toBe(1);
    expect(stdout).toContain(words);
    expect(stdout).not.toContain('Parsing error');
    expect(stdout).toContain("== Lint (velakit's recommended config: the app has no eslint.config.*) ==\nno problems");
    expect(stdout.trimEnd().endsWith('✖ 1 error, 0 warnings')).toBe(true);
    const report = JSON.parse((await velakit('check', dir, '--format', 'json')).stdout) as CheckReport;
    expect(report.manifest.diagnostics.map((diagnostic) => diagnostic.code)).toEqual([code]);
    expect(report.lint.map((result) => result.filePath)).toEqual([join(dir, 'src/common/load.js')]);
    expect(report.errorCount).toBe(1);
  });
});
