import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import velakit from '../src/index.js';

// Real JavaScript from installed packages: the rules must never crash on code they were not written for.
const packages = [
  'eslint',
  'ajv',
  'parse5',
  '@typescript-eslint',
  '@eslint',
  'vscode-json-languageservice',
  'busboy',
  'semver',
  'js-yaml',
  'eslint-plugin-compat',
  '@vitest',
  'caniuse-lite',
];
const nodeModules = new URL('../../../node_modules/', import.meta.url).pathname;
const maxBytes = 300_000;

function* javaScriptFiles(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.name === 'node_modules') continue;
    if (entry.isDirectory() || (entry.isSymbolicLink() && statSync(path).isDirectory())) yield* javaScriptFiles(path);
    else if (entry.name.endsWith('.js') && statSync(path).size < maxBytes) yield path;
  }
}

// Vela-style calls mixed into every file, so the rules' tracking runs over the real code's scopes too.
const esmSnippet =
  "\nimport velaRequest from '@system.request'\nimport velaApp from '@system.app'\nif (velaApp.canIUse('@system.request')) velaRequest.download({ filename: 1, ...velaRest })\nvelaRequest.onDownloadComplete()\n";
const cjsSnippet =
  "\n;(function () { const { uploadFile } = require('@system.uploadtask'); const task = uploadFile({ url: 1, filepath: 'x' }); task.onProgressUpdate(); require('@system.requst') })();\n";

// One test per package, so that a loaded machine slows each batch without pushing one test past its timeout.
const batches = (() => {
  let offset = 0;
  return packages.map((name) => {
    const files = [...javaScriptFiles(join(nodeModules, name))];
    const batch = { name, files, firstIndex: offset };
    offset += files.length;
    return batch;
  });
})();

describe('crash test: real files (and the same code as .ux scripts) are linted without a rule crash', () => {
  const linter = new Linter({ configType: 'flat', cwd: '/velakit-crash' });
  const config: Linter.Config[] = [
    ...velakit.configs.recommended,
    {
      settings: {
        velakit: { targetDevices: ['redmi-watch-4', 'xiaomi-watch-s4'], features: ['system.request'], minAPILevel: 1 },
      },
    },
    { files: ['**/*.cjs'], languageOptions: { sourceType: 'commonjs' } },
  ];

  it('covers over 2,000 files', () => {
    expect(batches.reduce((sum, batch) => sum + batch.files.length, 0)).toBeGreaterThanOrEqual(2000);
  });

  it.each(batches)(
    '$name',
    ({ files, firstIndex }) => {
      expect(files.length).toBeGreaterThan(0);
      const crashes: string[] = [];
      let velakitMessages = 0;
      let parsed = 0;
      files.forEach((path, offset) => {
        const index = firstIndex + offset;
        const text = readFileSync(path, 'utf8');
        const isModule = /^\s*(?:import|export)\s/mu.test(text);
        const code = text + (isModule ? esmSnippet : cjsSnippet);
        // Files get virtual names: ESLint configs ignore node_modules, and the rules must not depend on the path.
        const asUx = index % 10 === 0;
        const filename = `/velakit-crash/src/${index}.${asUx ? 'ux' : isModule ? 'js' : 'cjs'}`;
        const source = asUx ? `<template><div></div></template>\n<script>\n${code}\n</script>\n` : code;
        try {
          const messages = linter.verify(source, config, { filename });
          if (!messages.some((message) => message.fatal)) parsed++;
          for (const message of messages) {
            if (message.ruleId?.startsWith('velakit/')) velakitMessages++;
            if (message.fatal && message.ruleId !== null) crashes.push(`${path}: ${message.ruleId} ${message.message}`);
          }
        } catch (error) {
          crashes.push(`${path}: ${error instanceof Error ? error.message : String(error)}`);
        }
      });
      expect(crashes).toEqual([]);
      // The rules really ran: most files parse, and each parsed file carries the snippet's findings.
      expect(parsed).toBeGreaterThan(files.length * 0.9);
      expect(velakitMessages).toBeGreaterThanOrEqual(parsed * 3);
    },
    120_000,
  );
});
