import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { rules, type RuleName } from './index.js';
import { ruleDocsUrl } from './utils/rule.js';
import { beginMarker, endMarker, renderOptions, withOptions } from './scripts/generate-options.mjs';

const ruleNames = Object.keys(rules) as RuleName[];

describe('rule docs', () => {
  it.each(ruleNames)('%s: has its doc beside it with examples, options and silent cases, and links to it', (name) => {
    const rule = rules[name];
    expect(rule.meta.docs?.url).toBe(ruleDocsUrl(name));
    const doc = readFileSync(new URL(`${name}.md`, import.meta.url), 'utf8');
    expect(doc.startsWith(`# velakit/${name}\n`)).toBe(true);
    for (const heading of ['## Options', '## When it stays silent']) expect(doc).toContain(heading);
    expect(doc).toMatch(/## Wrong[\s\S]*```[\s\S]*## Right/u);
    if (rule.meta.docs?.readsManifest && rule.meta.docs.language === 'javascript')
      expect(doc).toContain('## Where targets come from');
  });

  it.each(ruleNames)('%s: its Options list is what `npm run generate` writes from the schema', (name) => {
    const doc = readFileSync(new URL(`${name}.md`, import.meta.url), 'utf8');
    expect(doc).toContain(`${beginMarker}\n\n${renderOptions(name, rules[name])}\n\n${endMarker}`);
    expect(withOptions(doc, name, rules[name])).toBe(doc);
  });
});

describe('Options generator', () => {
  const rule = (schema: unknown[], defaultOptions?: unknown[]) => ({
    meta: { schema, ...(defaultOptions ? { defaultOptions } : {}) },
  });
  const object = (properties: Record<string, unknown>) => [{ type: 'object', properties, additionalProperties: false }];

  it('lists each option with its description, type, choices and default', () => {
    const text = renderOptions(
      'x',
      rule(
        object({
          level: { type: 'string', enum: ['a', 'b'], description: 'How | much.' },
          ids: { type: 'array', items: { type: 'string', enum: ['1', '2', '3', '4', '5', '6'] }, description: 'Ids.' },
          min: { type: 'integer', minimum: 1, description: 'Least.' },
        }),
        [{ level: 'b' }],
      ),
    );
    expect(text.split('\n')).toEqual([
      "`'velakit/x': ['error', { ... }]`, with:",
      '',
      '| Option | Description | Type | Choices | Default |',
      '| --- | --- | --- | --- | --- |',
      '| `level` | How \\| much. | string | `a`, `b` | `b` |',
      '| `ids` | Ids. | string[] | `1`, `2`, `3`, `4`, … (6 in all) |  |',
      '| `min` | Least. | integer (≥ 1) |  |  |',
    ]);
    expect(renderOptions('x', rule([]))).toBe('None.');
  });

  it('rewrites between the markers, or the whole section of a doc without them, and keeps the text around', () => {
    const fresh = '# velakit/x\n\n## Options\n\n- old hand list\n\n## When it stays silent\n\n- never\n';
    const once = withOptions(fresh, 'x', rule([]));
    expect(once).toBe(
      `# velakit/x\n\n## Options\n\n${beginMarker}\n\nNone.\n\n${endMarker}\n\n## When it stays silent\n\n- never\n`,
    );
    const withNote = once.replace(`${endMarker}\n`, `${endMarker}\n\nA note.\n`);
    expect(withOptions(withNote, 'x', rule(object({ a: { type: 'boolean', description: 'A.' } })))).toContain(
      '| `a` | A. | boolean |  |  |\n\n<!-- end generated options -->\n\nA note.\n',
    );
  });

  it('refuses a schema it cannot document, and a doc without an Options section', () => {
    expect(() => renderOptions('x', rule(object({ a: { type: 'boolean' } })))).toThrow(
      'x: option `a` has no schema `description`',
    );
    expect(() => renderOptions('x', rule([{ type: 'string' }]))).toThrow(
      'x: the Options generator knows one options object',
    );
    expect(() => withOptions('# velakit/x\n', 'x', rule([]))).toThrow('x.md has no "## Options" section');
  });
});
