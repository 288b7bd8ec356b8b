import { describe, expect, it } from 'vitest';
import { lintFolder, messageLines } from './lint-report.js';

// The sample apps in fixtures/, linted through ESLint's Node API with the recommended config, as a user runs `eslint .`
// in an app folder: targets, features and API level come from each app's own src/manifest.json.
const fixture = (name: string): string => new URL(`../../../fixtures/${name}`, import.meta.url).pathname;

async function lines(name: string): Promise<string[]> {
  return messageLines(fixture(name), await lintFolder(fixture(name)));
}

describe('fixture apps, recommended config', () => {
  it('watch-s4-clean: uploads and downloads done right are quiet', async () => {
    expect(await lines('watch-s4-clean')).toEqual([]);
  });

  it('typescript-app: the clean app in TypeScript is quiet, type-only imports included', async () => {
    expect(await lines('typescript-app')).toEqual([]);
  });

  it('band-and-redmi: every use names both devices and the manifest they came from, once (not again on the declarations)', async () => {
    const both =
      'is not supported on Xiaomi Band 8 Pro and Redmi Watch 4 (targets from src/manifest.json targetDevices).';
    expect(await lines('band-and-redmi')).toEqual([
      `src/common/sync.js 6:16-6:37 velakit/no-unsupported-api \`uploadtask.uploadFile\` ${both} Guard it with \`app.canIUse('@system.uploadtask')\` or drop them from targetDevices.`,
      `src/common/sync.js 27:3-27:19 velakit/no-unsupported-api \`request.download\` ${both} Guard it with \`app.canIUse('@system.request')\` or drop them from targetDevices.`,
      `src/common/sync.js 31:7-31:33 velakit/no-unsupported-api \`request.onDownloadComplete\` ${both} Guard it with \`app.canIUse('@system.request')\` or drop them from targetDevices.`,
    ]);
  });

  it('missing-options: one report per call naming what is missing', async () => {
    expect(await lines('missing-options')).toEqual([
      'src/common/sync.js 6:16-6:37 velakit/require-params `uploadtask.uploadFile` is missing required option `name`.',
      'src/common/sync.js 16:3-16:26 velakit/require-params `UploadTask.onProgressUpdate` needs its `callback` argument.',
      'src/common/sync.js 22:3-22:19 velakit/require-params `request.download` is missing required option `url`.',
      'src/common/sync.js 35:3-35:29 velakit/require-params `request.onDownloadComplete` is missing required option `token`.',
    ]);
  });

  it('misspelled-options: the typo, the wrong types, and the missing option it causes', async () => {
    expect(await lines('misspelled-options')).toEqual([
      'src/common/sync.js 5:10-5:31 velakit/require-params `uploadtask.uploadFile` is missing required option `filePath`; perhaps `filepath` is written for `filePath`?',
      'src/common/sync.js 7:5-7:13 velakit/valid-params `filepath` is not an option of `uploadtask.uploadFile`. Did you mean `filePath`?',
      'src/common/sync.js 9:14-9:18 velakit/valid-params `timeout` of `uploadtask.uploadFile` must be a number, not a string.',
      'src/common/sync.js 22:13-22:43 velakit/valid-params `header` of `request.download` must be a string, not an object.',
    ]);
  });

  it('undeclared-features: the undeclared import, the misspelled module and the misspelled declaration', async () => {
    expect(await lines('undeclared-features')).toEqual([
      'src/common/sync.js 1:24-1:44 velakit/no-undeclared-feature `@system.uploadtask` is imported but `system.uploadtask` is not declared: src/manifest.json features has "system.uploadtsk", a misspelling of it. The Vela docs require declaring it: write `system.uploadtask` there (the build adds it with a warning otherwise).',
      'src/common/vibrate.js 2:22-2:40 velakit/no-unknown-module `@system.vibrater` is not a Vela module. Did you mean `@system.vibrator`?',
      'src/manifest.json 15:3-15:13 velakit/no-missing-feature `@system.uploadtask` is imported by the app\'s sources but not declared in features (features has "system.uploadtsk", a misspelling of `system.uploadtask`). The Vela docs require declaring every module an app uses; the build adds missing ones with a warning. `eslint --fix` writes `system.uploadtask` in its place.',
      'src/manifest.json 20:15-20:33 velakit/valid-manifest "system.uploadtsk" is not a Vela feature velakit knows. Did you mean "system.uploadtask"? [unknown-feature]',
    ]);
  });

  it('broken-manifest: a parse error in the manifest and one clear report in the source that needs it, no crash', async () => {
    const found = await lines('broken-manifest');
    expect(found).toEqual([
      'src/manifest.json 6:3-?:? fatal Parsing error: Unexpected token String found.',
      expect.stringMatching(
        /^src\/pages\/index\/index\.ux 9:1-9:38 velakit\/no-undeclared-feature src\/manifest\.json cannot be used: .*\(line 6, column 3\)\. velakit cannot check feature declarations until this is fixed\.$/u,
      ),
      expect.stringMatching(
        /^src\/pages\/index\/index\.ux 16:5-16:21 velakit\/no-unsupported-api `request\.download` is missing on \d+ of the \d+ known devices \(.*\); src\/manifest\.json is unusable, so every device is a target\./u,
      ),
    ]);
  });
});
