import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findNearestManifest, lookUpManifestInDir, manifestPathForDir } from '../src/find-manifest.js';
import { firstInvalidUtf8Byte } from '../src/cli/read-manifest.js';

let root: string;

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'velakit-find-'));
  // A Vela project: src/manifest.json, pages under src/, tests beside src/.
  mkdirSync(join(root, 'app', 'src', 'pages', 'index'), { recursive: true });
  mkdirSync(join(root, 'app', 'test'), { recursive: true });
  writeFileSync(join(root, 'app', 'src', 'manifest.json'), '{}');
  // A flat project with manifest.json at its root, and a project with both (src wins for the directory).
  mkdirSync(join(root, 'flat', 'pages'), { recursive: true });
  writeFileSync(join(root, 'flat', 'manifest.json'), '{}');
  mkdirSync(join(root, 'both', 'src'), { recursive: true });
  writeFileSync(join(root, 'both', 'manifest.json'), '{}');
  writeFileSync(join(root, 'both', 'src', 'manifest.json'), '{}');
  mkdirSync(join(root, 'none'));
  mkdirSync(join(root, 'dir-named', 'manifest.json'), { recursive: true });
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('manifestPathForDir', () => {
  it('prefers src/manifest.json, then manifest.json, else undefined', () => {
    expect(manifestPathForDir(join(root, 'app'))).toBe(join(root, 'app', 'src', 'manifest.json'));
    expect(manifestPathForDir(join(root, 'flat'))).toBe(join(root, 'flat', 'manifest.json'));
    expect(manifestPathForDir(join(root, 'both'))).toBe(join(root, 'both', 'src', 'manifest.json'));
    expect(manifestPathForDir(join(root, 'none'))).toBeUndefined();
    expect(manifestPathForDir(join(root, 'dir-named'))).toBeUndefined();
    expect(manifestPathForDir(join(root, 'missing'))).toBeUndefined();
  });
});

describe('findNearestManifest', () => {
  it('walks up from a page, a test file beside src/, and a flat project', () => {
    const manifest = join(root, 'app', 'src', 'manifest.json');
    expect(findNearestManifest(join(root, 'app', 'src', 'pages', 'index', 'index.ux'))).toBe(manifest);
    expect(findNearestManifest(join(root, 'app', 'src', 'app.ux'))).toBe(manifest);
    expect(findNearestManifest(join(root, 'app', 'test', 'upload.test.js'))).toBe(manifest);
    expect(findNearestManifest(join(root, 'flat', 'pages', 'a.ux'))).toBe(join(root, 'flat', 'manifest.json'));
  });

  it('at each level looks where the manifest command looks, in its order (src/manifest.json first)', () => {
    expect(findNearestManifest(join(root, 'both', 'x.js'))).toBe(join(root, 'both', 'src', 'manifest.json'));
    const lookup = lookUpManifestInDir(join(root, 'both'));
    expect(lookup.kind === 'found' ? lookup.path : lookup.kind).toBe(findNearestManifest(join(root, 'both', 'x.js')));
    expect(findNearestManifest(join(root, 'both', 'src', 'app.ux'))).toBe(join(root, 'both', 'src', 'manifest.json'));
    expect(findNearestManifest(join(root, 'dir-named', 'a.js'))).not.toBe(join(root, 'dir-named', 'manifest.json'));
  });

  it('returns undefined when no ancestor has one', () => {
    expect(findNearestManifest(join(root, 'none', 'a.js'))).toBeUndefined();
  });
});

describe('firstInvalidUtf8Byte', () => {
  it.each([
    [[0x7b, 0x7d], -1],
    [[0xe2, 0x9c, 0x94], -1],
    [[0xf0, 0x9f, 0x98, 0x80], -1],
    [[0x61, 0xe9, 0x61], 1], // Latin-1 é
    [[0xc0, 0xaf], 0], // overlong
    [[0xed, 0xa0, 0x80], 0], // surrogate
    [[0x61, 0xe2, 0x9c], 1], // truncated
    [[0xff], 0],
  ])('%j -> %d', (bytes, expected) => {
    expect(firstInvalidUtf8Byte(Uint8Array.from(bytes))).toBe(expected);
  });
});
