import {
  defaultMinPlatformVersion,
  devices,
  deviceTypes,
  launchModes,
  logLevels,
  modules,
  permissionNames,
  supportedDeviceTypes,
  type Module,
} from '@velakit/catalog';
import { featureNamePattern } from './feature-name.js';

/** Keywords the schema carries for editors (VS Code's JSON service); ajv must know them as annotations. */
export const annotationKeywords = ['enumDescriptions', 'markdownEnumDescriptions'] as const;

type Schema = { [keyword: string]: unknown };

function supportText(module: Module): string {
  if (module.support === 'everywhere') return 'Runs on every Vela device.';
  if (module.support === 'undocumented') return 'The Vela docs give no device table for it.';
  const names = devices.filter((device) => module.support.includes(device.id)).map((device) => device.name);
  return names.length === 0 ? 'No device supports it.' : `Runs on ${names.join(', ')}.`;
}

function featureDescription(module: Module): string {
  const parts = [module.summary];
  if (module.apiLevel > 1) parts.push(`Needs minAPILevel ${module.apiLevel}.`);
  if (!module.requiresDeclaration) parts.push('Usable without a declaration.');
  if (module.background) parts.push('May run in the background.');
  parts.push(supportText(module));
  return parts.join(' ');
}

function screenText(device: (typeof devices)[number]): string {
  return `${device.name} (${device.nameZh}), ${device.screen.shape} screen ${device.screen.width}×${device.screen.height}`;
}

const featureNames = modules.map((module) => module.name);
const featureDescriptions = modules.map(featureDescription);
const backgroundModules = modules.filter((module) => module.background);

/** The JSON Schema of a Vela manifest.json (draft-07), built from the catalogue. */
export function manifestSchema(): Schema {
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: 'https://velakit.dev/schemas/manifest.schema.json',
    title: 'Vela quick app manifest',
    description:
      'manifest.json of a Xiaomi Vela JS quick app (src/manifest.json): identity, pages, the system features the app calls and the devices it is for. Generated from @velakit/catalog.',
    type: 'object',
    required: ['package', 'name', 'icon', 'versionCode', 'config', 'router'],
    properties: {
      $schema: {
        title: 'Schema',
        description: 'Where editors find this schema, for completion and validation as you type. Vela tools ignore it.',
        type: 'string',
      },
      package: {
        title: 'Package name',
        description:
          'Unique id of the app, by convention reverse-domain style such as "com.company.app". Changing it makes a different app.',
        type: 'string',
        minLength: 1,
        examples: ['com.example.weather'],
      },
      name: {
        title: 'App name',
        description:
          'Name shown under the app icon and in dialogs. The Vela docs ask for at most 6 Chinese characters, the same name as in the app store.',
        type: 'string',
        minLength: 1,
      },
      icon: {
        title: 'Icon',
        description: 'Path of the app icon inside the project, such as "/common/logo.png".',
        type: 'string',
        minLength: 1,
        examples: ['/common/logo.png'],
      },
      versionName: {
        title: 'Version name',
        description: 'Version shown to users, such as "1.0.0".',
        type: 'string',
        examples: ['1.0.0'],
      },
      versionCode: {
        title: 'Version code',
        description: 'Integer version that must grow with every release; starts at 1.',
        type: 'integer',
        minimum: 1,
      },
      minAPILevel: {
        title: 'Minimum API level',
        description:
          'Lowest platform API level the app needs; at least the level of every feature it uses (system.uploadtask needs 3). Defaults to 1.',
        type: 'integer',
        minimum: 1,
        default: 1,
      },
      minPlatformVersion: {
        title: 'Minimum platform version',
        description: `Lowest Vela platform version the app runs on. The build tool assumes ${defaultMinPlatformVersion} when absent.`,
        type: 'integer',
        minimum: 1,
        examples: [defaultMinPlatformVersion],
      },
      features: {
        title: 'Features',
        description:
          'System features (modules such as system.request) the app calls. Most must be declared here before they can be used.',
        type: 'array',
        items: { $ref: '#/definitions/feature' },
      },
      permissions: {
        title: 'Permissions',
        description: 'Permissions the app asks the user for.',
        type: 'array',
        items: { $ref: '#/definitions/permission' },
      },
      config: {
        title: 'Configuration',
        description: 'App-wide settings: logging, design width, background features.',
        type: 'object',
        properties: {
          logLevel: {
            title: 'Log level',
            description: `How much console output the app keeps, from ${logLevels[0]} (nothing) to ${logLevels.at(-1)!} (everything).`,
            type: 'string',
            enum: [...logLevels],
          },
          designWidth: {
            title: 'Design width',
            description:
              'Width in pixels the page styles are designed for (such as 466 or 480), or "device-width" to use the screen width.',
            anyOf: [
              { type: 'number', exclusiveMinimum: 0 },
              { type: 'string', minLength: 1 },
            ],
            examples: [466, 480, 'device-width'],
          },
          background: {
            title: 'Background',
            description: 'What the app may keep doing while it is in the background.',
            type: 'object',
            properties: {
              features: {
                title: 'Background features',
                description: `Features that keep running in the background; each must also be declared in "features". Allowed: ${backgroundModules.map((module) => module.name).join(', ')}.`,
                type: 'array',
                uniqueItems: true,
                items: {
                  type: 'string',
                  enum: backgroundModules.map((module) => module.name),
                  enumDescriptions: backgroundModules.map(featureDescription),
                },
              },
            },
          },
        },
      },
      router: {
        title: 'Router',
        description: "The app's pages and the one it opens on.",
        type: 'object',
        required: ['entry', 'pages'],
        properties: {
          entry: {
            title: 'Entry page',
            description: 'Name of the page the app opens on; must be a key of "pages".',
            type: 'string',
            minLength: 1,
          },
          pages: {
            title: 'Pages',
            description: 'Every page of the app, keyed by its name (usually its directory, such as "pages/index").',
            type: 'object',
            additionalProperties: { $ref: '#/definitions/page' },
          },
        },
      },
      display: {
        title: 'Display',
        description: 'How pages look by default.',
        type: 'object',
        properties: {
          backgroundColor: {
            title: 'Background color',
            description: 'Default page background color, such as "#000000".',
            type: 'string',
          },
        },
      },
      deviceTypeList: {
        title: 'Device types',
        description: `Kinds of device the app is for. Vela runs quick apps on ${supportedDeviceTypes.map((type) => `"${type}"`).join(', ')} only; bands count as watches.`,
        type: 'array',
        uniqueItems: true,
        items: { type: 'string', enum: [...deviceTypes] },
      },
      targetDevices: {
        title: 'Target devices',
        description:
          "velakit: the devices the app is for, by id. Tools check declared features and API calls against them; when absent, every known device is a target. Vela's own tools ignore this field.",
        type: 'array',
        uniqueItems: true,
        items: {
          title: 'Device id',
          description: 'A Vela device id.',
          type: 'string',
          enum: devices.map((device) => device.id),
          enumDescriptions: devices.map(screenText),
        },
      },
    },
    definitions: {
      feature: {
        title: 'Feature',
        description: 'One system feature the app uses.',
        type: 'object',
        required: ['name'],
        additionalProperties: false,
        properties: {
          name: {
            title: 'Feature name',
            description: 'Name of the module without "@", such as "system.request".',
            type: 'string',
            anyOf: [{ enum: featureNames, enumDescriptions: featureDescriptions }, { pattern: featureNamePattern }],
          },
          params: {
            title: 'Parameters',
            description: 'Settings passed to the feature, as string values.',
            type: 'object',
            additionalProperties: { type: 'string' },
          },
        },
      },
      permission: {
        title: 'Permission',
        description: 'One permission the app asks for.',
        type: 'object',
        required: ['name'],
        additionalProperties: false,
        properties: {
          name: {
            title: 'Permission name',
            description: 'Name of the permission, such as "hapjs.permission.LOCATION".',
            type: 'string',
            minLength: 1,
            examples: [...permissionNames],
          },
        },
      },
      page: {
        title: 'Page',
        description: 'One page of the app.',
        type: 'object',
        required: ['component'],
        properties: {
          component: {
            title: 'Component',
            description:
              'File name of the page\'s .ux file inside its directory, without the extension (such as "index").',
            type: 'string',
            minLength: 1,
          },
          path: {
            title: 'Path',
            description: 'Path the page is opened by with router.push, such as "/detail".',
            type: 'string',
          },
          launchMode: {
            title: 'Launch mode',
            description: '"standard" opens a new instance of the page each time; "singleTask" reuses the open one.',
            type: 'string',
            enum: [...launchModes],
            default: launchModes[0],
          },
        },
      },
    },
  };
}
