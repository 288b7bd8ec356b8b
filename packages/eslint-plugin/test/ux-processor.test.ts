import { ESLint, type Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import velakit from '../src/index.js';
import { extractScript } from '../src/processor/ux.js';

const settings = {
  velakit: { targetDevices: ['xiaomi-watch-s4'], features: ['system.request', 'system.uploadtask'], minAPILevel: 3 },
};

function eslintWith(extra: Linter.Config[] = []): ESLint {
  return new ESLint({
    cwd: '/velakit-ux-test',
    overrideConfigFile: true,
    overrideConfig: [...velakit.configs.recommended, { settings }, ...extra],
  });
}

async function lintUx(text: string, extra: Linter.Config[] = []): Promise<Linter.LintMessage[]> {
  const [result] = await eslintWith(extra).lintText(text, { filePath: '/velakit-ux-test/src/pages/index/index.ux' });
  return result!.messages;
}

/** Applies one suggestion to the whole .ux text, as an editor would. */
function applySuggestion(text: string, message: Linter.LintMessage, index = 0): string {
  const fix = message.suggestions![index]!.fix;
  return text.slice(0, fix.range[0]) + fix.text + text.slice(fix.range[1]);
}

const page = [
  '<template>',
  '  <div class="page"><text>{{ status }}</text></div>',
  '</template>',
  '',
  '<script>',
  "import request from '@system.requst'",
  "import upload from '@system.uploadtask'",
  '',
  'export default {',
  '  send() {',
  "    upload.uploadFile({ url: 'https://example.com', filepath: 'internal://files/a.txt', name: 'a' })",
  '  },',
  '}',
  '</script>',
  '',
  '<style>',
  '.page { flex-direction: column; }',
  '</style>',
].join('\n');

describe('velakit/ux processor', () => {
  it('reports problems in the script at their line and column in the .ux file', async () => {
    const messages = await lintUx(page);
    expect(
      messages.map(({ ruleId, line, column, endLine, endColumn }) => ({ ruleId, line, column, endLine, endColumn })),
    ).toEqual([
      { ruleId: 'velakit/no-unknown-module', line: 6, column: 21, endLine: 6, endColumn: 37 },
      { ruleId: 'velakit/require-params', line: 11, column: 5, endLine: 11, endColumn: 22 },
      { ruleId: 'velakit/valid-params', line: 11, column: 53, endLine: 11, endColumn: 61 },
    ]);
  });

  it('moves suggestion ranges so applying them edits the right characters', async () => {
    const messages = await lintUx(page);
    const unknown = messages.find((message) => message.ruleId === 'velakit/no-unknown-module')!;
    expect(applySuggestion(page, unknown)).toBe(page.replace("'@system.requst'", "'@system.request'"));
    const misspelled = messages.find((message) => message.ruleId === 'velakit/valid-params')!;
    expect(applySuggestion(page, misspelled)).toBe(page.replace('filepath:', 'filePath:'));
  });

  it('applies autofixes inside the script and leaves the template and style alone', async () => {
    const text =
      '<template><div></div></template>\n<script>\nlet answer = 42\nexport default { answer }\n</script>\n<style>.a { color: red; }</style>\n';
    const eslint = new ESLint({
      cwd: '/velakit-ux-test',
      fix: true,
      overrideConfigFile: true,
      overrideConfig: [...velakit.configs.recommended, { files: ['**/*.js'], rules: { 'prefer-const': 'error' } }],
    });
    const [result] = await eslint.lintText(text, { filePath: '/velakit-ux-test/src/a.ux' });
    expect(result!.output).toBe(text.replace('let answer', 'const answer'));
    expect(result!.messages).toEqual([]);
  });

  it('counts columns from the tag when the script starts on the tag line', async () => {
    const messages = await lintUx("<template><div></div></template><script>import x from '@system.vibrater'</script>");
    expect(messages).toMatchObject([
      { ruleId: 'velakit/no-unknown-module', line: 1, column: 55, endLine: 1, endColumn: 73 },
    ]);
  });

  it('keeps offsets right with CRLF line ends', async () => {
    const text =
      "<template>\r\n<div></div>\r\n</template>\r\n<script>\r\nimport x from '@system.requst'\r\n</script>\r\n";
    const [message] = await lintUx(text);
    expect(message).toMatchObject({
      ruleId: 'velakit/no-unknown-module',
      line: 5,
      column: 15,
      endLine: 5,
      endColumn: 31,
    });
    expect(applySuggestion(text, message!)).toBe(text.replace('requst', 'request'));
  });

  it('applies fixes and suggestions at the right characters when the file starts with a byte order mark', async () => {
    const text = '\uFEFF<script>\nvar a = 1\nlet b = 2\nexport default { a, b }\n</script>\n';
    const eslint = new ESLint({
      cwd: '/velakit-ux-test',
      fix: true,
      overrideConfigFile: true,
      overrideConfig: [
        ...velakit.configs.recommended,
        { files: ['**/*.js'], rules: { 'no-var': 'error', 'prefer-const': 'error' } },
      ],
    });
    const [result] = await eslint.lintText(text, { filePath: '/velakit-ux-test/src/a.ux' });
    // ESLint strips the mark before it applies fixes; offsets that counted it shifted every fix by one.
    expect(result!.output).toBe('\uFEFF<script>\nconst a = 1\nconst b = 2\nexport default { a, b }\n</script>\n');
    const withBom = "\uFEFF<script>import x from '@system.requst'</script>";
    const [message] = await lintUx(withBom);
    expect(message).toMatchObject({
      ruleId: 'velakit/no-unknown-module',
      line: 1,
      column: 23,
      endLine: 1,
      endColumn: 39,
    });
    // Editors apply suggestions to the text without the mark, as ESLint does.
    expect(applySuggestion(withBom.slice(1), message!)).toBe(withBom.slice(1).replace('requst', 'request'));
  });

  it('finds the script after a self-closing <import /> or another unclosed element', async () => {
    const text = [
      '<import name="tile" src="../../components/tile/index" />',
      '<custom-header title="x">',
      '<template>',
      '  <div><tile /></div>',
      '</template>',
      '<script>',
      "import x from '@system.requst'",
      '</script>',
    ].join('\n');
    expect(await lintUx(text)).toMatchObject([
      { ruleId: 'velakit/no-unknown-module', line: 7, column: 15, endLine: 7, endColumn: 31 },
    ]);
  });

  it('says so when a file has a <script> velakit cannot find, instead of skipping it silently', async () => {
    const text = "<template>\n  <div></div>\n\n<script>\nimport x from '@system.requst'\n</script>\n";
    const messages = await lintUx(text);
    expect(messages).toMatchObject([{ ruleId: null, severity: 1, line: 1, column: 1 }]);
    expect(messages[0]!.message).toContain("cannot find this file's <script>");
    expect(messages[0]!.message).toContain('missing </template>');
    // A <script> in a comment is no script.
    expect(await lintUx('<template><div></div></template>\n<!-- <script>old code</script> -->\n')).toEqual([]);
  });

  it('parses lang="ts" scripts as TypeScript', async () => {
    const text = [
      '<script lang="ts">',
      "import request from '@system.request'",
      'interface Options { url: string }',
      "const options: Options = { url: 'u' }",
      "request.download({ url: options.url, header: { a: 'b' } as Record<string, string> })",
      '</script>',
    ].join('\n');
    const messages = await lintUx(text);
    expect(messages).toMatchObject([
      { ruleId: 'velakit/valid-params', line: 5, column: 46, endLine: 5, endColumn: 82, severity: 2 },
    ]);
    expect(messages[0]!.message).toBe('`header` of `request.download` must be a string, not an object.');
  });

  it('maps parse errors back into the .ux file', async () => {
    const messages = await lintUx('<template></template>\n<script>\nconst = 1\n</script>');
    expect(messages).toMatchObject([{ fatal: true, line: 3, column: 7 }]);
  });

  it('lints only the first top-level script, as the Vela compiler does', async () => {
    const messages = await lintUx(
      "<script>\nconst a = 1\nexport default { a }\n</script>\n<script>\nimport x from '@system.requst'\n</script>",
    );
    expect(messages).toEqual([]);
  });

  it('is quiet for a .ux without a script, with an external script, or with an empty one', async () => {
    expect(await lintUx('<template><div>{{ "@system.requst" }}</div></template>\n<style>.a{}</style>')).toEqual([]);
    expect(
      await lintUx(
        '<template><div></div></template>\n<script src="./page.js">\nimport x from "@system.requst"\n</script>',
      ),
    ).toEqual([]);
    expect(await lintUx('<script></script>')).toEqual([]);
    expect(await lintUx('')).toEqual([]);
  });

  it('extractScript reports where the script starts', () => {
    expect(extractScript('<template></template>\n<script lang="ts">\nlet a\n</script>')).toEqual({
      text: '\nlet a\n',
      extension: 'ts',
      line: 2,
      column: 19,
      offset: 40,
      bom: 0,
    });
    expect(extractScript('<template></template>')).toBeUndefined();
  });
});
