import { deviceName, type Module } from '@velakit/catalog';
import type { Sourced } from './targets.js';

const list = new Intl.ListFormat('en', { style: 'long', type: 'conjunction' });

/** `a`, `a and b`, `a, b, and c`. */
export function listWords(items: readonly string[]): string {
  return list.format(items);
}

const alternatives = new Intl.ListFormat('en', { style: 'long', type: 'disjunction' });

/** `a`, `a or b`, `a, b, or c`. */
export function listAlternatives(items: readonly string[]): string {
  return alternatives.format(items);
}

/** English names of device ids, joined for a sentence. */
export function deviceList(ids: readonly string[]): string {
  return listWords(ids.map(deviceName));
}

/** `uploadtask.uploadFile`, `UploadTask.onProgressUpdate`, or `@system.fetch` for the module itself. */
export function apiName(module: Module, member?: string, interfaceName?: string): string {
  if (interfaceName !== undefined) return `${interfaceName}.${member ?? ''}`;
  if (member === undefined) return `@${module.name}`;
  return `${module.name.slice('system.'.length)}.${member}`;
}

/** "targets from src/manifest.json targetDevices" or "targets: every known device (...)". */
export function targetsPhrase(devices: Sourced<readonly string[]>): string {
  return devices.source.startsWith('every known device') ? `targets: ${devices.source}` : `targets from ${devices.source}`;
}
