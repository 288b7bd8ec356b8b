import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/** Folders that hold no app manifest: dependencies, build output, tool state (and every dot folder). */
const skippedFolders = new Set(['node_modules', 'dist', 'build']);
/** The walk stops after this many folders: a huge tree is fingerprinted as far as it got, never slowly. */
const maxFolders = 2000;

/** Every manifest.json under `dir`, depth first, without following links. */
function manifestsUnder(dir: string): string[] {
  const found: string[] = [];
  const pending = [dir];
  for (let folders = 0; pending.length > 0 && folders < maxFolders; folders++) {
    const current = pending.pop()!;
    let entries;
    try {
      entries = readdirSync(current, { withFileTypes: true });
    } catch {
      continue;
    }
    for (const entry of entries) {
      if (entry.name.startsWith('.')) continue;
      if (entry.isDirectory()) {
        if (!skippedFolders.has(entry.name)) pending.push(join(current, entry.name));
      } else if (entry.isFile() && entry.name === 'manifest.json') {
        found.push(join(current, entry.name));
      }
    }
  }
  return found.sort();
}

/**
 * What the rules read besides the linted file: the app manifests under the working directory, each as a hash of its
 * text. ESLint's cache keys each file's results on the file and on its config serialized to JSON; this value sits in
 * the recommended config's settings and serializes to the manifests' current state, so `eslint --cache` lints again
 * every file once a manifest changes (targets, features, minAPILevel), and reuses results while none does.
 */
export const manifestState = {
  toJSON(): Record<string, string> {
    const cwd = process.cwd();
    const state: Record<string, string> = {};
    for (const path of manifestsUnder(cwd)) {
      let text: Buffer;
      try {
        text = readFileSync(path);
      } catch {
        continue;
      }
      state[relative(cwd, path).split(sep).join('/')] = createHash('sha256').update(text).digest('hex').slice(0, 16);
    }
    return state;
  },
};
