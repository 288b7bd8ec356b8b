// build:assets of the library packages that ESLint loads at every start (the catalogue, @velakit/ux, @velakit/eslint-rules,
// @velakit/eslint-plugin), run by the root build after tsc from the package's folder: bundles the package's own
// modules, dist/index.js and everything it imports by relative path, into one file, dist/bundle.js, which the
// package's exports point at. Node's ES module loader resolves, reads, compiles and links each module on its own, and
// these packages are about 160 modules (the catalogue alone 110): importing ESLint and then the plugin took 470-510 ms
// of CPU time with them and 440-460 ms with one file per package (medians of 12 and 20 interleaved processes, quiet
// machine). Every other package, @velakit/* too, stays an import, so each package is still loaded once however many
// others use it. dist/index.js and its modules stay as tsc wrote them, for the declarations and the source maps beside
// them. @velakit/manifest, which has a second entry, bundles both in its own scripts/build-assets.mjs.
import { isAbsolute } from 'node:path';
import { rolldown } from 'rolldown';

const bundle = await rolldown({
  input: 'dist/index.js',
  platform: 'node',
  logLevel: 'warn',
  // Relative imports are the package's own modules; anything else (node:*, packages) is loaded as it is.
  external: (id) => !id.startsWith('.') && !isAbsolute(id),
});
await bundle.write({ file: 'dist/bundle.js', format: 'esm', sourcemap: true });
await bundle.close();
