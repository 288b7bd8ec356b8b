import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultThreadsFrom, filesPerThread, hasIdleCore, shares, threadCount } from '../src/cli/parallel.js';
import { manifests, withMembers } from './helpers.js';

describe('sharing a batch between threads', () => {
  it('cuts the inputs into runs of consecutive inputs, in order, the first one larger by the lead', () => {
    const inputs = Array.from({ length: 10 }, (_, i) => i);
    expect(shares(inputs, 1)).toEqual([inputs]);
    expect(shares(inputs, 2)).toEqual([
      [0, 1, 2, 3, 4],
      [5, 6, 7, 8, 9],
    ]);
    expect(shares(inputs, 3).map((share) => share.length)).toEqual([4, 3, 3]);
    expect(shares(inputs, 2, 4).map((share) => share.length)).toEqual([7, 3]);
    expect(shares(inputs, 3, 4)).toEqual([
      [0, 1, 2, 3, 4, 5],
      [6, 7],
      [8, 9],
    ]);
    // A lead of the whole batch, or more threads than inputs: no empty share is handed out.
    expect(shares(inputs, 2, 10)).toEqual([inputs]);
    expect(shares([1, 2], 5)).toEqual([[1, 2]]);
  });

  it('uses one thread below defaultThreadsFrom files unless told; auto is one per core, each with enough files', () => {
    expect(threadCount(defaultThreadsFrom - 1, 2, undefined)).toBe(1);
    expect(threadCount(defaultThreadsFrom, 2, undefined)).toBe(2);
    expect(threadCount(defaultThreadsFrom, 1, undefined)).toBe(1);
    expect(threadCount(50_000, 2, '')).toBe(1);
    expect(threadCount(1, 2, 'auto')).toBe(1);
    expect(threadCount(2 * filesPerThread - 1, 2, 'auto')).toBe(1);
    expect(threadCount(2 * filesPerThread, 2, 'auto')).toBe(2);
    expect(threadCount(50_000, 2, 'auto')).toBe(2);
    expect(threadCount(50_000, 1, 'auto')).toBe(1);
    expect(threadCount(50_000, 64, 'auto')).toBe(8);
    expect(threadCount(50_000, 64, undefined)).toBe(8);
    expect(threadCount(5, 2, '3')).toBe(3);
    expect(threadCount(2, 2, '3')).toBe(2);
    expect(threadCount(50_000, 2, '1')).toBe(1);
    expect(threadCount(50_000, 2, '0')).toBe(1);
    expect(threadCount(50_000, 2, 'many')).toBe(1);
  });

  it('shares a large batch by default only while a core is idle (load average below the cores less half a core)', () => {
    expect(hasIdleCore(2, 0)).toBe(true);
    expect(hasIdleCore(2, 1.4)).toBe(true);
    expect(hasIdleCore(2, 1.5)).toBe(false);
    expect(hasIdleCore(2, 7.3)).toBe(false);
    expect(threadCount(50_000, 2, undefined, 1.2)).toBe(2);
    expect(threadCount(50_000, 2, undefined, 1.6)).toBe(1);
    expect(threadCount(50_000, 8, undefined, 5)).toBe(8);
    // A setting is followed whatever the load.
    expect(threadCount(50_000, 2, 'auto', 7)).toBe(2);
    expect(threadCount(50_000, 2, '3', 7)).toBe(3);
  });
});

describe('velakit-manifest over several threads (the built binary)', () => {
  const bin = fileURLToPath(new URL('../dist/bin/velakit-manifest.js', import.meta.url));
  let dir: string;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'velakit-manifest-parallel-'));
    const valid = manifests('valid');
    const invalid = manifests('invalid');
    for (let i = 0; i < 12; i++) {
      const [, text] = (i % 3 === 2 ? invalid : valid)[i % (i % 3 === 2 ? invalid.length : valid.length)]!;
      writeFileSync(join(dir, `m${i}.json`), text);
    }
    writeFileSync(
      join(dir, 'warns.json'),
      withMembers('  "features": [{ "name": "system.fetch" }, { "name": "system.fetch" }]', { targets: false }),
    );
    mkdirSync(join(dir, 'app', 'src'), { recursive: true });
    writeFileSync(join(dir, 'app', 'src', 'manifest.json'), withMembers(''));
    writeFileSync(join(dir, 'broken.json'), '{ "package": "com.example", }\n');
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const cli = (threads: number, ...argv: string[]) => {
    const result = spawnSync(process.execPath, [bin, ...argv], {
      cwd: dir,
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1', VELAKIT_MANIFEST_THREADS: String(threads) },
    });
    return { status: result.status, stdout: result.stdout, stderr: result.stderr };
  };
  const files = Array.from({ length: 12 }, (_, i) => `m${i}.json`);
  const batch = [
    ...files.slice(0, 5),
    'missing.json',
    'app',
    'warns.json',
    ...files.slice(5),
    'broken.json',
    'nothing-here/',
  ];

  it.each(['json', 'stylish', 'github', 'sarif'])(
    'writes the same report, errors and exit code as one thread: %s',
    (format) => {
      const one = cli(1, '--format', format, ...batch);
      expect(one.status).toBe(2); // the missing file and folder
      expect(one.stderr).toContain('velakit-manifest: File not found: missing.json\n');
      for (const threads of [2, 5]) expect(cli(threads, '--format', format, ...batch)).toEqual(one);
    },
  );

  it('adds up the counts of every share: the stylish total and --max-warnings', () => {
    const clean = [...files.filter((_, i) => i % 3 !== 2), 'warns.json', 'app'];
    const one = cli(1, '--max-warnings', '0', ...clean);
    expect(one.status).toBe(1);
    expect(one.stdout).toMatch(/ in 10 manifests\n$/u);
    expect(one.stderr).toMatch(/^velakit-manifest: \d+ warnings, more than --max-warnings 0\.\n$/u);
    expect(cli(3, '--max-warnings', '0', ...clean)).toEqual(one);
    const allowed = cli(1, '--max-warnings', '100', ...clean);
    expect(allowed.status).toBe(0);
    expect(cli(3, '--max-warnings', '100', ...clean)).toEqual(allowed);
  });

  it('checks a manifest once when it is named twice, or named and found through its app folder, in other shares', () => {
    for (const inputs of [
      ['m0.json', 'm1.json', 'm2.json', 'm0.json'],
      ['app', 'm1.json', 'm2.json', 'app/src/manifest.json'],
      ['app/src/manifest.json', 'm1.json', 'm2.json', 'app'],
      ['app', 'm1.json', 'm2.json', 'app/'],
    ]) {
      const one = cli(1, '--format', 'json', ...inputs);
      expect(JSON.parse(one.stdout)).toHaveLength(3);
      expect(cli(2, '--format', 'json', ...inputs)).toEqual(one);
    }
  });

  it('writes nothing to stdout when every input is an I/O error, as one thread does', () => {
    const one = cli(1, '--format', 'json', 'missing.json', 'gone.json', 'nothing-here/');
    expect([one.status, one.stdout]).toEqual([2, '']);
    expect(cli(3, '--format', 'json', 'missing.json', 'gone.json', 'nothing-here/')).toEqual(one);
  });
});
