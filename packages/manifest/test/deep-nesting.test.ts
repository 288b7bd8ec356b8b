import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { run } from '../src/cli/run.js';
import { LineIndex } from '../src/text-position.js';
import { validateManifest } from '../src/validate.js';
import { brief, manifests } from './helpers.js';

// Deeper than any recursive walk survives (momoa's parser gives up near 4,500 levels, JSON.stringify near 5,000).
const depth = 20_000;
const shapes = {
  arrays: `${'['.repeat(depth)}${']'.repeat(depth)}`,
  objects: `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`,
  'repeated keys': `${'[{"x":'.repeat(depth)}{"x":1,"x":2}${'}]'.repeat(depth)}`,
};
const variants: Record<string, (text: string) => string> = {
  'as is': (text) => text,
  'with a comment': (text) => text.replace('{', '{ // note\n'),
  'with a trailing comma': (text) => text.replace(/\}\s*$/u, ',}'),
  'cut short': (text) => text.replace(/\}\s*$/u, ''),
};

const [, full] = manifests('valid').find(([name]) => name === 'full.json')!;
/** Where a deep value goes: places the schema checks, places the platform checks read, and places nothing reads. */
const places = [
  '"name": "Weather"',
  '"minAPILevel": 3',
  '"targetDevices": ["xiaomi-watch-s4", "redmi-watch-5"]',
  '{ "name": "system.request" }',
  '"background": { "features": ["system.request"] }',
  '"time": 1700000000',
];

function expectWellPlaced(text: string): void {
  const { diagnostics } = validateManifest(text);
  const lines = new LineIndex(text);
  for (const d of diagnostics) {
    expect(d.start).toEqual(lines.position(d.start.offset));
    expect(d.end).toEqual(lines.position(d.end.offset));
  }
}

describe('nesting at any depth', () => {
  it('the reported case: 2,000 arrays around an object with a repeated key give diagnostics, not a RangeError', () => {
    const text = `${'['.repeat(2000)}{"x":1,"x":2}${']'.repeat(2000)}`;
    expect(validateManifest(text).diagnostics.map(brief)).toEqual([
      'invalid-type 1:1-1:4014',
      'duplicate-key 1:2008-1:2011',
    ]);
    expect(validateManifest(text).diagnostics[1]!.pointer).toBe(`${'/0'.repeat(2000)}/x`);
  });

  it.each(Object.entries(shapes))(
    '%s 20,000 deep, at every kind of place, as is and broken: never throws, every diagnostic inside the text',
    (_shape, deep) => {
      for (const place of places) {
        const key = place.startsWith('{') ? '{ "name": ' : place.slice(0, place.indexOf(':') + 2);
        const manifest = full.replace(place, `${key}${deep}${place.startsWith('{') ? ' }' : ''}`);
        expect(manifest).not.toBe(full);
        for (const variant of Object.values(variants)) expectWellPlaced(variant(manifest));
      }
    },
  );

  it('a broken file nested too deep for the lenient parser still gets its error', () => {
    const deep = `{ // note\n "a": ${'['.repeat(depth)}${']'.repeat(depth)} }`;
    expect(validateManifest(deep).diagnostics.map((d) => `${brief(d)} ${d.message}`)).toEqual([
      'invalid-json 1:3-1:4 Invalid JSON: comments are not allowed.',
    ]);
  });
});

describe('velakit-manifest on deep nesting', () => {
  const dir = mkdtempSync(join(tmpdir(), 'velakit-manifest-deep-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.each(['stylish', 'json', 'github', 'sarif'])(
    '--format %s: exit 1 with diagnostics, nothing on stderr',
    (format) => {
      writeFileSync(join(dir, 'deep.json'), `${'['.repeat(depth)}{"x":1,"x":2}${']'.repeat(depth)}`);
      let stdout = '';
      let stderr = '';
      const code = run(['--format', format, 'deep.json'], {
        stdout: (text) => (stdout += text),
        stderr: (text) => (stderr += text),
        cwd: dir,
      });
      expect([code, stderr]).toEqual([1, '']);
      expect(stdout).toContain('duplicate-key');
      expect(stdout).toContain('invalid-type');
    },
  );
});
