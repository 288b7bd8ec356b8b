import { readFileSync } from 'node:fs';
import { resolveFrom } from './resolve-path.js';
import { lookUpManifestInDir } from '../find-manifest.js';
import { validateManifest } from '../validate.js';
import { parseArgs, usage, UsageError, type CliOptions } from './args.js';
import { colors } from './colors.js';
import { countOf, type FileResult } from './file-result.js';
import { formatGithub } from './formatters/github.js';
import { formatJson } from './formatters/json.js';
import { formatSarif } from './formatters/sarif.js';
import { formatStylish } from './formatters/stylish.js';
import { readManifest } from './read-manifest.js';
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
  const manifest = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
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

/** Validates one named file or directory: a result, or an I/O error message. */
function checkInput(input: string, cwd: string, seen: Set<string>): FileResult | { error: string } | undefined {
  let path = input;
  let absolute = resolveFrom(cwd, input);
  let read = readManifest(absolute);
  if (read.kind === 'directory') {
    const found = manifestOfDirectory(input, cwd);
    if ('error' in found) return found;
    path = found.path;
    absolute = resolveFrom(cwd, path);
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

function format(options: CliOptions, results: FileResult[], io: CliIo): string {
  switch (options.format) {
    case 'json':
      return formatJson(results);
    case 'sarif':
      return formatSarif(results, io.cwd, version());
    case 'github':
      return formatGithub(results);
    case 'stylish':
      return formatStylish(results, colors(options.color ?? (io.isTTY === true && process.env.NO_COLOR === undefined)));
  }
}

/** The whole command: parses argv, validates every manifest, writes the report, returns the exit code. */
export function run(argv: readonly string[], io: CliIo): number {
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

  const results: FileResult[] = [];
  const ioErrors: string[] = [];
  const seen = new Set<string>();
  for (const input of options.paths) {
    const checked = checkInput(input, io.cwd, seen);
    if (checked === undefined) continue;
    if ('error' in checked) ioErrors.push(checked.error);
    else results.push(checked);
  }

  // File names come from the command line and directory listings: printed as they are, they could act on the terminal.
  for (const message of ioErrors) io.stderr(`velakit-manifest: ${visible(message)}\n`);
  if (results.length > 0 || ioErrors.length === 0) io.stdout(format(options, results, io));

  const counts = countOf(results);
  if (ioErrors.length > 0) return ExitCode.usageOrIo;
  if (counts.errors > 0) return ExitCode.problems;
  if (options.maxWarnings !== undefined && counts.warnings > options.maxWarnings) {
    io.stderr(`velakit-manifest: ${counts.warnings} warnings, more than --max-warnings ${options.maxWarnings}.\n`);
    return ExitCode.problems;
  }
  return ExitCode.ok;
}

// The pieces other front ends (the `velakit check` command) reuse: file reading with every bad-input check, the
// stylish text with code frames, and the SARIF and GitHub pieces, so every command's output has the same quality.
export { readManifest, type ReadResult } from './read-manifest.js';
export { formatStylish } from './formatters/stylish.js';
export { formatGithub, githubAnnotation, type AnnotationPlace } from './formatters/github.js';
export {
  friendlyName,
  manifestSarifResult,
  manifestSarifRules,
  sarifResult,
  sarifSourceRoot,
  sarifUri,
  type SarifLevel,
  type SarifRule,
} from './formatters/sarif.js';
export { colors, type Colors } from './colors.js';
export type { FileResult } from './file-result.js';
export { codeFrame } from './code-frame.js';
export { LineIndex } from '../text-position.js';
