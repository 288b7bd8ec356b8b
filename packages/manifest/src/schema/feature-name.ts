/**
 * The shape of a feature name (`system.request`, `system.bluetooth.ble`). The schema accepts any name of this shape,
 * so a module velakit does not know yet is not an error; the platform check warns about unknown names instead.
 */
export const featureNamePattern = '^[a-z][a-z0-9]*(\\.[a-z][a-zA-Z0-9]*)+$';

export const featureNameRegExp = new RegExp(featureNamePattern, 'u');
