/** Where a command writes, so tests can run commands in-process and read what they print. */
export interface Io {
  readonly cwd: string;
  /** Colour the text output (a terminal, and NO_COLOR unset). */
  readonly color: boolean;
  stdout(text: string): void;
  stderr(text: string): void;
}

export const processIo: Io = {
  cwd: process.cwd(),
  color: Boolean(process.stdout.isTTY) && !process.env['NO_COLOR'],
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
};

/** A problem with how the command was called or what it was given: printed as one line, exit code 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** Exit codes, as ESLint's: 0 clean (or warnings only), 1 errors found, 2 the run itself failed. */
export const ExitCode = { ok: 0, problems: 1, failure: 2 } as const;
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];
