import { readAhead, sharing } from './start-workers.js';
import { checkAll, prepare, type CliIo } from './command.js';
import { fdWriter } from './fd-writer.js';
import { checkShared } from './parallel.js';

/** A bug, not bad input: say so in one line rather than a stack trace, and ask for a report. */
function internalError(error: unknown): void {
  process.stderr.write(`velakit-manifest: internal error: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 2;
}

const io: CliIo = {
  stdout: fdWriter(1, () => process.stdout),
  stderr: fdWriter(2, () => process.stderr),
  cwd: process.cwd(),
  // Asked only for the stylish format's colors. Not process.stdout.isTTY: creating process.stdout loads Node's stream,
  // net and tty modules (see fd-writer.ts); isatty is the test Node makes to choose that stream.
  get isTTY() {
    return process.getBuiltinModule('node:tty').isatty(1);
  },
};

try {
  const options = prepare(process.argv.slice(2), io);
  if (typeof options === 'number') process.exitCode = options;
  // Large batches are shared with worker threads started with the process (start-workers.ts, threads.ts).
  else if (sharing === undefined) process.exitCode = checkAll(options, io, readAhead);
  else process.exitCode = checkShared(options, io, sharing);
} catch (error) {
  internalError(error);
}
