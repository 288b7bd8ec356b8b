import { join } from 'node:path';
import { createRuleTester, targetSettings } from './test-utils/rule-tester.js';
import { makeTree } from './test-utils/tree.js';
import rule from './no-undeclared-permission.js';

const manifest = (extra: Record<string, unknown>): string =>
  JSON.stringify({
    package: 'com.example.where',
    name: 'Where',
    versionCode: 1,
    icon: '/i.png',
    config: {},
    router: { entry: 'p', pages: { p: { component: 'index' } } },
    features: [{ name: 'system.geolocation' }, { name: 'system.device' }],
    ...extra,
  });

// Apps on disk: the manifest is found from the linted file, and barrels are resolved from its folder.
const barrel = "import geolocation from '@system.geolocation'\nexport { geolocation }\n";
/** No `permissions` field at all: messages must not name a field the manifest lacks. */
const bareApp = makeTree({ 'src/manifest.json': manifest({}), 'src/common/native.js': barrel });
const typoApp = makeTree({ 'src/manifest.json': manifest({ permissions: [{ name: 'hapjs.permission.LOCATON' }] }) });
const declaredApp = makeTree({
  'src/manifest.json': manifest({ permissions: [{ name: 'hapjs.permission.LOCATION' }] }),
  'src/common/native.js': barrel,
});
/** `permissions` given as an object: unknown, which is not "no permissions". */
const objectPermissionsText = manifest({ permissions: { 'hapjs.permission.LOCATION': {} } });
const objectPermissionsApp = makeTree({ 'src/manifest.json': objectPermissionsText });
// The tester lints with cwd `/`, and messages show paths relative to the cwd.
const shown = (app: string): string => join(app, 'src', 'manifest.json').slice(1);

const location = targetSettings({ permissions: ['hapjs.permission.LOCATION'] });
const deviceInfo = targetSettings({ permissions: ['hapjs.permission.DEVICE_INFO'] });
const none = targetSettings({ permissions: [] });
const noManifestHere = '/velakit-no-manifest-here/src/page.js';

const getLocation = "import geolocation from '@system.geolocation'\ngeolocation.getLocation({ success() {} })";

createRuleTester().run('no-undeclared-permission', rule, {
  valid: [
    // Declared in settings, in the rule option, in the nearest manifest.
    { code: getLocation, settings: location },
    { code: "import device from '@system.device'\ndevice.getSerial({ success() {} })", settings: deviceInfo },
    {
      code: "import device from '@system.device'\ndevice.getDeviceId({ success() {} })",
      options: [{ permissions: ['hapjs.permission.DEVICE_INFO'] }],
      settings: none,
    },
    { code: getLocation, filename: join(declaredApp, 'src', 'pages', 'index', 'index.js') },
    {
      code: "import { geolocation } from '../../common/native.js'\ngeolocation.subscribe({ callback() {} })",
      filename: join(declaredApp, 'src', 'pages', 'index', 'index.js'),
    },
    // Methods that need no permission, of the same modules and of others.
    {
      code: "import device from '@system.device'\nimport fetch from '@system.fetch'\ndevice.getInfo({ success() {} })\nfetch.fetch({ url: 'u' })",
      settings: none,
    },
    // Reading a method is not calling it; a method the catalogue does not know is no-unknown-member's.
    {
      code: "import geolocation from '@system.geolocation'\nif (typeof geolocation.getLocation === 'function') {}",
      settings: none,
    },
    { code: "import geolocation from '@system.geolocation'\ngeolocation.getLocaton({})", settings: none },
    // A file that calls no such method needs no manifest: no report that none was found.
    { code: "import device from '@system.device'\ndevice.getInfo({ success() {} })", filename: noManifestHere },
    { code: "import lodash from 'lodash'\nlodash.get({}, 'a')", filename: noManifestHere },
    // A permissions object is not read when the settings give the permissions, nor reported for a file that calls no
    // method needing one.
    { code: getLocation, filename: join(objectPermissionsApp, 'src', 'page.js'), settings: location },
    {
      code: "import device from '@system.device'\ndevice.getInfo({ success() {} })",
      filename: join(objectPermissionsApp, 'src', 'page.js'),
    },
  ],
  invalid: [
    {
      // permissions as an object: not "has no permissions" at each call, but one report on the first line saying it
      // cannot be used (valid-manifest reports it at the value).
      code: `${getLocation}\ngeolocation.getLocation({ success() {} })`,
      filename: join(objectPermissionsApp, 'src', 'page.js'),
      errors: [
        {
          messageId: 'manifestProblem',
          data: {
            problem: `permissions in ${shown(objectPermissionsApp)} cannot be used: permissions must be an array, not an object (line 1, column ${objectPermissionsText.indexOf('{"hapjs') + 1})`,
          },
          line: 1,
          column: 1,
          endLine: 1,
          endColumn: 46,
        },
      ],
    },
    {
      // Each call that needs a permission missing from the list; DEVICE_INFO is declared.
      code: [
        "import geolocation from '@system.geolocation'",
        "import device from '@system.device'",
        'geolocation.getLocation({ success() {} })',
        'geolocation.subscribe({ callback() {} })',
        'geolocation.unsubscribe()',
        'device.getSerial({ success() {} })',
        'device.getDeviceId({ success() {} })',
      ].join('\n'),
      settings: deviceInfo,
      errors: [
        {
          messageId: 'undeclaredPermission',
          data: {
            api: 'geolocation.getLocation',
            permission: 'hapjs.permission.LOCATION',
            where: 'not in settings.velakit.permissions',
          },
          line: 3,
          column: 1,
          endLine: 3,
          endColumn: 24,
        },
        {
          messageId: 'undeclaredPermission',
          data: {
            api: 'geolocation.subscribe',
            permission: 'hapjs.permission.LOCATION',
            where: 'not in settings.velakit.permissions',
          },
          line: 4,
          column: 1,
          endLine: 4,
          endColumn: 22,
        },
        {
          messageId: 'undeclaredPermission',
          data: {
            api: 'geolocation.unsubscribe',
            permission: 'hapjs.permission.LOCATION',
            where: 'not in settings.velakit.permissions',
          },
          line: 5,
          column: 1,
          endLine: 5,
          endColumn: 24,
        },
      ],
    },
    {
      // The manifest has no permissions field: the message says so.
      code: "import { geolocation } from '../../common/native.js'\n\ngeolocation.subscribe({ callback() {} })",
      filename: join(bareApp, 'src', 'pages', 'index', 'index.js'),
      errors: [
        {
          messageId: 'undeclaredPermission',
          data: {
            api: 'geolocation.subscribe',
            permission: 'hapjs.permission.LOCATION',
            where: `${shown(bareApp)} has no permissions`,
          },
          line: 3,
          column: 1,
          endLine: 3,
          endColumn: 22,
        },
      ],
    },
    {
      // A misspelled declaration declares nothing (valid-manifest reports the spelling).
      code: getLocation,
      filename: join(typoApp, 'src', 'common', 'where.js'),
      errors: [
        {
          messageId: 'undeclaredPermission',
          data: {
            api: 'geolocation.getLocation',
            permission: 'hapjs.permission.LOCATION',
            where: `not in ${shown(typoApp)} permissions`,
          },
          line: 2,
          column: 1,
          endLine: 2,
          endColumn: 24,
        },
      ],
    },
    {
      // Destructured, at the destructured name.
      code: "import geolocation from '@system.geolocation'\nconst { getLocation } = geolocation\ngetLocation({ success() {} })",
      settings: none,
      errors: [
        {
          messageId: 'undeclaredPermission',
          data: {
            api: 'geolocation.getLocation',
            permission: 'hapjs.permission.LOCATION',
            where: 'not in settings.velakit.permissions',
          },
          line: 3,
          column: 1,
          endLine: 3,
          endColumn: 12,
        },
      ],
    },
    {
      // `require` and an alias.
      code: "const dev = require('@system.device')\nconst d = dev\nd.getDeviceId({ success() {} })",
      settings: location,
      errors: [
        {
          messageId: 'undeclaredPermission',
          data: {
            api: 'device.getDeviceId',
            permission: 'hapjs.permission.DEVICE_INFO',
            where: 'not in settings.velakit.permissions',
          },
          line: 3,
          column: 1,
          endLine: 3,
          endColumn: 14,
        },
      ],
    },
    {
      // A guard says the device has the module, not that the app may call it: the call still fails.
      code: "import app from '@system.app'\nimport geolocation from '@system.geolocation'\nif (app.canIUse('@system.geolocation')) geolocation.getLocation({ success() {} })",
      settings: none,
      errors: [{ messageId: 'undeclaredPermission', line: 3, column: 41, endLine: 3, endColumn: 64 }],
    },
    {
      // The rule option wins over settings; settings written by manifestSettings() name their manifest.
      code: getLocation,
      options: [{ permissions: [] }],
      settings: location,
      errors: [
        {
          messageId: 'undeclaredPermission',
          data: {
            api: 'geolocation.getLocation',
            permission: 'hapjs.permission.LOCATION',
            where: 'not in the rule option permissions',
          },
          line: 2,
          column: 1,
          endLine: 2,
          endColumn: 24,
        },
      ],
    },
    {
      code: getLocation,
      settings: { velakit: { manifest: join(declaredApp, 'src', 'manifest.json'), permissions: [] } },
      filename: noManifestHere,
      errors: [
        {
          messageId: 'undeclaredPermission',
          data: {
            api: 'geolocation.getLocation',
            permission: 'hapjs.permission.LOCATION',
            where: `not in settings.velakit.permissions (read from ${shown(declaredApp)})`,
          },
          line: 2,
          column: 1,
          endLine: 2,
          endColumn: 24,
        },
      ],
    },
    {
      // No manifest anywhere above the file and nothing in settings: one report on the first line with text.
      code: `\n${getLocation}\ngeolocation.unsubscribe()`,
      filename: noManifestHere,
      errors: [{ messageId: 'noManifest', line: 2, column: 1, endLine: 2, endColumn: 46 }],
    },
    {
      code: getLocation,
      settings: { velakit: { permissions: 'hapjs.permission.LOCATION' } },
      filename: noManifestHere,
      errors: [
        {
          messageId: 'manifestProblem',
          data: { problem: 'settings.velakit.permissions must be an array of strings' },
          line: 1,
          column: 1,
          endLine: 1,
          endColumn: 46,
        },
      ],
    },
  ],
});
