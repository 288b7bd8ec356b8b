// build:assets (run by the root build after tsc):
// - ships the schema inside the package, so a manifest can name it in "$schema" as
//   "../node_modules/@velakit/manifest/dist/manifest.schema.json";
// - bundles the CLI into one file, dist/bin/velakit-manifest.js (bin/velakit-manifest.cjs, the committed bin, loads it),
//   and the entry of its worker threads into dist/bin/velakit-manifest-part.js. A CI run starts it once per job, and
//   Node's ES module loader spends about 1 ms per module resolving and linking (~50 modules with the catalogue); one
//   file starts in a fraction of that. It is CommonJS (dist/bin/package.json says so): Node 20 loads a CommonJS
//   entry about 5 ms sooner than an ES module one. The library (dist/index.js) stays unbundled. The packages it loads at run time
//   through createRequire (momoa for positions, ajv's runtime helpers) stay ordinary dependencies.
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
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
