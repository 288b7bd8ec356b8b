import { performance } from 'node:perf_hooks';

/**
 * How long a look at the disk stands for files velakit has already read (a manifest, a barrel): within this window a
 * cached read is used without a `stat`; after it, the next lookup checks mtime and size again and re-reads on a
 * change. A lint run thus checks each such file about once per window, never once per linted file (2,400 files took
 * 2,400 manifest `stat`s and as many barrel `stat`s), and a long-lived ESLint (an editor) sees an edit in the first
 * lint that starts a window after it.
 */
export const recheckAfterMs = 1000;

const realClock = (): number => performance.now();
let clock = realClock;

/** Milliseconds on the clock the disk caches read. */
export function now(): number {
  return clock();
}

/** True while a check made at `checkedAt` still stands. */
export function isRecent(checkedAt: number): boolean {
  return clock() - checkedAt < recheckAfterMs;
}

/** For tests: the clock the caches read (a function returning milliseconds); without an argument, the real one. */
export function useClockForTests(testClock?: () => number): void {
  clock = testClock ?? realClock;
}
