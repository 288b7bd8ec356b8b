import { describe, expect, it } from 'vitest';
import { quickStartSteps, withTarballs, type Tarball } from './install-readme.js';

const section = (body: string) =>
  `# app\n\n<!-- quick-start:begin -->\n${body}<!-- quick-start:end -->\n\n\`\`\`sh\nnpm run after\n\`\`\`\n`;

describe('quickStartSteps', () => {
  it('reads commands and named files in order, from the quick-start section only', () => {
    const readme = section(
      '```sh\nnpm install --save-dev a   # the tools\n\n# a comment line\n```\n\n' +
        '```js\n// eslint.config.mjs\nexport default [];\n```\n\n```text\nnot a step\n```\n\n```sh\nnpx eslint .\n```\n',
    );
    expect(quickStartSteps(readme)).toEqual([
      { kind: 'command', line: 'npm install --save-dev a', argv: ['npm', 'install', '--save-dev', 'a'] },
      { kind: 'file', path: 'eslint.config.mjs', text: '// eslint.config.mjs\nexport default [];\n' },
      { kind: 'command', line: 'npx eslint .', argv: ['npx', 'eslint', '.'] },
    ]);
  });

  it('says what is wrong with a quick start it cannot run', () => {
    expect(() => quickStartSteps('# no section\n')).toThrow('the README has no <!-- quick-start:begin -->');
    expect(() => quickStartSteps(section('```sh\nnpx eslint . | tee out\n```\n'))).toThrow(
      '"npx eslint . | tee out" uses shell syntax',
    );
    expect(() => quickStartSteps(section('```json\n{}\n```\n'))).toThrow('does not start with "// <file name>"');
    expect(() => quickStartSteps(section('```json\n// ../x.json\n{}\n```\n'))).toThrow(
      '"../x.json" is outside the app',
    );
    expect(() => quickStartSteps(section('```json\n// /etc/x.json\n{}\n```\n'))).toThrow(
      '"/etc/x.json" is outside the app',
    );
  });
});

describe('withTarballs', () => {
  const tarballs = new Map<string, Tarball>([
    ['velakit', { file: '/t/velakit.tgz', dependencies: ['@velakit/plugin', '@velakit/catalog'] }],
    ['@velakit/plugin', { file: '/t/plugin.tgz', dependencies: ['@velakit/catalog'] }],
    ['@velakit/catalog', { file: '/t/catalog.tgz', dependencies: [] }],
    ['@velakit/types', { file: '/t/types.tgz', dependencies: [] }],
  ]);

  it('installs the named velakit packages and the velakit packages they depend on from tarballs, others as named', () => {
    expect(withTarballs(['npm', 'install', '--save-dev', 'velakit', 'eslint'], tarballs)).toEqual([
      'npm',
      'install',
      '--save-dev',
      'eslint',
      '/t/velakit.tgz',
      '/t/plugin.tgz',
      '/t/catalog.tgz',
      '--prefer-offline',
      '--no-audit',
      '--no-fund',
    ]);
  });

  it('leaves every other command alone', () => {
    expect(withTarballs(['npx', 'velakit', 'check', '.'], tarballs)).toEqual(['npx', 'velakit', 'check', '.']);
    expect(withTarballs(['npm', 'run', 'velakit'], tarballs)).toEqual(['npm', 'run', 'velakit']);
  });
});
