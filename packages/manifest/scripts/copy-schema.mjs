// build:assets: ships the schema inside the package, so a manifest can name it in "$schema" as
// "../node_modules/@velakit/manifest/dist/manifest.schema.json".
import { copyFileSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const from = fileURLToPath(new URL('../../../schemas/manifest.schema.json', import.meta.url));
const to = fileURLToPath(new URL('../dist/manifest.schema.json', import.meta.url));
mkdirSync(fileURLToPath(new URL('../dist/', import.meta.url)), { recursive: true });
copyFileSync(from, to);
