import { availableParallelism, loadavg } from 'node:os';
import { setFlagsFromString } from 'node:v8';
import { checkAll, prepare, type CliIo } from './command.js';
import { fdWriter } from './fd-writer.js';
import { checkInParallel, headStart, threadCount } from './parallel.js';

// A run lasts a fraction of a second. With inlining, TurboFan spends far longer compiling each hot function (the
// per-file driver took ~30 ms on a background thread) than the optimized code saves before the run ends, on a
// runner's two cores, and Node waits for a compile still running before it exits. Without inlining, 1,000 manifests
// validate ~10% faster and 4,000 ~5% faster; a single file pays ~2 ms to load node:v8.
setFlagsFromString('--no-turbo-inlining');

/** A bug, not bad input: say so in one line rather than a stack trace, and ask for a report. */
function internalError(error: unknown): void {
  process.stderr.write(`velakit-manifest: internal error: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 2;
}

const io: CliIo = {
  stdout: fdWriter(1, () => process.stdout),
  stderr: fdWriter(2, () => process.stderr),
  cwd: process.cwd(),
  // Asked only for the stylish format's colors: reading it creates process.stdout (see fd-writer.ts).
  get isTTY() {
    return process.stdout.isTTY;
  },
};

try {
  const options = prepare(process.argv.slice(2), io);
  if (typeof options === 'number') process.exitCode = options;
  else {
    // Large batches are shared between threads, one per core; VELAKIT_MANIFEST_THREADS sets it (see parallel.ts).
    const setting = process.env.VELAKIT_MANIFEST_THREADS || undefined;
    const threads = threadCount(options.paths.length, availableParallelism(), setting, loadavg()[0]);
    if (threads === 1) process.exitCode = checkAll(options, io);
    else {
      const workerFile = new URL('../bin/velakit-manifest-part.js', import.meta.url);
      // A number of threads that was set (tests) shares the files evenly, however few.
      const lead = setting === undefined || setting === 'auto' ? headStart : 0;
      checkInParallel(options, io, threads, workerFile, lead).then((code) => (process.exitCode = code), internalError);
    }
  }
} catch (error) {
  internalError(error);
}
