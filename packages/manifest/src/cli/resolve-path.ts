import { resolve, sep } from 'node:path';

/** Segments that are neither empty nor `.` nor `..`, joined by single slashes: nothing for `resolve` to normalize. */
const plainRelative = /^(?:(?!\.\.?\/)[^/]+\/)*(?!\.\.?$)[^/]+$/u;

/**
 * `path.resolve(cwd, input)`, without its normalizing when there is nothing to normalize: a CI run names hundreds of
 * files like `apps/a/src/manifest.json` from an absolute, normalized working directory, which only need joining.
 */
export function resolveFrom(cwd: string, input: string): string {
  if (sep !== '/' || !plainRelative.test(input)) return resolve(cwd, input);
  if (cwd === '/') return `/${input}`;
  if (!cwd.startsWith('/') || !plainRelative.test(cwd.slice(1))) return resolve(cwd, input);
  return `${cwd}/${input}`;
}
