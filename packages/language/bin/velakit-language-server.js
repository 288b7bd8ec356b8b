#!/usr/bin/env node
// The Vela language server: `velakit-language-server --stdio`. Loads the built server, or says it is not built.
import { existsSync, readFileSync } from 'node:fs';
import module from 'node:module';

// As TypeScript's own tsc does: Node's on-disk compile cache (Node 22.1+; elsewhere nothing) spares compiling its
// 9 MB bundle again on each run.
module.enableCompileCache?.();

const built = new URL('../dist/server.js', import.meta.url);
if (existsSync(built) && (process.argv.includes('--version') || process.argv.includes('-v'))) {
  process.stdout.write(`${JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).version}\n`);
} else if (existsSync(built)) {
  const { startLanguageServer } = await import(built.href);
  startLanguageServer();
} else {
  process.stderr.write(
    'velakit-language-server: the command is not built yet: run `npm run build` in the velakit repository\n',
  );
  process.exitCode = 2;
}
