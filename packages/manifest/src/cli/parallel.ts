import type { Worker as WorkerThread } from 'node:worker_threads';
import type { CliOptions } from './args.js';
import { checkAll, checkInput, exitCode, ioErrorLine, layoutOf, type CliIo } from './command.js';
import { PartBuilder, type Part } from './report-layout.js';
import { resolveFrom } from './resolve-path.js';

/** What a worker thread is asked: its share of the inputs (a run of consecutive ones), and how to format them. */
export interface ShareRequest {
  inputs: readonly string[];
  cwd: string;
  options: CliOptions;
  isTTY: boolean | undefined;
}

/** What it answers: its part of the report, its I/O errors, and the manifests it found by looking into directories. */
export interface ShareResult {
  part: Part;
  ioErrors: string[];
  fromDirectory: string[];
}

/** Checks one share of the inputs, in order, as the one-thread run does. */
export function checkShare(request: ShareRequest): ShareResult {
  const { inputs, cwd, options, isTTY } = request;
  const ignore = () => {};
  const layout = layoutOf(options, { cwd, isTTY, stdout: ignore, stderr: ignore });
  if (layout === undefined) throw new Error(`the ${options.format} format is not written in parts`);
  const builder = new PartBuilder(layout);
  const seen = new Set<string>();
  const ioErrors: string[] = [];
  const fromDirectory: string[] = [];
  for (const input of inputs) {
    const checked = checkInput(input, cwd, seen, fromDirectory);
    if (checked === undefined) continue;
    if ('error' in checked) ioErrors.push(checked.error);
    else builder.add(checked, '');
  }
  return { part: builder.finish(false), ioErrors, fromDirectory };
}

/**
 * Files this thread checks while a worker starts: the first share is that much larger. Profiled per thread (perf,
 * 10,000 files): a worker's start (a new Node environment, ~50 ms on an idle core) and its cold JIT cost about what
 * 1,000 files cost this thread, whose start-up is already behind it; with a 4,000-file lead the main thread ran 1.7x
 * longer than the worker, and the threaded run lost to one thread.
 */
export const headStart = 1000;
/** Below this many files per thread, a worker costs more than it saves (its start and its own JIT warm-up). */
export const filesPerThread = 4000;
/**
 * Unset, the bin shares a batch from this many files on when a core is idle: there, threads won on an idle 2-core
 * machine (50,000 files 1.28x ajv-cli with threads, 0.89x on one thread), and lost on a busy one, where two isolates
 * (each with its own TurboFan compiles) share cores already taken. VELAKIT_MANIFEST_THREADS=1 keeps one thread.
 */
export const defaultThreadsFrom = 20_000;
const maxThreads = 8;

/**
 * Whether the machine has a core to spare, from the load average of the last minute (runnable threads): below the
 * cores less half a core, as `make -l` starts no job on a loaded machine. The bench on an idle 2-core machine keeps it
 * near 1 (one process at a time); a machine shared by several builds is far above.
 */
export function hasIdleCore(cores: number, load: number): boolean {
  return load < cores - 0.5;
}

/**
 * How many threads check `files` files, from `VELAKIT_MANIFEST_THREADS`: a number, that many; `auto`, one per core the
 * process may use, each with at least `filesPerThread` files; unset, `auto` from `defaultThreadsFrom` files on when a
 * core is idle (`load`: the load average of the last minute), else one.
 */
export function threadCount(files: number, cores: number, setting: string | undefined, load = 0): number {
  let wanted = 1;
  const byDefault = setting === undefined && files >= defaultThreadsFrom && hasIdleCore(cores, load);
  if (setting === 'auto' || byDefault) wanted = Math.min(cores, Math.floor(files / filesPerThread), maxThreads);
  else if (setting !== undefined && /^\d+$/u.test(setting)) wanted = Number(setting);
  return Math.max(1, Math.min(wanted, files));
}

/**
 * Cuts the inputs into `threads` runs of consecutive inputs: the others equal, the first `lead` inputs larger (it
 * starts at once, the workers later).
 */
export function shares<T>(inputs: readonly T[], threads: number, lead = 0): T[][] {
  const other = Math.floor(Math.max(0, inputs.length - lead) / threads);
  const first = inputs.length - other * (threads - 1);
  const result: T[][] = [inputs.slice(0, first)];
  for (let i = 1; i < threads && other > 0; i++) result.push(inputs.slice(first + (i - 1) * other, first + i * other));
  return result;
}

function inWorker(Worker: typeof WorkerThread, file: URL, request: ShareRequest): Promise<ShareResult> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(file, { workerData: request });
    worker.once('message', (result: ShareResult) => resolve(result));
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`a worker thread stopped (exit code ${code}) before it answered`)));
  });
}

/**
 * The command over `threads` threads: this one checks the first share while workers check the others; the report is
 * the same text as a one-thread run's. When the same manifest would be checked twice (named twice, or named and also
 * found through its app's directory), the one-thread run decides which occurrence counts: it runs instead.
 * `lead`: see `shares`.
 */
export async function checkInParallel(
  options: CliOptions,
  io: CliIo,
  threads: number,
  workerFile: URL,
  lead = headStart,
): Promise<number> {
  const layout = layoutOf(options, io);
  const named = new Set(options.paths.map((input) => resolveFrom(io.cwd, input)));
  if (layout === undefined || threads < 2 || named.size < options.paths.length) return checkAll(options, io);
  const { Worker } = process.getBuiltinModule('node:worker_threads');
  const [first = [], ...rest] = shares(options.paths, threads, lead);
  const request = (inputs: readonly string[]): ShareRequest => ({ inputs, cwd: io.cwd, options, isTTY: io.isTTY });
  const others = rest.map((inputs) => inWorker(Worker, workerFile, request(inputs)));
  // Rejections are handled below, after this thread's share (which keeps the thread busy until then).
  for (const other of others) other.catch(() => {});
  const results = [checkShare(request(first)), ...(await Promise.all(others))];

  const found = results.flatMap((result) => result.fromDirectory);
  if (found.some((path) => named.has(path)) || new Set(found).size < found.length) return checkAll(options, io);
  let ioErrors = 0;
  for (const result of results) {
    for (const error of result.ioErrors) io.stderr(ioErrorLine(error));
    ioErrors += result.ioErrors.length;
  }
  const builder = new PartBuilder(layout, io.stdout);
  for (const result of results) builder.addPart(result.part);
  const { totals } = builder.part;
  if (totals.files > 0 || ioErrors === 0) builder.finish(true);
  return exitCode(options, totals, ioErrors, io);
}
