// Writes index.d.ts from the catalogue. Run after `tsc -b packages/catalog` (the root `npm run generate` does both).
import { writeFileSync } from 'node:fs';
import { renderTypings } from './render.mjs';

writeFileSync(new URL('../index.d.ts', import.meta.url), renderTypings());
