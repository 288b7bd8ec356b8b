import { setFlagsFromString } from 'node:v8';
import { fdWriter } from './fd-writer.js';
import { run } from './run.js';

// A run lasts a fraction of a second. With inlining, TurboFan spends far longer compiling each hot function (the
// per-file driver took ~30 ms on a background thread) than the optimized code saves before the run ends, on a
// runner's two cores, and Node waits for a compile still running before it exits. Without inlining, 1,000 manifests
// validate ~10% faster and 4,000 ~5% faster; a single file pays ~2 ms to load node:v8.
setFlagsFromString('--no-turbo-inlining');

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
