#!/usr/bin/env node
// npm links a package's bins when it installs, before `prepare` builds dist/. This committed file is what npm links,
// so `npx velakit-manifest` works in a fresh clone right after `npm ci`; it only loads the built (bundled) command.
// CommonJS, as the bundle is: requiring it costs no ES module loading.
'use strict';
const { existsSync } = require('node:fs');
const { join } = require('node:path');

const built = join(__dirname, '..', 'dist', 'bin', 'velakit-manifest.js');
if (existsSync(built)) {
  require(built);
} else {
  process.stderr.write(
    'velakit-manifest: the command is not built yet: run `npm run build` in the velakit repository\n',
  );
  process.exitCode = 2;
}
