// `velakit check` on an app with its own eslint.config.*: the app's config decides (ignores, rule levels,
// settings.velakit), the output says which config ran, and every part resolves targets the same way.
import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { runVelakit } from './run-velakit.js';

const repo = realpathSync(fileURLToPath(new URL('../../../', import.meta.url)));
const scratch = realpathSync(mkdtempSync(join(tmpdir(), 'velakit-check-config-')));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const velakit = (...argv: string[]) => runVelakit(scratch, ...argv);

const upload =
  "import uploadtask from '@system.uploadtask';\n\nexport function send(filePath) {\n  uploadtask.uploadFile({ url: 'https://example.com', filePath, name: 'log' });\n}\n";

/** An app targeting Redmi Watch 4 (no upload module), with an upload in src/common and another in src/vendor. */
function app(name: string, config: string | undefined): string {
  const dir = join(scratch, name);
  mkdirSync(join(dir, 'src', 'common'), { recursive: true });
  mkdirSync(join(dir, 'src', 'vendor'), { recursive: true });
  writeFileSync(
    join(dir, 'src', 'manifest.json'),
    JSON.stringify({
      package: 'com.example.config',
      name: 'Config',
      icon: '/common/logo.png',
      versionCode: 1,
      minAPILevel: 3,
      targetDevices: ['redmi-watch-4'],
      features: [{ name: 'system.uploadtask' }],
      config: {},
      router: { entry: 'pages/index', pages: { 'pages/index': { component: 'index' } } },
    }),
  );
  writeFileSync(join(dir, 'src', 'common', 'upload.js'), upload);
  writeFileSync(join(dir, 'src', 'vendor', 'upload.js'), upload);
  if (config !== undefined) writeFileSync(join(dir, 'eslint.config.mjs'), config);
  symlinkSync(join(repo, 'node_modules'), join(dir, 'node_modules'));
  return dir;
}

interface Json {
  lintConfig: { file: string | null; description: string };
  manifest: { diagnostics: { code: string; message: string }[] };
  lint: { filePath: string; messages: { ruleId: string; severity: number; message: string }[] }[];
  devices: { targets: string[]; targetsSource: string };
}

describe("velakit check with the app's own eslint.config.mjs", () => {
  const config = [
    "import velakit from '@velakit/eslint-plugin';",
    '',
    'export default [',
    "  { ignores: ['src/vendor/'] },",
    '  ...velakit.configs.recommended,',
    "  { rules: { 'velakit/no-unused-feature': 'off' } },",
    "  { settings: { velakit: { targetDevices: ['xiaomi-band-8-pro'] } } },",
    '];',
    '',
  ].join('\n');

  it("says it used the app's config, and honours its ignores", async () => {
    app('own', config);
    const { stdout } = await velakit('check', 'own');
    expect(stdout).toContain("== Lint (the app's eslint.config.mjs) ==");
    const json = JSON.parse((await velakit('check', 'own', '--format', 'json')).stdout) as Json;
    expect(json.lintConfig.description).toBe("the app's eslint.config.mjs");
    const files = json.lint
      .filter((r) => r.messages.length > 0)
      .map((r) => r.filePath.slice(join(scratch, 'own').length + 1));
    expect(files).toEqual(['src/common/upload.js']);
  });

  it('the rules, the manifest check and the device table all take the targets from its settings.velakit', async () => {
    const json = JSON.parse((await velakit('check', 'own', '--format', 'json')).stdout) as Json;
    const lintMessage = json.lint.flatMap((r) => r.messages).find((m) => m.ruleId === 'velakit/no-unsupported-api')!;
    expect(lintMessage.message).toContain('Xiaomi Band 8 Pro (targets from settings.velakit.targetDevices)');
    expect(json.devices.targets).toEqual(['xiaomi-band-8-pro']);
    expect(json.devices.targetsSource).toBe('settings.velakit.targetDevices');
    // no-unsupported-api judges the calls, so the manifest leaves the used feature to it (as valid-manifest does).
    expect(json.manifest.diagnostics).toEqual([]);
  });

  it('a config that turns no-unsupported-api off leaves device support to the manifest check, with the same targets', async () => {
    app('rule-off', config.replace("'velakit/no-unused-feature': 'off'", "'velakit/no-unsupported-api': 'off'"));
    const json = JSON.parse((await velakit('check', 'rule-off', '--format', 'json')).stdout) as Json;
    expect(json.lint.flatMap((r) => r.messages)).toEqual([]);
    expect(json.manifest.diagnostics.map((d) => `${d.code} ${d.message}`)).toEqual([
      expect.stringMatching(
        /^unsupported-feature system\.uploadtask is not supported on Xiaomi Band 8 Pro \(targets from settings\.velakit\.targetDevices\)\./u,
      ),
    ]);
  });

  it("without a config in the app's folder, uses velakit's recommended config and says so", async () => {
    app('none', undefined);
    const json = JSON.parse((await velakit('check', 'none', '--format', 'json')).stdout) as Json;
    expect(json.lintConfig).toEqual({ description: "velakit's recommended config: the app has no eslint.config.*" });
    expect(json.lint.filter((r) => r.messages.length > 0)).toHaveLength(2);
    expect(json.devices.targetsSource).toBe('src/manifest.json targetDevices');
  });
});

describe('an app config that lints JavaScript only, or fails to load', () => {
  it('lints what the config lints: no JavaScript parse of manifest.json or of .ts files', async () => {
    const dir = app('js-only', "export default [{ rules: { 'no-var': 'error' } }];\n");
    writeFileSync(join(dir, 'src', 'common', 'typed.ts'), 'var count: number = 1;\nexport default count;\n');
    writeFileSync(join(dir, 'src', 'common', 'old.js'), 'var count = 1;\nexport default count;\n');
    const json = JSON.parse((await velakit('check', 'js-only', '--format', 'json')).stdout) as Json;
    const problems = json.lint.flatMap((r) =>
      r.messages.map((m) => `${r.filePath.slice(dir.length + 1)} ${m.ruleId} ${m.message}`),
    );
    expect(problems).toEqual(['src/common/old.js no-var Unexpected var, use let or const instead.']);
    // The device table still sees the calls of the files the config lints.
    expect(json.devices.targets).toEqual(['redmi-watch-4']);
    expect(JSON.stringify(json.devices)).toContain('uploadFile');
  });

  it.each([
    ['throws', "throw new Error('no config for you');\n", 'no config for you'],
    [
      'has a syntax error',
      'export default [{\n',
      'Unexpected end of input (`node --check eslint.config.mjs` shows where)',
    ],
    [
      'exports a number',
      'export default 42;\n',
      'Config (unnamed): Unexpected non-object config at user-defined index 0.',
    ],
    [
      'gives a rule bad options',
      "import velakit from '@velakit/eslint-plugin';\nexport default [...velakit.configs.recommended, { rules: { 'velakit/no-unsupported-api': ['error', { bogus: 1 }] } }];\n",
      'Key "rules": Key "velakit/no-unsupported-api": Value {"bogus":1} should NOT have additional properties. Unexpected property "bogus". Expected properties: "targetDevices", "minAPILevel".',
    ],
  ])('a config that %s: exit 2, one line naming the file', async (name, text, message) => {
    app(`config-${name.replaceAll(' ', '-')}`, text);
    expect(await velakit('check', `config-${name.replaceAll(' ', '-')}`)).toEqual({
      code: 2,
      stdout: '',
      stderr: `velakit: cannot load the app's eslint.config.mjs: ${message}\n`,
    });
  });
});
