import { readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { manifestPathForDir, validateManifest } from '@velakit/manifest';
import type { VelakitSettings } from './targets.js';

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/**
 * Settings for `eslint.config.js`, read from an app's manifest when the config loads:
 *
 * ```js
 * export default [...velakit.configs.recommended, { settings: manifestSettings('.') }];
 * ```
 *
 * The manifest's targets, features, minAPILevel and permissions become part of the config, so `eslint --cache` re-lints every file
 * when they change. `pathOrDir` is a manifest.json or a project folder (`src/manifest.json`, then `manifest.json`).
 * A missing or broken manifest does not throw: the settings then only name it, and the rules report the problem.
 */
export function manifestSettings(pathOrDir: string): { velakit: VelakitSettings } {
  const absolute = resolve(pathOrDir);
  const path = isDirectory(absolute)
    ? (manifestPathForDir(absolute) ?? join(absolute, 'src', 'manifest.json'))
    : absolute;
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return { velakit: { manifest: path } };
  }
  const { summary } = validateManifest(text);
  if (!summary || summary.invalid.document) return { velakit: { manifest: path } };
  // A field the manifest lacks, or gives a value the validator rejects (a targetDevices naming no known device, a
  // minAPILevel of "3", a features object), is left out: the rules then read it from the manifest named here, and say
  // what it is (a features object is no empty list).
  const { invalid } = summary;
  return {
    velakit: {
      manifest: path,
      ...(summary.targetDevices && summary.targetDevices.length > 0 ? { targetDevices: summary.targetDevices } : {}),
      ...(invalid.features ? {} : { features: summary.features }),
      ...(summary.has.minAPILevel ? { minAPILevel: summary.minAPILevel } : {}),
      ...(invalid.permissions ? {} : { permissions: summary.permissions }),
    },
  };
}
