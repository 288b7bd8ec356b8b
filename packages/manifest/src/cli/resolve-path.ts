import { resolve, sep } from 'node:path';

/** Segments that are neither empty nor `.` nor `..`, joined by single slashes: nothing for `resolve` to normalize. */
const plainRelative = /^(?:(?!\.\.?\/)[^/]+\/)*(?!\.\.?$)[^/]+$/u;

/** The last working directory looked at, and whether it is absolute and normalized (a run has one). */
let lastCwd: string | undefined;
let lastCwdIsPlain = false;

function isPlainAbsolute(cwd: string): boolean {
  if (cwd !== lastCwd) {
    lastCwd = cwd;
    lastCwdIsPlain = cwd.startsWith('/') && plainRelative.test(cwd.slice(1));
  }
  return lastCwdIsPlain;
}

/**
 * `path.resolve(cwd, input)`, without its normalizing when there is nothing to normalize: a CI run names hundreds of
 * files like `apps/a/src/manifest.json` from an absolute, normalized working directory, which only need joining.
 */
export function resolveFrom(cwd: string, input: string): string {
  if (sep !== '/' || !plainRelative.test(input)) return resolve(cwd, input);
  if (cwd === '/') return `/${input}`;
  if (!isPlainAbsolute(cwd)) return resolve(cwd, input);
  return `${cwd}/${input}`;
}
