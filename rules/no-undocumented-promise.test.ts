import { createRuleTester } from './test-utils/rule-tester.js';
import rule from './no-undocumented-promise.js';

const storage = "import storage from '@system.storage'\n";
const message = (api: string) => ({
  messageId: 'undocumentedPromise' as const,
  data: { api, documented: '`fetch.fetch`' },
});

createRuleTester().run('no-undocumented-promise', rule, {
  valid: [
    // fetch documents its Promise form.
    "import fetch from '@system.fetch'\nfetch.fetch({ url: 'u' }).then((res) => res.data)",
    "import fetch from '@system.fetch'\nasync function get() { return await fetch.fetch({ url: 'u' }) }",
    // Callbacks passed: the call is the documented form, whatever is done with its value.
    `${storage}storage.get({ key: 'k', success() {} })`,
    `${storage}async function f() { await storage.get({ key: 'k', fail: onFail }) }`,
    `${storage}storage.set({ key: 'k', value: 'v', complete: () => {} }).then(next)`,
    // Called without callbacks but not used as a Promise (fire and forget).
    `${storage}storage.set({ key: 'k', value: 'v' })`,
    `${storage}const result = storage.get({ key: 'k' })`,
    `${storage}export const load = () => storage.get({ key: 'k' })`,
    // Too dynamic to know: options from elsewhere, a spread.
    `${storage}storage.get(options).then(done)`,
    `${storage}storage.get({ ...defaults, key: 'k' }).then(done)`,
    // Methods that return a value the docs name: app.getInfo, router.getLength, uploadFile's task.
    "import app from '@system.app'\nasync function f() { return (await app.getInfo()).versionName }",
    "import uploadtask from '@system.uploadtask'\nasync function f() { await uploadtask.uploadFile({ url: 'u', filePath: 'f', name: 'n' }) }",
    // A computed `then`, a `then` as a value rather than read on the call.
    `${storage}storage.get({ key: 'k' })[name]()`,
    `${storage}const then = storage.get; then({ key: 'k' })`,
    // Not a Vela module.
    "import storage from 'storage'\nstorage.get({ key: 'k' }).then(done)",
  ],
  invalid: [
    {
      code: `${storage}storage.get({ key: 'k' }).then((value) => value)`,
      errors: [{ ...message('storage.get'), line: 2, column: 1, endLine: 2, endColumn: 12 }],
    },
    {
      // await, no options at all, .catch and .finally, through a barrel-free alias and a require.
      code: [
        "import battery from '@system.battery'",
        "const device = require('@system.device')",
        'async function probe() {',
        '  const status = await battery.getStatus()',
        '  device.getInfo().catch(() => null)',
        "  device.getInfo({}).finally(() => console.log('done'))",
        '  return status',
        '}',
      ].join('\n'),
      errors: [
        { ...message('battery.getStatus'), line: 4, column: 24, endLine: 4, endColumn: 41 },
        { ...message('device.getInfo'), line: 5, column: 3, endLine: 5, endColumn: 17 },
        { ...message('device.getInfo'), line: 6, column: 3, endLine: 6, endColumn: 17 },
      ],
    },
    {
      // TypeScript wrappers and an optional call keep the value the same.
      code: `${storage}async function f() {\n  await (storage.get({ key: 'k' }) as Promise<string>)\n  storage.delete?.({ key: 'k' })!.then(done)\n}`,
      errors: [
        { ...message('storage.get'), line: 3, column: 10, endLine: 3, endColumn: 21 },
        { ...message('storage.delete'), line: 4, column: 3, endLine: 4, endColumn: 17 },
      ],
    },
    {
      // A required success left out (require-params says so too) and the Promise the phone code expected.
      code: "import geolocation from '@system.geolocation'\nconst where = async () => await geolocation.getLocation({ timeout: 10000 })",
      errors: [{ ...message('geolocation.getLocation'), line: 2, column: 33, endLine: 2, endColumn: 56 }],
    },
  ],
});
