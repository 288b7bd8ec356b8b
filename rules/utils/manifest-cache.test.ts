import * as fs from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findNearestManifest } from '@velakit/manifest';
import { useDiskClock } from '../../fixtures/support/disk-clock.js';
import { makeTree } from '../test-utils/tree.js';
import { recheckAfterMs, useClockForTests } from './disk-checks.js';
import { clearManifestCache, manifestCacheStats, nearestManifest, readManifest } from './manifest-cache.js';

const manifest = (targetDevices: string[]): string =>
  JSON.stringify({
    package: 'com.example.cache',
    name: 'Cache',
    versionName: '1.0.0',
    versionCode: 1,
    minAPILevel: 1,
    deviceTypeList: ['watch'],
    targetDevices,
    config: { logLevel: 'log', designWidth: 466 },
    router: { entry: 'pages/index', pages: { 'pages/index': { component: 'index' } } },
  });

/** The targets a read gives, or its problem. */
const targetsOf = (path: string): string[] | string => {
  const read = readManifest(path);
  return read.ok ? (read.summary.targetDevices ?? []) : read.problem;
};

// A fixed mtime (seconds), set on every version of the file so only the size tells them apart.
const fixedTime = 1_700_000_000;

// The caches look at the disk again only a window after their last look: a test moves the clock past it.
const { nextWindow, advance } = useDiskClock({ recheckAfterMs, useClockForTests, clearManifestCache });

describe('manifest cache', () => {
  it('notices a change of size alone (same mtime)', () => {
    const path = join(makeTree({ 'manifest.json': manifest(['xiaomi-watch-s4']) }), 'manifest.json');
    fs.utimesSync(path, fixedTime, fixedTime);
    clearManifestCache();
    expect(targetsOf(path)).toEqual(['xiaomi-watch-s4']);
    const before = fs.statSync(path);

    fs.writeFileSync(path, manifest(['xiaomi-watch-s4', 'redmi-watch-5']));
    fs.utimesSync(path, fixedTime, fixedTime);
    const after = fs.statSync(path);
    // The premise: only the size differs.
    expect(after.mtimeMs).toBe(before.mtimeMs);
    expect(after.size).not.toBe(before.size);

    nextWindow();
    expect(targetsOf(path)).toEqual(['xiaomi-watch-s4', 'redmi-watch-5']);
    expect(manifestCacheStats()).toEqual({ stats: 2, reads: 2, cached: 1 });
  });

  it('notices a change of mtime alone (same size)', () => {
    const path = join(makeTree({ 'manifest.json': manifest(['xiaomi-watch-s4']) }), 'manifest.json');
    fs.utimesSync(path, fixedTime, fixedTime);
    clearManifestCache();
    expect(targetsOf(path)).toEqual(['xiaomi-watch-s4']);

    // Same length: one device id for another of the same length.
    fs.writeFileSync(path, manifest(['xiaomi-watch-s5']));
    fs.utimesSync(path, fixedTime + 10, fixedTime + 10);
    expect(fs.statSync(path).size).toBe(manifest(['xiaomi-watch-s4']).length);
    nextWindow();
    expect(targetsOf(path)).toEqual(['xiaomi-watch-s5']);
    expect(manifestCacheStats().reads).toBe(2);
  });

  it('keeps the cached read while mtime and size are both unchanged', () => {
    const path = join(makeTree({ 'manifest.json': manifest(['xiaomi-watch-s4']) }), 'manifest.json');
    fs.utimesSync(path, fixedTime, fixedTime);
    clearManifestCache();
    expect(targetsOf(path)).toEqual(['xiaomi-watch-s4']);
    // A same-size rewrite with the mtime set back is invisible to the cache by design (the stat is all it pays for).
    fs.writeFileSync(path, manifest(['xiaomi-watch-s5']));
    fs.utimesSync(path, fixedTime, fixedTime);
    nextWindow();
    expect(targetsOf(path)).toEqual(['xiaomi-watch-s4']);
    expect(manifestCacheStats()).toEqual({ stats: 2, reads: 1, cached: 1 });
  });

  it('looks at the disk once per window, however many files ask, and again after it', () => {
    const path = join(makeTree({ 'manifest.json': manifest(['xiaomi-watch-s4']) }), 'manifest.json');
    fs.utimesSync(path, fixedTime, fixedTime);
    clearManifestCache();
    for (let file = 0; file < 100; file++) expect(targetsOf(path)).toEqual(['xiaomi-watch-s4']);
    expect(manifestCacheStats()).toEqual({ stats: 1, reads: 1, cached: 1 });
    // An edit within the window is not looked for yet (the run keeps the manifest it started with)...
    fs.writeFileSync(path, manifest(['xiaomi-watch-s4', 'redmi-watch-5']));
    advance(recheckAfterMs - 1);
    expect(targetsOf(path)).toEqual(['xiaomi-watch-s4']);
    expect(manifestCacheStats().stats).toBe(1);
    // ...and the first lookup after it sees the edit.
    advance(1);
    expect(targetsOf(path)).toEqual(['xiaomi-watch-s4', 'redmi-watch-5']);
    expect(manifestCacheStats()).toEqual({ stats: 2, reads: 2, cached: 1 });
    // An unchanged file: one stat per window, no read.
    nextWindow();
    for (let file = 0; file < 100; file++) targetsOf(path);
    expect(manifestCacheStats()).toEqual({ stats: 3, reads: 2, cached: 1 });
  });

  it('gives a problem, not a throw, for a missing or invalid file, and forgets a deleted one', () => {
    const dir = makeTree({ 'manifest.json': manifest(['xiaomi-watch-s4']), 'bad.json': '{ "package": ' });
    expect(targetsOf(join(dir, 'missing.json'))).toBe('the file does not exist or cannot be read');
    expect(targetsOf(join(dir, 'bad.json'))).toMatch(/line 1, column/u);
    expect(targetsOf(join(dir, 'manifest.json'))).toEqual(['xiaomi-watch-s4']);
    fs.rmSync(join(dir, 'manifest.json'));
    nextWindow();
    expect(targetsOf(join(dir, 'manifest.json'))).toBe('the file does not exist or cannot be read');
    expect(manifestCacheStats().cached).toBe(1);
  });

  it('finds the nearest manifest as findNearestManifest does, looking into each folder once', () => {
    const root = makeTree({
      'app/src/manifest.json': '{}',
      'app/src/pages/a/index.ux': '',
      'flat/manifest.json': '{}',
      'flat/pages/b/index.ux': '',
      'both/manifest.json': '{}',
      'both/src/manifest.json': '{}',
      'none/x/a.js': '',
    });
    expect(nearestManifest(join(root, 'app/src/pages/a'))).toBe(join(root, 'app/src/manifest.json'));
    expect(nearestManifest(join(root, 'app/test'))).toBe(join(root, 'app/src/manifest.json'));
    expect(nearestManifest(join(root, 'flat/pages/b'))).toBe(join(root, 'flat/manifest.json'));
    // The manifest command's order: `src/manifest.json` wins over `manifest.json` beside it.
    expect(nearestManifest(join(root, 'both'))).toBe(join(root, 'both/src/manifest.json'));
    expect(nearestManifest(join(root, 'both'))).toBe(findNearestManifest(join(root, 'both/x.js')));
    expect(nearestManifest(join(root, 'none/x'))).toBe(nearestManifest(root));
    // Answers are remembered per folder: a manifest created later is seen after clearManifestCache().
    fs.writeFileSync(join(root, 'none/manifest.json'), '{}');
    expect(nearestManifest(join(root, 'none/x'))).not.toBe(join(root, 'none/manifest.json'));
    clearManifestCache();
    expect(nearestManifest(join(root, 'none/x'))).toBe(join(root, 'none/manifest.json'));
  });

  it('names the manifest as `join` would, from folders given plainly or not (`.` segments, extra slashes)', () => {
    const root = makeTree({
      'app/src/manifest.json': '{}',
      'app/src/pages/a/index.js': '',
      'flat/manifest.json': '{}',
    });
    const app = join(root, 'app/src/manifest.json');
    const flat = join(root, 'flat/manifest.json');
    const cases: [string, string][] = [
      [join(root, 'app/src/pages/a'), app],
      [join(root, 'app/src'), app],
      [`${root}/app/src/pages/a/`, app],
      [`${root}/app/src/./pages/a`, app],
      [`${root}/app/src/pages/../pages/a`, app],
      [`${root}//app/src/pages/a`, app],
      [`${root}/app/src/.hidden`, app],
      [join(root, 'flat'), flat],
      [`${root}/flat/`, flat],
      [`${root}/flat/.`, flat],
      // A relative folder: `path.join` keeps it relative.
      [relative(process.cwd(), join(root, 'flat')), relative(process.cwd(), flat)],
    ];
    for (const [dir, expected] of cases) {
      clearManifestCache();
      expect({ dir, found: nearestManifest(dir) }).toEqual({ dir, found: expected });
    }
  });
});
