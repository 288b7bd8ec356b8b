// Writes the files generated from the catalogue: schemas/manifest.schema.json and the precompiled validator; and
// codes.md from the diagnostic codes.
// Run through `npm run generate -w @velakit/manifest` (builds first); a test fails when either is out of date.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { codesDocText, schemaText, validatorSource } from './generated-files.mjs';

const schemaPath = fileURLToPath(new URL('../../../schemas/manifest.schema.json', import.meta.url));
const validatorPath = fileURLToPath(new URL('../src/generated/manifest-validator.ts', import.meta.url));
const codesPath = fileURLToPath(new URL('../codes.md', import.meta.url));

writeFileSync(schemaPath, schemaText());
writeFileSync(validatorPath, validatorSource());
writeFileSync(codesPath, codesDocText());
console.log(`wrote ${schemaPath}\nwrote ${validatorPath}\nwrote ${codesPath}`);
