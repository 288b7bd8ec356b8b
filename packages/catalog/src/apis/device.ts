import type { Method, Module } from '../types.js';
import { standardCallbacks } from './callbacks.js';

const deviceInfoPermission = 'hapjs.permission.DEVICE_INFO';

/** A `device.getX({ success })` method whose result has one field. */
function oneFieldGetter(
  name: string,
  description: string,
  field: { name: string; type: 'string' | 'number'; description: string },
  extra: Partial<Method> = {},
): Method {
  const result = `${name.charAt(0).toUpperCase()}${name.slice(1)}Success`;
  return {
    name,
    description,
    signature: { kind: 'options', params: standardCallbacks(result) },
    success: [field],
    example: `device.${name}({ success(res) { console.log(res.${field.name}) } })`,
    ...extra,
  };
}

/** `@system.device`: facts about the watch or band. */
export const device = {
  name: 'system.device',
  summary: 'Facts about the device: brand, model, OS and platform versions, screen, language, identifiers and storage.',
  requiresDeclaration: true,
  apiLevel: 1,
  support: 'everywhere',
  background: false,
  docUrl: 'https://iot.mi.com/vela/quickapp/en/features/basic/device.html',
  methods: [
    {
      name: 'getInfo',
      description: 'Reports facts about the device and its screen.',
      signature: { kind: 'options', params: standardCallbacks('GetInfoSuccess') },
      success: [
        { name: 'brand', type: 'string', description: 'Brand of the device.' },
        { name: 'manufacturer', type: 'string', description: 'Maker of the device.' },
        { name: 'model', type: 'string', description: 'Model of the device.' },
        { name: 'product', type: 'string', description: 'Product code name of the device.' },
        { name: 'osType', type: 'string', description: 'Name of the operating system.' },
        { name: 'osVersionName', type: 'string', description: 'Version name of the operating system.' },
        { name: 'osVersionCode', type: 'number', description: 'Version number of the operating system.' },
        { name: 'platformVersionName', type: 'string', description: 'Version name of the quick-app platform.' },
        { name: 'platformVersionCode', type: 'number', description: 'Version number of the quick-app platform.' },
        { name: 'language', type: 'string', description: 'System language.' },
        { name: 'region', type: 'string', description: 'System region.' },
        { name: 'APILevel', type: 'number', description: 'API level of the framework.', apiLevel: 2 },
        { name: 'screenWidth', type: 'number', description: 'Screen width, in pixels.' },
        { name: 'screenHeight', type: 'number', description: 'Screen height, in pixels.' },
        {
          name: 'screenDensity',
          type: 'number',
          description: "Device pixel ratio: physical pixels per logical pixel (the screen's PPI divided by 160).",
          apiLevel: 3,
        },
        {
          name: 'screenShape',
          type: 'string',
          description: 'Shape of the screen: `rect`, `circle`, or `pill-shaped` (reported from API level 3).',
          values: ['rect', 'circle', 'pill-shaped'],
        },
        {
          name: 'deviceType',
          type: 'string',
          description: 'Kind of device.',
          values: ['watch', 'band', 'smartspeaker'],
          apiLevel: 2,
        },
      ],
      example: 'device.getInfo({ success(info) { console.log(info.screenShape, info.screenWidth) } })',
    },
    oneFieldGetter(
      'getDeviceId',
      'Reports the unique identifier of the device. Needs the `hapjs.permission.DEVICE_INFO` permission in manifest.json.',
      { name: 'deviceId', type: 'string', description: 'Unique identifier of the device.' },
      { permission: deviceInfoPermission },
    ),
    oneFieldGetter(
      'getSerial',
      'Reports the serial number of the device. Needs the `hapjs.permission.DEVICE_INFO` permission in manifest.json.',
      { name: 'serial', type: 'string', description: 'Serial number of the device.' },
      { permission: deviceInfoPermission },
    ),
    oneFieldGetter('getTotalStorage', 'Reports the total size of the storage.', {
      name: 'totalStorage',
      type: 'number',
      description: 'Total storage, in bytes.',
    }),
    oneFieldGetter('getAvailableStorage', 'Reports the free space of the storage.', {
      name: 'availableStorage',
      type: 'number',
      description: 'Free storage, in bytes.',
    }),
  ],
  interfaces: [],
} as const satisfies Module;
