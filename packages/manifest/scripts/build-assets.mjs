// build:assets (run by the root build after tsc):
// - ships the schema inside the package, so a manifest can name it in "$schema" as
//   "../node_modules/@velakit/manifest/dist/manifest.schema.json";
// - makes the bin executable (tsc writes it 0644, and npm links bins before `prepare` builds them).
import { chmodSync, copyFileSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** @param {string} relative */
const path = (relative) => fileURLToPath(new URL(relative, import.meta.url));
mkdirSync(path('../dist/'), { recursive: true });
copyFileSync(path('../../../schemas/manifest.schema.json'), path('../dist/manifest.schema.json'));
chmodSync(path('../dist/bin/velakit-manifest.js'), 0o755);
