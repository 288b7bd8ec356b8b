import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { rules, type RuleName } from './index.js';
import { ruleDocsUrl } from './utils/rule.js';

const ruleNames = Object.keys(rules) as RuleName[];

describe('rule docs', () => {
  it.each(ruleNames)('%s: has its doc beside it with examples, options and silent cases, and links to it', (name) => {
    const rule = rules[name];
    expect(rule.meta.docs?.url).toBe(ruleDocsUrl(name));
    const doc = readFileSync(new URL(`${name}.md`, import.meta.url), 'utf8');
    expect(doc.startsWith(`# velakit/${name}\n`)).toBe(true);
    for (const heading of ['## Options', '## When it stays silent']) expect(doc).toContain(heading);
    expect(doc).toMatch(/## Wrong[\s\S]*```[\s\S]*## Right/u);
    if (rule.meta.docs?.readsManifest && rule.meta.docs.language === 'javascript') expect(doc).toContain('## Where targets come from');
  });

});
