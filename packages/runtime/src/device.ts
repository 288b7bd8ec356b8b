import { findDevice, suggestDevices, type Device } from '@velakit/catalog';
import { RuntimeSetupError } from './errors.js';

/** The catalogue device a runtime emulates, from its id, name, alias or codename. */
export function resolveDevice(query: unknown): Device {
  if (typeof query !== 'string' || query.trim() === '') {
    throw new RuntimeSetupError('createRuntime: `device` must be a device id such as "xiaomi-watch-s4".');
  }
  const device = findDevice(query);
  if (device) return device;
  const suggestions = suggestDevices(query);
  const hint = suggestions.length > 0 ? ` Did you mean ${suggestions.map((id) => `"${id}"`).join(', ')}?` : '';
  throw new RuntimeSetupError(`createRuntime: unknown device "${query}".${hint}`);
}
