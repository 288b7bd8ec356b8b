import * as fs from 'node:fs';
import { basename, dirname, sep } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { ValidateOptions } from '@velakit/manifest';
import { commentRanges, inRanges } from './comment-ranges.js';
import { detachedString } from './detached-string.js';
import { clearListings, recordListing } from './folder-listings.js';
import { timedStep } from './shared-timing.js';
import { uxScriptForScan } from './ux-script.js';

/** Source files whose `@system.*` strings count as uses of a feature. */
const sourceExtensions = new Set(['.js', '.mjs', '.cjs', '.ts', '.mts', '.cts', '.ux']);
/**
 * Build output of a project (`dist/`, `build/` beside `src/`): skipped at the top of a scanned folder that is not a
 * `src` folder, where a manifest at the project root sees it. Under `src/` every folder is source, a page folder
 * named `dist` too.
 */
const buildFolders = new Set(['dist', 'build']);
/** Every string literal naming a module: imports, `require`, and `app.canIUse('@system.x')` alike. */
const moduleString = /(['"`])@(system\.[A-Za-z0-9_.]+)\1/gu;
/** Only the strings that load a module: `from '@system.x'`, `import '@system.x'`, `require('@system.x')`. */
const moduleImport = /(?:\bfrom\s*|\bimport\s*|\brequire\s*\(\s*)(['"`])@(system\.[A-Za-z0-9_.]+)\1/gu;

interface FileEntry {
  /** From the `stat` a read was checked against; NaN after a first read, which takes none (see `featuresOf`). */
  mtimeMs: number;
  size: number;
  /** The wall clock before the scan that read the text began (a file's mtime is on that clock). */
  readAfter: number;
  /**
   * True for a text taken from a lint (`noteLintedSource`), which an editor's unsaved text of the file's size could
   * be: it stands for one scan, and the next one reads the file.
   */
  linted: boolean;
  features: readonly string[];
  imported: readonly string[];
}

/**
 * How far a file's mtime must lie before the first read of it for the read to stand without a `stat`: more than the
 * coarsest mtime granularity in use (FAT: 2 s), so a change right after the read cannot carry an older mtime.
 */
const mtimeSlackMs = 3000;

const files = new Map<string, FileEntry>();
/** When this process started, on the wall clock mtimes use: ESLint read every text it lints after it. */
const processStart = performance.timeOrigin;
const counters = { reads: 0, scans: 0, stats: 0, noted: 0 };

export interface AppSources {
  /**
   * Feature names (`system.request`) some source file names as `'@system.request'` in its code: not in a comment, not
   * in a `.ux` template, not as the source of a type-only import.
   */
  readonly used: ReadonlySet<string>;
  /** Feature names some source file imports or requires (a subset of `used`: `app.canIUse` strings load nothing). */
  readonly imported: ReadonlySet<string>;
  readonly fileCount: number;
}

/**
 * Every source file under `dir`, depth first in directory order, without following links: skipping dependencies
 * (`node_modules`) and dot-folders at every depth, and build output (`buildFolders`) at the top of a folder that is not
 * `src`. Paths are joined by hand (the walk's names need no normalizing) and collected in one array: nested generators
 * and `path.join` took a third of a cold scan of 2,400 files.
 */
function sourceFiles(dir: string, found: string[] = [], skipBuild = basename(dir) !== 'src'): string[] {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return found;
  }
  recordListing(dir, entries);
  const prefix = dir.endsWith(sep) ? dir : dir + sep;
  // `forEach`, not a loop: the walk runs once per lint, and V8 compiled the walk with everything in it inlined (7 to
  // 17 ms of compile work for a walk of about as many ms of running).
  entries.forEach((entry) => {
    const name = entry.name;
    if (name.startsWith('.')) return;
    if (entry.isDirectory()) {
      if (name !== 'node_modules' && !(skipBuild && buildFolders.has(name))) sourceFiles(prefix + name, found, false);
    } else if (entry.isFile() && sourceExtensions.has(extensionOf(name))) {
      found.push(prefix + name);
    }
  });
  return found;
}

/** `.ux` for `page.ux`; empty without a dot (as `path.extname`, for names without a folder). */
function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot) : '';
}

type Found = Pick<FileEntry, 'features' | 'imported'>;

const nothing: Found = { features: [], imported: [] };

/** The distinct second groups of a global pattern's matches that start in `text[from..end)`, in order. */
function matchedNames(pattern: RegExp, text: string, from: number, end: number): string[] {
  const names: string[] = [];
  pattern.lastIndex = from;
  for (let match = pattern.exec(text); match !== null && match.index < end; match = pattern.exec(text)) {
    const name = match[2]!;
    // Cached for the run: a copy, not a slice that would keep the whole file text alive (`detached-string.ts`).
    if (!names.includes(name)) names.push(detachedString(name));
  }
  return names;
}

/**
 * What `text[start..end)`, JavaScript or TypeScript, names and loads: the strings `moduleString` and `moduleImport`
 * match, less those in comments and the sources of type-only imports. `first` is the first `@system.` at or after
 * `start`: no string match starts before the quote in front of it, but an import's `from`/`require (` may stand well
 * before it. Comments are looked for only up to the last `@system.`, and only when a `//` or `/*` comes before it;
 * type-only imports only when the word `type` does. A file with neither (most) costs the two pattern searches alone.
 */
function namesIn(text: string, start: number, end: number, first: number): Found {
  const last = text.lastIndexOf('@system.', end - 1);
  const comments = commentBefore(text, start, last) ? commentRanges(text, start, last) : noComments;
  const type = text.indexOf('type', start);
  const typed = type >= 0 && type < last;
  if (comments.length === 0 && !typed)
    return {
      features: matchedNames(moduleString, text, Math.max(start, first - 1), end),
      imported: matchedNames(moduleImport, text, start, end),
    };
  const imported: string[] = [];
  /** Where the strings of type-only imports start. */
  let erased: number[] | undefined;
  moduleImport.lastIndex = start;
  for (let match = moduleImport.exec(text); match !== null && match.index < end; match = moduleImport.exec(text)) {
    const name = match[2]!;
    const quote = match.index + match[0].length - name.length - 3;
    // A keyword or a string in a comment: commented-out code, or a string that does not follow the keyword in code.
    if (inComments(comments, match.index) || inComments(comments, quote)) continue;
    if (typed && isErased(text, match.index, start, comments)) {
      (erased ??= []).push(quote);
      continue;
    }
    if (!imported.includes(name)) imported.push(detachedString(name));
  }
  const features: string[] = [];
  moduleString.lastIndex = Math.max(start, first - 1);
  for (let match = moduleString.exec(text); match !== null && match.index < end; match = moduleString.exec(text)) {
    if (inComments(comments, match.index) || erased?.includes(match.index)) continue;
    const name = match[2]!;
    if (!features.includes(name)) features.push(detachedString(name));
  }
  return { features, imported };
}

const noComments: readonly number[] = [];

/** Whether a `//` or `/*` starts in `text[start..last)`. */
function commentBefore(text: string, start: number, last: number): boolean {
  for (let slash = text.indexOf('/', start); slash >= 0 && slash < last; slash = text.indexOf('/', slash + 1)) {
    const next = text.charCodeAt(slash + 1);
    if (next === 47 /* / */ || next === 42 /* * */) return true;
  }
  return false;
}

/** `\w`, as `\b` takes it. */
function isWordCharacter(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57) || code === 95;
}

function inComments(comments: readonly number[], offset: number): boolean {
  return comments.length > 0 && inRanges(comments, offset);
}

/** Whether the import whose keyword (`from`, `import`, `require`) is at `keyword` is one TypeScript erases. */
function isErased(text: string, keyword: number, start: number, comments: readonly number[]): boolean {
  if (text.startsWith('from', keyword)) return isTypeOnly(text, keyword, start, comments);
  if (!text.startsWith('require', keyword)) return false;
  const type = text.lastIndexOf('type', keyword);
  return type >= start && keyword - type < 200 && typeOnlyRequire.test(text.slice(Math.max(start, type - 20), keyword));
}

/** TypeScript's `import type x = require(`, which loads nothing. */
const typeOnlyRequire = /\bimport\s+type\s+[\w$]+\s*=\s*$/u;
/** An import or export clause as TypeScript reads one, comments aside: names, braces, commas and `*`. */
const clauseText = /^[\w$\s{},*]*$/u;
const clauseComment = /\/\*[\s\S]*?\*\/|\/\/[^\n\r]*/gu;

/**
 * Whether the `import` or `export` whose `from` is at `from` is type-only, and so erased by TypeScript: `import type`,
 * `export type`, or braces that hold only `type` specifiers (`import { type A, type B } from`).
 */
function isTypeOnly(text: string, from: number, start: number, comments: readonly number[]): boolean {
  let keyword = from;
  do {
    keyword = Math.max(text.lastIndexOf('import', keyword - 1), text.lastIndexOf('export', keyword - 1));
    if (keyword < start) return false;
  } while (
    isWordCharacter(text.charCodeAt(keyword - 1)) ||
    isWordCharacter(text.charCodeAt(keyword + 6)) ||
    inComments(comments, keyword)
  );
  // Most imports are not type-only: without the word, nothing to read.
  const type = text.indexOf('type', keyword + 6);
  if (type < 0 || type >= from) return false;
  const clause = text
    .slice(keyword + 6, from)
    .replace(clauseComment, ' ')
    .trim();
  if (!clauseText.test(clause)) return false;
  if (/^type[\s{*]/u.test(clause)) {
    // `import type from '...'` and `import type, { a } from '...'` import a value named `type`.
    const rest = clause.slice(4).trim();
    return rest !== '' && !rest.startsWith(',');
  }
  if (!clause.startsWith('{') || !clause.endsWith('}')) return false;
  const specifiers = clause
    .slice(1, -1)
    .split(',')
    .map((specifier) => specifier.trim())
    .filter((specifier) => specifier !== '');
  // `type A`, `type A as B`; `type` alone and `type as B` are values named `type`.
  return (
    specifiers.length > 0 &&
    specifiers.every((specifier) => {
      const words = specifier.split(/\s+/u);
      return words[0] === 'type' && (words.length === 2 || words.length === 4);
    })
  );
}

/**
 * The features a file names (and checks). A file seen for the first time is read without a `stat`: a lint run scans
 * once, and 2,400 `stat`s were a fifth of a cold scan. A later scan (an editor's next lint of the manifest) stats every
 * file and reads it again when its mtime or size changed since the stat the read was checked against; after a first
 * read, when its mtime is not well before that read began or its size is not the size of the text read.
 */
function featuresOf(path: string, scanStart: number): Found {
  const cached = files.get(path);
  if (cached === undefined) return read(path, undefined, scanStart);
  let stat: fs.Stats | undefined;
  try {
    counters.stats++;
    stat = fs.statSync(path, { throwIfNoEntry: false });
  } catch {
    // Unreadable: names no features.
  }
  if (!stat) return nothing;
  if (cached.mtimeMs === stat.mtimeMs && cached.size === stat.size) return cached;
  if (Number.isNaN(cached.mtimeMs) && cached.size === stat.size && stat.mtimeMs < cached.readAfter - mtimeSlackMs) {
    if (cached.linted) files.delete(path);
    else cached.mtimeMs = stat.mtimeMs;
    return cached;
  }
  return read(path, stat, scanStart);
}

/**
 * Reads a file's features into the cache. After a `stat`, a change between it and the read leaves an older mtime in
 * the cache, so the next scan reads again; without one, the entry holds the text's size and the mtime is compared with
 * `readAfter` instead. `readFileSync` with an encoding opens, sizes, reads and decodes in one call into Node.
 */
function read(path: string, stat: fs.Stats | undefined, scanStart: number): Found {
  let text: string;
  try {
    text = fs.readFileSync(path, 'utf8');
    counters.reads++;
  } catch {
    return nothing;
  }
  const entry = entryOf(path, text, stat, scanStart);
  files.set(path, entry);
  return entry;
}

/** What a file's text names, with what its next scan checks the text against (see `featuresOf`). */
function entryOf(path: string, text: string, stat: fs.Stats | undefined, readAfter: number, linted = false): FileEntry {
  return {
    mtimeMs: stat ? stat.mtimeMs : Number.NaN,
    // Text that is not valid UTF-8 decodes to another length: the next scan then reads it again, with a stat.
    size: stat ? stat.size : Buffer.byteLength(text, 'utf8'),
    readAfter,
    linted,
    ...foundIn(path, text),
  };
}

/**
 * What a source file names and loads: its code, not its comments; in a `.ux` file, the script the ESLint processor
 * lints (a template cannot load a module, and an HTML comment hides a script), or the script it reports lost.
 */
function foundIn(path: string, text: string): Found {
  // Most files of an app name no module: one search, and nothing more.
  const first = text.indexOf('@system.');
  if (first < 0) return nothing;
  if (!path.endsWith('.ux')) return namesIn(text, 0, text.length, first);
  const script = uxScriptForScan(text);
  if (script === undefined) return nothing;
  const inScript = first >= script.start ? first : text.indexOf('@system.', script.start);
  return inScript < 0 || inScript >= script.end ? nothing : namesIn(text, script.start, script.end, inScript);
}

/**
 * Takes what a source file names from the text ESLint is linting (a whole `.js` or `.ts` file, as the source rules get
 * it), so that a scan later in the run stats the file instead of reading it again: ESLint lints in path order, and in
 * most apps `src/manifest.json` comes after `common/`. (A `.ux` file's rules see only its script, so it is read.)
 * The text was read from the disk after this process started, so the entry is checked as a first read made then
 * would be (`featuresOf`): a scan takes it only when the file's size is the text's and its mtime lies well before the
 * process started; otherwise (an editor's unsaved text, a file changed since) it reads the file. An unsaved text of
 * the file's very size is not told apart this way, so a noted text stands for one scan only: the next reads the file.
 */
export function noteLintedSource(path: string, text: string): void {
  if (files.has(path) || !sourceExtensions.has(extensionOf(path))) return;
  counters.noted++;
  files.set(path, entryOf(path, text, undefined, processStart, true));
}

/**
 * Scans an app's source folder for the modules its files name. The folder walk runs on every call, and one `stat` per
 * file already read; a file's text is read only the first time and after it changes.
 */
export function scanAppSources(dir: string): AppSources {
  // No file limit: the scan runs once per manifest per lint run, costs one stat per file once the texts are cached,
  // and a rule that went silent on large apps would hide exactly the declarations nobody remembers.
  const used = new Set<string>();
  const imported = new Set<string>();
  counters.scans++;
  const scanStart = Date.now();
  const paths = sourceFiles(dir);
  // `forEach`, not a loop: the walk runs once per lint, and V8 compiled a loop here on the stack with everything it
  // calls inlined (10 to 20 ms of compile work for a loop that runs about as long). The callback is too small to be
  // worth compiling; the functions it calls are compiled on their own when they are hot.
  paths.forEach((path) => {
    const entry = featuresOf(path, scanStart);
    if (entry.features.length > 0) addAll(used, entry.features);
    if (entry.imported.length > 0) addAll(imported, entry.imported);
  });
  return { used, imported, fileCount: paths.length };
}

function addAll(set: Set<string>, names: readonly string[]): void {
  for (let index = 0; index < names.length; index++) set.add(names[index]!);
}

const scans = new WeakMap<object, AppSources>();

/**
 * The sources of the app whose manifest is being linted (the manifest's folder and below), scanned once per lint of
 * the manifest however many rules ask: they share its SourceCode. The next lint of the manifest scans again.
 */
export function appSourcesFor(context: {
  readonly id: string;
  readonly sourceCode: object;
  readonly filename: string;
}): AppSources {
  let sources = scans.get(context.sourceCode);
  if (!sources) {
    sources = timedStep('app-sources', context.id, () => scanAppSources(dirname(context.filename)));
    scans.set(context.sourceCode, sources);
  }
  return sources;
}

/**
 * What the manifest validator needs to know of the app's sources, the same for the `valid-manifest` rule and
 * `velakit check`. A declared feature no source uses gets one report (unused, from no-unused-feature), not an API-level
 * or support one too. Device support of a feature the sources use is the source rules' to judge (`no-unsupported-api`
 * sees every call and every guard: `canIUse`, feature detection through aliases and barrels, `try`): a manifest warning
 * would repeat its report at the call, or contradict its silence at a guarded one. Pass `callsLinted: false` when no
 * source rule judges the calls (`velakit check` with an app config that leaves `no-unsupported-api` off): the manifest
 * then warns about every used feature a target lacks. An app with no source file found says nothing about use, so then
 * every declared feature is checked in the manifest.
 */
export function validationOptions(
  sources: AppSources,
  { callsLinted = true }: { callsLinted?: boolean } = {},
): Pick<ValidateOptions, 'checkedFeatures' | 'usedFeatures'> {
  if (sources.fileCount === 0) return {};
  return callsLinted ? { usedFeatures: sources.used, checkedFeatures: sources.used } : { usedFeatures: sources.used };
}

/**
 * How many folder scans ran, how many source files were read and `stat`ed, how many texts were taken from lints
 * (`noteLintedSource`), and how many files are cached, since the last `clearAppSourcesCache()`.
 */
export function appSourcesCacheStats(): {
  scans: number;
  reads: number;
  stats: number;
  noted: number;
  cached: number;
} {
  return { ...counters, cached: files.size };
}

export function clearAppSourcesCache(): void {
  files.clear();
  clearListings();
  counters.reads = 0;
  counters.scans = 0;
  counters.stats = 0;
  counters.noted = 0;
}
