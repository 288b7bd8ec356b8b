import { writeFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join } from 'node:path';
import { findModule } from '@velakit/catalog';
import { afterEach, describe, expect, it } from 'vitest';
import { makeTree } from '../test-utils/tree.js';
import { useClockForTests } from './disk-checks.js';
import { clearDeclaredDependencies, declaresDependency, nodeBuiltinName, velaAlternatives } from './node-builtins.js';

describe('nodeBuiltinName', () => {
  it("names the module of Node's list a specifier imports, with or without node: and a subpath", () => {
    expect(nodeBuiltinName('fs')).toBe('fs');
    expect(nodeBuiltinName('node:fs')).toBe('fs');
    expect(nodeBuiltinName('fs/promises')).toBe('fs');
    expect(nodeBuiltinName('node:stream/web')).toBe('stream');
    expect(nodeBuiltinName('child_process')).toBe('child_process');
  });

  it('names nothing else: packages, subpaths Node lacks, relative paths, Vela modules', () => {
    for (const specifier of ['crypto-js', 'dayjs', 'fs/extra', 'node:nothing', './fs', '@system.file', 'node:', 'FS'])
      expect(nodeBuiltinName(specifier), specifier).toBeUndefined();
  });

  it("follows Node's own list, every entry of it", () => {
    for (const name of builtinModules) expect(nodeBuiltinName(name), name).toBeDefined();
  });
});

describe('velaAlternatives', () => {
  it.each(Object.entries(velaAlternatives))('%s: names a Node module and a module the catalogue has', (name, entry) => {
    expect(builtinModules).toContain(name);
    expect(entry.specifier.startsWith('@system.')).toBe(true);
    expect(findModule(entry.specifier.slice(1)), entry.specifier).toBeDefined();
    expect(entry.job).not.toBe('');
  });
});

describe('declaresDependency', () => {
  afterEach(() => {
    useClockForTests();
    clearDeclaredDependencies();
  });

  it('reads every kind of dependency of the package.json files in the folder and above', () => {
    const root = makeTree({
      'package.json': JSON.stringify({ dependencies: { events: '3' }, peerDependencies: { util: '0.12' } }),
      'apps/watch/package.json': JSON.stringify({
        devDependencies: { buffer: '6' },
        optionalDependencies: { url: '0' },
      }),
      'apps/watch/src/common/x.js': '',
    });
    const dir = join(root, 'apps/watch/src/common');
    for (const name of ['events', 'util', 'buffer', 'url']) expect(declaresDependency(dir, name), name).toBe(true);
    expect(declaresDependency(dir, 'path')).toBe(false);
    expect(declaresDependency(join(root, 'apps'), 'buffer')).toBe(false);
  });

  it('declares nothing for a package.json that is not JSON or not an object, or holds odd fields', () => {
    const root = makeTree({ 'a/package.json': '{ "dependencies": ', 'b/package.json': '[1]' });
    expect(declaresDependency(join(root, 'a'), 'buffer')).toBe(false);
    expect(declaresDependency(join(root, 'b'), 'buffer')).toBe(false);
    writeFileSync(join(root, 'a/package.json'), JSON.stringify({ dependencies: ['buffer'], devDependencies: null }));
    clearDeclaredDependencies();
    expect(declaresDependency(join(root, 'a'), 'buffer')).toBe(false);
  });

  it('reads a package.json again after the window, not within it', () => {
    let time = 0;
    useClockForTests(() => time);
    const root = makeTree({ 'package.json': '{}' });
    expect(declaresDependency(root, 'buffer')).toBe(false);
    writeFileSync(join(root, 'package.json'), JSON.stringify({ devDependencies: { buffer: '6' } }));
    time = 500;
    expect(declaresDependency(root, 'buffer')).toBe(false);
    time = 5000;
    expect(declaresDependency(root, 'buffer')).toBe(true);
  });
});
