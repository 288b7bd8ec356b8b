// A batch shared between this thread and worker threads (started by threads.ts). The inputs are cut into chunks of
// consecutive inputs; every thread claims the next chunk from a counter in shared memory until none is left, so no
// thread idles while another still has a long share (a worker's first files run cold). This thread writes each
// chunk's part of the report once every chunk before it is written: the report is the one-thread run's, byte for byte.
import type { MessagePort } from 'node:worker_threads';
import type { CliOptions } from './args.js';
import { checkInput, exitCode, ioErrorLine, layoutOf, type CliIo } from './command.js';
import { PartBuilder, type Part, type ReportLayout } from './report-layout.js';
import { resolveFrom } from './resolve-path.js';
import type { ShareRequest, Sharing } from './threads.js';

/** One chunk checked: its part of the report, its I/O errors, and the manifests it found by looking into folders. */
export interface ChunkResult {
  index: number;
  part: Part;
  ioErrors: string[];
  fromDirectory: string[];
}

export function chunkCount(request: ShareRequest): number {
  return request.starts.length - 1;
}

/** The report layout a request asks for (never SARIF: threads.ts shares no SARIF run). */
export function layoutOfRequest(request: ShareRequest): ReportLayout {
  const ignore = () => {};
  const layout = layoutOf(request.options, { cwd: request.cwd, isTTY: request.isTTY, stdout: ignore, stderr: ignore });
  if (layout === undefined) throw new Error(`the ${request.options.format} format is not written in parts`);
  return layout;
}

/** Checks the inputs of chunk `index` in order, as the one-thread run does. */
export function checkChunk(request: ShareRequest, layout: ReportLayout, index: number): ChunkResult {
  const { paths } = request.options;
  const builder = new PartBuilder(layout);
  const seen = new Set<string>();
  const ioErrors: string[] = [];
  const fromDirectory: string[] = [];
  const end = request.starts[index + 1]!;
  for (let i = request.starts[index]!; i < end; i++) {
    const checked = checkInput(paths[i]!, request.cwd, seen, fromDirectory);
    if (checked === undefined) continue;
    if ('error' in checked) ioErrors.push(checked.error);
    else builder.add(checked, '');
  }
  return { index, part: builder.finish(false), ioErrors, fromDirectory };
}

const next = 0;
const started = 1;

/** A worker's loop: claims chunks until none is left, handing each result to `post`. */
export function checkClaimedChunks(request: ShareRequest, post: (result: ChunkResult) => void): void {
  const claims = new Int32Array(request.claims);
  const layout = layoutOfRequest(request);
  const chunks = chunkCount(request);
  Atomics.add(claims, started, 1);
  Atomics.notify(claims, started);
  for (let index = Atomics.add(claims, next, 1); index < chunks; index = Atomics.add(claims, next, 1)) {
    post(checkChunk(request, layout, index));
  }
}

/**
 * Writes chunk results in order, whatever order they come in. A manifest found through a folder that another input
 * also names (or finds) is checked once in a one-thread run, where it first comes; chunks cannot know it of each
 * other, so the merge stops before the chunk that finds one (`stopped`), and the caller checks the rest in order.
 */
export class InOrder {
  /** The next chunk to write. */
  next = 0;
  stopped = false;
  /** Manifests found through folders in the chunks written. */
  readonly found = new Set<string>();
  readonly #waiting = new Map<number, ChunkResult>();
  readonly #named: ReadonlySet<string>;
  readonly #write: (result: ChunkResult) => void;

  /** `named`: every input, resolved. */
  constructor(named: ReadonlySet<string>, write: (result: ChunkResult) => void) {
    this.#named = named;
    this.#write = write;
  }

  has(index: number): boolean {
    return this.#waiting.has(index);
  }

  offer(result: ChunkResult): void {
    if (this.stopped || result.index < this.next) return;
    this.#waiting.set(result.index, result);
    for (let ready = this.#waiting.get(this.next); ready !== undefined; ready = this.#waiting.get(this.next)) {
      if (ready.fromDirectory.some((path) => this.#named.has(path) || this.found.has(path))) {
        this.stopped = true;
        return;
      }
      for (const path of ready.fromDirectory) this.found.add(path);
      this.#waiting.delete(this.next);
      this.next++;
      this.#write(ready);
    }
  }
}

function drain(port: MessagePort, merge: InOrder): void {
  // Not imported: loading node:worker_threads costs every run ~4 ms, and only a shared run needs it.
  const { receiveMessageOnPort } = process.getBuiltinModule('node:worker_threads');
  for (let got = receiveMessageOnPort(port); got !== undefined; got = receiveMessageOnPort(port)) {
    merge.offer(got.message as ChunkResult);
  }
}

/**
 * Waits (bounded) until every worker has started claiming. Only with an explicit number of threads (tests), so that
 * the workers take part in a batch too small to outlast their start.
 */
function waitForWorkers(claims: Int32Array, workers: number): void {
  const deadline = Date.now() + 10_000;
  for (let now = Atomics.load(claims, started); now < workers && Date.now() < deadline;) {
    Atomics.wait(claims, started, now, 100);
    now = Atomics.load(claims, started);
  }
}

/**
 * The command over this thread and the started workers; the report, errors and exit code are a one-thread run's.
 * This thread never waits for a worker: once no chunk is left to claim, it checks the first chunk not answered yet
 * itself (a worker's answer that comes later is dropped). So the run ends when this thread is done, whether a worker
 * is still starting, is slower (its code still cold), or has failed.
 */
export function checkShared(options: CliOptions, io: CliIo, sharing: Sharing): number {
  const { request, workers } = sharing;
  const layout = layoutOfRequest(request);
  const claims = new Int32Array(request.claims);
  const chunks = chunkCount(request);
  const builder = new PartBuilder(layout, io.stdout);
  let ioErrors = 0;
  const named = new Set(options.paths.map((input) => resolveFrom(io.cwd, input)));
  const merge = new InOrder(named, (result) => {
    for (const error of result.ioErrors) io.stderr(ioErrorLine(error));
    ioErrors += result.ioErrors.length;
    builder.addPart(result.part);
  });
  const drainAll = () => {
    for (const { port } of workers) drain(port, merge);
  };

  if (request.waitForWorkers) waitForWorkers(claims, workers.length);
  for (
    let index = Atomics.add(claims, next, 1);
    index < chunks && !merge.stopped;
    index = Atomics.add(claims, next, 1)
  ) {
    merge.offer(checkChunk(request, layout, index));
    drainAll();
  }
  Atomics.store(claims, next, chunks); // nothing more to claim
  for (drainAll(); !merge.stopped && merge.next < chunks; drainAll()) {
    merge.offer(checkChunk(request, layout, merge.next));
  }
  for (const { worker, port } of workers) {
    port.close();
    worker?.unref();
  }
  if (merge.stopped) {
    // The rest in order in this thread, having seen what the chunks written checked.
    const from = request.starts[merge.next]!;
    const seen = new Set([...options.paths.slice(0, from).map((input) => resolveFrom(io.cwd, input)), ...merge.found]);
    for (const input of options.paths.slice(from)) {
      const checked = checkInput(input, io.cwd, seen);
      if (checked === undefined) continue;
      if ('error' in checked) {
        io.stderr(ioErrorLine(checked.error));
        ioErrors++;
      } else builder.add(checked);
    }
  }
  const { totals } = builder.part;
  if (totals.files > 0 || ioErrors === 0) builder.finish(true);
  return exitCode(options, totals, ioErrors, io);
}
