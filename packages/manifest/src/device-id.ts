import { deviceIds, findDevice, type Device } from '@velakit/catalog';
import { boundedMemo } from './bounded-memo.js';

const ids = new Set<string>(deviceIds);

/**
 * The device an entry names by id, name, alias or codename (see findDevice). Names and misspellings recur across the
 * manifests of one repository; each is normalized and looked up once while it is among the last 1,024 seen.
 */
export const deviceNamed = boundedMemo<Device | undefined>(findDevice, 1024);

/** Whether an entry is a device id as written (a set lookup: this runs for every target of every manifest). */
export function isDeviceId(entry: string): boolean {
  return ids.has(entry);
}

/** The device id an entry names: itself when it already is one (the common case, no normalizing), else by name or alias. */
export function deviceIdOf(entry: string): string | undefined {
  return ids.has(entry) ? entry : deviceNamed(entry)?.id;
}
