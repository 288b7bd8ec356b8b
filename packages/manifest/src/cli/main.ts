import { fdWriter } from './fd-writer.js';
import { run } from './run.js';

try {
  process.exitCode = run(process.argv.slice(2), {
    stdout: fdWriter(1, () => process.stdout),
    stderr: fdWriter(2, () => process.stderr),
    cwd: process.cwd(),
    // Asked only for the stylish format's colors: reading it creates process.stdout (see fd-writer.ts).
    get isTTY() {
      return process.stdout.isTTY;
    },
  });
} catch (error) {
  // A bug, not bad input: say so in one line rather than a stack trace, and ask for a report.
  process.stderr.write(`velakit-manifest: internal error: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 2;
}
