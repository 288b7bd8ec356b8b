import { checkAll, prepare, type CliIo } from './command.js';

export { ExitCode, type CliIo } from './command.js';

/** The whole command: parses argv, validates every manifest, writes the report, returns the exit code. */
export function run(argv: readonly string[], io: CliIo): number {
  const options = prepare(argv, io);
  return typeof options === 'number' ? options : checkAll(options, io);
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
// How the code frame places and sizes its carets in terminal columns, for other reports drawn the same way.
export { blankAsWide, displayWidth } from './display-width.js';
export { LineIndex } from '../text-position.js';
