import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MessageChannel } from 'node:worker_threads';
import type { CliOptions } from '../src/cli/args.js';
import { prepare, type CliIo } from '../src/cli/command.js';
import { checkClaimedChunks, checkShared, InOrder, type ChunkResult } from '../src/cli/parallel.js';
import { emptyTotals } from '../src/cli/report-layout.js';
import { run } from '../src/cli/run.js';
import {
  chunkStarts,
  defaultThreadsFrom,
  filesPerThread,
  hasIdleCore,
  threadCount,
  type ShareRequest,
} from '../src/cli/threads.js';
import { manifests, withMembers } from './helpers.js';

describe('sharing a batch between threads', () => {
  it('cuts the inputs into chunks of consecutive inputs: at most 64, smaller towards the end, at least 4', () => {
    expect(chunkStarts(10, 2)).toEqual([0, 4, 8, 10]);
    expect(chunkStarts(1, 2)).toEqual([0, 1]);
    for (const [files, threads] of [
      [1000, 2],
      [10_000, 2],
      [777, 3],
    ] as const) {
      const starts = chunkStarts(files, threads);
      expect(starts[0]).toBe(0);
      expect(starts.at(-1)).toBe(files);
      const sizes = starts.slice(1).map((start, i) => start - starts[i]!);
      expect(Math.max(...sizes)).toBe(Math.min(64, Math.ceil(files / (threads * 8))));
      expect(Math.min(...sizes.slice(0, -1))).toBe(4);
      for (let i = 1; i < sizes.length; i++) expect(sizes[i]).toBeLessThanOrEqual(sizes[i - 1]!);
    }
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

  it('shares a batch by default only while a core is idle: load average, or threads runnable right now', () => {
    expect(hasIdleCore(2, 0)).toBe(true);
    expect(hasIdleCore(2, 1.4)).toBe(true);
    expect(hasIdleCore(2, 1.5)).toBe(false);
    expect(hasIdleCore(2, 7.3)).toBe(false);
    // The last minute was busy, but nothing else runs now (this thread counts itself).
    expect(hasIdleCore(2, 1.8, 1)).toBe(true);
    expect(hasIdleCore(2, 1.8, 2)).toBe(false);
    expect(hasIdleCore(4, 6, 3)).toBe(true);
    expect(threadCount(50_000, 2, undefined, 1.2)).toBe(2);
    expect(threadCount(50_000, 2, undefined, 1.6)).toBe(1);
    expect(threadCount(50_000, 2, undefined, 1.6, 1)).toBe(2);
    expect(threadCount(50_000, 2, undefined, 1.6, 3)).toBe(1);
    expect(threadCount(50_000, 8, undefined, 5)).toBe(8);
    // A setting is followed whatever the load.
    expect(threadCount(50_000, 2, 'auto', 7, 9)).toBe(2);
    expect(threadCount(50_000, 2, '3', 7, 9)).toBe(3);
  });

  it('writes chunk results in order whatever order they come in, and drops one already written', () => {
    const written: number[] = [];
    const merge = new InOrder(new Set(), (result) => written.push(result.index));
    const result = (index: number, fromDirectory: string[] = []): ChunkResult => ({
      index,
      part: { text: '', entries: 0, totals: { files: 0, errors: 0, warnings: 0, infos: 0 } },
      ioErrors: [],
      fromDirectory,
    });
    merge.offer(result(2));
    merge.offer(result(1));
    expect(written).toEqual([]);
    merge.offer(result(0, ['/a/src/manifest.json']));
    expect(written).toEqual([0, 1, 2]);
    merge.offer(result(1));
    expect(written).toEqual([0, 1, 2]);
    expect([merge.next, merge.stopped, [...merge.found]]).toEqual([3, false, ['/a/src/manifest.json']]);
    // The same manifest found again (through another folder): the merge stops before that chunk.
    merge.offer(result(4));
    merge.offer(result(3, ['/a/src/manifest.json']));
    expect([written, merge.next, merge.stopped]).toEqual([[0, 1, 2], 3, true]);
  });

  it('stops before a chunk that finds, through a folder, a manifest some input names', () => {
    const merge = new InOrder(new Set(['/b/manifest.json']), () => {});
    merge.offer({ index: 0, part: { text: '', entries: 0, totals: emptyTotals() }, ioErrors: [], fromDirectory: [] });
    merge.offer({
      index: 1,
      part: { text: '', entries: 0, totals: emptyTotals() },
      ioErrors: [],
      fromDirectory: ['/b/manifest.json'],
    });
    expect([merge.next, merge.stopped]).toEqual([1, true]);
  });
});

describe('the merge in this thread, with a worker played in this thread (deterministic)', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'velakit-manifest-shared-'));
    const valid = manifests('valid');
    const invalid = manifests('invalid');
    for (let i = 0; i < 30; i++) {
      const [, text] = i % 4 === 3 ? invalid[i % invalid.length]! : valid[i % valid.length]!;
      writeFileSync(join(dir, `m${i}.json`), text);
    }
    mkdirSync(join(dir, 'app', 'src'), { recursive: true });
    writeFileSync(join(dir, 'app', 'src', 'manifest.json'), withMembers(''));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const capture = (): CliIo & { out: string; err: string } => {
    const io = {
      out: '',
      err: '',
      cwd: '',
      isTTY: false,
      stdout: (text: string) => (io.out += text),
      stderr: (text: string) => (io.err += text),
    };
    io.cwd = dir;
    return io;
  };

  /** A one-thread run, and a shared one whose "worker" answers the chunks `answers` keeps (it claims them all). */
  const both = (argv: string[], answers: (index: number) => boolean) => {
    const one = capture();
    const oneCode = run(argv, one);
    const options = prepare(argv, one) as CliOptions;
    const request: ShareRequest = {
      cwd: dir,
      options,
      isTTY: false,
      starts: chunkStarts(options.paths.length, 2),
      claims: new SharedArrayBuffer(8),
      waitForWorkers: false,
    };
    const { port1, port2 } = new MessageChannel();
    let answered = 0;
    checkClaimedChunks(request, (result) => {
      if (!answers(result.index)) return;
      answered++;
      port2.postMessage(result);
    });
    const shared = capture();
    const code = checkShared(options, shared, { request, workers: [{ port: port1 }] });
    port2.close();
    return { one: [oneCode, one.out, one.err], shared: [code, shared.out, shared.err], answered };
  };
  const files = Array.from({ length: 30 }, (_, i) => `m${i}.json`);

  it.each(['json', 'stylish', 'github'])('writes what the worker answered, in order: %s', (format) => {
    const { one, shared, answered } = both(
      ['--format', format, ...files.slice(0, 7), 'gone.json', ...files.slice(7)],
      () => true,
    );
    expect(answered).toBe(chunkStarts(31, 2).length - 1);
    expect(one[2]).toBe('velakit-manifest: File not found: gone.json\n');
    expect(shared).toEqual(one);
  });

  it('checks here the chunks a worker did not answer (it failed or is slower)', () => {
    const { one, shared, answered } = both(['--format', 'json', ...files], (index) => index % 2 === 1);
    expect(answered).toBeGreaterThan(1);
    expect(shared).toEqual(one);
  });

  it('checks the rest in this thread, in order, from the chunk that finds a named manifest through its folder', () => {
    // `app` (chunk 2) finds app/src/manifest.json, named again at the end: the one-thread run checks it once.
    const argv = ['--format', 'json', ...files.slice(0, 9), 'app', ...files.slice(9), 'app/src/manifest.json'];
    const { one, shared } = both(argv, () => true);
    expect((JSON.parse(one[1] as string) as unknown[]).length).toBe(31);
    expect(shared).toEqual(one);
    // Two folders finding the same manifest (app, and app/src, whose own manifest.json it is).
    const twice = ['--format', 'json', ...files.slice(0, 5), 'app', ...files.slice(5, 20), 'app/src', 'm25.json'];
    const result = both(twice, () => true);
    expect((JSON.parse(result.one[1] as string) as unknown[]).length).toBe(22);
    expect(result.shared).toEqual(result.one);
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
      // Across chunks (4 inputs or more each): found through the folder, named later; named, then found.
      [...files.slice(0, 5), 'app', ...files.slice(5), 'app/src/manifest.json'],
      ['app/src/manifest.json', ...files, 'app'],
      [...files.slice(0, 6), 'app', ...files.slice(6), 'app/src'],
    ]) {
      const one = cli(1, '--format', 'json', ...inputs);
      expect(JSON.parse(one.stdout)).toHaveLength(new Set(inputs.map((input) => input.split('/')[0])).size);
      expect(cli(2, '--format', 'json', ...inputs)).toEqual(one);
    }
  });

  it('writes nothing to stdout when every input is an I/O error, as one thread does', () => {
    const one = cli(1, '--format', 'json', 'missing.json', 'gone.json', 'nothing-here/');
    expect([one.status, one.stdout]).toEqual([2, '']);
    expect(cli(3, '--format', 'json', 'missing.json', 'gone.json', 'nothing-here/')).toEqual(one);
  });
});
