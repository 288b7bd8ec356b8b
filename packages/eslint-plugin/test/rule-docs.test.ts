// Every Wrong and Right example of every rule doc, linted by the real plugin, as ESLint and typescript-eslint test
// their docs: a Wrong example must get reports from its rule (the very reports the doc states, when it states them),
// a Right example none. Each example runs in an app of its own made of the files its doc section shows (the
// convention is in rules/README.md, "Examples in rule docs"). The docs ship in @velakit/eslint-rules, so this test,
// at the plugin that registers the rules and owns the `.ux` processor, reads them through that package.
import { mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { ESLint, type Linter } from 'eslint';
import { afterAll, describe, expect, it } from 'vitest';
import velakit from '@velakit/eslint-plugin';
import { rules } from '@velakit/eslint-rules';
import { docExamples, type DocExample } from './rule-doc-examples.js';

const rulesDir = dirname(createRequire(import.meta.url).resolve('@velakit/eslint-rules/package.json'));
const scratch = realpathSync(mkdtempSync(join(tmpdir(), 'velakit-rule-docs-')));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

type RuleName = keyof typeof rules;
const ruleNames = Object.keys(rules) as RuleName[];

function examplesOf(name: RuleName): DocExample[] {
  return docExamples(readFileSync(join(rulesDir, `${name}.md`), 'utf8'), rules[name].meta.docs!.language);
}

/** The plugin's `strict` config with every velakit rule but `name` off, and `name` at its default options. */
function onlyRule(name: RuleName): Linter.Config[] {
  return velakit.configs.strict.map((config) => {
    if (!config.rules) return config;
    const kept = Object.entries(config.rules).filter(([id]) => !id.startsWith('velakit/') || id === `velakit/${name}`);
    return {
      ...config,
      rules: Object.fromEntries(kept.map(([id, level]) => [id, id.startsWith('velakit/') ? 'error' : level])),
    };
  });
}

let apps = 0;
/** Lints the example in a fresh app holding it and its section's other files; every message of the run. */
async function lint(name: RuleName, example: DocExample): Promise<Linter.LintMessage[]> {
  const root = join(scratch, `${name}-${apps++}`);
  for (const file of [...example.context, example]) {
    mkdirSync(dirname(join(root, file.path)), { recursive: true });
    writeFileSync(join(root, file.path), file.text);
  }
  const eslint = new ESLint({ cwd: root, overrideConfigFile: true, overrideConfig: onlyRule(name) });
  const [result] = await eslint.lintFiles([example.path]);
  return result!.messages;
}

const cases = ruleNames.flatMap((name) =>
  examplesOf(name).map((example, index) => ({
    name,
    example,
    title: `${name}: ${example.section} example at line ${example.docLine} (${example.path}) #${index}`,
  })),
);

describe('rule doc examples', () => {
  it.each(ruleNames)('%s: its doc has a Wrong and a Right example the test lints', (name) => {
    const sections = new Set(examplesOf(name).map((example) => example.section));
    expect([...sections].sort()).toEqual(['Right', 'Wrong']);
  });

  it.each(cases)('$title', async ({ name, example }) => {
    const messages = await lint(name, example);
    // An example that does not parse (or crashes a rule) proves nothing either way.
    expect(messages.filter((message) => message.fatal || message.ruleId === null)).toEqual([]);
    const reports = messages.filter((message) => message.ruleId === `velakit/${name}`);
    if (example.section === 'Right') {
      // A source file that imports no `@system.*` module is silent under every velakit rule: it would prove nothing.
      if (rules[name].meta.docs!.language === 'javascript') expect(example.text).toContain("'@system.");
      expect(reports.map((report) => `${report.line}:${report.column} ${report.message}`)).toEqual([]);
      return;
    }
    expect(reports.length, 'a Wrong example must get a report from its rule').toBeGreaterThan(0);
    if (!example.reports) return;
    const found = reports.map((report) => ({ line: report.line, column: report.column, message: report.message }));
    const stated = example.reports.map((report, index) => ({
      line: report.line ?? found[index]?.line,
      column: report.column ?? found[index]?.column,
      message: report.message,
    }));
    expect(found).toEqual(stated);
  });
});

describe('reading doc examples', () => {
  const doc = (body: string): string => `# velakit/x\n\n${body}\n\n## Options\n\nNone.\n`;

  it('takes blocks of the rule language as examples and the others as their app, per section', () => {
    const examples = docExamples(
      doc(
        [
          '## Wrong',
          '',
          '```json title="manifest.json"',
          '{ "features": [] }',
          '```',
          '',
          '```js',
          "import fetch from '@system.fetch'",
          '```',
          '',
          '```text',
          '1:1  first',
          'second',
          '```',
          '',
          '## Right',
          '',
          '```ts title="src/a.ts"',
          'export {}',
          '```',
        ].join('\n'),
      ),
      'javascript',
    );
    expect(examples).toEqual([
      {
        section: 'Wrong',
        path: 'src/pages/index/index.js',
        text: "import fetch from '@system.fetch'\n",
        docLine: 9,
        context: [{ path: 'manifest.json', text: '{ "features": [] }\n', docLine: 5 }],
        reports: [{ line: 1, column: 1, message: 'first' }, { message: 'second' }],
      },
      { section: 'Right', path: 'src/a.ts', text: 'export {}\n', docLine: 20, context: [] },
    ]);
    // The same doc for a manifest rule: the manifest is the example, the source its app.
    const manifestExamples = docExamples(
      doc('## Wrong\n\n```json\n{}\n```\n\n```js\nx\n```\n\n## Right\n\n```js\ny\n```'),
      'json',
    );
    expect(manifestExamples).toEqual([
      {
        section: 'Wrong',
        path: 'src/manifest.json',
        text: '{}\n',
        docLine: 5,
        context: [{ path: 'src/pages/index/index.js', text: 'x\n', docLine: 9 }],
      },
    ]);
  });

  it('ignores code outside Wrong and Right, and ends a section at the next heading of its level', () => {
    expect(
      docExamples(doc('## Wrong\n\n```js\nx\n```\n\n## Guards\n\n```js\ny\n```'), 'javascript').map(
        (example) => example.text,
      ),
    ).toEqual(['x\n']);
  });

  it('refuses a block it cannot place, naming its line', () => {
    expect(() => docExamples(doc('## Wrong\n\n```sh\nls\n```'), 'javascript')).toThrow(
      'line 5: code block language `sh` is not one of',
    );
    expect(() => docExamples(doc('## Right\n\n```text\nx\n```'), 'javascript')).toThrow(
      'line 5: a `text` block states the reports',
    );
  });
});
