import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import { fileChecker, type Analysis } from './analysis.js';
import { appSourcesCacheStats, clearAppSourcesCache } from './app-sources.js';
import { createRule, type RuleContext } from './rule.js';

type ProbeContext = RuleContext<'seen', [{ tag: string }]>;

/** A rule that reports the `@system` modules each file imports, with its `tag` option; `onCheck` runs in its check. */
function probeRule(onCheck: (context: ProbeContext, analysis: Analysis) => void = () => {}) {
  const listeners: string[][] = [];
  const checked: string[][] = [];
  const programListeners = new Set<unknown>();
  const checkFiles = fileChecker<ProbeContext, { tag: string }>((context, analysis, options) => {
    const modules = analysis.usage.imports.map((entry) => entry.specifier);
    checked.push(modules);
    context.report({
      loc: { line: 1, column: 0 },
      messageId: 'seen',
      data: { modules: modules.join(', '), tag: options.tag },
    });
    onCheck(context, analysis);
  });
  const rule = createRule<[{ tag: string }], 'seen'>({
    name: 'probe',
    meta: {
      type: 'problem',
      docs: { description: 'probe', recommended: 'recommended', language: 'javascript', readsManifest: false },
      messages: { seen: '{{ modules }} ({{ tag }})' },
      schema: [{ type: 'object', properties: { tag: { type: 'string' } }, additionalProperties: false }],
      defaultOptions: [{ tag: 'default' }],
    },
    defaultOptions: [{ tag: 'default' }],
    create(context, [options]) {
      const returned = checkFiles(context, options);
      listeners.push(Object.keys(returned));
      if (returned.Program) programListeners.add(returned.Program);
      return returned;
    },
  });
  return { rule, listeners, checked, programListeners };
}

function lint(text: string, rules: Record<string, ReturnType<typeof probeRule>['rule']>, filename = 'src/page.js') {
  const messages = new Linter({ configType: 'flat' }).verify(
    text,
    [
      {
        files: ['**/*.js'],
        languageOptions: { sourceType: 'module' },
        plugins: { v: { rules: rules as never } },
        rules: Object.fromEntries(Object.keys(rules).map((name) => [`v/${name}`, ['error', { tag: name }]])),
      },
    ],
    filename,
  );
  return messages.map((message) => `${message.ruleId}: ${message.message}`);
}

describe('fileChecker', () => {
  it('gives a file that names no @system module and imports no local file no listener at all', () => {
    const probe = probeRule();
    expect(lint("import x from 'lodash';\nexport const y = x(1);\n", { probe: probe.rule })).toEqual([]);
    expect(probe.listeners).toEqual([[]]);
    expect(probe.checked).toEqual([]);
  });

  it('hands the text of a whole linted file to the app-source scan, and not the script block of a .ux file', () => {
    clearAppSourcesCache();
    const probe = probeRule();
    lint("import fetch from '@system.fetch';\n", { probe: probe.rule }, 'src/common/a.js');
    // A file that cannot use a module is noted too: the scan then need not read it either.
    lint('export const two = 2;\n', { probe: probe.rule }, 'src/common/b.js');
    expect(appSourcesCacheStats().noted).toBe(2);
    const page = "<template><text>x</text></template>\n<script>\nimport fetch from '@system.fetch';\n</script>\n";
    new Linter({ configType: 'flat' }).verify(
      page,
      [
        {
          files: ['**/*.ux'],
          processor: {
            preprocess: (text: string) => [
              { text: text.slice(text.indexOf('import'), text.indexOf('</script>')), filename: 'script.js' },
            ],
            postprocess: (messages: Linter.LintMessage[][]) => messages.flat(),
          },
        },
        {
          files: ['**/*.js'],
          languageOptions: { sourceType: 'module' },
          plugins: { v: { rules: { probe: probe.rule } as never } },
          rules: { 'v/probe': ['error', { tag: 'probe' }] },
        },
      ],
      'src/pages/index.ux',
    );
    expect(probe.checked.at(-1)).toEqual(['@system.fetch']);
    expect(appSourcesCacheStats().noted).toBe(2);
    clearAppSourcesCache();
  });

  it('hands the analysis and the rule options of a file that imports a @system module to check', () => {
    const probe = probeRule();
    const messages = lint("import fetch from '@system.fetch';\nfetch.fetch({ url: 'https://example.com' });\n", {
      probe: probe.rule,
    });
    expect(probe.listeners).toEqual([['Program']]);
    expect(probe.checked).toEqual([['@system.fetch']]);
    expect(messages).toEqual(['v/probe: @system.fetch (probe)']);
  });

  it('listens on a file that may import a local barrel, and checks nothing when it is not one', () => {
    // `./helpers.js` does not exist: the analysis finds no barrel, so the file has no analysis to check.
    const probe = probeRule();
    expect(lint("import { format } from './helpers.js';\nformat(1);\n", { probe: probe.rule })).toEqual([]);
    expect(probe.listeners).toEqual([['Program']]);
    expect(probe.checked).toEqual([]);
  });

  it('gives every file the same listener function, so ESLint records it once per rule', () => {
    const probe = probeRule();
    for (const module of ['fetch', 'storage', 'router'])
      lint(`import m from '@system.${module}';\n`, { probe: probe.rule });
    expect(probe.checked).toEqual([['@system.fetch'], ['@system.storage'], ['@system.router']]);
    expect(probe.programListeners.size).toBe(1);
  });

  it("keeps each rule's context and options apart on the same file", () => {
    const first = probeRule();
    const second = probeRule();
    expect(lint("import fetch from '@system.fetch';\n", { first: first.rule, second: second.rule })).toEqual([
      'v/first: @system.fetch (first)',
      'v/second: @system.fetch (second)',
    ]);
  });

  it('checks a rule enabled under two plugin names, each with its own options', () => {
    const probe = probeRule();
    const messages = new Linter({ configType: 'flat' }).verify(
      "import fetch from '@system.fetch';\n",
      [
        {
          files: ['**/*.js'],
          languageOptions: { sourceType: 'module' },
          plugins: { a: { rules: { probe: probe.rule as never } }, b: { rules: { probe: probe.rule as never } } },
          rules: { 'a/probe': ['error', { tag: 'first name' }], 'b/probe': ['error', { tag: 'second name' }] },
        },
      ],
      'src/page.js',
    );
    expect(messages.map((message) => `${message.ruleId}: ${message.message}`)).toEqual([
      'a/probe: @system.fetch (first name)',
      'b/probe: @system.fetch (second name)',
    ]);
  });

  it('checks each file with its own context when a lint runs inside another one', () => {
    // The first rule's check on the outer file lints another file with both rules before the second rule's listener
    // has run on the outer one: that listener must still find the outer file's context and options.
    let nested: string[] = [];
    const second = probeRule();
    const first = probeRule((context) => {
      if (context.filename.endsWith('outer.js'))
        nested = lint(
          "import storage from '@system.storage';\n",
          { first: first.rule, second: second.rule },
          'src/inner.js',
        );
    });
    const outer = lint(
      "import fetch from '@system.fetch';\n",
      { first: first.rule, second: second.rule },
      'src/outer.js',
    );
    expect(outer).toEqual(['v/first: @system.fetch (first)', 'v/second: @system.fetch (second)']);
    expect(nested).toEqual(['v/first: @system.storage (first)', 'v/second: @system.storage (second)']);
  });
});
