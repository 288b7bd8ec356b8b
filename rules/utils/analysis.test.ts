import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import { checkEachFile } from './analysis.js';
import { createRule } from './rule.js';

describe('checkEachFile', () => {
  /** Listener names `create` returned and the module names `check` saw, per linted text. */
  function probe(text: string, filename = 'src/page.js') {
    const listeners: string[][] = [];
    const checked: string[][] = [];
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
        const returned = checkEachFile(context, options, (checkedContext, analysis, checkedOptions) => {
          const modules = analysis.usage.imports.map((entry) => entry.specifier);
          checked.push(modules);
          checkedContext.report({
            loc: { line: 1, column: 0 },
            messageId: 'seen',
            data: { modules: modules.join(', '), tag: checkedOptions.tag },
          });
        });
        listeners.push(Object.keys(returned));
        return returned;
      },
    });
    const messages = new Linter({ configType: 'flat' }).verify(
      text,
      [
        {
          files: ['**/*.js'],
          languageOptions: { sourceType: 'module' },
          plugins: { v: { rules: { probe: rule as never } } },
          rules: { 'v/probe': ['error', { tag: 'configured' }] },
        },
      ],
      filename,
    );
    return { listeners, checked, messages: messages.map((message) => message.message) };
  }

  it('gives a file that names no @system module and imports no local file no listener at all', () => {
    const { listeners, checked, messages } = probe("import x from 'lodash';\nexport const y = x(1);\n");
    expect(listeners).toEqual([[]]);
    expect(checked).toEqual([]);
    expect(messages).toEqual([]);
  });

  it('hands the analysis and the rule options of a file that imports a @system module to check', () => {
    const { listeners, checked, messages } = probe(
      "import fetch from '@system.fetch';\nfetch.fetch({ url: 'https://example.com' });\n",
    );
    expect(listeners).toEqual([['Program']]);
    expect(checked).toEqual([['@system.fetch']]);
    expect(messages).toEqual(['@system.fetch (configured)']);
  });

  it('listens on a file that may import a local barrel, and checks nothing when it is not one', () => {
    // `./helpers.js` does not exist: the analysis finds no barrel, so the file has no analysis to check.
    const { listeners, checked, messages } = probe("import { format } from './helpers.js';\nformat(1);\n");
    expect(listeners).toEqual([['Program']]);
    expect(checked).toEqual([]);
    expect(messages).toEqual([]);
  });
});
