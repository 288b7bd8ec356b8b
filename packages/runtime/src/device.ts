import { didYouMeanSentence, findDevice, quote, suggestDevices, type Device } from '@velakit/catalog';
import { RuntimeSetupError } from './errors.js';

/** The catalogue device a runtime emulates, from its id, name, alias or codename. */
export function resolveDevice(query: unknown): Device {
  if (typeof query !== 'string' || query.trim() === '') {
    throw new RuntimeSetupError('createRuntime: `device` must be a device id such as "xiaomi-watch-s4".');
  }
  const device = findDevice(query);
  if (device) return device;
  throw new RuntimeSetupError(
    `createRuntime: unknown device ${quote(query)}.${didYouMeanSentence(suggestDevices(query))}`,
  );
}
