// `velakit check --format sarif|github`: what a CI job uploads to code scanning and prints as pull-request annotations.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { diagnosticCodeList } from '@velakit/manifest';
import { codeScanningProblems, type SarifLog } from '../../../fixtures/support/sarif.js';
import { runVelakit } from './run-velakit.js';

const repo = fileURLToPath(new URL('../../../', import.meta.url));
const scratch = mkdtempSync(join(tmpdir(), 'velakit-formats-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const velakit = runVelakit;

interface JsonReport {
  manifest: {
    path: string;
    diagnostics: { code: string; severity: string; start: { line: number; column: number } }[];
  };
  lint: {
    filePath: string;
    messages: { ruleId: string | null; severity: number; line: number; column: number; message: string }[];
  }[];
}

/** An app with a manifest warning, lint errors in a `.js` file and a `.js` file that does not parse. */
function appWithEveryKind(): string {
  const dir = join(scratch, 'every-kind');
  mkdirSync(join(dir, 'src', 'common'), { recursive: true });
  writeFileSync(
    join(dir, 'src', 'manifest.json'),
    JSON.stringify(
      {
        package: 'com.example.formats',
        name: 'Formats',
        icon: '/common/logo.png',
        versionCode: 1,
        minAPILevel: 3,
        targetDevices: ['redmi-watch-4'],
        features: [{ name: 'system.uploadtask' }, { name: 'system.uploadtask' }],
        config: {},
        router: { entry: 'pages/index', pages: { 'pages/index': { component: 'index' } } },
      },
      null,
      2,
    ),
  );
  writeFileSync(
    join(dir, 'src', 'common', 'upload.js'),
    "import uploadtask from '@system.uploadtask';\n\nexport function send(filePath) {\n  uploadtask.uploadFile({ filePath, name: 'log' });\n}\n",
  );
  writeFileSync(join(dir, 'src', 'common', 'broken.js'), 'export const = 1;\n');
  return dir;
}

describe('velakit check --format sarif', () => {
  it("passes the SARIF 2.1.0 schema and GitHub code scanning's rules, with one result per problem", async () => {
    appWithEveryKind();
    const sarif = await velakit(scratch, 'check', 'every-kind', '--format', 'sarif');
    const json = JSON.parse((await velakit(scratch, 'check', 'every-kind', '--format', 'json')).stdout) as JsonReport;
    const log = JSON.parse(sarif.stdout) as SarifLog;
    expect(codeScanningProblems(log)).toEqual([]);
    expect(sarif.code).toBe(1);

    const run = log.runs[0]!;
    const wanted = [
      ...json.manifest.diagnostics.map(
        (d) => `velakit-manifest/${d.code} every-kind/src/manifest.json:${d.start.line}:${d.start.column}`,
      ),
      ...json.lint.flatMap((result) =>
        result.messages.map(
          (m) =>
            `${m.ruleId ?? 'velakit/parse-error'} ${result.filePath.slice(scratch.length + 1)}:${m.line}:${m.column}`,
        ),
      ),
    ];
    const got = run.results!.map((r) => {
      const location = r.locations![0]!.physicalLocation!;
      return `${r.ruleId} ${location.artifactLocation!.uri}:${location.region!['startLine']}:${location.region!['startColumn']}`;
    });
    expect(got.sort()).toEqual(wanted.sort());
    // Every kind is there: a manifest code, a velakit rule, and a parse error.
    expect(got.some((entry) => entry.startsWith('velakit-manifest/duplicate-feature '))).toBe(true);
    expect(got.some((entry) => entry.startsWith('velakit/require-params every-kind/src/common/upload.js:4:'))).toBe(
      true,
    );
    expect(got.some((entry) => entry.startsWith('velakit/parse-error every-kind/src/common/broken.js:1:'))).toBe(true);
  });

  it('describes every manifest code and each reporting rule with its docs link', async () => {
    appWithEveryKind();
    const log = JSON.parse((await velakit(scratch, 'check', 'every-kind', '--format', 'sarif')).stdout) as SarifLog;
    const rules = log.runs[0]!.tool.driver.rules!;
    for (const { code } of diagnosticCodeList)
      expect(rules.map((rule) => rule.id)).toContain(`velakit-manifest/${code}`);
    const requireParams = rules.find((rule) => rule.id === 'velakit/require-params')!;
    expect(requireParams.helpUri).toBe('https://github.com/velakit/velakit/blob/main/rules/require-params.md');
    expect(requireParams.help!.text).toContain('https://github.com/velakit/velakit/blob/main/rules/require-params.md');
    const parseError = rules.find((rule) => rule.id === 'velakit/parse-error')!;
    expect(parseError.help!.text).toContain('@typescript-eslint/parser');
  });

  it('gives the same SARIF quality on the bundled band-and-redmi app', async () => {
    const log = JSON.parse(
      (await velakit(repo, 'check', 'fixtures/band-and-redmi', '--format', 'sarif')).stdout,
    ) as SarifLog;
    expect(codeScanningProblems(log)).toEqual([]);
    expect(log.runs[0]!.results!.length).toBe(3);
  });
});

describe('velakit check --format github', () => {
  it('prints one escaped workflow annotation per problem, paths relative to the working directory', async () => {
    appWithEveryKind();
    const github = await velakit(scratch, 'check', 'every-kind', '--format', 'github');
    const json = JSON.parse((await velakit(scratch, 'check', 'every-kind', '--format', 'json')).stdout) as JsonReport;
    const lines = github.stdout.trimEnd().split('\n');
    const count = json.manifest.diagnostics.length + json.lint.reduce((sum, result) => sum + result.messages.length, 0);
    expect(lines).toHaveLength(count);
    for (const line of lines) {
      expect(line).toMatch(
        /^::(error|warning|notice) file=every-kind\/src\/[\w/.]+,line=\d+,col=\d+(,endLine=\d+,endColumn=\d+)?,title=velakit\([\w/-]+\)::\S.*$/u,
      );
    }
    expect(lines).toContainEqual(
      expect.stringMatching(
        /^::warning file=every-kind\/src\/manifest\.json,line=\d+,col=\d+,endLine=\d+,endColumn=\d+,title=velakit\(velakit-manifest\/duplicate-feature\)::"system\.uploadtask" is already declared/u,
      ),
    );
    expect(lines).toContainEqual(
      expect.stringMatching(
        /^::error file=every-kind\/src\/common\/upload\.js,line=4,col=\d+,.*title=velakit\(velakit\/require-params\)::/u,
      ),
    );
    expect(github.code).toBe(1);
  });

  it('prints nothing for a clean app, exit 0', async () => {
    const clean = await velakit(repo, 'check', 'fixtures/watch-s4-clean', '--format', 'github');
    expect(clean).toEqual({ code: 0, stdout: '', stderr: '' });
  });
});

it('an unknown format is exit 2 with one line naming the formats', async () => {
  expect(await velakit(repo, 'check', 'fixtures/watch-s4-clean', '--format', 'xml')).toEqual({
    code: 2,
    stdout: '',
    stderr: 'velakit: unknown format "xml" (use text, json, sarif, or github)\n',
  });
});
