import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { run } from '../src/cli/run.js';
import { validateManifest } from '../src/validate.js';
import { visible, visibleJson } from '../src/visible-text.js';
import { withMembers } from './helpers.js';

// A pull request controls the manifest's strings; a CI log or terminal must show them, not act on them.
const clearScreen = '\u001b[2J';
// JSON escapes for the C0 controls (raw ones are invalid JSON), raw characters for C1 and bidi controls (valid).
const hostile = withMembers('  "targetDevices": ["x\\u001b]0;owned\\u0007", "y\u009b31m", "z\u202egnp.exe"]', {
  targets: false,
}).replace('"entry": "pages/index"', '"entry": "pages/\\u001b[2J\\u0007"');
/** What a terminal would act on: every C0 control but the line feed ending output lines, DEL, C1, bidi controls. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const acting = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/u;

describe('control characters in manifest strings', () => {
  it('visible(): JSON-style escapes for controls, separators and bidi overrides; other text untouched', () => {
    expect(visible(`a${clearScreen}\u0007\t\n\r\u007f\u009b\u2028\u202e\u2066é`)).toBe(
      'a\\u001b[2J\\u0007\\t\\n\\r\\u007f\\u009b\\u2028\\u202e\\u2066é',
    );
    expect(visible('plain "text" ✔')).toBe('plain "text" ✔');
    expect(visibleJson(JSON.stringify({ a: '\u009b\u202e\u0007' }))).toBe('{"a":"\\u009b\\u202e\\u0007"}');
    expect(JSON.parse(visibleJson(JSON.stringify({ a: '\u009b\u202e' })))).toEqual({ a: '\u009b\u202e' });
  });

  it('messages quote them escaped; the suggestion stays the raw value', () => {
    const messages = validateManifest(hostile).diagnostics.map((d) => d.message);
    expect(messages).toContain(
      'router.entry "pages/\\u001b[2J\\u0007" is not a page in router.pages. Pages: "pages/index".',
    );
    expect(messages).toContain('"x\\u001b]0;owned\\u0007" is not a Vela device id.');
    expect(messages).toContain('"z\\u202egnp.exe" is not a Vela device id.');
    for (const message of messages) expect(message).not.toMatch(acting);
  });

  describe('every output format', () => {
    const dir = mkdtempSync(join(tmpdir(), 'velakit-manifest-control-'));
    const name = `bad${clearScreen}.json`;
    writeFileSync(join(dir, name), hostile);
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

    it.each(['stylish', 'github', 'json', 'sarif'])('--format %s prints nothing a terminal acts on', (format) => {
      const result = cli('--format', format, name);
      expect(result.code).toBe(1);
      expect(result.stdout).toContain('u001b[2J');
      expect(result.stdout).not.toMatch(acting);
    });

    it('json and sarif stay valid JSON that decodes to the escaped messages and the real file name', () => {
      const [entry] = JSON.parse(cli('--format', 'json', name).stdout) as {
        path: string;
        diagnostics: { message: string }[];
      }[];
      expect(entry!.path).toBe(name);
      expect(entry!.diagnostics.map((d) => d.message)).toContain('"y\\u009b31m" is not a Vela device id.');
      const sarif = JSON.parse(cli('--format', 'sarif', name).stdout) as {
        runs: { results: { message: { text: string } }[] }[];
      };
      expect(sarif.runs[0]!.results.map((r) => r.message.text)).toContain('"y\\u009b31m" is not a Vela device id.');
    });

    it('stylish and github show the file name escaped, and so does an I/O error', () => {
      expect(cli(name).stdout).toContain('at bad\\u001b[2J.json:');
      expect(cli('--format', 'github', name).stdout).toContain('file=bad\\u001b[2J.json,');
      expect(cli(`gone${clearScreen}.json`).stderr).toBe('velakit-manifest: File not found: gone\\u001b[2J.json\n');
    });
  });
});
