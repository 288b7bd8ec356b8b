// The command's steps, shared by run.ts (one thread) and parallel.ts (the bin's worker threads).
import { readFileSync } from 'node:fs';
import { resolveFrom } from './resolve-path.js';
import { lookUpManifestInDir } from '../find-manifest.js';
import { validateManifest } from '../validate.js';
import { parseArgs, usage, UsageError, type CliOptions } from './args.js';
import { colors } from './colors.js';
import type { FileResult } from './file-result.js';
import { githubLayout } from './formatters/github.js';
import { jsonLayout } from './formatters/json.js';
import { formatSarif } from './formatters/sarif.js';
import { stylishLayout } from './formatters/stylish.js';
import { addCounts, emptyTotals, PartBuilder, type ReportLayout, type Totals } from './report-layout.js';
import type { ReadAhead } from './read-ahead.js';
import { readManifest, type ReadResult } from './read-manifest.js';
import { visible } from '../visible-text.js';

/** Where the command writes, and the directory it runs in: the process in the bin, buffers in tests. */
export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  cwd: string;
  /** Whether stdout is a terminal (colors on by default). */
  isTTY?: boolean;
}

export const ExitCode = { ok: 0, problems: 1, usageOrIo: 2 } as const;

function version(): string {
  const manifest = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
    version: string;
  };
  return manifest.version;
}

/** A directory's manifest, named the way the user wrote the directory. */
function manifestOfDirectory(input: string, cwd: string): { path: string } | { error: string } {
  const absolute = resolveFrom(cwd, input);
  const found = lookUpManifestInDir(absolute);
  if (found.kind === 'none') {
    return { error: `No manifest in ${input}: looked for ${input}/src/manifest.json and ${input}/manifest.json.` };
  }
  const prefix = input === '.' ? '' : `${input.replace(/[\\/]+$/u, '')}/`;
  const shown = `${prefix}${found.path.slice(absolute.length + 1)}`;
  return found.kind === 'error' ? { error: found.message.replace(found.path, shown) } : { path: shown };
}

/**
 * Validates one named file or directory: a result, an I/O error message, or undefined for a file already checked.
 * `fromDirectory` collects the manifests found by looking into a directory (parallel.ts checks them across shares).
 * `ahead`: the read-ahead thread, which may have read the input, the `index`th of the batch (read-ahead.ts).
 */
export function checkInput(
  input: string,
  cwd: string,
  seen: Set<string>,
  fromDirectory?: string[],
  ahead?: ReadAhead,
  index = 0,
): FileResult | { error: string } | undefined {
  let path = input;
  let absolute = resolveFrom(cwd, input);
  const early = ahead?.take(index, absolute);
  let read: ReadResult = early === undefined ? readManifest(absolute) : { kind: 'text', text: early };
  if (read.kind === 'directory') {
    const found = manifestOfDirectory(input, cwd);
    if ('error' in found) return found;
    path = found.path;
    absolute = resolveFrom(cwd, path);
    fromDirectory?.push(absolute);
    read = readManifest(absolute);
  }
  if (seen.has(absolute)) return undefined;
  seen.add(absolute);
  if (read.kind === 'io-error') return { error: read.message.replace(absolute, path) };
  if (read.kind === 'directory') return { error: `${path} is a directory` };
  if (read.kind === 'unreadable') return { path, text: read.text, diagnostics: [read.diagnostic] };
  const result = validateManifest(read.text);
  // A clean file's text is never shown: not keeping it until the report is written spares the GC most of the input.
  const text = result.diagnostics.length === 0 ? '' : read.text;
  const checked: FileResult = { path, text, diagnostics: result.diagnostics };
  if (result.summary !== undefined) checked.summary = result.summary;
  return checked;
}

/** An I/O error line. File names come from the command line and directory listings: printed as they are, they could act on the terminal. */
export function ioErrorLine(message: string): string {
  return `velakit-manifest: ${visible(message)}\n`;
}

/** The layout of every format but SARIF, whose rules and results are only known at the end. */
export function layoutOf(options: CliOptions, io: CliIo): ReportLayout | undefined {
  switch (options.format) {
    case 'json':
      return jsonLayout;
    case 'github':
      return githubLayout();
    case 'stylish':
      return stylishLayout(colors(options.color ?? (io.isTTY === true && process.env.NO_COLOR === undefined)));
    case 'sarif':
      return undefined;
  }
}

/** What the command was asked to do: parsed options, or the exit code of a usage error, help or version. */
export function prepare(argv: readonly string[], io: CliIo): CliOptions | number {
  let options: CliOptions;
  try {
    options = parseArgs(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.stderr(`velakit-manifest: ${error.message}\n\n${usage}\n`);
    return ExitCode.usageOrIo;
  }
  if (options.help) {
    io.stdout(`${usage}\n`);
    return ExitCode.ok;
  }
  if (options.version) {
    io.stdout(`${version()}\n`);
    return ExitCode.ok;
  }
  return options;
}

/** The exit code, from what was found. */
export function exitCode(options: CliOptions, totals: Totals, ioErrors: number, io: CliIo): number {
  if (ioErrors > 0) return ExitCode.usageOrIo;
  if (totals.errors > 0) return ExitCode.problems;
  if (options.maxWarnings !== undefined && totals.warnings > options.maxWarnings) {
    io.stderr(`velakit-manifest: ${totals.warnings} warnings, more than --max-warnings ${options.maxWarnings}.\n`);
    return ExitCode.problems;
  }
  return ExitCode.ok;
}

/**
 * Checks the inputs in order (`ahead`: files a read-ahead thread may have read) and writes the report as it goes
 * (each file's text is written with the next ones once 64 KiB are pending, so memory does not grow with the batch);
 * I/O errors go to stderr. With no result and some I/O error, nothing goes to stdout.
 */
export function checkAll(options: CliOptions, io: CliIo, ahead?: ReadAhead): number {
  const layout = layoutOf(options, io);
  const builder = layout === undefined ? undefined : new PartBuilder(layout, io.stdout);
  const results: FileResult[] = []; // SARIF only
  let ioErrors = 0;
  const seen = new Set<string>();
  const { paths } = options;
  for (let index = 0; index < paths.length; index++) {
    const checked = checkInput(paths[index]!, io.cwd, seen, undefined, ahead, index);
    if (checked === undefined) continue;
    if ('error' in checked) {
      io.stderr(ioErrorLine(checked.error));
      ioErrors++;
    } else if (builder === undefined) results.push(checked);
    else builder.add(checked);
  }
  ahead?.finish();
  let totals: Totals;
  if (builder === undefined) {
    totals = emptyTotals();
    for (const result of results) addCounts(totals, result);
    if (results.length > 0 || ioErrors === 0) io.stdout(formatSarif(results, io.cwd, version()));
  } else {
    totals = builder.part.totals;
    if (totals.files > 0 || ioErrors === 0) builder.finish(true);
  }
  return exitCode(options, totals, ioErrors, io);
}
