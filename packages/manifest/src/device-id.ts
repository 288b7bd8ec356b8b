import { deviceIds, findDevice } from '@velakit/catalog';

const ids = new Set<string>(deviceIds);

/** Whether an entry is a device id as written (a set lookup: this runs for every target of every manifest). */
export function isDeviceId(entry: string): boolean {
  return ids.has(entry);
}

/** The device id an entry names: itself when it already is one (the common case, no normalizing), else by name or alias. */
export function deviceIdOf(entry: string): string | undefined {
  return ids.has(entry) ? entry : findDevice(entry)?.id;
}
