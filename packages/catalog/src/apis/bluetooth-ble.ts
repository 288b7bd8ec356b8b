import { supportedBy } from '../support-table.js';
import type { ApiInterface, MethodError, Module, Parameter, Property, ResultField } from '../types.js';
import { standardCallbacks } from './callbacks.js';
import { callbacksWithoutResult, noArguments } from './shared.js';

/** The page's one table of codes ("状态码"), for every call that reports through `fail`. */
const bleErrors: readonly MethodError[] = [
  { code: 203, meaning: 'the device does not support this' },
  { code: 205, meaning: 'the same request is already done or pending (e.g. `connect` on a connected client)' },
  { code: 10001, meaning: "the watch's Bluetooth is switched off" },
  { code: 10008, meaning: 'an unknown Bluetooth error' },
  { code: 10012, meaning: 'the connection failed' },
  { code: 10013, meaning: 'no memory or connection slot is left' },
  { code: 10014, meaning: 'the named Bluetooth device was not found' },
];

const addressTypes = ['PUBLIC', 'RANDOM', 'ANONYMOUS', 'UNKNOWN'] as const;

const uuidExample = 'such as `00001888-0000-1000-8000-00805f9b34fb`';

const descriptorFields: readonly ResultField[] = [
  { name: 'serviceUuid', type: 'string', description: `UUID of the service, ${uuidExample}.` },
  { name: 'characteristicUuid', type: 'string', description: 'UUID of the characteristic.' },
  {
    name: 'descriptorUuid',
    type: 'string',
    description: 'UUID of the descriptor, such as `00002902-0000-1000-8000-00805f9b34fb`.',
  },
  { name: 'descriptorValue', type: 'arraybuffer', description: 'Binary value of the descriptor.' },
];

const gattPropertiesFields: readonly ResultField[] = [
  { name: 'read', type: 'boolean', description: 'The characteristic can be read.' },
  { name: 'write', type: 'boolean', description: 'The characteristic can be written, with a reply from the peer.' },
  {
    name: 'writeNoResponse',
    type: 'boolean',
    description: 'The characteristic can be written without a reply from the peer.',
  },
  { name: 'notify', type: 'boolean', description: 'The characteristic can notify the peer.' },
  { name: 'indicate', type: 'boolean', description: 'The characteristic can notify the peer, which must acknowledge.' },
];

const characteristicFields: readonly ResultField[] = [
  { name: 'serviceUuid', type: 'string', description: `UUID of the service, ${uuidExample}.` },
  {
    name: 'characteristicUuid',
    type: 'string',
    description: 'UUID of the characteristic, such as `00002a11-0000-1000-8000-00805f9b34fb`.',
  },
  { name: 'characteristicValue', type: 'arraybuffer', description: 'Binary value of the characteristic.' },
  { name: 'descriptors', type: 'array', description: 'Descriptors of the characteristic.', fields: descriptorFields },
  { name: 'properties', type: 'object', description: 'What the characteristic allows.', fields: gattPropertiesFields },
];

/** An object the page documents as a table of properties, as a named type the callbacks can refer to. */
function dataType(name: string, description: string, fields: readonly ResultField[], readonly = false): ApiInterface {
  return {
    name,
    description,
    methods: [],
    properties: fields.map((field): Property => ({ ...field, ...(readonly ? { readonly: true } : {}) })),
  };
}

/** A documented property as an optional option (the page marks none of them required), nested ones too. */
function optionalOption({ fields, ...field }: ResultField): Parameter {
  return { ...field, required: false, ...(fields === undefined ? {} : { fields: fields.map(optionalOption) }) };
}

/** A parameter whose value is one of the documented objects, with its properties spelled out. */
function objectParameter(name: string, description: string, fields: readonly ResultField[]): Parameter {
  return { name, type: 'object', required: true, description, fields: fields.map(optionalOption) };
}

const scannerExample = 'const scanner = ble.createScanner()';
const clientExample = "const client = ble.createGattClientDevice('12:34:56:78:9A:BC')";

/** `@system.bluetooth.ble`: Bluetooth Low Energy scanning and GATT client (Xiaomi Watch S5 only). */
export const bluetoothBle = {
  name: 'system.bluetooth.ble',
  summary:
    'Scan for Bluetooth Low Energy devices, connect to one as a GATT client, and read, write or follow its values.',
  requiresDeclaration: true,
  apiLevel: 1,
  support: supportedBy('system.bluetooth.ble'),
  // The page forbids it in the background.
  background: false,
  docUrl: 'https://iot.mi.com/vela/quickapp/zh/features/system/bluetooth.html',
  methods: [
    {
      name: 'createScanner',
      description: 'Prepares Bluetooth and returns a `Scanner` for finding nearby BLE devices.',
      signature: noArguments,
      returns: 'Scanner',
      example: `${scannerExample}\nscanner.startBLEScan({ filters: [] })`,
    },
    {
      name: 'createGattClientDevice',
      description: 'Returns a `GattClientDevice`: a GATT client for the BLE device at the given address.',
      signature: {
        kind: 'positional',
        params: [
          {
            name: 'deviceId',
            type: 'string',
            required: true,
            description: 'Address of the peer, such as `12:34:56:78:9A:BC`.',
          },
          {
            name: 'addressType',
            type: 'string',
            required: false,
            description: 'Kind of address `deviceId` is.',
            values: addressTypes,
            default: "'UNKNOWN'",
          },
        ],
      },
      returns: 'GattClientDevice',
      example: "const client = ble.createGattClientDevice('12:34:56:78:9A:BC', 'PUBLIC')\nclient.connect({})",
    },
  ],
  interfaces: [
    {
      name: 'Scanner',
      description: 'Finds nearby BLE devices. Returned by `createScanner`; unusable after `close`.',
      methods: [
        {
          name: 'startBLEScan',
          description: 'Starts scanning; found devices reach the callback of `subscribeBLEDeviceFind`.',
          signature: {
            kind: 'options',
            params: [
              {
                name: 'filters',
                type: 'array',
                required: true,
                description:
                  'Which devices to report; each filter may name an address, a device name or a service UUID.',
                fields: [
                  {
                    name: 'deviceId',
                    type: 'string',
                    required: false,
                    description: 'Only the device with this address.',
                  },
                  { name: 'name', type: 'string', required: false, description: 'Only devices with this name.' },
                  {
                    name: 'serviceUuid',
                    type: 'string',
                    required: false,
                    description: `Only devices offering this service, ${uuidExample}.`,
                  },
                ],
              },
              {
                name: 'options',
                type: 'object',
                required: false,
                description: 'How to scan.',
                fields: [
                  {
                    name: 'dutyMode',
                    type: 'number',
                    required: false,
                    description: 'Scan mode: 0 low power, 1 balanced, 2 low latency.',
                    values: [0, 1, 2],
                    default: '0 (low power)',
                  },
                ],
              },
              ...callbacksWithoutResult(),
            ],
          },
          errors: bleErrors,
          example: [
            scannerExample,
            'scanner.startBLEScan({',
            "  filters: [{ serviceUuid: '0000180d-0000-1000-8000-00805f9b34fb' }],",
            '  options: { dutyMode: 2 },',
            '  fail(message, code) { console.log(`scan not started (${code}): ${message}`) },',
            '})',
          ].join('\n'),
        },
        {
          name: 'stopBLEScan',
          description: 'Stops scanning.',
          signature: noArguments,
          example: `${scannerExample}\nscanner.stopBLEScan()`,
        },
        {
          name: 'getScanState',
          description: 'Tells whether this scanner is scanning (1) or not (0).',
          signature: { kind: 'options', params: standardCallbacks('GetScanStateSuccess') },
          success: [
            { name: 'scanState', type: 'number', description: '0: not scanning; 1: scanning.', values: [0, 1] },
          ],
          errors: bleErrors,
          example: `${scannerExample}\nscanner.getScanState({ success(res) { console.log(res.scanState === 1 ? 'scanning' : 'idle') } })`,
        },
        {
          name: 'subscribeBLEDeviceFind',
          description: 'Calls `callback` with the devices found while scanning, and returns the subscription id.',
          signature: {
            kind: 'options',
            params: [
              {
                name: 'callback',
                type: 'function',
                required: false,
                description: 'Receives each batch of found devices.',
                callback: '(data: ScanResult[]) => void',
              },
              {
                name: 'fail',
                type: 'function',
                required: false,
                description: 'Called with a message and an error code when the subscription cannot start.',
                callback: '(data: string, code: number) => void',
              },
            ],
          },
          returnValue: { type: 'number', description: 'Id of the subscription, for `unsubscribeBLEDeviceFind`.' },
          errors: bleErrors,
          example: [
            scannerExample,
            'const id = scanner.subscribeBLEDeviceFind({',
            '  callback(found) { found.forEach((device) => console.log(device.deviceId, device.rssi)) },',
            '})',
            'scanner.unsubscribeBLEDeviceFind(id)',
          ].join('\n'),
        },
        {
          name: 'unsubscribeBLEDeviceFind',
          description: 'Ends a subscription `subscribeBLEDeviceFind` started.',
          signature: {
            kind: 'positional',
            params: [
              {
                name: 'subscribeId',
                type: 'number',
                required: true,
                description: 'The id `subscribeBLEDeviceFind` returned.',
              },
            ],
          },
          example: `${scannerExample}\nscanner.unsubscribeBLEDeviceFind(1)`,
        },
        {
          name: 'close',
          description: 'Shuts the scanner down; it cannot be used afterwards.',
          signature: noArguments,
          example: `${scannerExample}\nscanner.close()`,
        },
      ],
    },
    {
      name: 'GattClientDevice',
      description: 'GATT client of one BLE device. Returned by `createGattClientDevice`; unusable after `close`.',
      methods: [
        {
          name: 'connect',
          description:
            'Asks to connect to the device. `success` means the request was sent, not that the link is up: follow ' +
            '`onBLEConnectionStateChange` for that.',
          signature: { kind: 'options', params: callbacksWithoutResult() },
          errors: bleErrors,
          example: [
            clientExample,
            'client.onBLEConnectionStateChange = (state) => { if (state === 2) console.log("connected") }',
            'client.connect({ fail(message, code) { console.log(`cannot connect (${code}): ${message}`) } })',
          ].join('\n'),
        },
        {
          name: 'disconnect',
          description: 'Asks to drop the connection; `success` means the request was sent.',
          signature: { kind: 'options', params: callbacksWithoutResult() },
          errors: bleErrors,
          example: `${clientExample}\nclient.disconnect({})`,
        },
        {
          name: 'close',
          description: 'Unregisters the client from the Bluetooth stack; it cannot be used afterwards.',
          signature: noArguments,
          returnValue: { type: 'boolean', description: '`true` when the client was closed, `false` otherwise.' },
          example: `${clientExample}\nif (!client.close()) console.log('close failed')`,
        },
        {
          name: 'getServices',
          description:
            'Discovers the services the connected device offers. `success` receives a list of `GattService`.',
          signature: { kind: 'options', params: standardCallbacks('GattService[]') },
          errors: bleErrors,
          example: `${clientExample}\nclient.getServices({ success(services) { services.forEach((s) => console.log(s.serviceUuid)) } })`,
        },
        {
          name: 'readCharacteristicValue',
          description: 'Reads a characteristic of the device; `success` receives it with its value.',
          signature: {
            kind: 'options',
            params: [
              objectParameter(
                'characteristic',
                'The characteristic to read (its service and characteristic UUIDs).',
                characteristicFields,
              ),
              ...standardCallbacks('BLECharacteristic'),
            ],
          },
          errors: bleErrors,
          example: [
            clientExample,
            'client.readCharacteristicValue({',
            "  characteristic: { serviceUuid: '0000180f-0000-1000-8000-00805f9b34fb', characteristicUuid: '00002a19-0000-1000-8000-00805f9b34fb' },",
            '  success(res) { console.log(new Uint8Array(res.characteristicValue)[0]) },',
            '})',
          ].join('\n'),
        },
        {
          name: 'readDescriptorValue',
          description: 'Reads a descriptor of a characteristic; `success` receives it with its value.',
          signature: {
            kind: 'options',
            params: [
              objectParameter(
                'descriptor',
                'The descriptor to read (its service, characteristic and descriptor UUIDs).',
                descriptorFields,
              ),
              ...standardCallbacks('BLEDescriptor'),
            ],
          },
          errors: bleErrors,
          example: [
            clientExample,
            'client.readDescriptorValue({',
            '  descriptor: {',
            "    serviceUuid: '0000180f-0000-1000-8000-00805f9b34fb',",
            "    characteristicUuid: '00002a19-0000-1000-8000-00805f9b34fb',",
            "    descriptorUuid: '00002902-0000-1000-8000-00805f9b34fb',",
            '  },',
            '  success(res) { console.log(res.descriptorValue.byteLength) },',
            '})',
          ].join('\n'),
        },
        {
          name: 'writeCharacteristicValue',
          description:
            'Writes the value of a characteristic; `success` means the request was sent, not that the peer took it.',
          signature: {
            kind: 'options',
            params: [
              objectParameter(
                'characteristic',
                'The characteristic to write, with its new `characteristicValue`.',
                characteristicFields,
              ),
              ...callbacksWithoutResult(),
            ],
          },
          errors: bleErrors,
          example: [
            clientExample,
            'client.writeCharacteristicValue({',
            '  characteristic: {',
            "    serviceUuid: '0000fff0-0000-1000-8000-00805f9b34fb',",
            "    characteristicUuid: '0000fff1-0000-1000-8000-00805f9b34fb',",
            '    characteristicValue: new Uint8Array([1]).buffer,',
            '  },',
            '})',
          ].join('\n'),
        },
        {
          name: 'writeDescriptorValue',
          description:
            'Writes the value of a descriptor; `success` means the request was sent, not that the peer took it.',
          signature: {
            kind: 'options',
            params: [
              objectParameter(
                'descriptor',
                'The descriptor to write, with its new `descriptorValue`.',
                descriptorFields,
              ),
              ...callbacksWithoutResult(),
            ],
          },
          errors: bleErrors,
          example: [
            clientExample,
            'client.writeDescriptorValue({',
            '  descriptor: {',
            "    serviceUuid: '0000fff0-0000-1000-8000-00805f9b34fb',",
            "    characteristicUuid: '0000fff1-0000-1000-8000-00805f9b34fb',",
            "    descriptorUuid: '00002902-0000-1000-8000-00805f9b34fb',",
            '    descriptorValue: new Uint8Array([1, 0]).buffer,',
            '  },',
            '})',
          ].join('\n'),
        },
        {
          name: 'setBLEMtuSize',
          description: 'Negotiates the largest packet size (MTU) with the device. Call it only once connected.',
          signature: {
            kind: 'options',
            params: [
              // The docs' parameter table gives the range, 22 to 512; it does not say the value must be whole.
              {
                name: 'mtu',
                type: 'number',
                required: true,
                description: 'The MTU to ask for.',
                range: { min: 22, max: 512, integer: false },
              },
              ...callbacksWithoutResult(),
            ],
          },
          errors: bleErrors,
          example: `${clientExample}\nclient.setBLEMtuSize({ mtu: 185 })`,
        },
        {
          name: 'setNotifyCharacteristicChanged',
          description:
            'Asks the device to notify changes of a characteristic (or to stop); the changes then reach ' +
            '`onBLECharacteristicChange`.',
          signature: {
            kind: 'options',
            params: [
              objectParameter('characteristic', 'The characteristic to follow.', characteristicFields),
              {
                name: 'enable',
                type: 'boolean',
                required: true,
                description: '`true` to receive notifications, `false` to stop them.',
              },
              ...callbacksWithoutResult(),
            ],
          },
          errors: bleErrors,
          example: [
            clientExample,
            'client.onBLECharacteristicChange = (res) => console.log(new Uint8Array(res.characteristicValue))',
            'client.setNotifyCharacteristicChanged({',
            "  characteristic: { serviceUuid: '0000180d-0000-1000-8000-00805f9b34fb', characteristicUuid: '00002a37-0000-1000-8000-00805f9b34fb' },",
            '  enable: true,',
            '})',
          ].join('\n'),
        },
        {
          name: 'getDeviceName',
          description: 'Reads the name of the device.',
          signature: { kind: 'options', params: standardCallbacks('GetDeviceNameSuccess') },
          success: [{ name: 'deviceName', type: 'string', description: 'Name the device reports.' }],
          errors: bleErrors,
          example: `${clientExample}\nclient.getDeviceName({ success(res) { console.log(res.deviceName) } })`,
        },
        {
          name: 'getRssiValue',
          description: 'Reads the signal strength of the connected device. Call it only once connected.',
          signature: { kind: 'options', params: standardCallbacks('GetRssiValueSuccess') },
          success: [{ name: 'rssi', type: 'number', description: 'Signal strength in dBm.' }],
          errors: bleErrors,
          example: `${clientExample}\nclient.getRssiValue({ success(res) { console.log(\`\${res.rssi} dBm\`) } })`,
        },
      ],
      properties: [
        {
          name: 'onBLECharacteristicChange',
          type: 'function',
          description: 'Receives each change the device notifies, once `setNotifyCharacteristicChanged` enabled it.',
          callback: '(data: BLECharacteristic) => void',
        },
        {
          name: 'onBLEConnectionStateChange',
          type: 'function',
          description:
            'Receives the connection state as it changes: 0 disconnected, 1 connecting, 2 connected, 3 disconnecting.',
          callback: '(state: number) => void',
        },
      ],
    },
    dataType('ScanFilter', 'What `startBLEScan` should report; every property given must match.', [
      { name: 'deviceId', type: 'string', description: 'Address of the device, such as `12:34:56:78:9A:BC`.' },
      { name: 'name', type: 'string', description: 'Name of the device.' },
      { name: 'serviceUuid', type: 'string', description: `A service the device offers, ${uuidExample}.` },
    ]),
    dataType('ScanOptions', 'How `startBLEScan` scans.', [
      {
        name: 'dutyMode',
        type: 'number',
        description: 'Scan mode: 0 low power (the default), 1 balanced, 2 low latency.',
        values: [0, 1, 2],
      },
    ]),
    dataType(
      'ScanResult',
      'A device found while scanning.',
      [
        { name: 'deviceId', type: 'string', description: 'Address of the device.' },
        { name: 'rssi', type: 'number', description: 'Signal strength of the device.' },
        { name: 'data', type: 'arraybuffer', description: 'The advertising packet the device sent.' },
        { name: 'addressType', type: 'string', description: 'Kind of address `deviceId` is.', values: addressTypes },
      ],
      true,
    ),
    dataType('GattService', 'A service of a GATT server.', [
      { name: 'serviceUuid', type: 'string', description: `UUID of the service, ${uuidExample}.` },
      { name: 'isPrimary', type: 'boolean', description: 'Whether it is a primary service.' },
      {
        name: 'characteristics',
        type: 'array',
        description: 'Characteristics of the service.',
        fields: characteristicFields,
      },
      { name: 'includeServices', type: 'array', description: 'Other services this one includes (of the same shape).' },
    ]),
    dataType('BLECharacteristic', 'A characteristic of a service, with its value.', characteristicFields),
    dataType('BLEDescriptor', 'A descriptor of a characteristic, with its value.', descriptorFields),
    dataType('GattProperties', 'What a characteristic allows.', gattPropertiesFields),
  ],
} as const satisfies Module;
