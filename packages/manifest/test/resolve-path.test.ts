import { resolve, sep } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { resolveFrom } from '../src/cli/resolve-path.js';

describe.runIf(sep === '/')('resolveFrom', () => {
  const cwds = ['/', '/tmp', '/home/ci/repo', '/a b/c.d', '/tmp/', '/tmp/../x', '/a//b', 'relative/dir', '/./a'];

  it('is path.resolve for plain relative paths and for everything else', () => {
    const inputs = [
      'm/app0001.json',
      'manifest.json',
      'a/b/c',
      '.',
      '..',
      './a',
      'a/./b',
      'a/../b',
      'a//b',
      'a/',
      '/abs/x.json',
      '',
      '.a',
      'a..',
      '...',
      'a/.b',
      'a/..b/c',
      '../x',
      'x/..',
      'x/.',
    ];
    for (const cwd of cwds)
      for (const input of inputs) expect(resolveFrom(cwd, input), `${cwd} + ${input}`).toBe(resolve(cwd, input));
  });

  it('agrees with path.resolve on random paths', () => {
    const segment = fc.constantFrom('', '.', '..', '...', 'a', '.a', 'b.', 'src', 'x y');
    const input = fc.array(segment, { maxLength: 5 }).map((segments) => segments.join('/'));
    fc.assert(
      fc.property(fc.constantFrom(...cwds), input, fc.boolean(), (cwd, path, absolute) => {
        const named = absolute ? `/${path}` : path;
        expect(resolveFrom(cwd, named)).toBe(resolve(cwd, named));
      }),
      { numRuns: 1000 },
    );
  });
});
