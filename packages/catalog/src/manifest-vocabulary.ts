/** Closed vocabularies of `manifest.json` (values the Vela docs list), beside the devices and modules. */

/** `config.logLevel`: how much the app's console logs, least to most. */
export const logLevels = ['off', 'error', 'warn', 'info', 'log', 'debug'] as const;

/** `router.pages.*.launchMode`: `standard` opens a new page instance each time, `singleTask` reuses one. */
export const launchModes = ['standard', 'singleTask'] as const;

/** `deviceTypeList` values the manifest format knows. */
export const deviceTypes = ['watch', 'tv', 'car', 'phone'] as const;

/** The device types Vela quick apps run on today (bands are "watch" too). */
export const supportedDeviceTypes: readonly (typeof deviceTypes)[number][] = ['watch'];

/** `permissions[].name` values the docs document. */
export const permissionNames = ['hapjs.permission.LOCATION', 'hapjs.permission.DEVICE_INFO'] as const;

/** `minPlatformVersion` the build tool assumes when the manifest has none. */
export const defaultMinPlatformVersion = 1070;

/**
 * Where a Vela project keeps its manifest, relative to the project folder, in the order tools look: Vela's tools
 * create `src/manifest.json`; a bare `manifest.json` is accepted for projects laid out flat.
 */
export const manifestLocations = ['src/manifest.json', 'manifest.json'] as const;
