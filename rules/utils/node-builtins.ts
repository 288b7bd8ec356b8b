import { readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join } from 'node:path';
import { isRecent, now } from './disk-checks.js';

/**
 * Node's own list of its built-in modules (`fs`, `fs/promises`, `path/posix`...), read from the Node that runs ESLint:
 * no hand list to fall behind. Modules Node offers only under the `node:` scheme (`node:test`, `node:sqlite`) are in
 * it with their prefix on the Node versions that have them.
 */
const builtins = new Set(builtinModules);

/**
 * The built-in module a specifier names, without `node:` and subpath (`node:fs/promises` → `fs`), or undefined when it
 * names none: a bare name must be in Node's list, as must the name after `node:`.
 */
export function nodeBuiltinName(specifier: string): string | undefined {
  const bare = specifier.startsWith('node:') ? specifier.slice('node:'.length) : specifier;
  if (!builtins.has(bare) && !builtins.has(specifier)) return undefined;
  const slash = bare.indexOf('/');
  return slash < 0 ? bare : bare.slice(0, slash);
}

/** A Vela module that does the job of a Node built-in module, and that job in a few words. */
export interface VelaAlternative {
  /** The specifier to import: `@system.file`. */
  readonly specifier: string;
  /** What the app most likely wanted the Node module for, for `For ..., use ...`. */
  readonly job: string;
}

/**
 * Node built-in modules (by base name) whose usual job a Vela module does. Data, not logic: each entry's module is
 * checked against the catalogue by the test beside this file. Only the clear cases: `events` is not `@system.event`
 * (that one talks between apps), `net` is not `@system.websocketfactory`.
 */
export const velaAlternatives: Readonly<Record<string, VelaAlternative>> = {
  fs: { specifier: '@system.file', job: "files in the app's own storage" },
  crypto: { specifier: '@system.crypto', job: 'hashes, HMACs, signatures and encryption' },
  http: { specifier: '@system.fetch', job: 'HTTP requests' },
  https: { specifier: '@system.fetch', job: 'HTTP requests' },
  zlib: { specifier: '@system.zip', job: 'unpacking a zip archive' },
  os: { specifier: '@system.device', job: 'facts about the device' },
};

/** The package names a folder's package.json files (its own and its ancestors') declare, with when they were read. */
const declaredByDir = new Map<string, { readonly names: ReadonlySet<string>; readonly checkedAt: number }>();

/**
 * True when a package.json in `dir` or above declares a dependency named `name` (any kind: quick-app projects list
 * what the build bundles under devDependencies too). The build then resolves a bare `buffer` or `events` to that npm
 * package, not to Node's module. Read once per folder and window (`recheckAfterMs`), and only for a file that imports
 * a built-in module's name: never on the common path.
 */
export function declaresDependency(dir: string, name: string): boolean {
  let entry = declaredByDir.get(dir);
  if (entry === undefined || !isRecent(entry.checkedAt)) {
    entry = { names: declaredNames(dir), checkedAt: now() };
    declaredByDir.set(dir, entry);
  }
  return entry.names.has(name);
}

const dependencyFields = ['dependencies', 'devDependencies', 'optionalDependencies', 'peerDependencies'];

function declaredNames(start: string): Set<string> {
  const names = new Set<string>();
  for (let dir = start, parent = dirname(dir); ; dir = parent, parent = dirname(dir)) {
    for (const name of packageDependencies(join(dir, 'package.json'))) names.add(name);
    if (parent === dir) return names;
  }
}

/** The dependency names of one package.json; none when it is missing or unreadable (a broken file is npm's to report). */
function packageDependencies(path: string): string[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return [];
  }
  if (typeof parsed !== 'object' || parsed === null) return [];
  const names: string[] = [];
  for (const field of dependencyFields) {
    const value = (parsed as Record<string, unknown>)[field];
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) names.push(...Object.keys(value));
  }
  return names;
}

/** For tests: forget the package.json files read. */
export function clearDeclaredDependencies(): void {
  declaredByDir.clear();
}
