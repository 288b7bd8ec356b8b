import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { manifestLocations } from '@velakit/catalog';
import { RuntimeSetupError } from './errors.js';

/** The parts of `manifest.json` the runtime reads. Other keys are kept but ignored. */
export interface AppManifest {
  readonly package?: unknown;
  readonly minAPILevel?: unknown;
  readonly features?: unknown;
  readonly [key: string]: unknown;
}

/** Where Vela projects keep the manifest, in the order the runtime looks. */
export function manifestCandidates(appRoot: string): string[] {
  return manifestLocations.map((location) => join(appRoot, location));
}

/** Reads the app's manifest, or explains exactly why it cannot. */
export function loadManifest(appRoot: string): AppManifest {
  const candidates = manifestCandidates(appRoot);
  const path = candidates.find((candidate) => existsSync(candidate));
  if (path === undefined) {
    throw new RuntimeSetupError(`createRuntime: no manifest.json found (looked for ${candidates.join(' and ')}).`);
  }
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new RuntimeSetupError(`createRuntime: cannot read ${path}: ${(error as Error).message}`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new RuntimeSetupError(`createRuntime: ${path}${jsonErrorPosition(text, error as Error)} is not valid JSON: ${(error as Error).message}`);
  }
  return checkManifest(parsed, path);
}

/** Accepts any JSON object; the manifest validator (`@velakit/manifest`) is the place for full checks. */
export function checkManifest(value: unknown, source: string): AppManifest {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new RuntimeSetupError(`createRuntime: ${source} must be a JSON object.`);
  }
  return value as AppManifest;
}

/** Feature names listed in `features` (entries that are not `{ name: string }` are skipped, as the build does). */
export function declaredFeatures(manifest: AppManifest): Set<string> {
  const names = new Set<string>();
  if (!Array.isArray(manifest.features)) return names;
  for (const entry of manifest.features as unknown[]) {
    if (typeof entry === 'object' && entry !== null && typeof (entry as { name?: unknown }).name === 'string') {
      names.add((entry as { name: string }).name);
    }
  }
  return names;
}

/** `:line:column` of a JSON.parse error (from the offset V8 reports), or nothing when the message has none. */
function jsonErrorPosition(text: string, error: Error): string {
  const offset = /at position (\d+)/u.exec(error.message)?.[1];
  if (offset === undefined) return '';
  const before = text.slice(0, Number(offset));
  const line = before.split('\n').length;
  const column = Number(offset) - before.lastIndexOf('\n');
  return `:${line}:${column}`;
}
