import { describe, expect, it } from 'vitest';
import { deviceTypes, launchModes, logLevels, permissionNames, supportedDeviceTypes } from '@velakit/catalog';

describe('manifest vocabularies', () => {
  it('lists each value once', () => {
    for (const list of [logLevels, launchModes, deviceTypes, permissionNames]) {
      expect(new Set<string>(list).size).toBe(list.length);
    }
  });

  it('supports only device types the format knows, watch among them', () => {
    expect(supportedDeviceTypes).toEqual(['watch']);
    for (const type of supportedDeviceTypes) expect(deviceTypes).toContain(type);
  });

  it('keeps the documented log levels in order, quietest first', () => {
    expect(logLevels[0]).toBe('off');
    expect(logLevels.at(-1)).toBe('debug');
  });
});
