// How many threads a run uses, and their start. The bin's first module (start-workers.ts) calls it, so the threads
// start before the rest of the command is even loaded: a worker's start (a new Node environment, ~50 ms on an idle
// core) then overlaps this thread's own. Only light modules here: no validator, no catalogue.
import type { MessagePort, Worker } from 'node:worker_threads';
import { parseArgs, type CliOptions } from './args.js';
import { ReadAhead, ReadAheadMemory, type ReadAheadData } from './read-ahead.js';
import { resolveFrom } from './resolve-path.js';

/**
 * Below this many files per thread a worker costs more than it saves. Counted with callgrind (2,000 bench files): a
 * worker's start (a Node environment and the bundle) is 0.17 G instructions, ~50 ms on an idle core, and its first
 * few hundred files run cold (interpreted, then baseline code) at several times the main thread's cost per file.
 */
export const filesPerThread = 2000;
/**
 * Unset, the bin shares a batch from this many files on when a core is idle. Per thread (bench/README.md), a worker
 * pays back its start and warm-up only once it has thousands of files left; and on this 2-core machine, two threads
 * running together did not run as fast each as one alone (the old threaded run lost at 10,000 files on the quiet
 * machine). Lower it only if the bench's "velakit threads" line beats "velakit 1 thread" on an idle machine.
 */
export const defaultThreadsFrom = 20_000;
const maxThreads = 8;

/**
 * Whether the machine has a core to spare: the load average of the last minute (runnable threads) below the cores
 * less half a core, as `make -l` starts no job on a loaded machine, or, right now, no more runnable threads than
 * cores less one (`running`, the fourth field of /proc/loadavg, counts this thread). The second catches an idle
 * machine whose last minute was busy, such as a bench alternating this command with another one.
 */
export function hasIdleCore(cores: number, load: number, running = Infinity): boolean {
  return load < cores - 0.5 || running <= cores - 1;
}

/**
 * How many threads check `files` files, from `VELAKIT_MANIFEST_THREADS`: a number, that many; `auto`, one per core the
 * process may use, each with at least `filesPerThread` files; unset, `auto` from `defaultThreadsFrom` files on when a
 * core is idle (`load`, `running`: see `hasIdleCore`), else one.
 */
export function threadCount(
  files: number,
  cores: number,
  setting: string | undefined,
  load = 0,
  running = Infinity,
): number {
  let wanted = 1;
  const byDefault = setting === undefined && files >= defaultThreadsFrom && hasIdleCore(cores, load, running);
  if (setting === 'auto' || byDefault) wanted = Math.min(cores, Math.floor(files / filesPerThread), maxThreads);
  else if (setting !== undefined && /^\d+$/u.test(setting)) wanted = Number(setting);
  return Math.max(1, Math.min(wanted, files));
}

/** What every worker is given: the inputs, and how to check and format them. */
export interface ShareRequest {
  cwd: string;
  /** `options.paths`: the inputs. */
  options: CliOptions;
  isTTY: boolean;
  /** Where each chunk starts in `options.paths`, and its length last: chunk `i` is `starts[i]` up to `starts[i + 1]`. */
  starts: number[];
  /** Int32Array over it: [0] the next chunk to claim; [1] workers that have started claiming. */
  claims: SharedArrayBuffer;
  /** With an explicit number of threads, this thread waits until every worker claims (tests: each takes part). */
  waitForWorkers: boolean;
}

/** A worker's data: the request, and its end of the channel its results go through. */
export interface WorkerData {
  request: ShareRequest;
  port: MessagePort;
}

export interface StartedWorker {
  /** Absent in tests that play a worker's part in this thread. */
  worker?: Worker;
  /** This thread's end of the worker's channel: read synchronously between chunks (receiveMessageOnPort). */
  port: MessagePort;
}

export interface Sharing {
  request: ShareRequest;
  workers: StartedWorker[];
}

/**
 * The chunks of a batch of `files` files: at most 64 files each (a message per chunk then costs nothing), each an
 * eighth of what is left per thread, so the last ones are small and the threads end together (the last chunk handed
 * out is the one that decides when the run ends); at least 4 files. Returns where each starts, and `files` last.
 */
export function chunkStarts(files: number, threads: number): number[] {
  const starts = [0];
  for (let at = 0; at < files;) {
    at = Math.min(files, at + Math.max(4, Math.min(64, Math.ceil((files - at) / (threads * 8)))));
    starts.push(at);
  }
  return starts;
}

/**
 * A manifest named twice is checked once, where the one-thread run first meets it: only that run decides, so such a
 * batch is not shared. (A manifest found through its app's folder is handled by `parallel.ts` as it merges.)
 */
function namesAManifestTwice(options: CliOptions, cwd: string): boolean {
  return new Set(options.paths.map((input) => resolveFrom(cwd, input))).size < options.paths.length;
}

/**
 * From this many files a run that checks in one thread reads ahead in another (read-ahead.ts) while a core is idle.
 * Measured (main thread's CPU time, bench corpus): 10,000 files ~10% less, 1,000 no difference one can see (the
 * reader starts ~50 ms late, after ~400 files, and costs ~50 ms of CPU time on the other core).
 */
export const readAheadFrom = 2000;

/**
 * Whether a run of `files` files reads ahead: `VELAKIT_MANIFEST_READ_AHEAD` on or off, else from `readAheadFrom`
 * files on while a core is idle (`idle`, asked only then). Only where one thread validates (see `startThreads`).
 */
export function readsAhead(files: number, cores: number, env: NodeJS.ProcessEnv, idle: () => boolean): boolean {
  if (env.VELAKIT_MANIFEST_READ_AHEAD === 'on') return true;
  if (env.VELAKIT_MANIFEST_READ_AHEAD === 'off') return false;
  return files >= readAheadFrom && cores > 1 && idle();
}

/** The worker file beside the bundled bin (dist/bin), whether this is the bundle or dist/cli/threads.js. */
export const defaultWorkerFile = new URL('../bin/velakit-manifest-part.js', import.meta.url);

/** What start-workers.ts started: workers sharing the batch, or a thread reading ahead, or neither. */
export interface Started {
  sharing?: Sharing;
  readAhead?: ReadAhead;
}

/** Starts the threads a run of `argv` uses besides this one (see `startSharing` and `readsAhead`). */
export function startThreads(argv: readonly string[], cwd: string, env: NodeJS.ProcessEnv): Started {
  const sharing = startSharing(argv, cwd, env);
  if (sharing !== undefined) return { sharing };
  let options: CliOptions;
  try {
    options = parseArgs(argv);
  } catch {
    return {};
  }
  if (options.help || options.version) return {};
  const { availableParallelism } = process.getBuiltinModule('node:os');
  const cores = availableParallelism();
  const idle = () => hasIdleCore(cores, ...loadNow());
  if (!readsAhead(options.paths.length, cores, env, idle)) return {};
  const { Worker } = process.getBuiltinModule('node:worker_threads');
  const paths = options.paths.map((input) => resolveFrom(cwd, input));
  const workerData: ReadAheadData = { paths, shared: ReadAheadMemory.create(paths.length) };
  const reader = new Worker(new URL('../bin/velakit-manifest-reader.js', import.meta.url), { workerData });
  reader.on('error', () => {}); // then this thread reads every file itself
  reader.unref(); // the run never waits for it
  return { readAhead: new ReadAhead(workerData) };
}

/**
 * Starts the worker threads a run of `argv` should use, or none (one thread, or anything but a batch to check: usage
 * errors, help, SARIF, which needs every result at the end). The arguments are parsed again by the command.
 */
export function startSharing(
  argv: readonly string[],
  cwd: string,
  env: NodeJS.ProcessEnv,
  workerFile: URL = defaultWorkerFile,
): Sharing | undefined {
  let options: CliOptions;
  try {
    options = parseArgs(argv);
  } catch {
    return undefined;
  }
  if (options.help || options.version || options.format === 'sarif') return undefined;
  const { availableParallelism } = process.getBuiltinModule('node:os');
  const setting = env.VELAKIT_MANIFEST_THREADS || undefined;
  const files = options.paths.length;
  // Only read when a default decision hangs on it.
  const [load, running] = setting === undefined && files >= defaultThreadsFrom ? loadNow() : [0, Infinity];
  const threads = threadCount(files, availableParallelism(), setting, load, running);
  if (threads < 2 || namesAManifestTwice(options, cwd)) return undefined;
  const { isatty } = process.getBuiltinModule('node:tty');
  const { MessageChannel, Worker } = process.getBuiltinModule('node:worker_threads');
  const request: ShareRequest = {
    cwd,
    options,
    isTTY: isatty(1),
    starts: chunkStarts(files, threads),
    claims: new SharedArrayBuffer(8),
    waitForWorkers: setting !== undefined && /^\d+$/u.test(setting),
  };
  const workers: StartedWorker[] = [];
  for (let i = 1; i < threads; i++) {
    const { port1, port2 } = new MessageChannel();
    const workerData: WorkerData = { request, port: port2 };
    const worker = new Worker(workerFile, { workerData, transferList: [port2] });
    // A worker that fails ends; this thread then checks the chunks it did not answer (parallel.ts).
    worker.on('error', () => {});
    workers.push({ worker, port: port1 });
  }
  return { request, workers };
}

/** The load average of the last minute and the threads runnable right now (Linux), else the load average only. */
function loadNow(): [number, number] {
  const { loadavg } = process.getBuiltinModule('node:os');
  try {
    const fields = process.getBuiltinModule('node:fs').readFileSync('/proc/loadavg', 'latin1').split(' ');
    const running = Number(fields[3]?.split('/')[0]);
    return [Number(fields[0]), Number.isNaN(running) ? Infinity : running];
  } catch {
    return [loadavg()[0] ?? 0, Infinity];
  }
}
