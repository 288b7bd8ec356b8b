// Writes catalog.json from the compiled typed source. Run after `tsc -b packages/catalog`.
import { writeFileSync } from 'node:fs';
import { catalogJsonText } from '@velakit/catalog';

writeFileSync(new URL('../catalog.json', import.meta.url), catalogJsonText());
