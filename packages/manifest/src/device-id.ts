import { deviceIds, findDevice } from '@velakit/catalog';

const ids = new Set<string>(deviceIds);

/** The device id an entry names: itself when it already is one (the common case, no normalizing), else by name or alias. */
export function deviceIdOf(entry: string): string | undefined {
  return ids.has(entry) ? entry : findDevice(entry)?.id;
}
