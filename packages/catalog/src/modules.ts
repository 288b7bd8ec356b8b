import { app } from './apis/app.js';
import { audio } from './apis/audio.js';
import { battery } from './apis/battery.js';
import { bluetoothBle } from './apis/bluetooth-ble.js';
import { brightness } from './apis/brightness.js';
import { cipher } from './apis/cipher.js';
import { configuration } from './apis/configuration.js';
import { crypto } from './apis/crypto.js';
import { device } from './apis/device.js';
import { event } from './apis/event.js';
import { fetch } from './apis/fetch.js';
import { file } from './apis/file.js';
import { geolocation } from './apis/geolocation.js';
import { interconnect } from './apis/interconnect.js';
import { network } from './apis/network.js';
import { prompt } from './apis/prompt.js';
import { record } from './apis/record.js';
import { request } from './apis/request.js';
import { router } from './apis/router.js';
import { sensor } from './apis/sensor.js';
import { storage } from './apis/storage.js';
import { uploadtask } from './apis/uploadtask.js';
import { vibrator } from './apis/vibrator.js';
import { volume } from './apis/volume.js';
import { zip } from './apis/zip.js';
import type { Method, Module, Support } from './types.js';
import { uniformModule } from './uniform-shapes.js';

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
  audio,
  brief('system.barcode', { summary: 'Barcode scanning.', support: 'undocumented' }),
  battery,
  brief('system.bluetooth', { summary: 'Classic Bluetooth.', support: 'undocumented' }),
  bluetoothBle,
  brightness,
  brief('system.calendar', { summary: 'Calendar events.', support: 'undocumented' }),
  cipher,
  brief('system.clipboard', { summary: 'Clipboard.', support: 'undocumented' }),
  configuration,
  brief('system.contact', { summary: 'Contacts.', support: 'undocumented' }),
  crypto,
  device,
  event,
  brief('system.exchange', { summary: 'Data exchange between apps.', support: 'undocumented' }),
  fetch,
  file,
  geolocation,
  brief('system.image', { summary: 'Image editing.', support: 'undocumented' }),
  interconnect,
  brief('system.media', { summary: 'Media library.', support: 'undocumented' }),
  brief('system.model', { summary: 'Data models.', support: 'undocumented', requiresDeclaration: false }),
  network,
  brief('system.notification', { summary: 'Notifications.', support: 'undocumented' }),
  brief('system.package', { summary: 'Installed packages.', support: 'undocumented' }),
  prompt,
  record,
  request,
  router,
  sensor,
  brief('system.share', { summary: 'Sharing.', support: 'undocumented' }),
  brief('system.shortcut', { summary: 'Home-screen shortcuts.', support: 'undocumented' }),
  brief('system.sms', { summary: 'Text messages.', support: 'undocumented' }),
  storage,
  uploadtask,
  vibrator,
  volume,
  brief('system.websocketfactory', { summary: 'WebSocket connections.', support: 'undocumented' }),
  brief('system.wifi', { summary: 'Wi-Fi.', support: 'undocumented' }),
  zip,
]
  .map(uniformModule)
  .sort(byName);

function moduleNamed(name: string): Module {
  const found = modules.find((module) => module.name === name);
  if (!found) throw new Error(`the catalogue lost ${name}`);
  return found;
}

/**
 * The two modules the seed pages specify in full: the catalogue's own entries, in their uniform shapes. They hold the
 * data files' values field for field (and `undefined` where a file writes nothing), so they keep the files' exact types.
 */
export const seedModules = [
  moduleNamed(uploadtask.name) as typeof uploadtask,
  moduleNamed(request.name) as typeof request,
] as const;

/** `@system.uploadtask` and `@system.request`, as every other module: the catalogue's entries. */
export const [uploadtaskModule, requestModule] = seedModules;
