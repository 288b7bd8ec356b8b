import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Diagnostic } from '../src/diagnostic.js';

export const manifestsDir = fileURLToPath(new URL('./manifests/', import.meta.url));

/** The test manifests of one folder (`valid` or `invalid`), as [file name, text]. */
export function manifests(kind: 'valid' | 'invalid'): [string, string][] {
  const dir = `${manifestsDir}${kind}/`;
  return readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => [name, readFileSync(`${dir}${name}`, 'utf8')]);
}

/**
 * A valid manifest with `extra` members appended after `targetDevices` (line 8), so they start on line 9.
 * Pass `targets: false` to leave targetDevices out (then `extra` starts on line 8).
 */
export function withMembers(extra: string, options: { targets?: boolean; router?: string } = {}): string {
  const router = options.router ?? '{ "entry": "pages/index", "pages": { "pages/index": { "component": "index" } } }';
  const lines = [
    '{',
    '  "package": "com.example.app",',
    '  "name": "App",',
    '  "icon": "/common/logo.png",',
    '  "versionCode": 1,',
    '  "config": {},',
    `  "router": ${router}${options.targets === false ? '' : ','}`,
  ];
  if (options.targets !== false) lines.push('  "targetDevices": ["xiaomi-watch-s4"]');
  return `${lines.join('\n')}${extra === '' ? '' : `,\n${extra}`}\n}\n`;
}

/** `code start-end` with positions as line:column, plus the suggestion when there is one: compact to assert on. */
export function brief(diagnostic: Diagnostic): string {
  const { start, end } = diagnostic;
  const suggestion = diagnostic.suggestion === undefined ? '' : ` -> ${diagnostic.suggestion}`;
  return `${diagnostic.code} ${start.line}:${start.column}-${end.line}:${end.column}${suggestion}`;
}
