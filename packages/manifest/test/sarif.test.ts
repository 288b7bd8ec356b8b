// SARIF that GitHub code scanning accepts: valid against the official 2.1.0 schema, and every rule carries the name,
// full description, help and help link an alert shows.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { diagnosticCodeList } from '../src/codes.js';
import { run } from '../src/cli/run.js';
import { codesDocText } from '../scripts/generated-files.mjs';
import { manifests, withMembers } from './helpers.js';
import { codeScanningProblems, type SarifLog } from '../../../fixtures/support/sarif.js';

const dir = mkdtempSync(join(tmpdir(), 'velakit-sarif-'));
writeFileSync(join(dir, 'clean.json'), withMembers(''));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function sarifOf(...paths: string[]): SarifLog {
  let stdout = '';
  run(['--format', 'sarif', ...paths], {
    stdout: (text) => (stdout += text),
    stderr: () => {},
    cwd: dir,
    isTTY: false,
  });
  return JSON.parse(stdout) as SarifLog;
}

describe('velakit-manifest --format sarif', () => {
  it("passes the SARIF 2.1.0 schema and GitHub code scanning's requirements on every invalid test manifest", () => {
    const names: string[] = [];
    for (const [name, text] of manifests('invalid')) {
      writeFileSync(join(dir, name), text);
      names.push(name);
    }
    // A path with a space and a folder: URIs stay relative and percent-encoded.
    mkdirSync(join(dir, 'my app', 'src'), { recursive: true });
    writeFileSync(
      join(dir, 'my app', 'src', 'manifest.json'),
      withMembers('  "features": [{ "name": "system.requst" }]'),
    );
    const log = sarifOf(...names, 'my app');
    expect(codeScanningProblems(log)).toEqual([]);
    const results = log.runs[0]!.results!;
    expect(new Set(results.map((result) => result.ruleId)).size).toBeGreaterThan(10);
    expect(
      results.some(
        (result) => result.locations![0]!.physicalLocation!.artifactLocation!.uri === 'my%20app/src/manifest.json',
      ),
    ).toBe(true);
  });

  it('describes every diagnostic code as a rule with its fix and a link to its section of codes.md', () => {
    const rules = sarifOf('clean.json').runs[0]!.tool.driver.rules!;
    expect(rules.map((rule) => rule.id)).toEqual(diagnosticCodeList.map((entry) => entry.code));
    for (const entry of diagnosticCodeList) {
      const rule = rules.find((r) => r.id === entry.code)!;
      expect(rule.fullDescription!.text).toContain(entry.description);
      expect(rule.help!.text).toContain(entry.fix);
      expect(rule.help!.markdown).toContain(entry.fix);
      expect(rule.helpUri).toBe(
        `https://github.com/velakit/velakit/blob/main/packages/manifest/codes.md#${entry.code}`,
      );
    }
  });

  it('the checker itself rejects what GitHub would: a rule without help, an absolute URI, a result without a rule', () => {
    writeFileSync(join(dir, 'bad.json'), withMembers('  "minAPILevel": 0'));
    const withResult = sarifOf('bad.json');
    expect(codeScanningProblems(withResult)).toEqual([]);
    const broken = structuredClone(withResult);
    delete broken.runs[0]!.tool.driver.rules![0]!.help;
    broken.runs[0]!.results![0]!.locations![0]!.physicalLocation!.artifactLocation!.uri = '/abs/bad.json';
    broken.runs[0]!.results![0]!.ruleIndex = 0;
    expect(codeScanningProblems(broken)).toEqual([
      'rule file-too-large: no help',
      'result 0 (invalid-value): ruleIndex does not point at its rule',
      'result 0 (invalid-value): the artifact URI must be relative to %SRCROOT%, not /abs/bad.json',
    ]);
    expect(codeScanningProblems({ version: '2.1.0', runs: [{}] })).toEqual([
      "schema: /runs/0 must have required property 'tool'",
    ]);
  });
});

describe('codes.md', () => {
  const doc = readFileSync(new URL('../codes.md', import.meta.url), 'utf8');

  it('is up to date (run `npm run generate -w @velakit/manifest`)', () => {
    expect(doc).toBe(codesDocText());
  });

  it('has a heading per code, the anchor each SARIF helpUri names', () => {
    const headings = [...doc.matchAll(/^## (\S+)$/gmu)].map((match) => match[1]);
    expect(headings).toEqual(diagnosticCodeList.map((entry) => entry.code));
  });
});
