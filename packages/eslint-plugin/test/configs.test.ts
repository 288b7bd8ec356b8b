// The configs as people combine them: next to ESLint's and typescript-eslint's recommended configs (which have no
// `files`, so they reach manifest.json too), in typed config files, with `eslint --cache`, and without the TypeScript
// parser. Each runs the real ESLint on a small app in a temporary folder.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import js from '@eslint/js';
import { ESLint, type Linter } from 'eslint';
import tseslint from 'typescript-eslint';
import { afterAll, describe, expect, it } from 'vitest';
import { scriptGlobals } from '@velakit/catalog';
import velakit, { uxScriptFiles } from '@velakit/eslint-plugin';

const repo = realpathSync(fileURLToPath(new URL('../../../', import.meta.url)));
const scratch = realpathSync(mkdtempSync(join(tmpdir(), 'velakit-configs-')));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const manifestOf = (targets: string[], extra: Record<string, unknown> = {}) =>
  `${JSON.stringify(
    {
      package: 'com.example.configs',
      name: 'Configs',
      icon: '/common/logo.png',
      versionCode: 1,
      minAPILevel: 3,
      targetDevices: targets,
      features: [{ name: 'system.uploadtask' }],
      config: {},
      router: { entry: 'pages/index', pages: { 'pages/index': { component: 'index' } } },
      ...extra,
    },
    null,
    2,
  )}\n`;

const upload =
  "import uploadtask from '@system.uploadtask';\n\nexport function send(filePath) {\n  uploadtask.uploadFile({ url: 'https://example.com', filePath, name: 'log' });\n}\n";
const guarded =
  "import app from '@system.app';\nimport uploadtask from '@system.uploadtask';\n\nexport function send(filePath) {\n  if (app.canIUse('@system.uploadtask')) {\n    uploadtask.uploadFile({ url: 'https://example.com', filePath, name: 'log' });\n  }\n}\n";

/** An app folder: a manifest targeting `targets`, a `.js`, a `.ts` and a `.ux` page using the upload module. */
function app(name: string, targets: string[], files: Record<string, string> = {}): string {
  const dir = join(scratch, name);
  mkdirSync(join(dir, 'src', 'common'), { recursive: true });
  mkdirSync(join(dir, 'src', 'pages', 'index'), { recursive: true });
  writeFileSync(join(dir, 'src', 'manifest.json'), manifestOf(targets));
  writeFileSync(join(dir, 'src', 'common', 'upload.js'), upload);
  writeFileSync(join(dir, 'src', 'common', 'typed.ts'), 'export const retries: number = 3;\n');
  writeFileSync(
    join(dir, 'src', 'pages', 'index', 'index.ux'),
    `<template>\n  <text>hi</text>\n</template>\n\n<script>\n${upload}</script>\n`,
  );
  for (const [path, text] of Object.entries(files)) writeFileSync(join(dir, path), text);
  return dir;
}

interface Found {
  file: string;
  ruleId: string | null;
  severity: number;
  line: number;
  column: number;
  message: string;
}

async function lint(dir: string, config: Linter.Config[], patterns = ['.']): Promise<Found[]> {
  const eslint = new ESLint({ cwd: dir, overrideConfigFile: true, overrideConfig: config });
  const results = await eslint.lintFiles(patterns);
  return results.flatMap((result) =>
    result.messages.map((m) => ({
      file: result.filePath.slice(dir.length + 1),
      ruleId: m.ruleId,
      severity: m.severity,
      line: m.line,
      column: m.column,
      message: m.message,
    })),
  );
}
const velakitOnly = (found: Found[]) =>
  found
    .filter((f) => f.ruleId?.startsWith('velakit/'))
    .map((f) => `${f.file}:${f.line} ${f.ruleId} ${f.severity}`)
    .sort();

describe('velakit.configs.recommended next to the configs people write first', () => {
  const dir = app('combos', ['xiaomi-watch-s4', 'redmi-watch-4']);
  // A feature declared twice: valid-manifest has something to say about the manifest in every combination.
  writeFileSync(
    join(dir, 'src', 'manifest.json'),
    manifestOf(['xiaomi-watch-s4', 'redmi-watch-4'], {
      features: [{ name: 'system.uploadtask' }, { name: 'system.uploadtask' }],
    }),
  );
  const combinations: Record<string, () => Linter.Config[]> = {
    '[js.configs.recommended, ...velakit.configs.recommended]': () => [
      js.configs.recommended,
      ...velakit.configs.recommended,
    ],
    'tseslint.config(js.configs.recommended, tseslint.configs.recommended, velakit.configs.recommended)': () =>
      tseslint.config(
        js.configs.recommended,
        tseslint.configs.recommended,
        velakit.configs.recommended,
      ) as Linter.Config[],
    '[...tseslint.configs.recommended, ...velakit.configs.recommended]': () => [
      ...(tseslint.configs.recommended as Linter.Config[]),
      ...velakit.configs.recommended,
    ],
    '[js.configs.recommended, ...velakit.configs.strict]': () => [js.configs.recommended, ...velakit.configs.strict],
  };

  it.each(Object.keys(combinations))(
    '%s lints the manifest, .js, .ts and .ux without crashing, as velakit alone does',
    async (name) => {
      const alone = velakitOnly(
        await lint(dir, name.includes('strict') ? velakit.configs.strict : velakit.configs.recommended),
      );
      expect(alone.length).toBeGreaterThan(2);
      expect(alone.some((f) => f.startsWith('src/manifest.json:') && f.includes('velakit/valid-manifest'))).toBe(true);
      const found = await lint(dir, combinations[name]!());
      expect(velakitOnly(found)).toEqual(alone);
      // No JavaScript rule reports on the manifest: they never run on JSON.
      expect(found.filter((f) => f.file.endsWith('manifest.json') && !f.ruleId?.startsWith('velakit/'))).toEqual([]);
    },
  );
});

describe("the Vela script environment's globals", () => {
  const page = [
    '<template>',
    '  <text>{{ ticks }}</text>',
    '</template>',
    '',
    '<script>',
    "const storage = require('@system.storage')",
    '',
    'export default {',
    '  private: { ticks: 0, timer: null, later: null },',
    '  onShow() {',
    '    global.lastPage = 1',
    '    this.timer = setInterval(() => {',
    '      this.ticks += 1',
    '    }, 1000)',
    "    this.later = setTimeout(() => storage.set({ key: 'seen', value: '1' }), 500)",
    '  },',
    '  onHide() {',
    '    clearInterval(this.timer)',
    '    clearTimeout(this.later)',
    '  },',
    '}',
    '</script>',
    '',
  ].join('\n');
  const typedPage = [
    '<template>',
    '  <text>hi</text>',
    '</template>',
    '',
    '<script lang="ts">',
    'const delay: number = 200',
    "setTimeout(() => console.log('typed', global.lastPage), delay)",
    'export default {}',
    '</script>',
    '',
  ].join('\n');
  /** An app whose every script uses the globals, and one helper and one page reaching for the browser's and Node's. */
  const dir = app('script-globals', ['xiaomi-watch-s4'], {
    'src/app.ux':
      "<script>\nglobal.sessionStart = Date.now()\n\nexport default {\n  onCreate() {\n    console.info('ready')\n  },\n}\n</script>\n",
    'src/pages/index/index.ux': page,
    'src/common/modules.js': "module.exports = {\n  storage: require('@system.storage'),\n}\n",
    'src/common/format.js': "exports.pad = (n) => String(n).padStart(2, '0')\n",
    'src/common/web-habits.js':
      'export function remember(key, value) {\n  localStorage.setItem(key, value)\n  return process.env.NODE_ENV\n}\n',
  });
  mkdirSync(join(dir, 'src', 'pages', 'typed'));
  writeFileSync(join(dir, 'src', 'pages', 'typed', 'index.ux'), typedPage);
  mkdirSync(join(dir, 'src', 'pages', 'web'));
  writeFileSync(
    join(dir, 'src', 'pages', 'web', 'index.ux'),
    '<template>\n  <text>web</text>\n</template>\n\n<script>\nwindow.x = 1\nconst title = document.title\nexport default { title }\n</script>\n',
  );
  writeFileSync(
    join(dir, 'src', 'manifest.json'),
    manifestOf(['xiaomi-watch-s4'], { features: [{ name: 'system.uploadtask' }, { name: 'system.storage' }] }),
  );

  /** Every `no-undef` and `no-global-assign` report, as `file line:column message`. */
  async function undefinedNames(config: Linter.Config[]): Promise<string[]> {
    const eslint = new ESLint({ cwd: dir, overrideConfigFile: true, overrideConfig: config });
    const results = await eslint.lintFiles(['.']);
    expect(results.flatMap((result) => result.messages).filter((message) => message.fatal)).toEqual([]);
    return results
      .flatMap((result) =>
        result.messages
          .filter((m) => m.ruleId === 'no-undef' || m.ruleId === 'no-global-assign')
          .map((m) => `${result.filePath.slice(dir.length + 1)} ${m.line}:${m.column} ${m.message}`),
      )
      .sort();
  }
  // The browser's and Node's names are still reported: a Vela script has neither.
  const browserAndNode = [
    `${join('src/common/web-habits.js')} 2:3 'localStorage' is not defined.`,
    `${join('src/common/web-habits.js')} 3:10 'process' is not defined.`,
    `${join('src/pages/web/index.ux')} 6:1 'window' is not defined.`,
    `${join('src/pages/web/index.ux')} 7:15 'document' is not defined.`,
  ];

  const combinations: Record<string, () => Linter.Config[]> = {
    "the README's tseslint.config(js.configs.recommended, tseslint.configs.recommended, velakit.configs.recommended)":
      () =>
        tseslint.config(
          js.configs.recommended,
          tseslint.configs.recommended,
          velakit.configs.recommended,
        ) as Linter.Config[],
    '[js.configs.recommended, ...velakit.configs.recommended]': () => [
      js.configs.recommended,
      ...velakit.configs.recommended,
    ],
    '[js.configs.recommended, ...velakit.configs.strict]': () => [js.configs.recommended, ...velakit.configs.strict],
  };

  it.each(Object.keys(combinations))(
    '%s: the globals are defined in .ux scripts (lang="ts" too) and CommonJS helpers; window, document, localStorage and process are not',
    async (name) => {
      expect(await undefinedNames(combinations[name]!())).toEqual(browserAndNode);
    },
  );

  it("without velakit's globals, the app uses every one of the catalogue's, each a no-undef error", async () => {
    const configs: Linter.Config[] = [js.configs.recommended, ...velakit.configs.recommended];
    const withoutGlobals = configs.map((config) =>
      config.languageOptions?.globals === undefined
        ? config
        : { ...config, languageOptions: { ...config.languageOptions, globals: {} } },
    );
    const found = await undefinedNames(withoutGlobals);
    const names = new Set(found.map((line) => /'(\w+)' is not defined/u.exec(line)?.[1]));
    expect([...names].sort()).toEqual(
      [...scriptGlobals.map((entry) => entry.name), 'document', 'localStorage', 'process', 'window'].sort(),
    );
  });

  it("a user's own globals after velakit's merge with them, and velakit's configs are left as they were", async () => {
    const source = velakit.configs.recommended.find((config) => config.name === 'velakit/recommended/source')!;
    const before = structuredClone(source.languageOptions!.globals);
    writeFileSync(join(dir, 'src', 'common', 'bridge.js'), "console.log(nativeBridge.version, require('./modules'))\n");
    try {
      const user: Linter.Config = { languageOptions: { globals: { nativeBridge: 'readonly' } } };
      const found = await undefinedNames([js.configs.recommended, ...velakit.configs.recommended, user]);
      expect(found).toEqual(browserAndNode);
      expect(await undefinedNames([js.configs.recommended, ...velakit.configs.recommended])).toEqual(
        [...browserAndNode, `${join('src/common/bridge.js')} 1:13 'nativeBridge' is not defined.`].sort(),
      );
    } finally {
      rmSync(join(dir, 'src', 'common', 'bridge.js'));
    }
    expect(source.languageOptions!.globals).toEqual(before);
  });

  it('declares them on the source files only (readonly, but `exports`), never on manifest.json', async () => {
    for (const [name, configs] of Object.entries(velakit.configs)) {
      const withGlobals = configs.filter((config) => config.languageOptions?.globals !== undefined);
      expect(withGlobals.map((config) => config.name)).toEqual([`velakit/${name}/source`]);
    }
    const eslint = new ESLint({ cwd: dir, overrideConfigFile: true, overrideConfig: velakit.configs.recommended });
    const manifest = (await eslint.calculateConfigForFile('src/manifest.json')) as Linter.Config;
    expect(manifest.languageOptions?.globals).toBeUndefined();
    const helper = (await eslint.calculateConfigForFile('src/common/modules.js')) as Linter.Config;
    expect(helper.languageOptions?.globals).toMatchObject({ require: 'readonly', exports: 'writable' });
  });

  it('reassigning a readonly global is reported (`no-global-assign`), `exports` is not', async () => {
    writeFileSync(join(dir, 'src', 'common', 'rebind.js'), 'global = {}\nexports = {}\nconsole = null\n');
    try {
      expect(await undefinedNames([js.configs.recommended, ...velakit.configs.recommended])).toEqual(
        [
          ...browserAndNode,
          `${join('src/common/rebind.js')} 1:1 Read-only global 'global' should not be modified.`,
          `${join('src/common/rebind.js')} 3:1 Read-only global 'console' should not be modified.`,
        ].sort(),
      );
    } finally {
      rmSync(join(dir, 'src', 'common', 'rebind.js'));
    }
  });
});

describe('valid-manifest', () => {
  it("keeps the validator's severities: its warnings stay warnings, its errors stay errors", async () => {
    const dir = app('severities', ['xiaomi-watch-s4', 'redmi-watch-4']);
    writeFileSync(
      join(dir, 'src', 'manifest.json'),
      manifestOf(['xiaomi-watch-s4', 'redmi-watch-4'], {
        versionCode: '1',
        features: [{ name: 'system.uploadtask' }, { name: 'system.uploadtask' }],
      }),
    );
    const found = (await lint(dir, velakit.configs.recommended)).filter((f) => f.ruleId === 'velakit/valid-manifest');
    expect(found.map((f) => `${/\[([\w-]+)\]$/u.exec(f.message)![1]} ${f.severity}`).sort()).toEqual([
      'duplicate-feature 1',
      'invalid-type 2',
    ]);
  });

  it('reads the targets from settings.velakit, as the source rules do, and says so', async () => {
    // A manifest with no source beside it: the manifest judges device support itself.
    const alone = join(scratch, 'settings-manifest-alone');
    mkdirSync(join(alone, 'src'), { recursive: true });
    writeFileSync(join(alone, 'src', 'manifest.json'), manifestOf(['xiaomi-watch-s4']));
    const fromSettings = await lint(alone, [
      ...velakit.configs.recommended,
      { settings: { velakit: { targetDevices: ['redmi-watch-4'] } } },
    ]);
    expect(fromSettings.map((f) => `${f.ruleId} ${f.message}`)).toEqual([
      expect.stringContaining(
        'velakit/valid-manifest system.uploadtask is not supported on Redmi Watch 4 (targets from settings.velakit.targetDevices)',
      ),
    ]);
    // With sources, the calls are judged against the same targets, and the manifest leaves the feature to them.
    const found = await lint(app('settings-targets', ['xiaomi-watch-s4']), [
      ...velakit.configs.recommended,
      { settings: { velakit: { targetDevices: ['redmi-watch-4'] } } },
    ]);
    expect(found.map((f) => f.ruleId)).toEqual(['velakit/no-unsupported-api', 'velakit/no-unsupported-api']);
    expect(found[0]!.message).toContain('Redmi Watch 4 (targets from settings.velakit.targetDevices)');
    // And the other way round: settings naming a device that has the module silence both.
    const supported = await lint(app('settings-supported', ['redmi-watch-4']), [
      ...velakit.configs.recommended,
      { settings: { velakit: { targetDevices: ['xiaomi-watch-s4'] } } },
    ]);
    expect(velakitOnly(supported)).toEqual([]);
  });

  it('leaves the features the sources use to the source rules: one report per unguarded call, none on the manifest', async () => {
    const unguarded = await lint(app('unguarded', ['xiaomi-watch-s4', 'redmi-watch-4']), velakit.configs.recommended);
    expect(velakitOnly(unguarded)).toEqual([
      'src/common/upload.js:4 velakit/no-unsupported-api 2',
      'src/pages/index/index.ux:9 velakit/no-unsupported-api 2',
    ]);
    const dir = app('guarded', ['xiaomi-watch-s4', 'redmi-watch-4'], { 'src/common/upload.js': guarded });
    writeFileSync(
      join(dir, 'src', 'pages', 'index', 'index.ux'),
      `<template>\n  <text>hi</text>\n</template>\n\n<script>\n${guarded}</script>\n`,
    );
    expect(await lint(dir, velakit.configs.recommended)).toEqual([]);
  });

  it('a declared feature no source uses gets one report, from no-unused-feature, not a support warning too', async () => {
    const dir = app('unused', ['xiaomi-watch-s4', 'redmi-watch-4'], { 'src/common/upload.js': 'export {}\n' });
    writeFileSync(join(dir, 'src', 'pages', 'index', 'index.ux'), '<template>\n  <text>hi</text>\n</template>\n');
    expect(velakitOnly(await lint(dir, velakit.configs.recommended))).toEqual([
      'src/manifest.json:13 velakit/no-unused-feature 1',
    ]);
  });
});

/** Runs ESLint's CLI in `dir`, as a user does, with `node_modules` linked to this repository's. */
function eslintCli(
  dir: string,
  args: string[],
  nodeOptions: string[] = [],
): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(
    process.execPath,
    [...nodeOptions, join(repo, 'node_modules', 'eslint', 'bin', 'eslint.js'), ...args],
    {
      cwd: dir,
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' },
    },
  );
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}
const linked = (dir: string) => symlinkSync(join(repo, 'node_modules'), join(dir, 'node_modules'));

describe('eslint --cache', () => {
  const readmeConfig =
    "import velakit from '@velakit/eslint-plugin';\n\nexport default [...velakit.configs.recommended];\n";

  it("with the README's config, sees a manifest edit: the cached run says what an uncached run says", () => {
    const dir = app('cache', ['xiaomi-watch-s4', 'redmi-watch-4'], { 'eslint.config.mjs': readmeConfig });
    linked(dir);
    const first = eslintCli(dir, ['--cache', '.']);
    expect(first.stdout).toContain('velakit/no-unsupported-api');
    expect(first.status).toBe(1);
    // Drop the device that lacks the module: every report goes away.
    writeFileSync(join(dir, 'src', 'manifest.json'), manifestOf(['xiaomi-watch-s4']));
    const uncached = eslintCli(dir, ['.']);
    expect([uncached.status, uncached.stdout]).toEqual([0, '']);
    const cached = eslintCli(dir, ['--cache', '.']);
    expect([cached.status, cached.stdout]).toEqual([0, '']);
    // And back: the cache does not hide the problem when the device returns.
    writeFileSync(join(dir, 'src', 'manifest.json'), manifestOf(['xiaomi-watch-s4', 'redmi-watch-4']));
    expect(eslintCli(dir, ['--cache', '.']).stdout).toContain('velakit/no-unsupported-api');
  }, 120_000);

  it('is stale without the manifest state in the config (what the recommended config carries)', () => {
    const withoutState =
      "import velakit from '@velakit/eslint-plugin';\n\nexport default velakit.configs.recommended.filter((config) => !config.name.endsWith('/manifest-state'));\n";
    const dir = app('stale', ['xiaomi-watch-s4', 'redmi-watch-4'], { 'eslint.config.mjs': withoutState });
    linked(dir);
    expect(eslintCli(dir, ['--cache', '.']).status).toBe(1);
    writeFileSync(join(dir, 'src', 'manifest.json'), manifestOf(['xiaomi-watch-s4']));
    expect(eslintCli(dir, ['--cache', '.']).stdout).toContain('velakit/no-unsupported-api');
  }, 60_000);
});

describe('a .ux page with <script lang="ts">', () => {
  it('without @typescript-eslint/parser, the parse error names the parser to install', () => {
    const dir = app('no-parser', ['xiaomi-watch-s4'], {
      'eslint.config.mjs':
        "import velakit from '@velakit/eslint-plugin';\n\nexport default velakit.configs.recommended;\n",
    });
    rmSync(join(dir, 'src', 'common', 'typed.ts'));
    writeFileSync(
      join(dir, 'src', 'pages', 'index', 'index.ux'),
      '<template>\n  <text>hi</text>\n</template>\n\n<script lang="ts">\nconst retries: number = 3\nexport default { retries }\n</script>\n',
    );
    linked(dir);
    // A project without the parser: resolving it fails, as it does where it is not installed.
    const blocker = join(dir, 'no-typescript-parser.cjs');
    writeFileSync(
      blocker,
      "const Module = require('node:module');\nconst resolve = Module._resolveFilename;\nModule._resolveFilename = function (request, ...rest) {\n  if (request === '@typescript-eslint/parser') throw Object.assign(new Error('not installed'), { code: 'MODULE_NOT_FOUND' });\n  return resolve.call(this, request, ...rest);\n};\n",
    );
    const result = eslintCli(dir, ['--format', 'json', 'src/pages/index/index.ux'], ['--require', blocker]);
    const [report] = JSON.parse(result.stdout) as { messages: { fatal?: boolean; line: number; message: string }[] }[];
    expect(report!.messages).toEqual([
      expect.objectContaining({
        fatal: true,
        line: 6,
        message:
          'Parsing error: Unexpected token : (this <script lang="ts"> needs typescript-eslint\'s parser, which is not installed: npm install --save-dev @typescript-eslint/parser typescript)',
      }),
    ]);
    // With the parser (this repository has it), the same page parses.
    const withParser = JSON.parse(eslintCli(dir, ['--format', 'json', 'src/pages/index/index.ux']).stdout) as {
      messages: unknown[];
    }[];
    expect(withParser[0]!.messages).toEqual([]);
  }, 60_000);
});

describe("typescript-eslint's type-checked configs", () => {
  // What typescript-eslint recommends for a TypeScript project. No TypeScript program holds the processor's
  // `<file>.ux/0_script.ts` blocks, so before velakit turned type information off for them every `.ux` failed to parse.
  const dir = join(scratch, 'type-checked');
  const files: Record<string, string> = {
    'tsconfig.json': JSON.stringify({
      compilerOptions: { strict: true, module: 'ESNext', moduleResolution: 'Bundler', target: 'ES2020', noEmit: true },
      include: ['src'],
    }),
    'src/manifest.json': manifestOf(['xiaomi-watch-s4'], {
      features: [{ name: 'system.fetch' }, { name: 'system.router' }],
      router: {
        entry: 'pages/index',
        pages: { 'pages/index': { component: 'index' }, 'pages/about': { component: 'about' } },
      },
    }),
    'src/common/util.ts':
      'export function twice(n: number): number {\n  return n * 2;\n}\n\nexport function later(): Promise<number> {\n  return Promise.resolve(1);\n}\n\nexport function start(): void {\n  later();\n}\n',
    'src/pages/index/index.ux': [
      '<template>',
      '  <text>{{ n }}</text>',
      '</template>',
      '',
      '<script lang="ts">',
      "import fetch from '@system.fetch';",
      "import router from '@system.router';",
      "import { later, twice } from '../../common/util';",
      '',
      'export default {',
      '  private: { n: 0 },',
      '  onInit(): void {',
      '    this.n = twice(2);',
      "    const options: any = { uri: '/pages/about' };",
      '    router.push(options);',
      '    fetch.fetch({ success: () => {} });',
      '    later();',
      '  },',
      '};',
      '</script>',
      '',
    ].join('\n'),
    'src/pages/about/about.ux':
      "<template>\n  <text>about</text>\n</template>\n\n<script>\nimport router from '@system.router';\n\nexport default {\n  onShow() {\n    router.back();\n  },\n};\n</script>\n",
  };
  // One copy of the app per lint with type information. typescript-eslint's single-run mode (on under CI=true, as in
  // an ESLint CLI run) keeps per-project state for the whole process, expecting one lint per process: the second typed
  // lint of one project here (projectService, then project: true) saw no library types (`Promise` unresolved) in CI.
  const typeCheckedApp = (name: string): string => {
    const root = join(dir, name);
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(join(root, path, '..'), { recursive: true });
      writeFileSync(join(root, path), text);
    }
    linked(root);
    return root;
  };
  const typeInformation = {
    projectService: (root: string) => ({ projectService: true, tsconfigRootDir: root }),
    'project: true': (root: string) => ({ project: true, tsconfigRootDir: root }),
  };
  const positions = (found: Found[]) => found.map((f) => `${f.file}:${f.line}:${f.column} ${f.ruleId}`).sort();

  it.each(Object.keys(typeInformation))(
    'with %s, .ux scripts are linted without type information; .ts files keep it',
    async (name) => {
      const root = typeCheckedApp(name.replace(/\W+/gu, '-'));
      const found = await lint(
        root,
        tseslint.config(
          tseslint.configs.recommendedTypeChecked,
          { languageOptions: { parserOptions: typeInformation[name as keyof typeof typeInformation](root) } },
          velakit.configs.recommended,
        ) as Linter.Config[],
      );
      expect(positions(found)).toEqual([
        // A type-aware rule in a real .ts file.
        'src/common/util.ts:10:3 @typescript-eslint/no-floating-promises',
        // In the lang="ts" script: typescript-eslint's rules that need no types, and velakit's. The floating
        // `later()` on line 17 is not reported: rules needing types are off in .ux scripts.
        'src/pages/index/index.ux:14:20 @typescript-eslint/no-explicit-any',
        'src/pages/index/index.ux:16:5 velakit/require-params',
      ]);
    },
    60_000,
  );

  it("turns off what typescript-eslint's disableTypeChecked turns off, for .ux scripts only", () => {
    const disableTypeChecked = tseslint.configs.disableTypeChecked as Linter.Config;
    for (const configs of [velakit.configs.recommended, velakit.configs.strict]) {
      const untyped = configs.find((config) => config.name?.endsWith('/ux-scripts-untyped'))!;
      expect(untyped.files).toEqual(['**/*.ux/*.js', '**/*.ux/*.ts']);
      expect(untyped.languageOptions).toEqual(disableTypeChecked.languageOptions);
      expect(untyped.rules).toEqual(disableTypeChecked.rules);
      expect(Object.keys(untyped.rules!)).toContain('@typescript-eslint/no-floating-promises');
    }
  });

  it('is what the README gives', () => {
    const readme = readFileSync(join(repo, 'packages', 'eslint-plugin', 'README.md'), 'utf8').replace(/\n\s*/gu, ' ');
    expect(readme).toContain(
      'tseslint.config( tseslint.configs.recommendedTypeChecked, { languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } } }, velakit.configs.recommended, );',
    );
    expect(readme).toContain('`{ files: uxScriptFiles, ...tseslint.configs.disableTypeChecked }`');
  });

  it('velakit first: the configs after it turn type information back on for .ux scripts (why the README says last)', async () => {
    const root = typeCheckedApp('velakit-first');
    const first = [
      ...velakit.configs.recommended,
      ...(tseslint.config(tseslint.configs.recommendedTypeChecked, {
        languageOptions: { parserOptions: typeInformation.projectService(root) },
      }) as Linter.Config[]),
    ];
    const pages = ['src/pages'];
    const parsing = (found: Found[]) => found.filter((f) => f.message.startsWith('Parsing error')).map((f) => f.file);
    expect(parsing(await lint(root, first, pages))).toEqual(['src/pages/about/about.ux', 'src/pages/index/index.ux']);
    // What the README gives when velakit cannot come last: typescript-eslint's own config for the scripts, after them.
    const fixed = await lint(root, [...first, { files: uxScriptFiles, ...tseslint.configs.disableTypeChecked }], pages);
    expect(positions(fixed)).toEqual([
      'src/pages/index/index.ux:14:20 @typescript-eslint/no-explicit-any',
      'src/pages/index/index.ux:16:5 velakit/require-params',
    ]);
  }, 60_000);
});

describe('a JavaScript app', () => {
  it('is linted without loading TypeScript (over a second of CPU); a .ts file still loads the parser', () => {
    const dir = app('javascript-only', ['xiaomi-watch-s4'], {
      'eslint.config.mjs':
        "import velakit from '@velakit/eslint-plugin';\n\nexport default velakit.configs.recommended;\n",
      'src/common/barrel.js': "import uploadtask from '@system.uploadtask';\n\nexport { uploadtask };\n",
      'src/common/user.js':
        "import { uploadtask } from './barrel';\n\nuploadtask.uploadFile({ url: 'https://example.com', filePath: 'a', name: 'log' });\n",
    });
    linked(dir);
    const probe = join(dir, 'typescript-probe.cjs');
    writeFileSync(
      probe,
      "process.on('exit', () => process.stderr.write('typescript loaded: ' + Object.keys(require.cache).some((path) => /[\\\\/]node_modules[\\\\/]typescript[\\\\/]/.test(path)) + '\\n'));\n",
    );
    const javaScript = eslintCli(
      dir,
      [
        '--format',
        'json',
        'src/manifest.json',
        'src/common/upload.js',
        'src/common/barrel.js',
        'src/common/user.js',
        'src/pages',
      ],
      ['--require', probe],
    );
    expect(javaScript.stderr).toContain('typescript loaded: false');
    const reports = JSON.parse(javaScript.stdout) as {
      filePath: string;
      messages: { ruleId: string | null; fatal?: boolean }[];
    }[];
    expect(reports.map((report) => report.filePath.slice(dir.length + 1)).sort()).toEqual(
      [
        'src/common/barrel.js',
        'src/common/upload.js',
        'src/common/user.js',
        'src/manifest.json',
        'src/pages/index/index.ux',
      ].map((path) => join(path)),
    );
    expect(reports.flatMap((report) => report.messages).filter((message) => message.fatal)).toEqual([]);
    // The barrel's user is still analysed through the barrel: it reports what the file using the module itself reports.
    const rulesOf = (end: string) =>
      reports
        .find((report) => report.filePath.endsWith(end))!
        .messages.map((message) => message.ruleId)
        .sort();
    expect(rulesOf('user.js')).toEqual(rulesOf('upload.js'));
    const typeScript = eslintCli(dir, ['--format', 'json', 'src/common/typed.ts'], ['--require', probe]);
    expect(typeScript.stderr).toContain('typescript loaded: true');
    expect((JSON.parse(typeScript.stdout) as { messages: unknown[] }[])[0]!.messages).toEqual([]);
  }, 60_000);
});

describe('typed configs', () => {
  it('the plugin is an ESLint Plugin and its configs are Linter.Config[]: a typed eslint.config.ts compiles', () => {
    const dir = join(scratch, 'typed');
    mkdirSync(dir);
    linked(dir);
    writeFileSync(
      join(dir, 'eslint.config.ts'),
      [
        "import type { ESLint, Linter } from 'eslint';",
        "import velakit from '@velakit/eslint-plugin';",
        '',
        'const plugin: ESLint.Plugin = velakit;',
        "const config: Linter.Config[] = [{ files: ['**/*.js'], plugins: { velakit } }, ...velakit.configs.recommended, ...velakit.configs.strict];",
        'export default [plugin, config];',
        '',
      ].join('\n'),
    );
    writeFileSync(
      join(dir, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          strict: true,
          module: 'NodeNext',
          moduleResolution: 'NodeNext',
          target: 'ES2022',
          noEmit: true,
          skipLibCheck: true,
          types: [],
        },
        files: ['eslint.config.ts'],
      }),
    );
    const result = spawnSync(process.execPath, [join(repo, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', dir], {
      encoding: 'utf8',
    });
    expect(result.stdout).toBe('');
    expect(result.status).toBe(0);
  }, 180_000);
});

it('the recommended config is what the README shows, the cache state included', () => {
  const readme = readFileSync(join(repo, 'README.md'), 'utf8');
  expect(readme).toContain('export default [...velakit.configs.recommended];');
  expect(velakit.configs.recommended.map((config) => config.name)).toContain('velakit/recommended/manifest-state');
});
