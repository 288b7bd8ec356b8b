import { deviceIds, findDevice, type Device } from '@velakit/catalog';

const ids = new Set<string>(deviceIds);

// Names and misspellings recur across the manifests of one repository; each is normalized and looked up once.
const byEntry = new Map<string, Device | undefined>();

/** The device an entry names by id, name, alias or codename (see findDevice). */
export function deviceNamed(entry: string): Device | undefined {
  if (byEntry.has(entry)) return byEntry.get(entry);
  const device = findDevice(entry);
  byEntry.set(entry, device);
  return device;
}

/** Whether an entry is a device id as written (a set lookup: this runs for every target of every manifest). */
export function isDeviceId(entry: string): boolean {
  return ids.has(entry);
}

/** The device id an entry names: itself when it already is one (the common case, no normalizing), else by name or alias. */
export function deviceIdOf(entry: string): string | undefined {
  return ids.has(entry) ? entry : deviceNamed(entry)?.id;
}
