// The first module the bin evaluates (main.ts imports it first): its worker threads start before the rest of the
// command is loaded, so their start overlaps this thread's (see threads.ts).
import { setFlagsFromString } from 'node:v8';
import { startThreads, type Started } from './threads.js';

// A run lasts a fraction of a second. With inlining, TurboFan spends far longer compiling each hot function (the
// per-file driver took ~30 ms on a background thread) than the optimized code saves before the run ends, on a
// runner's two cores, and Node waits for a compile still running before it exits. Without inlining, 1,000 manifests
// validate ~10% faster and 4,000 ~5% faster; a single file pays ~2 ms to load node:v8. Set before any worker starts:
// the flags are the process's.
setFlagsFromString('--no-turbo-inlining');

function start(): Started {
  try {
    return startThreads(process.argv.slice(2), process.cwd(), process.env);
  } catch {
    return {}; // no other thread: the run does everything in this one
  }
}

/** The workers of this run, if it shares its batch, or its read-ahead thread. */
export const { sharing, readAhead } = start();
