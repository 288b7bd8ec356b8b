// Writes index.d.ts and the generated type tests from the catalogue. Run after `tsc -b packages/catalog` (the root
// `npm run generate` does both).
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { renderTypings } from './render.mjs';
import { renderEveryModulePage, renderTypeTests } from './type-tests.mjs';

writeFileSync(new URL('../index.d.ts', import.meta.url), renderTypings());

const testDirectory = new URL('../test/generated/', import.meta.url);
mkdirSync(testDirectory, { recursive: true });
const tests = renderTypeTests();
for (const name of readdirSync(testDirectory)) if (!(name in tests)) rmSync(new URL(name, testDirectory));
for (const [name, text] of Object.entries(tests)) writeFileSync(new URL(name, testDirectory), text);

writeFileSync(
  new URL('../test/fixtures/every-module-app/src/every-module.js', import.meta.url),
  renderEveryModulePage(),
);
