import { afterAll, describe, expect, it } from 'vitest';
import { misspelledFeature } from '../src/checks/features.js';
import { diagnosticCodeList } from '../src/codes.js';
import type { ValidationResult } from '../src/diagnostic.js';
import { validateManifest } from '../src/validate.js';
import { brief, manifests, withMembers } from './helpers.js';

const seenCodes = new Set<string>();

/** validateManifest, recording which codes the tests of this file produce. */
function validate(text: string): ValidationResult {
  const result = validateManifest(text);
  for (const diagnostic of result.diagnostics) seenCodes.add(diagnostic.code);
  return result;
}

function check(text: string): string[] {
  return validate(text).diagnostics.map(brief);
}

describe('valid manifests', () => {
  it.each(manifests('valid'))('%s has no diagnostics', (_name, text) => {
    expect(check(text)).toEqual([]);
  });

  it('summarizes what tools need', () => {
    const [, text] = manifests('valid').find(([name]) => name === 'full.json')!;
    expect(validateManifest(text).summary).toEqual({
      package: 'com.example.weather',
      features: ['system.request', 'system.uploadtask', 'system.storage', 'system.router'],
      targetDevices: ['xiaomi-watch-s4', 'redmi-watch-5'],
      minAPILevel: 3,
      has: { minAPILevel: true, features: true, permissions: true },
      invalid: {
        minAPILevel: false,
        targetDevices: false,
        features: false,
        permissions: false,
        pages: false,
        document: false,
      },
      backgroundFeatures: ['system.request'],
      permissions: ['hapjs.permission.LOCATION'],
      pages: [
        { name: 'pages/index', path: '/pages/index', explicit: false },
        { name: 'pages/detail', path: '/detail', explicit: true },
      ],
    });
  });

  it('lists the pages of router.pages with their paths: their own, or /<page name>', () => {
    const router =
      '{ "entry": "Index", "pages": { "Index": { "component": "index", "path": "/" }, "About": { "component": "about" }, ' +
      '"pages/detail": { "component": "detail", "path": "/detail" }, "Odd": { "component": "odd", "path": 5 }, "Bad": "bad" } }';
    expect(validateManifest(withMembers('', { router })).summary!.pages).toEqual([
      { name: 'Index', path: '/', explicit: true },
      { name: 'About', path: '/About', explicit: false },
      { name: 'pages/detail', path: '/detail', explicit: true },
      // Paths the schema rejects: unknown, so nothing is judged by them.
      { name: 'Odd', explicit: true },
      { name: 'Bad', explicit: false },
    ]);
    expect(validateManifest(withMembers('', { router: '{ "entry": "Index", "pages": {} }' })).summary!.pages).toEqual(
      [],
    );
    expect(validateManifest(withMembers('', { router: '{ "entry": "Index", "pages": [] }' })).summary!.pages).toBe(
      undefined,
    );
    expect(validateManifest(withMembers('', { router: '"none"' })).summary!.pages).toBe(undefined);
  });

  it('says which fields the file has, so messages never name one it lacks', () => {
    const bare =
      '{ "package": "a.b", "name": "A", "versionCode": 1, "icon": "/i.png", "config": {}, "router": { "entry": "p", "pages": { "p": { "component": "index" } } } }';
    expect(validateManifest(bare).summary).toEqual(
      expect.objectContaining({
        minAPILevel: 1,
        features: [],
        permissions: [],
        has: { minAPILevel: false, features: false, permissions: false },
      }),
    );
    const withAll = bare.replace('"config"', '"minAPILevel": 2, "features": [], "permissions": [], "config"');
    expect(validateManifest(withAll).summary!.has).toEqual({ minAPILevel: true, features: true, permissions: true });
  });

  it('says which fields the file has with a value the schema rejects, and judges nothing by them', () => {
    const valid = {
      minAPILevel: false,
      targetDevices: false,
      features: false,
      permissions: false,
      pages: false,
      document: false,
    };
    for (const level of ['"3"', '0', '2.5', 'null']) {
      const summary = validateManifest(withMembers(`  "minAPILevel": ${level}`)).summary!;
      expect(summary.minAPILevel).toBe(1);
      expect(summary.has.minAPILevel).toBe(false);
      expect(summary.invalid).toEqual({ ...valid, minAPILevel: true });
    }
    expect(validateManifest(withMembers('')).summary!.invalid).toEqual(valid);
    // Fields of the wrong type: flagged, so tools say the field cannot be used, never that it is absent.
    const wrong = (member: string) => validateManifest(withMembers(member, { targets: false })).summary!;
    expect(wrong('  "targetDevices": "xiaomi-watch-s4"').invalid).toEqual({ ...valid, targetDevices: true });
    expect(wrong('  "targetDevices": "xiaomi-watch-s4"').targetDevices).toBe(undefined);
    expect(wrong('  "features": { "system.fetch": {} }').invalid).toEqual({ ...valid, features: true });
    expect(wrong('  "features": { "system.fetch": {} }').has.features).toBe(false);
    expect(wrong('  "permissions": { "hapjs.permission.LOCATION": {} }').invalid).toEqual({
      ...valid,
      permissions: true,
    });
    // An empty list, or entries of the wrong type, are the list's own problems: the field is there and a list.
    expect(wrong('  "targetDevices": [],\n  "features": [5],\n  "permissions": [null]').invalid).toEqual(valid);
    const router = (value: string) => validateManifest(withMembers('', { router: value })).summary!.invalid;
    expect(router('{ "entry": "p", "pages": ["p"] }')).toEqual({ ...valid, pages: true });
    expect(router('"none"')).toEqual({ ...valid, pages: true });
    // No pages at all is a missing property, not a wrong type.
    expect(router('{ "entry": "p" }')).toEqual(valid);
    // A manifest that is not an object: every field is absent, and the document is flagged.
    for (const text of ['[{ "package": "a.b" }]', '"manifest"', 'null', '3']) {
      expect(validateManifest(text).summary!.invalid).toEqual({ ...valid, document: true });
    }
  });

  it('accepts keys the docs do not list at the top level', () => {
    expect(check(withMembers('  "simulationVersion": "1.0",\n  "packageInfo": { "x": 1 }'))).toEqual([]);
  });
});

describe('schema diagnostics', () => {
  it('missing-property: at the owner key, or the "{" of the document, one diagnostic per object', () => {
    const text = '{\n  "package": "a.b",\n  "config": {},\n  "router": { "pages": {} }\n}\n';
    expect(check(text)).toEqual(['missing-property 1:1-1:2', 'no-target-devices 1:1-1:2', 'missing-property 4:3-4:11']);
    const messages = validate(text).diagnostics.map((d) => d.message);
    expect(messages[0]).toBe('The manifest is missing the required properties "name", "icon", and "versionCode".');
    expect(messages[2]).toBe('router is missing the required property "entry".');
  });

  it('invalid-type: names the expected and the found type', () => {
    const result = validate(withMembers('  "minAPILevel": "3",\n  "features": {}'));
    expect(result.diagnostics.map(brief)).toEqual(['invalid-type 9:18-9:21', 'invalid-type 10:15-10:17']);
    expect(result.diagnostics[0]!.message).toBe('minAPILevel must be an integer, not a string.');
    expect(result.diagnostics[1]!.message).toBe('features must be an array, not an object.');
  });

  it('invalid-type: a JSON number is "a number" (1.0 is 1); where an integer is asked for, the value is named', () => {
    const text = withMembers('  "versionName": 1.0,\n  "display": { "backgroundColor": 0 }').replace(
      '"versionCode": 1',
      '"versionCode": 1.5',
    );
    const result = validate(text);
    expect(result.diagnostics.map(brief)).toEqual([
      'invalid-type 5:18-5:21',
      'invalid-type 9:18-9:21',
      'invalid-type 10:35-10:36',
    ]);
    expect(result.diagnostics.map((d) => d.message)).toEqual([
      'versionCode must be an integer, not 1.5.',
      'versionName must be a string, not a number.',
      'display.backgroundColor must be a string, not a number.',
    ]);
  });

  it('invalid-type: one message for a value no anyOf branch accepts', () => {
    const text = withMembers('').replace('"config": {}', '"config": { "designWidth": true }');
    const result = validate(text);
    expect(result.diagnostics.map(brief)).toEqual(['invalid-type 6:30-6:34']);
    expect(result.diagnostics[0]!.message).toBe('config.designWidth must be a number or a string, not a boolean.');
  });

  it('invalid-value: enum with a did-you-mean, range and emptiness', () => {
    const text = withMembers('')
      .replace('"component": "index" }', '"component": "index", "launchMode": "singletask" }')
      .replace('"versionCode": 1', '"versionCode": 0')
      .replace('"name": "App"', '"name": ""');
    const result = validate(text);
    expect(result.diagnostics.map(brief)).toEqual([
      'invalid-value 3:11-3:13',
      'invalid-value 5:18-5:19',
      'invalid-value 7:103-7:115 -> singleTask',
    ]);
    expect(result.diagnostics.map((d) => d.message)).toEqual([
      'name must not be empty.',
      'versionCode must be at least 1, not 0.',
      '"singletask" is not a valid router.pages["pages/index"].launchMode. Allowed: "standard" or "singleTask". Did you mean "singleTask"?',
    ]);
  });

  it('invalid-value: a feature name that is not shaped like one, with the fix', () => {
    const result = validate(withMembers('  "features": [{ "name": "@system.request" }, { "name": "system request" }]'));
    expect(result.diagnostics.map(brief)).toEqual([
      'invalid-value 9:26-9:43 -> system.request',
      'invalid-value 9:57-9:73 -> system.request',
    ]);
    expect(result.diagnostics[0]!.message).toContain('feature names look like "system.request"');
  });

  it('unknown-property: only in closed objects (feature and permission entries), with a did-you-mean', () => {
    const result = validate(
      withMembers(
        '  "features": [{ "name": "system.request", "parms": {} }],\n  "permissions": [{ "name": "hapjs.permission.LOCATION", "reason": "y" }]',
      ),
    );
    expect(result.diagnostics.map(brief)).toEqual([
      'unknown-property 9:44-9:51 -> params',
      'unknown-property 10:58-10:66',
    ]);
    expect(result.diagnostics[0]!.message).toBe(
      'Unknown property "parms" in features[0]; allowed: "name" and "params". Did you mean "params"?',
    );
  });

  it('never shows ajv message texts', () => {
    const [, text] = manifests('invalid').find(([name]) => name === 'kitchen-sink.json')!;
    for (const diagnostic of validate(text).diagnostics) {
      expect(diagnostic.message).not.toMatch(/must (match|be equal|NOT|have required)|should /u);
    }
  });
});

describe('platform checks', () => {
  it('unknown-entry-page: router.entry names no page', () => {
    const result = validate(
      withMembers('', { router: '{ "entry": "pages/idx", "pages": { "pages/index": { "component": "index" } } }' }),
    );
    expect(result.diagnostics.map(brief)).toEqual(['unknown-entry-page 7:24-7:35 -> pages/index']);
    expect(result.diagnostics[0]!.message).toBe(
      'router.entry "pages/idx" is not a page in router.pages. Did you mean "pages/index"? Pages: "pages/index".',
    );
  });

  it('duplicate-page-path: two pages with one path, explicit or the default /<page name>', () => {
    const router =
      '{ "entry": "pages/index", "pages": { "pages/index": { "component": "index", "path": "/about" }, ' +
      '"pages/about": { "component": "index", "path": "/about" }, "About": { "component": "index" }, ' +
      '"Info": { "component": "index", "path": "/About" }, "Other": { "component": "index", "path": "/other" } } }';
    const result = validate(withMembers('', { router }));
    expect(result.diagnostics.map(brief)).toEqual([
      'duplicate-page-path 7:156-7:164',
      'duplicate-page-path 7:243-7:251',
    ]);
    expect(result.diagnostics.map((diagnostic) => diagnostic.message)).toEqual([
      'Pages "pages/index" and "pages/about" both have the path "/about"; each page needs a path of its own.',
      'Pages "About" and "Info" both have the path "/About" ("About" has no "path", which makes it "/" and the page name); each page needs a path of its own.',
    ]);
    // Distinct paths (and a page whose default differs by case from another's path) are fine.
    const distinct =
      '{ "entry": "Index", "pages": { "Index": { "component": "index" }, "About": { "component": "about", "path": "/about" } } }';
    expect(check(withMembers('', { router: distinct }))).toEqual([]);
    // A path the schema rejects is no path to compare.
    const odd =
      '{ "entry": "Index", "pages": { "Index": { "component": "index", "path": "/About" }, "About": { "component": "about", "path": 5 } } }';
    expect(check(withMembers('', { router: odd })).filter((line) => line.startsWith('duplicate'))).toEqual([]);
  });

  it('duplicate-page-path: a page without path is reported at the page', () => {
    const router =
      '{ "entry": "Index", "pages": { "Index": { "component": "index", "path": "/Detail" }, "Detail": { "component": "detail" } } }';
    expect(check(withMembers('', { router }))).toEqual(['duplicate-page-path 7:108-7:133']);
  });

  it('app-name-too-long: more than 6 Chinese characters, at the value, with the count', () => {
    const named = (name: string): string => withMembers('').replace('"name": "App"', `"name": ${JSON.stringify(name)}`);
    const result = validate(named('小米运动健康助手'));
    expect(result.diagnostics.map(brief)).toEqual(['app-name-too-long 3:11-3:21']);
    expect(result.diagnostics[0]!.severity).toBe('warning');
    expect(result.diagnostics[0]!.pointer).toBe('/name');
    expect(result.diagnostics[0]!.message).toBe(
      'The app name "小米运动健康助手" has 8 Chinese characters; the Vela docs ask for at most 6, as the name is shown under the app\'s icon and in dialogs.',
    );
    // Seven, with Latin letters, a space and CJK punctuation beside them (not counted): the end is after the quote.
    const mixed = validate(named('Mi 天气·空气预报站 Pro'));
    expect(mixed.diagnostics.map(brief)).toEqual(['app-name-too-long 3:11-3:28']);
    expect(mixed.diagnostics[0]!.message).toContain('has 7 Chinese characters');
    // A Han character outside the Basic Multilingual Plane (two UTF-16 units) counts once; columns count units.
    const astral = validate(named('𠮷野家牛丼饭店'));
    expect(astral.diagnostics.map(brief)).toEqual(['app-name-too-long 3:11-3:21']);
    expect(astral.diagnostics[0]!.message).toContain('has 7 Chinese characters');
  });

  it('app-name-too-long: nothing for 6 Chinese characters, a long Latin name, or 6 beside other characters', () => {
    const named = (name: string): string => withMembers('').replace('"name": "App"', `"name": ${JSON.stringify(name)}`);
    for (const name of [
      '运动健康助手',
      'Weather Forecast And Air Quality',
      '天气预报 Weather Pro 2',
      '天气：空气·预报！',
      // Kana and Hangul are not Chinese characters.
      'ひらがなカタカナ한국어',
      '',
    ])
      expect(check(named(name)).filter((line) => line.startsWith('app-name-too-long'))).toEqual([]);
    // A name of another type is the schema's report only.
    expect(check(withMembers('').replace('"name": "App"', '"name": ["小米运动健康助手"]'))).toEqual([
      'invalid-type 3:11-3:23',
    ]);
  });

  it('unknown-feature: a well-formed name velakit does not know, with the closest one', () => {
    const result = validate(withMembers('  "features": [{ "name": "system.requst" }, { "name": "system.teleport" }]'));
    expect(result.diagnostics.map(brief)).toEqual([
      'unknown-feature 9:26-9:41 -> system.request',
      'unknown-feature 9:55-9:72',
    ]);
    expect(result.diagnostics[0]!.message).toBe(
      '"system.requst" is not a Vela feature velakit knows. Did you mean "system.request"?',
    );
  });

  it('misspelledFeature: the feature an unknown name misspells, as unknown-feature suggests it; nothing otherwise', () => {
    expect(misspelledFeature('system.storge')).toBe('system.storage');
    expect(misspelledFeature('system.requst')).toBe('system.request');
    // Known names, names close to none, phone services and names not shaped like a feature name misspell nothing.
    expect(misspelledFeature('system.storage')).toBeUndefined();
    expect(misspelledFeature('system.teleport')).toBeUndefined();
    expect(misspelledFeature('service.share')).toBeUndefined();
    expect(misspelledFeature('@system.storage')).toBeUndefined();
  });

  it('unknown-feature: a phone service left from a phone app says what it is, with no spelling hint', () => {
    const result = validate(
      withMembers(
        '  "features": [{ "name": "service.share" }, { "name": "service.account", "params": { "appId": "1" } }]',
      ),
    );
    expect(result.diagnostics.map(brief)).toEqual(['unknown-feature 9:26-9:41', 'unknown-feature 9:55-9:72']);
    expect(result.diagnostics[0]!.message).toBe(
      '"service.share" is a phone quick-app service, not a Vela feature: the Vela docs describe no "service.*" feature. Remove it, and the code that uses it, from the watch app.',
    );
    expect(result.diagnostics[0]!.suggestion).toBeUndefined();
  });

  it('a name that is not a feature name gets the schema report only: no support, level, duplicate or unknown report', () => {
    const text = withMembers(
      '  "features": [\n    { "name": "@system.request" },\n    { "name": "@system.uploadtask" },\n    { "name": "@system.request" }\n  ]',
    ).replace('["xiaomi-watch-s4"]', '["redmi-watch-4"]');
    // As the valid-manifest rule calls it: the sources use both modules, so both would be judged if they were declared.
    const used = new Set(['system.request', 'system.uploadtask']);
    for (const options of [{}, { usedFeatures: used }]) {
      const result = validateManifest(text, options);
      expect(result.diagnostics.map(brief)).toEqual([
        'invalid-value 10:15-10:32 -> system.request',
        'invalid-value 11:15-11:35 -> system.uploadtask',
        'invalid-value 12:15-12:32 -> system.request',
      ]);
    }
  });

  it('duplicate-feature: the second declaration', () => {
    const result = validate(
      withMembers('  "features": [\n    { "name": "system.storage" },\n    { "name": "system.storage" }\n  ]'),
    );
    expect(result.diagnostics.map(brief)).toEqual(['duplicate-feature 11:15-11:31']);
    expect(result.diagnostics[0]!.message).toBe('"system.storage" is already declared in features[0].');
  });

  it('unknown-permission: a name the docs do not list, with the documented one it is close to', () => {
    const result = validate(
      withMembers(
        [
          '  "permissions": [',
          '    { "name": "hapjs.permission.LOCATON" },',
          '    { "name": "hapjs.permission.location" },',
          '    { "name": "DEVICE_INFO" },',
          '    { "name": "com.example.permission.CAMERA" },',
          '    { "name": "hapjs.permission.DEVICE_INFO" },',
          '    { "name": 7 },',
          '    { "name": "" }',
          '  ]',
        ].join('\n'),
      ),
    );
    expect(result.diagnostics.map(brief)).toEqual([
      'unknown-permission 10:15-10:41 -> hapjs.permission.LOCATION',
      'unknown-permission 11:15-11:42 -> hapjs.permission.LOCATION',
      'unknown-permission 12:15-12:28 -> hapjs.permission.DEVICE_INFO',
      'unknown-permission 13:15-13:46',
      // Not strings, or empty: the schema's, reported once.
      'invalid-type 15:15-15:16',
      'invalid-value 16:15-16:17',
    ]);
    expect(result.diagnostics[0]!.severity).toBe('warning');
    expect(result.diagnostics[0]!.message).toBe(
      '"hapjs.permission.LOCATON" is not a permission the Vela docs list. Did you mean "hapjs.permission.LOCATION"?',
    );
    expect(result.diagnostics[3]!.message).toBe(
      '"com.example.permission.CAMERA" is not a permission velakit knows: the Vela docs list only "hapjs.permission.LOCATION" and "hapjs.permission.DEVICE_INFO", and no API they document checks another.',
    );
    expect(result.summary!.permissions).toEqual([
      'hapjs.permission.LOCATON',
      'hapjs.permission.location',
      'DEVICE_INFO',
      'com.example.permission.CAMERA',
      'hapjs.permission.DEVICE_INFO',
      '',
    ]);
  });

  it('unknown-permission: nothing for the documented names, an empty list, or no permissions at all', () => {
    const documented =
      '  "permissions": [{ "name": "hapjs.permission.LOCATION" }, { "name": "hapjs.permission.DEVICE_INFO" }]';
    expect(validate(withMembers(documented)).diagnostics).toEqual([]);
    expect(validate(withMembers('  "permissions": []')).diagnostics).toEqual([]);
    expect(validate(withMembers('')).diagnostics).toEqual([]);
  });

  it('unknown-device: names and aliases get their id; unknown ids get the closest ones; other types are schema errors', () => {
    const text = withMembers('', { targets: false }).replace(
      '\n}\n',
      ',\n  "targetDevices": ["Redmi Watch 4", "小米手环 9", "redmi-watch-9", 7]\n}\n',
    );
    const result = validate(text);
    expect(result.diagnostics.map(brief)).toEqual([
      'unknown-device 8:21-8:36 -> redmi-watch-4',
      'unknown-device 8:38-8:46 -> xiaomi-band-9',
      'unknown-device 8:48-8:63 -> redmi-watch-4',
      'invalid-type 8:65-8:66',
    ]);
    expect(result.diagnostics[0]!.message).toBe(
      '"Redmi Watch 4" names Redmi Watch 4; targetDevices takes its id "redmi-watch-4".',
    );
    expect(result.diagnostics[2]!.message).toBe(
      '"redmi-watch-9" is not a Vela device id. Did you mean "redmi-watch-4", "redmi-watch-5", or "redmi-watch-6"?',
    );
    expect(result.summary?.targetDevices).toEqual(['redmi-watch-4', 'xiaomi-band-9']);
  });

  it('duplicate-device: the same device twice, also through an alias', () => {
    const text = withMembers('').replace('["xiaomi-watch-s4"]', '["xiaomi-watch-s4", "Watch S4"]');
    expect(check(text)).toEqual(['duplicate-device 8:40-8:50', 'unknown-device 8:40-8:50 -> xiaomi-watch-s4']);
  });

  it('unsupported-feature: names the devices and says the targets came from targetDevices', () => {
    const text = withMembers('  "features": [{ "name": "system.request" }, { "name": "system.storage" }]').replace(
      '["xiaomi-watch-s4"]',
      '["xiaomi-watch-s4", "xiaomi-band-8-pro", "redmi-watch-4"]',
    );
    const result = validate(text);
    expect(result.diagnostics.map(brief)).toEqual(['unsupported-feature 9:26-9:42']);
    expect(result.diagnostics[0]!.message).toBe(
      'system.request is not supported on Xiaomi Band 8 Pro and Redmi Watch 4 (targets in "targetDevices"). Calls fail there: guard them with feature detection (typeof request.method === \'function\'; app.canIUse needs API level 3) or drop those devices.',
    );
  });

  it('unsupported-feature: advises app.canIUse only where minAPILevel allows it, never advice that leads into another error', () => {
    const text = withMembers('  "minAPILevel": 3,\n  "features": [{ "name": "system.request" }]').replace(
      '["xiaomi-watch-s4"]',
      '["xiaomi-watch-s4", "xiaomi-band-8-pro"]',
    );
    expect(validate(text).diagnostics.map((d) => d.message)).toEqual([
      'system.request is not supported on Xiaomi Band 8 Pro (a target in "targetDevices"). Calls fail there: guard them with app.canIUse(\'@system.request\') or drop the device.',
    ]);
  });

  it('unsupported-feature and no-target-devices: without targetDevices every device is a target, and the note says so', () => {
    const result = validate(withMembers('  "features": [{ "name": "system.record" }]', { targets: false }));
    expect(result.diagnostics.map(brief)).toEqual(['no-target-devices 1:1-1:2', 'unsupported-feature 8:26-8:41']);
    expect(result.diagnostics[0]!.message).toMatch(/^No "targetDevices": every known device \(12\) is a target\./u);
    expect(result.diagnostics[1]!.message).toContain(
      'every known device is a target because the manifest has no "targetDevices"',
    );
    expect(result.diagnostics[1]!.message).toContain('Xiaomi Watch S4');
    expect(result.diagnostics[1]!.message).not.toContain('Xiaomi Watch S5');
  });

  it('empty-target-devices: at the array; every known device is a target, as when the field is absent', () => {
    const text = withMembers('  "features": [{ "name": "system.record" }]').replace('["xiaomi-watch-s4"]', '[]');
    const result = validate(text);
    expect(result.diagnostics.map(brief)).toEqual(['empty-target-devices 8:20-8:22', 'unsupported-feature 9:26-9:41']);
    expect(result.diagnostics.map((d) => d.severity)).toEqual(['warning', 'warning']);
    expect(result.diagnostics[0]!.message).toBe(
      '"targetDevices" is empty, which names no device: every known device (12) is a target, as when the field is absent. List the ids of the devices the app is for (`velakit devices` shows them).',
    );
    expect(result.diagnostics[1]!.message).toContain(
      '(every known device is a target because "targetDevices" names no known device)',
    );
    expect(result.diagnostics[1]!.message).toContain('Xiaomi Watch S4');
    expect(result.summary?.targetDevices).toEqual([]);
  });

  it('a targetDevices whose every entry is wrong: the entries are reported, and every known device is a target', () => {
    const text = withMembers('  "features": [{ "name": "system.record" }]').replace(
      '["xiaomi-watch-s4"]',
      '["redmi-watch-5-active"]',
    );
    const result = validate(text);
    expect(result.diagnostics.map((d) => d.code)).toEqual(['unknown-device', 'unsupported-feature']);
    expect(result.diagnostics[1]!.message).toContain(
      '(every known device is a target because "targetDevices" names no known device)',
    );
  });

  it('unsupported-feature: silent for modules whose support the docs leave open', () => {
    const text = withMembers('  "features": [{ "name": "system.alarm" }]').replace(
      '["xiaomi-watch-s4"]',
      '["xiaomi-band-8-pro"]',
    );
    expect(check(text)).toEqual([]);
  });

  it('api-level-too-low: at minAPILevel when present, with the level to use', () => {
    const result = validate(
      withMembers('  "minAPILevel": 2,\n  "features": [{ "name": "system.uploadtask" }, { "name": "system.event" }]'),
    );
    expect(result.diagnostics.map(brief)).toEqual(['api-level-too-low 9:18-9:19 -> 4']);
    expect(result.diagnostics[0]!.message).toBe(
      'minAPILevel is 2, but system.uploadtask needs API level 3 and system.event needs API level 4.',
    );
  });

  it('api-level-too-low: never reported against a minAPILevel of the wrong type or range (the schema reports it once)', () => {
    const features = '  "features": [{ "name": "system.uploadtask" }, { "name": "system.event" }]';
    const text = withMembers(`  "minAPILevel": "3",\n${features}`).replace(
      '["xiaomi-watch-s4"]',
      '["xiaomi-watch-s5"]',
    );
    const result = validate(text);
    expect(result.diagnostics.map(brief)).toEqual(['invalid-type 9:18-9:21']);
    expect(result.diagnostics[0]!.message).toBe('minAPILevel must be an integer, not a string.');
    const zero = withMembers(`  "minAPILevel": 0,\n${features}`).replace('["xiaomi-watch-s4"]', '["xiaomi-watch-s5"]');
    expect(check(zero)).toEqual(['invalid-value 9:18-9:19']);
  });

  it('api-level-too-low: at each feature when minAPILevel is absent', () => {
    const result = validate(withMembers('  "features": [{ "name": "system.uploadtask" }]'));
    expect(result.diagnostics.map(brief)).toEqual(['api-level-too-low 9:26-9:45']);
    expect(result.diagnostics[0]!.message).toBe(
      'system.uploadtask needs API level 3, but the manifest has no "minAPILevel" (so it is 1): add "minAPILevel": 3.',
    );
  });

  it('usedFeatures: API level and device support are checked only for features the sources use', () => {
    const text = withMembers(
      '  "minAPILevel": 1,\n  "features": [{ "name": "system.uploadtask" }, { "name": "system.request" }]',
    ).replace('["xiaomi-watch-s4"]', '["xiaomi-watch-s4", "xiaomi-band-8-pro"]');
    const codes = (used?: string[]): string[] =>
      validateManifest(text, used === undefined ? {} : { usedFeatures: new Set(used) }).diagnostics.map(
        (d) => `${d.code} ${d.start.line}`,
      );
    expect(codes()).toEqual(['api-level-too-low 9', 'unsupported-feature 10', 'unsupported-feature 10']);
    expect(codes(['system.request'])).toEqual(['unsupported-feature 10']);
    expect(codes(['system.uploadtask'])).toEqual(['api-level-too-low 9', 'unsupported-feature 10']);
    expect(codes([])).toEqual([]);
  });

  it('checkedFeatures: API level and device support of those features are left to the caller (the source rules)', () => {
    const text = withMembers(
      '  "minAPILevel": 1,\n  "features": [{ "name": "system.uploadtask" }, { "name": "system.request" }]',
    ).replace('["xiaomi-watch-s4"]', '["xiaomi-watch-s4", "xiaomi-band-8-pro"]');
    const codes = (checked: string[]): string[] =>
      validateManifest(text, {
        usedFeatures: new Set(['system.uploadtask', 'system.request']),
        checkedFeatures: new Set(checked),
      }).diagnostics.map((d) => `${d.code} ${d.start.line}`);
    expect(codes([])).toEqual(['api-level-too-low 9', 'unsupported-feature 10', 'unsupported-feature 10']);
    expect(codes(['system.uploadtask'])).toEqual(['unsupported-feature 10']);
    expect(codes(['system.request'])).toEqual(['api-level-too-low 9', 'unsupported-feature 10']);
    expect(codes(['system.uploadtask', 'system.request'])).toEqual([]);
    // Without a minAPILevel the report sits on the feature: the same rule applies.
    const noLevel = withMembers('  "features": [{ "name": "system.uploadtask" }]');
    expect(validateManifest(noLevel, { checkedFeatures: new Set(['system.uploadtask']) }).diagnostics).toEqual([]);
    expect(validateManifest(noLevel, { checkedFeatures: new Set() }).diagnostics.map((d) => d.code)).toEqual([
      'api-level-too-low',
    ]);
  });

  it('undeclared-background-feature and background-not-allowed', () => {
    const text = withMembers('  "features": [{ "name": "system.fetch" }]').replace(
      '"config": {}',
      '"config": { "background": { "features": ["system.request", "system.fetch", "system.audoi"] } }',
    );
    const result = validate(text);
    expect(result.diagnostics.map(brief)).toEqual([
      'undeclared-background-feature 6:44-6:60',
      'background-not-allowed 6:62-6:76',
      'background-not-allowed 6:78-6:92 -> system.audio',
    ]);
    expect(result.diagnostics[0]!.message).toBe(
      'system.request runs in the background but is not declared in "features": add { "name": "system.request" } there.',
    );
    expect(result.diagnostics[1]!.message).toBe(
      '"system.fetch" cannot run in the background; Vela allows system.audio, system.geolocation, and system.request.',
    );
  });

  it('fields of the wrong type: the type error is the one report, never a note that the field is absent', () => {
    // targetDevices as a string: no no-target-devices note; a feature some device lacks names why every device counts.
    const targets = validate(
      withMembers('  "targetDevices": "xiaomi-watch-s4",\n  "features": [{ "name": "system.record" }]', {
        targets: false,
      }),
    );
    expect(targets.diagnostics.map(brief)).toEqual(['invalid-type 8:20-8:37', 'unsupported-feature 9:26-9:41']);
    expect(targets.diagnostics[0]!.message).toBe('targetDevices must be an array, not a string.');
    expect(targets.diagnostics[1]!.message).toContain(
      '(every known device is a target because "targetDevices" is not a list)',
    );
    // features as an object: a background feature is not also reported as undeclared.
    const features = validate(
      withMembers('  "features": { "system.request": {} }').replace(
        '"config": {}',
        '"config": { "background": { "features": ["system.request"] } }',
      ),
    );
    expect(features.diagnostics.map(brief)).toEqual(['invalid-type 9:15-9:39']);
    expect(features.diagnostics[0]!.message).toBe('features must be an array, not an object.');
    expect(check(withMembers('  "permissions": { "hapjs.permission.LOCATION": {} }'))).toEqual([
      'invalid-type 9:18-9:53',
    ]);
    expect(check(withMembers('', { router: '{ "entry": "p", "pages": ["p"] }' }))).toEqual(['invalid-type 7:38-7:43']);
  });

  it('non-watch-device-type: a warning per known non-watch type; unknown types are errors that say a band is a watch', () => {
    // "watch" listed already: replacing a value with it would list it twice, so no suggestion; the message says so.
    const result = validate(withMembers('  "deviceTypeList": ["watch", "phone", "band"]'));
    expect(result.diagnostics.map(brief)).toEqual(['non-watch-device-type 9:31-9:38', 'invalid-value 9:40-9:46']);
    expect(result.diagnostics.map((d) => d.severity)).toEqual(['warning', 'error']);
    expect(result.diagnostics[1]!.message).toBe(
      '"band" is not a device type: the Vela docs name "watch", "tv", "car", and "phone", and quick apps run only on "watch" devices, bands included. "watch" is listed already: delete this entry.',
    );
    // Without "watch" in the list, each value suggests it; one report per value (not the schema's enum error too).
    const alone = validate(withMembers('  "deviceTypeList": ["band", "tv"]'));
    expect(alone.diagnostics.map(brief)).toEqual([
      'invalid-value 9:22-9:28 -> watch',
      'non-watch-device-type 9:30-9:34 -> watch',
    ]);
    expect(alone.diagnostics[0]!.message).toBe(
      '"band" is not a device type: the Vela docs name "watch", "tv", "car", and "phone", and quick apps run only on "watch" devices, bands included.',
    );
  });
});

describe('diagnostic order and codes', () => {
  it('sorts diagnostics by position', () => {
    const [, text] = manifests('invalid').find(([name]) => name === 'kitchen-sink.json')!;
    const offsets = validate(text).diagnostics.map((d) => d.start.offset);
    expect(offsets).toEqual([...offsets].sort((a, b) => a - b));
    expect(offsets.length).toBeGreaterThan(15);
  });

  it('codes are lower-case kebab-case (ties at one position are ordered by code, in code-unit order)', () => {
    for (const { code } of diagnosticCodeList) expect(code).toMatch(/^[a-z]+(-[a-z0-9]+)*$/u);
  });

  afterAll(() => {
    // Codes that only the file reader reports (encoding, size) and the parser's are covered in their own files.
    const elsewhere = [
      'file-too-large',
      'invalid-encoding',
      'empty-file',
      'byte-order-mark',
      'invalid-json',
      'json-comment',
      'trailing-comma',
      'duplicate-key',
    ];
    const expected = diagnosticCodeList.map((entry) => entry.code).filter((code) => !elsewhere.includes(code));
    expect([...seenCodes].sort()).toEqual(expected.sort());
  });
});
