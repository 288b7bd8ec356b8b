import type { Module } from '@velakit/catalog';
import type { Sourced } from './targets.js';

// Lists, suggestions, value kinds and device lists come from @velakit/catalog's wording module, as in every package;
// these two phrases are the rules' own.

/** `uploadtask.uploadFile`, `UploadTask.onProgressUpdate`, or `@system.fetch` for the module itself. */
export function apiName(module: Module, member?: string, interfaceName?: string): string {
  if (interfaceName !== undefined) return `${interfaceName}.${member ?? ''}`;
  if (member === undefined) return `@${module.name}`;
  return `${module.name.slice('system.'.length)}.${member}`;
}

/** "targets from src/manifest.json targetDevices" or "targets: every known device (...)". */
export function targetsPhrase(devices: Sourced<readonly string[]>): string {
  return devices.source.startsWith('every known device')
    ? `targets: ${devices.source}`
    : `targets from ${devices.source}`;
}
