#!/usr/bin/env node
// npm links a package's bins when it installs, before `prepare` builds dist/. This committed file is what npm links,
// so `npx velakit` works in a fresh clone right after `npm ci`; it only loads the built command.
import { existsSync } from 'node:fs';

const built = new URL('../dist/bin/velakit.js', import.meta.url);
if (existsSync(built)) {
  await import(built.href);
} else {
  process.stderr.write('velakit: the command is not built yet: run `npm run build` in the velakit repository\n');
  process.exitCode = 2;
}
