import { readFileSync } from 'node:fs';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import velakit from '../src/index.js';
import { renderRuleTable, withRuleTable } from '../src/rule-table.js';

const ruleNames = Object.keys(velakit.rules);
const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');

describe('plugin', () => {
  it('has meta, the .ux processor and both configs', () => {
    expect(velakit.meta).toMatchObject({ name: '@velakit/eslint-plugin', namespace: 'velakit' });
    expect(velakit.meta.version).toMatch(/^\d+\.\d+\.\d+/u);
    expect(Object.keys(velakit.processors)).toEqual(['ux', 'manifest']);
    expect(Object.keys(velakit.configs)).toEqual(['recommended', 'strict']);
  });

  it('README rule table is generated from rule meta and up to date (npm run generate)', () => {
    expect(withRuleTable(readme)).toBe(readme);
    for (const name of ruleNames) expect(renderRuleTable()).toContain(`[\`${name}\`](../../rules/${name}.md)`);
    expect(() => withRuleTable('no markers')).toThrow(/needs the markers/u);
  });

  it('recommended turns on every rule; strict makes them all errors', () => {
    // Only velakit's own rules are turned on; the others the configs name are JavaScript rules turned off on manifest.json.
    const levels = (configs: typeof velakit.configs.recommended): Record<string, unknown> => {
      const all: Record<string, unknown> = Object.assign({}, ...configs.map((config) => config.rules ?? {}));
      expect(Object.entries(all).filter(([name, level]) => !name.startsWith('velakit/') && level !== 'off')).toEqual(
        [],
      );
      return Object.fromEntries(Object.entries(all).filter(([name]) => name.startsWith('velakit/')));
    };
    const recommended = levels(velakit.configs.recommended);
    expect(Object.keys(recommended).sort()).toEqual(ruleNames.map((name) => `velakit/${name}`).sort());
    expect(recommended['velakit/no-unused-feature']).toBe('warn');
    const strict = levels(velakit.configs.strict);
    expect(
      Object.values(strict).every((level) => level === 'error' || (Array.isArray(level) && level[0] === 'error')),
    ).toBe(true);
    expect(strict['velakit/valid-manifest']).toEqual(['error', { minimumSeverity: 'info' }]);
  });

  it('works as a one-line config, spread or as it is', async () => {
    for (const overrideConfig of [[...velakit.configs.recommended], velakit.configs.recommended]) {
      const eslint = new ESLint({ cwd: '/velakit-one-line', overrideConfigFile: true, overrideConfig });
      const [result] = await eslint.lintText("import x from '@system.requst'\n", {
        filePath: '/velakit-one-line/a.mjs',
      });
      expect(result!.messages.map((message) => message.ruleId)).toEqual(['velakit/no-unknown-module']);
    }
  });

  it('lints TypeScript with the typescript-eslint parser', async () => {
    const eslint = new ESLint({
      cwd: '/velakit-ts',
      overrideConfigFile: true,
      overrideConfig: velakit.configs.recommended,
    });
    const code =
      "import request from '@system.request'\ntype Options = { url: string }\nconst url: string = 'u'\nrequest.download({ url, timeout: 5 } as Options)\n";
    const [result] = await eslint.lintText(code, { filePath: '/velakit-ts/src/a.ts' });
    expect(result!.messages).toMatchObject([
      { ruleId: 'velakit/no-undeclared-feature', messageId: 'noManifest', line: 1 },
      { ruleId: 'velakit/no-unsupported-api', line: 4, column: 1, endLine: 4, endColumn: 17 },
      { ruleId: 'velakit/valid-params', messageId: 'unknownOption', line: 4, column: 25, endLine: 4, endColumn: 32 },
    ]);
  });
});
