// Writes the files generated from the catalogue: schemas/manifest.schema.json and the precompiled validator.
// Run through `npm run generate -w @velakit/manifest` (builds first); a test fails when either is out of date.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { schemaText, validatorSource } from './generated-files.mjs';

const schemaPath = fileURLToPath(new URL('../../../schemas/manifest.schema.json', import.meta.url));
const validatorPath = fileURLToPath(new URL('../src/generated/manifest-validator.ts', import.meta.url));

writeFileSync(schemaPath, schemaText());
writeFileSync(validatorPath, validatorSource());
console.log(`wrote ${schemaPath}\nwrote ${validatorPath}`);
