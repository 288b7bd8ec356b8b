import { deviceTypes, listAnd, supportedDeviceTypes } from '@velakit/catalog';
import { arrayAt } from '../json-value.js';
import { pointerOf } from '../pointer.js';
import type { CheckContext } from './context.js';

const known: readonly string[] = deviceTypes;
const supported: readonly string[] = supportedDeviceTypes;

/**
 * Vela runs quick apps on watches only (bands count as watches). A value outside the format's vocabulary is reported
 * here rather than by the schema, whose list of allowed values (tv, car, phone included) does not say that a band is
 * a "watch" (`"band"` in the list of a band app).
 */
export function checkDeviceTypes({ manifest, reporter }: CheckContext): void {
  const list = arrayAt(manifest, 'deviceTypeList');
  // Replacing the value with "watch" where "watch" is listed already would list it twice: then no suggestion.
  const fix = list?.includes(supported[0]) ? {} : { suggestion: supported[0]! };
  list?.forEach((type, index) => {
    // A value that is no string is the schema's to report.
    if (typeof type !== 'string' || supported.includes(type)) return;
    if (!known.includes(type)) {
      reporter.report(
        'invalid-value',
        `"${type}" is not a device type: the Vela docs name ${listAnd(known.map((s) => `"${s}"`))}, and quick apps run only on "${supported[0]!}" devices, bands included.${'suggestion' in fix ? '' : ` "${supported[0]!}" is listed already: delete this entry.`}`,
        pointerOf('deviceTypeList', index),
        fix,
      );
      return;
    }
    reporter.report(
      'non-watch-device-type',
      `"${type}": Vela quick apps run only on ${supported.map((s) => `"${s}"`).join(', ')} devices (bands included).`,
      pointerOf('deviceTypeList', index),
      fix,
    );
  });
}
