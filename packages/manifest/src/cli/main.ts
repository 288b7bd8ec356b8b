import { run } from './run.js';

try {
  process.exitCode = run(process.argv.slice(2), {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    cwd: process.cwd(),
    isTTY: process.stdout.isTTY,
  });
} catch (error) {
  // A bug, not bad input: say so in one line rather than a stack trace, and ask for a report.
  process.stderr.write(`velakit-manifest: internal error: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 2;
}
