// VELAKIT_TIMING (used by the lint bench): the time of the analysis the rules share, charged to the rule that ran it,
// written as JSON when ESLint's process exits.
import { spawnSync } from 'node:child_process';
import { readFileSync, realpathSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { makeTree, manifestText } from './helpers.js';

const repo = realpathSync(fileURLToPath(new URL('../../../', import.meta.url)));

function lintApp(env: Record<string, string>): { status: number | null; stdout: string } {
  const dir = makeTree({
    'eslint.config.mjs':
      "import velakit from '@velakit/eslint-plugin';\n\nexport default [...velakit.configs.recommended];\n",
    'src/manifest.json': manifestText({ targetDevices: ['xiaomi-watch-s4'], features: [{ name: 'system.fetch' }] }),
    'src/common/net.js':
      "import fetch from '@system.fetch';\n\nexport const load = () => fetch.fetch({ url: 'https://example.com' });\n",
    'src/common/plain.js': 'export const add = (a, b) => a + b;\n',
  });
  symlinkSync(join(repo, 'node_modules'), join(dir, 'node_modules'));
  const result = spawnSync(process.execPath, [join(repo, 'node_modules', 'eslint', 'bin', 'eslint.js'), 'src'], {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, ...env },
  });
  return { status: result.status, stdout: result.stdout };
}

it('charges the shared analysis to the rule that ran it and writes the totals at exit', () => {
  const out = join(makeTree({}), 'timing.json');
  const { status, stdout } = lintApp({ VELAKIT_TIMING: out });
  expect({ status, stdout }).toEqual({ status: 0, stdout: '' });
  const timing = JSON.parse(readFileSync(out, 'utf8')) as Record<string, Record<string, number>>;
  expect(Object.keys(timing).sort()).toEqual(['analysis', 'app-sources', 'targets']);
  // The first source rule of the config analyses each file, the first that reads targets resolves them (no-node-builtin
  // reads none); the first manifest rule scans the app.
  expect(Object.keys(timing['analysis']!)).toEqual(['velakit/no-node-builtin']);
  expect(Object.keys(timing['targets']!)).toEqual(['velakit/no-undeclared-feature']);
  expect(Object.keys(timing['app-sources']!)).toEqual(['velakit/no-missing-feature']);
  for (const byRule of Object.values(timing)) for (const ms of Object.values(byRule)) expect(ms).toBeGreaterThan(0);
}, 60_000);
