// The Vela script environment's globals: the list ESLint configs declare and the typings agree with (the agreement is
// checked in packages/types/test/script-globals.test.ts, the ESLint side in packages/eslint-plugin/test/configs.test.ts).
import globals from 'globals';
import { describe, expect, it } from 'vitest';
import { scriptGlobals } from '@velakit/catalog';

const names = scriptGlobals.map((entry) => entry.name);

describe('scriptGlobals', () => {
  it('names each global once, as an identifier', () => {
    expect(new Set(names).size).toBe(names.length);
    for (const name of names) expect(name).toMatch(/^[A-Za-z_$][\w$]*$/u);
  });

  it('describes each in one English sentence, and says where the fact comes from', () => {
    for (const entry of scriptGlobals) {
      expect(entry.description, entry.name).toMatch(/^[A-Z`][^\n]{10,160}\.$/u);
      expect(entry.source.note, entry.name).toMatch(/^[A-Z`][^\n]{10,160}\.$/u);
      if (entry.source.kind === 'docs')
        expect(entry.source.docUrl, entry.name).toMatch(
          /^https:\/\/iot\.mi\.com\/vela\/quickapp\/(zh|en)\/[\w/-]+\.html$/u,
        );
    }
  });

  it('marks what only published apps show as such: `global` and the CommonJS names', () => {
    const community = scriptGlobals
      .filter((entry) => entry.source.kind === 'published-apps')
      .map((entry) => entry.name);
    expect(community.sort()).toEqual(['exports', 'global', 'module']);
  });

  it('has the names the docs show a Vela script using', () => {
    for (const name of ['console', 'setTimeout', 'require'])
      expect(scriptGlobals.find((entry) => entry.name === name)?.source.kind, name).toBe('docs');
  });

  it('lets only `exports` be reassigned (`exports = module.exports = ...`)', () => {
    expect(scriptGlobals.filter((entry) => !entry.readonly).map((entry) => entry.name)).toEqual(['exports']);
  });

  it('leaves out the ECMAScript built-ins, which every engine has and linters know already', () => {
    for (const name of names) expect(Object.hasOwn(globals.builtin, name), name).toBe(false);
  });

  it("has none of the browser's or Node's own names: a Vela script has neither environment", () => {
    const browserOnly = Object.keys(globals.browser).filter((name) => !Object.hasOwn(globals.node, name));
    const nodeOnly = Object.keys(globals.node).filter(
      (name) => !Object.hasOwn(globals.browser, name) && !Object.hasOwn(globals.commonjs, name),
    );
    for (const name of ['window', 'document', 'localStorage', 'process', 'Buffer', '__dirname', '__filename'])
      expect(names).not.toContain(name);
    expect(names.filter((name) => browserOnly.includes(name) || nodeOnly.includes(name))).toEqual([]);
  });
});
