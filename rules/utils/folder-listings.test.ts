import { mkdirSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { makeTree } from '../test-utils/tree.js';
import { clearAppSourcesCache, scanAppSources } from './app-sources.js';
import { clearListings, listedManifest, recordListing } from './folder-listings.js';
import { clearManifestCache, nearestManifest } from './manifest-cache.js';

const list = (dir: string): void => recordListing(dir, readdirSync(dir, { withFileTypes: true }));

beforeEach(() => {
  clearListings();
  clearManifestCache();
  clearAppSourcesCache();
});

describe('folder listings', () => {
  it('answer for the manifest locations of a listed folder', () => {
    const root = makeTree({ 'manifest.json': '{}', 'src/manifest.json': '{}', 'src/pages/a/index.ux': '' });
    list(root);
    list(join(root, 'src'));
    expect(listedManifest(root, 'manifest.json')).toBe(true);
    expect(listedManifest(root, 'src/manifest.json')).toBe(true);
    list(join(root, 'src', 'pages', 'a'));
    expect(listedManifest(join(root, 'src', 'pages', 'a'), 'manifest.json')).toBe(false);
    expect(listedManifest(join(root, 'src', 'pages', 'a'), 'src/manifest.json')).toBe(false);
  });

  it('do not answer for a folder not listed, a `src` not listed, a link, or another location', () => {
    const root = makeTree({ 'src/manifest.json': '{}', 'pages/b/index.ux': '', 'real.json': '{}' });
    symlinkSync(join(root, 'real.json'), join(root, 'pages', 'b', 'manifest.json'));
    list(root);
    expect(listedManifest(root, 'src/manifest.json')).toBeUndefined();
    expect(listedManifest(join(root, 'pages'), 'manifest.json')).toBeUndefined();
    list(join(root, 'pages', 'b'));
    expect(listedManifest(join(root, 'pages', 'b'), 'manifest.json')).toBeUndefined();
    expect(listedManifest(root, 'app/manifest.json')).toBeUndefined();
  });

  it('say no for a `manifest.json` that is a folder', () => {
    const root = makeTree({ 'manifest.json/x': '' });
    list(root);
    expect(listedManifest(root, 'manifest.json')).toBe(false);
  });
});

describe('nearestManifest after an app-source scan', () => {
  it('finds the manifests the scan listed, its own and a page folder’s', () => {
    const root = makeTree({
      'src/manifest.json': '{}',
      'src/pages/a/index.ux': '',
      'src/pages/b/manifest.json': '{}',
      'src/pages/b/index.ux': '',
      'src/pages/c/src/manifest.json': '{}',
    });
    scanAppSources(join(root, 'src'));
    expect(nearestManifest(join(root, 'src', 'pages', 'a'))).toBe(join(root, 'src', 'manifest.json'));
    expect(nearestManifest(join(root, 'src', 'pages', 'b'))).toBe(join(root, 'src', 'pages', 'b', 'manifest.json'));
    expect(nearestManifest(join(root, 'src', 'pages', 'c'))).toBe(
      join(root, 'src', 'pages', 'c', 'src', 'manifest.json'),
    );
  });

  it('answers a listed folder from its listing, as old as the scan (a lookup keeps its answer for the run too)', () => {
    const root = makeTree({ 'src/manifest.json': '{}', 'src/pages/a/index.ux': '' });
    scanAppSources(join(root, 'src'));
    // Made after the scan: the listing, like an answer the lookup gave before, does not know it.
    writeFileSync(join(root, 'src', 'pages', 'a', 'manifest.json'), '{}');
    expect(nearestManifest(join(root, 'src', 'pages', 'a'))).toBe(join(root, 'src', 'manifest.json'));
    // A folder the scan did not list asks the disk.
    mkdirSync(join(root, 'src', 'pages', 'new'));
    writeFileSync(join(root, 'src', 'pages', 'new', 'manifest.json'), '{}');
    expect(nearestManifest(join(root, 'src', 'pages', 'new'))).toBe(join(root, 'src', 'pages', 'new', 'manifest.json'));
  });

  it('asks the disk for a linked manifest in a listed folder', () => {
    const root = makeTree({ 'src/manifest.json': '{}', 'src/pages/a/index.ux': '', 'elsewhere/m.json': '{}' });
    symlinkSync(join(root, 'elsewhere', 'm.json'), join(root, 'src', 'pages', 'a', 'manifest.json'));
    scanAppSources(join(root, 'src'));
    expect(nearestManifest(join(root, 'src', 'pages', 'a'))).toBe(join(root, 'src', 'pages', 'a', 'manifest.json'));
  });
});
