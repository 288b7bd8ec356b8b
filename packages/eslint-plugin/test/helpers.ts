import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/** A fresh temporary folder with these files (paths relative to it). */
export function makeTree(files: Record<string, string>, prefix = 'velakit-'): string {
  const root = mkdtempSync(join(tmpdir(), prefix));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

/** A manifest with the required fields and these extras. */
export function manifestText(extra: Record<string, unknown> = {}): string {
  return `${JSON.stringify(
    {
      package: 'com.example.demo',
      name: 'Demo',
      icon: '/common/logo.png',
      versionCode: 1,
      config: {},
      router: { entry: 'pages/index', pages: { 'pages/index': { component: 'index' } } },
      ...extra,
    },
    null,
    2,
  )}\n`;
}
