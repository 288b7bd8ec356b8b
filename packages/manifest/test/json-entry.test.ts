import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Diagnostic, ManifestSummary } from '../src/diagnostic.js';
import type { FileResult } from '../src/cli/file-result.js';
import { entryByStringify, formatJson, jsonLayout } from '../src/cli/formatters/json.js';
import { validateManifest } from '../src/validate.js';
import { manifests } from './helpers.js';

function resultOf(path: string, text: string): FileResult {
  const { diagnostics, summary } = validateManifest(text);
  return summary === undefined ? { path, text, diagnostics } : { path, text, diagnostics, summary };
}

// Strings that take each way through the writer: plain, and every kind of character it must leave to JSON.stringify
// (quotes, backslashes, controls, DEL and C1, separators, bidi controls, lone surrogates) or may keep (emoji, CJK).
const tricky = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme' }),
  fc.string({ unit: 'binary' }),
  fc.constantFrom(
    '"',
    '\\',
    '\n',
    '\u0000',
    '\u001b[2J',
    '\u007f',
    '\u009b',
    '\u2028',
    '\u202e',
    '\ud800',
    '\udc00x',
    '😀',
    '中文',
  ),
);

const place = fc.record({ line: fc.nat(), column: fc.nat(), offset: fc.nat() });

const diagnostic: fc.Arbitrary<Diagnostic> = fc
  .record({
    code: fc.constantFrom('unknown-device', 'invalid-value'),
    severity: fc.constantFrom('error' as const, 'warning' as const, 'info' as const),
    message: tricky,
    start: place,
    end: place,
    pointer: tricky,
    suggestion: fc.option(tricky, { nil: undefined }),
  })
  .map(({ suggestion, ...rest }) => (suggestion === undefined ? rest : { ...rest, suggestion }));

const summary: fc.Arbitrary<ManifestSummary> = fc
  .record({
    features: fc.array(tricky, { maxLength: 4 }),
    minAPILevel: fc.oneof(fc.integer(), fc.constant(1e21)),
    has: fc.record({ minAPILevel: fc.boolean(), features: fc.boolean(), permissions: fc.boolean() }),
    invalid: fc.record({
      minAPILevel: fc.boolean(),
      targetDevices: fc.boolean(),
      features: fc.boolean(),
      permissions: fc.boolean(),
      pages: fc.boolean(),
      document: fc.boolean(),
    }),
    backgroundFeatures: fc.array(tricky, { maxLength: 3 }),
    permissions: fc.array(tricky, { maxLength: 3 }),
    package: fc.option(tricky, { nil: undefined }),
    targetDevices: fc.option(fc.array(tricky, { maxLength: 3 }), { nil: undefined }),
    pages: fc.option(
      fc.array(
        fc
          .record({ name: tricky, path: fc.option(tricky, { nil: undefined }), explicit: fc.boolean() })
          .map(({ name, path, explicit }) => (path === undefined ? { name, explicit } : { name, path, explicit })),
        { maxLength: 3 },
      ),
      { nil: undefined },
    ),
  })
  .map(({ package: name, targetDevices, pages, ...rest }) => {
    const result: ManifestSummary = { ...rest };
    if (name !== undefined) result.package = name;
    if (targetDevices !== undefined) result.targetDevices = targetDevices;
    if (pages !== undefined) result.pages = pages;
    return result;
  });

describe('--format json entries', () => {
  it('are, character for character, what JSON.stringify writes, for every test manifest', () => {
    const files = [...manifests('valid'), ...manifests('invalid'), ['broken.json', '{ "name": '] as const];
    const results = files.map(([name, text]) => resultOf(name, text));
    expect(results.some((result) => result.diagnostics.some((d) => d.suggestion !== undefined))).toBe(true);
    expect(results.some((result) => result.summary === undefined)).toBe(true);
    for (const result of results) expect(jsonLayout.entry(result)).toBe(entryByStringify(result));
  });

  it('of a file with hundreds of diagnostics (left to JSON.stringify) are the same text as well', () => {
    const pages = Array.from({ length: 150 }, (_, i) => `"p${i}": { "component": "x", "launchMode": "singletask" }`);
    const result = resultOf('pages.json', `{ "router": { "entry": "p0", "pages": { ${pages.join(', ')} } } }`);
    expect(result.diagnostics.length).toBeGreaterThan(150);
    expect(jsonLayout.entry(result)).toBe(entryByStringify(result));
    const { path, diagnostics, summary } = result;
    expect(JSON.parse(`[${jsonLayout.entry(result)}]`)).toEqual([{ path, diagnostics, summary }]);
    const few = { ...result, diagnostics: result.diagnostics.slice(0, 3) };
    expect(jsonLayout.entry(few)).toBe(entryByStringify(few));
  });

  it('are what JSON.stringify writes for any strings, numbers and optional fields', () => {
    fc.assert(
      fc.property(
        tricky,
        fc.array(diagnostic, { maxLength: 3 }),
        fc.option(summary, { nil: undefined }),
        (path, diagnostics, fileSummary) => {
          const result: FileResult = { path, text: '', diagnostics };
          if (fileSummary !== undefined) result.summary = fileSummary;
          expect(jsonLayout.entry(result)).toBe(entryByStringify(result));
        },
      ),
      { numRuns: 500 },
    );
  });

  it('join into the text of JSON.stringify(entries, null, 2), with nothing a terminal acts on', () => {
    const results = [resultOf('a\u001b[2J.json', '{ "package": "x\u202ey" }'), resultOf('b.json', '{')];
    const text = formatJson(results);
    const entries = results.map(({ path, diagnostics, summary }) =>
      summary === undefined ? { path, diagnostics } : { path, diagnostics, summary },
    );
    expect(JSON.parse(text)).toEqual(entries);
    expect(text).toBe(`${JSON.stringify(entries, null, 2).replace('\u202e', '\\u202e')}\n`);
    expect(formatJson([])).toBe('[]\n');
  });
});
