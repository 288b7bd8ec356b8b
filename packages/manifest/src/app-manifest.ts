import { join } from 'node:path';
import { manifestLocations } from '@velakit/catalog';
import { readManifest } from './cli/read-manifest.js';
import type { Diagnostic, ManifestSummary } from './diagnostic.js';
import { lookUpManifestInDir } from './find-manifest.js';
import { parseManifestText } from './parse.js';
import { summarize } from './summary.js';

/** An app folder's manifest as a tool that runs the app (the runtime) needs it. */
export type AppManifestRead =
  /** No manifest at any of the app's manifest locations (`candidates`, in the order looked). */
  | { kind: 'none'; candidates: string[] }
  /**
   * A manifest is there but cannot be used: it cannot be read, or its text is not plain JSON. `message` names the file
   * (with `:line:column` when there is a place in the text) and says why; `diagnostic` is the validator's, when it
   * gave one.
   */
  | { kind: 'unusable'; path: string; message: string; diagnostic?: Diagnostic }
  /** The parsed manifest and its facts, as the validator states them (`summary.features`, `summary.package`, ...). */
  | { kind: 'read'; path: string; value: unknown; summary: ManifestSummary; warnings: Diagnostic[] };

function at(path: string, diagnostic: Diagnostic): string {
  return `${path}:${diagnostic.start.line}:${diagnostic.start.column}: ${diagnostic.message}`;
}

/**
 * Finds, reads and parses an app folder's manifest the way `velakit-manifest <dir>` and `velakit check` do (one
 * finder, `lookUpManifestInDir`; one reader, which refuses FIFOs, devices and oversized or non-UTF-8 files; the
 * validator's parser). The text must be plain JSON: a comment or a trailing comma, which the validator reports as
 * errors, makes the manifest unusable, at the first such error. Schema problems are the validator's to report, not
 * a reason to refuse.
 */
export function readAppManifest(dir: string): AppManifestRead {
  const found = lookUpManifestInDir(dir);
  if (found.kind === 'none')
    return { kind: 'none', candidates: manifestLocations.map((location) => join(dir, location)) };
  if (found.kind === 'error') return { kind: 'unusable', path: found.path, message: found.message };
  const { path } = found;
  const read = readManifest(path);
  switch (read.kind) {
    case 'directory':
      return { kind: 'unusable', path, message: `${path} is a directory` };
    case 'io-error':
      return { kind: 'unusable', path, message: read.message };
    case 'unreadable':
      return { kind: 'unusable', path, message: at(path, read.diagnostic), diagnostic: read.diagnostic };
    case 'text':
      break;
  }
  const { parsed, diagnostics } = parseManifestText(read.text);
  const firstError = diagnostics
    .filter((diagnostic) => diagnostic.severity === 'error')
    .sort((a, b) => a.start.offset - b.start.offset)[0];
  if (firstError !== undefined || parsed === undefined) {
    // A parse that fails always says why; the fallback only keeps the types honest.
    const diagnostic = firstError ?? diagnostics[0];
    const message = diagnostic === undefined ? `${path} is not JSON` : at(path, diagnostic);
    return { kind: 'unusable', path, message, ...(diagnostic === undefined ? {} : { diagnostic }) };
  }
  return { kind: 'read', path, value: parsed.value, summary: summarize(parsed.value), warnings: diagnostics };
}
