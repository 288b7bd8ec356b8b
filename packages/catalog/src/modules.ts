import { app } from './apis/app.js';
import { configuration } from './apis/configuration.js';
import { device } from './apis/device.js';
import { fetch } from './apis/fetch.js';
import { interconnect } from './apis/interconnect.js';
import { request } from './apis/request.js';
import { router } from './apis/router.js';
import { uploadtask } from './apis/uploadtask.js';
import { supportRow } from './support-row.js';
import type { Method, Module, Support } from './types.js';

const featuresIndex = 'https://iot.mi.com/vela/quickapp/en/features/';

interface Brief {
  summary: string;
  support: Support;
  requiresDeclaration?: boolean;
  apiLevel?: number;
  background?: boolean;
  docUrl?: string;
  methods?: Method[];
}

/** A module velakit knows by name and support, without full parameter data. */
function brief(name: string, facts: Brief): Module {
  return {
    name,
    summary: facts.summary,
    requiresDeclaration: facts.requiresDeclaration ?? true,
    apiLevel: facts.apiLevel ?? 1,
    support: facts.support,
    background: facts.background ?? false,
    docUrl: facts.docUrl ?? featuresIndex,
    methods: facts.methods ?? [],
    interfaces: [],
  };
}

/** A method known only for its support or API level. */
function methodFact(name: string, facts: { support?: Support; apiLevel?: number; description: string }): Method {
  return {
    name,
    description: facts.description,
    signature: { kind: 'positional', params: [] },
    ...(facts.support === undefined ? {} : { support: facts.support }),
    ...(facts.apiLevel === undefined ? {} : { apiLevel: facts.apiLevel }),
  };
}

const watchS5Only = supportRow('✘✘✘✘✘✘✘✘✘✘✔');

/**
 * Module names the build tool (aiot-toolkit) reserves that no docs page describes, and `folme`, which published apps
 * import: known to exist, never "not a Vela module", but with nothing documented to check.
 */
const reservedUndocumented = [
  'decode',
  'downloadtask',
  'folme',
  'internal.message',
  'internal.micamera',
  'internal.ota',
  'internal.power',
  'internal.settings',
  'keyguard',
  'mediaquery',
  'microphone',
  'resident',
  'serviceUtil',
  'telecom',
  'webview',
].map((name) =>
  brief(`system.${name}`, {
    summary:
      name === 'folme'
        ? 'Imported by published apps; no Vela docs page describes it.'
        : 'Reserved by the Vela build tool; no Vela docs page describes it.',
    support: 'undocumented',
  }),
);

const byName = (a: Module, b: Module) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

/** Every Vela module velakit knows, sorted by name. */
export const modules: readonly Module[] = [
  ...reservedUndocumented,
  brief('system.alarm', { summary: 'Alarms.', support: 'undocumented' }),
  app,
  brief('system.audio', { summary: 'Audio playback.', support: 'everywhere', background: true }),
  brief('system.barcode', { summary: 'Barcode scanning.', support: 'undocumented' }),
  brief('system.battery', { summary: 'Battery level and charging state.', support: supportRow('✘✘✘✘✘✘✔✔✔✔✔') }),
  brief('system.bluetooth', { summary: 'Classic Bluetooth.', support: 'undocumented' }),
  brief('system.bluetooth.ble', { summary: 'Bluetooth Low Energy.', support: watchS5Only }),
  brief('system.brightness', { summary: 'Screen brightness.', support: 'everywhere' }),
  brief('system.calendar', { summary: 'Calendar events.', support: 'undocumented' }),
  brief('system.cipher', { summary: 'RSA and AES encryption.', support: 'everywhere' }),
  brief('system.clipboard', { summary: 'Clipboard.', support: 'undocumented' }),
  configuration,
  brief('system.contact', { summary: 'Contacts.', support: 'undocumented' }),
  brief('system.crypto', { summary: 'Hashes and HMAC.', support: supportRow('✘✘✘✔✘✘✘✔✔✔✔') }),
  device,
  brief('system.event', { summary: 'Events published by the system.', support: supportRow('✘✘✘✘✘✘✔✔✔✔✔'), apiLevel: 4 }),
  brief('system.exchange', { summary: 'Data exchange between apps.', support: 'undocumented' }),
  fetch,
  brief('system.file', { summary: 'Files in the app sandbox (internal:// URIs).', support: 'everywhere' }),
  brief('system.geolocation', {
    summary: 'Location.',
    support: supportRow('✘✘✘✔✘✘✘✔✔✔✔'),
    background: true,
  }),
  brief('system.image', { summary: 'Image editing.', support: 'undocumented' }),
  interconnect,
  brief('system.media', { summary: 'Media library.', support: 'undocumented' }),
  brief('system.model', { summary: 'Data models.', support: 'undocumented', requiresDeclaration: false }),
  brief('system.network', { summary: 'Network type and state.', support: supportRow('✔✘✘✔✘✘✘✔✔✔✔') }),
  brief('system.notification', { summary: 'Notifications.', support: 'undocumented' }),
  brief('system.package', { summary: 'Installed packages.', support: 'undocumented' }),
  brief('system.prompt', { summary: 'Toasts and dialogs.', support: 'everywhere' }),
  brief('system.record', { summary: 'Audio recording.', support: watchS5Only }),
  request,
  router,
  brief('system.sensor', {
    summary: 'Sensors: heart rate, steps, pressure, accelerometer, compass and more.',
    support: 'everywhere',
    methods: [
      ...(['subscribePressure', 'unsubscribePressure'] as const).map((name) =>
        methodFact(name, {
          description: 'Air pressure sensor.',
          support: ['xiaomi-watch-s3', 'xiaomi-band-9-pro', 'xiaomi-band-10', 'xiaomi-watch-s4', 'xiaomi-watch-s5'],
        }),
      ),
      ...(['subscribeAccelerometer', 'unsubscribeAccelerometer'] as const).map((name) =>
        methodFact(name, {
          description: 'Accelerometer.',
          support: ['xiaomi-band-9', 'xiaomi-band-9-pro', 'xiaomi-band-10', 'xiaomi-watch-s5'],
        }),
      ),
      ...(['subscribeCompass', 'unsubscribeCompass'] as const).map((name) =>
        methodFact(name, {
          description: 'Compass.',
          support: ['xiaomi-watch-s4', 'redmi-watch-5', 'redmi-watch-6', 'xiaomi-watch-s5'],
        }),
      ),
    ],
  }),
  brief('system.share', { summary: 'Sharing.', support: 'undocumented' }),
  brief('system.shortcut', { summary: 'Home-screen shortcuts.', support: 'undocumented' }),
  brief('system.sms', { summary: 'Text messages.', support: 'undocumented' }),
  brief('system.storage', { summary: 'Key-value storage.', support: 'everywhere' }),
  uploadtask,
  brief('system.vibrator', {
    summary: 'Vibration.',
    support: 'everywhere',
    methods: [
      methodFact('vibrate', { description: 'Vibrates once.' }),
      ...(['start', 'stop', 'getSystemDefaultMode'] as const).map((name) =>
        methodFact(name, { description: 'Vibration patterns.', support: watchS5Only }),
      ),
    ],
  }),
  brief('system.volume', { summary: 'Media volume.', support: 'everywhere' }),
  brief('system.websocketfactory', { summary: 'WebSocket connections.', support: 'undocumented' }),
  brief('system.wifi', { summary: 'Wi-Fi.', support: 'undocumented' }),
  brief('system.zip', { summary: 'Zip archives.', support: 'everywhere' }),
].sort(byName);

/** The two modules the seed pages specify in full. */
export const seedModules = [uploadtask, request] as const;
