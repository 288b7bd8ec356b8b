#!/usr/bin/env node
// npm links bins before `prepare` builds dist/: this committed file loads the built command, or says it is not built.
import { existsSync } from 'node:fs';
import module from 'node:module';

// As TypeScript's own tsc does: Node's on-disk compile cache (Node 22.1+; elsewhere nothing) spares compiling its
// 9 MB bundle again on each run.
module.enableCompileCache?.();

const built = new URL('../dist/cli.js', import.meta.url);
if (existsSync(built)) {
  const { runTypecheck } = await import(built.href);
  try {
    process.exitCode = runTypecheck(process.argv.slice(2), {
      stdout: (text) => process.stdout.write(text),
      stderr: (text) => process.stderr.write(text),
      cwd: process.cwd(),
      isTTY: process.stdout.isTTY === true,
    });
  } catch (error) {
    process.stderr.write(
      `velakit-typecheck: internal error: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    process.exitCode = 2;
  }
} else {
  process.stderr.write(
    'velakit-typecheck: the command is not built yet: run `npm run build` in the velakit repository\n',
  );
  process.exitCode = 2;
}
