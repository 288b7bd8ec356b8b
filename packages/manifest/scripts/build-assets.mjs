// build:assets (run by the root build after tsc):
// - ships the schema inside the package, so a manifest can name it in "$schema" as
//   "../node_modules/@velakit/manifest/dist/manifest.schema.json";
// - bundles the CLI into one file, dist/bin/velakit-manifest.js (bin/velakit-manifest.cjs, the committed bin, loads it),
//   and the entry of its worker threads into dist/bin/velakit-manifest-part.js. A CI run starts it once per job, and
//   Node's ES module loader spends about 1 ms per module resolving and linking (~50 modules with the catalogue); one
//   file starts in a fraction of that. It is CommonJS (dist/bin/package.json says so): Node 20 loads a CommonJS
//   entry about 5 ms sooner than an ES module one. The packages it loads at run time through createRequire (momoa for
//   positions, ajv's runtime helpers) stay ordinary dependencies;
// - bundles the library and its ./cli entry as ES modules (dist/bundle.js, dist/cli/bundle.js), below.
import { copyFileSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { isAbsolute } from 'node:path';
import { fileURLToPath } from 'node:url';
import { rolldown } from 'rolldown';

/** @param {string} relative */
const path = (relative) => fileURLToPath(new URL(relative, import.meta.url));
mkdirSync(path('../dist/bin/'), { recursive: true });
copyFileSync(path('../../../schemas/manifest.schema.json'), path('../dist/manifest.schema.json'));

const bin = path('../dist/bin/velakit-manifest.js');
writeFileSync(path('../dist/bin/package.json'), `${JSON.stringify({ type: 'commonjs' })}\n`);
// The command, and the entries of its worker threads (cli/parallel.ts) and read-ahead thread (cli/read-ahead.ts):
// each one self-contained file.
for (const { input, file, banner } of [
  { input: '../dist/cli/main.js', file: bin, banner: '#!/usr/bin/env node' },
  { input: '../dist/cli/part-worker.js', file: path('../dist/bin/velakit-manifest-part.js'), banner: '' },
  { input: '../dist/cli/reader-worker.js', file: path('../dist/bin/velakit-manifest-reader.js'), banner: '' },
]) {
  const bundle = await rolldown({ input: path(input), platform: 'node', logLevel: 'warn' });
  await bundle.write({ file, format: 'cjs', banner });
  await bundle.close();
}

// The library (`.`) and its `./cli` entry, which ESLint's start loads through the rules (and `velakit check` both):
// one file per entry, as the catalogue, the rules and the plugin are (../../catalog/scripts/bundle-library.mjs), and
// the code both entries use in a shared chunk, so a process that imports both still has one copy. Every file sits in
// dist/ or one folder below it, as dist/cli/ does, so the command's `new URL('../bin/...', import.meta.url)` and
// `new URL('../../package.json', import.meta.url)` point where they did.
// Chunk names carry a hash of their content: last build's chunks go first, so no stale one is packed.
rmSync(path('../dist/chunks/'), { recursive: true, force: true });
const library = await rolldown({
  input: { bundle: path('../dist/index.js'), 'cli/bundle': path('../dist/cli/run.js') },
  platform: 'node',
  logLevel: 'warn',
  external: (id) => !id.startsWith('.') && !isAbsolute(id),
});
await library.write({
  dir: path('../dist'),
  format: 'esm',
  entryFileNames: '[name].js',
  chunkFileNames: 'chunks/[name]-[hash].js',
  sourcemap: true,
});
await library.close();
