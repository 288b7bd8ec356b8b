#!/usr/bin/env node
// The Vela language server: `velakit-language-server --stdio`. Loads the built server, or says it is not built.
import { existsSync, readFileSync } from 'node:fs';
import module from 'node:module';

// As TypeScript's own tsc does: Node's on-disk compile cache (Node 22.1+; elsewhere nothing) spares compiling its
// 9 MB bundle again on each run.
module.enableCompileCache?.();

const built = new URL('../dist/server.js', import.meta.url);
const args = process.argv.slice(2);
// The transports the LSP library reads from the command line; without one it throws with a stack trace.
const transport = args.some((arg) => /^--(stdio|node-ipc|socket=\d+|pipe=.+)$/u.test(arg));
if (!existsSync(built)) {
  // A fresh clone: say so whatever the arguments, as every velakit command does.
  process.stderr.write(
    'velakit-language-server: the command is not built yet: run `npm run build` in the velakit repository\n',
  );
  process.exitCode = 2;
} else if (args.includes('--version') || args.includes('-v')) {
  process.stdout.write(`${JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).version}\n`);
} else if (!transport) {
  (args.includes('--help') || args.includes('-h') ? process.stdout : process.stderr).write(
    'Usage: velakit-language-server --stdio (or --node-ipc, --socket=<port>, --pipe=<name>)\n' +
      'The Vela language server for .ux, .js and .ts files; an editor starts it, as the @velakit/language README shows.\n',
  );
  process.exitCode = args.includes('--help') || args.includes('-h') ? 0 : 2;
} else {
  const { startLanguageServer } = await import(built.href);
  startLanguageServer();
}
