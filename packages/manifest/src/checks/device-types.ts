import { deviceTypes, supportedDeviceTypes } from '@velakit/catalog';
import { arrayAt } from '../json-value.js';
import { pointerOf } from '../pointer.js';
import type { CheckContext } from './context.js';

const known: readonly string[] = deviceTypes;
const supported: readonly string[] = supportedDeviceTypes;

/** Vela runs quick apps on watches only (bands count as watches). */
export function checkDeviceTypes({ manifest, reporter }: CheckContext): void {
  arrayAt(manifest, 'deviceTypeList')?.forEach((type, index) => {
    // Values outside the format's vocabulary are the schema's to report.
    if (typeof type !== 'string' || !known.includes(type) || supported.includes(type)) return;
    reporter.report(
      'non-watch-device-type',
      `"${type}": Vela quick apps run only on ${supported.map((s) => `"${s}"`).join(', ')} devices (bands included).`,
      pointerOf('deviceTypeList', index),
      { suggestion: supported[0]! },
    );
  });
}
