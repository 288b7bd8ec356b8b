import { statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';
import { ESLint } from 'eslint';
import velakit, { manifestFiles } from '@velakit/eslint-plugin';
import { resolveTargets, scanAppSources, validationOptions } from '@velakit/eslint-rules';
import { listOr } from '@velakit/catalog';
import { lookUpManifestInDir, validateManifest, type Diagnostic } from '@velakit/manifest';
import { colors, formatStylish, readManifest } from '@velakit/manifest/cli';
import {
  findConfigFile,
  formatTypesGithub,
  formatTypesSarif,
  formatTypesStylish,
  typecheckApp,
  TypecheckSetupError,
  type TypecheckResult,
} from '@velakit/language';
import { apiUsageCollector } from '../api-usage.js';
import { formatGithub, formatSarif, type RulesMeta } from '../formats.js';
import { buildDeviceTable, renderDeviceTable, type DeviceTable } from '../device-table.js';
import { ExitCode, UsageError, type Io } from '../io.js';
import { version } from '../version.js';

export const checkHelp = `Usage: velakit check [appDir] [--format text|json|sarif|github] [--max-warnings N]

Checks one Vela app in one run:
  1. validates its manifest (appDir/src/manifest.json, else appDir/manifest.json);
  2. lints its .js, .ts and .ux sources with the app's own eslint.config.* when it has one, else with
     @velakit/eslint-plugin's recommended config (the output says which);
  3. type-checks its .ux, .js and .ts files when it has a jsconfig.json or tsconfig.json (@velakit/language);
  4. prints a table of every @system.* API the sources use against every target device.
Formats: text (default), json, sarif (SARIF 2.1.0 for GitHub code scanning), github (workflow annotations).
Exit code: 0 clean or warnings only, 1 errors (or more warnings than --max-warnings), 2 the check could not run.
`;

const formats = ['text', 'json', 'sarif', 'github'] as const;

/** The flat config files ESLint 9 and 10 look for, in its order. */
const configFileNames = [
  'eslint.config.js',
  'eslint.config.mjs',
  'eslint.config.cjs',
  'eslint.config.ts',
  'eslint.config.mts',
  'eslint.config.cts',
];

/** Whether a rule entry of a computed config (`[2]`, `"error"`, `1`, `["warn", {...}]`) has the rule on. */
function ruleIsOn(entry: unknown): boolean {
  const severity: unknown = Array.isArray(entry) ? entry[0] : entry;
  return severity !== undefined && severity !== 0 && severity !== 'off';
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

export interface CheckReport {
  readonly app: string;
  /** `text` is what the diagnostics point into (for code frames); the JSON output leaves it out. */
  readonly manifest: { readonly path: string; readonly text: string; readonly diagnostics: readonly Diagnostic[] };
  readonly lint: readonly ESLint.LintResult[];
  /** The ESLint config the sources were linted with: the app's own file, or velakit's recommended config. */
  readonly lintConfig: { readonly file: string | undefined; readonly description: string };
  /** The meta of every rule that reported something (descriptions and docs links, for SARIF). */
  readonly rulesMeta: RulesMeta;
  readonly devices: DeviceTable;
  /** The type-check of every .ux, .js and .ts file; undefined for an app without jsconfig.json/tsconfig.json. */
  readonly types: TypecheckResult | undefined;
  readonly errorCount: number;
  readonly warningCount: number;
}

/** Runs the three checks on an app directory. Throws UsageError when there is no app to check. */
export async function checkApp(appDir: string): Promise<CheckReport> {
  let isDirectory: boolean;
  try {
    isDirectory = statSync(appDir).isDirectory();
  } catch {
    throw new UsageError(`no such directory: ${appDir}`);
  }
  if (!isDirectory) throw new UsageError(`not a directory: ${appDir} (give the app's folder, the one holding src/)`);
  const found = lookUpManifestInDir(appDir);
  if (found.kind === 'none')
    throw new UsageError(`no manifest.json in ${appDir} (looked for src/manifest.json and manifest.json)`);
  if (found.kind === 'error') throw new UsageError(found.message);
  const manifestPath = found.path;
  // readManifest refuses what is not a regular file (a FIFO would block the run), with the reason.
  const read = readManifest(manifestPath);
  if (read.kind === 'directory') throw new UsageError(`${manifestPath} is a directory`);
  if (read.kind === 'io-error') throw new UsageError(read.message);
  const manifestText = read.text;

  // The app's own ESLint config when its folder has one (its ignores, rule levels and settings.velakit); velakit's
  // recommended config otherwise. Only the app's folder: a config further up belongs to whatever holds the app.
  const configFile = configFileNames.map((name) => join(appDir, name)).find(isFile);
  const display = (file: string) => relative(appDir, file).split(sep).join('/');
  const lintConfig = configFile
    ? { file: configFile, description: `the app's ${display(configFile)}` }
    : { file: undefined, description: "velakit's recommended config: the app has no eslint.config.*" };

  const apiUsage = apiUsageCollector();
  const eslint = new ESLint({
    cwd: appDir,
    ...(configFile ? { overrideConfigFile: configFile } : { overrideConfigFile: true }),
    // An app whose only file is an unparsable manifest leaves nothing to lint; that is not an error of its own.
    errorOnUnmatchedPattern: false,
    overrideConfig: [
      ...(configFile ? [] : velakit.configs.recommended),
      // The manifest's own diagnostics come from the validator below, with code frames; lint keeps the rest, and
      // skips a manifest the validator could not parse rather than report the same syntax error twice.
      { files: manifestFiles, rules: { 'velakit/valid-manifest': 'off' } },
      ...(read.kind === 'text' && validateManifest(read.text).summary ? [] : [{ ignores: [display(manifestPath)] }]),
      apiUsage.config,
    ],
  });
  // One target resolution for the rules, the manifest check and the device table: the config's settings.velakit
  // first, then the app's nearest manifest (through the rules' cache, read once).
  const sourceConfig = (await eslint.calculateConfigForFile(join(appDir, 'src', 'app.js'))) as
    { settings?: Record<string, unknown>; rules?: Record<string, unknown> } | undefined;
  const settings = sourceConfig?.settings ?? {};
  const targets = resolveTargets({ filename: join(appDir, 'src', 'app.ux'), cwd: appDir, settings }, {});
  const sources = scanAppSources(dirname(manifestPath));
  const validation =
    read.kind === 'text'
      ? validateManifest(read.text, {
          // The same view of the sources as the valid-manifest rule: no API-level or support report for a feature
          // the app never uses, and device support of used features left to no-unsupported-api at each call, unless
          // the app's config turns that rule off.
          ...validationOptions(sources, { callsLinted: ruleIsOn(sourceConfig?.rules?.['velakit/no-unsupported-api']) }),
          ...(targets.devices.source.startsWith('settings.velakit')
            ? { targetDevices: { ids: targets.devices.value, source: targets.devices.source } }
            : {}),
        })
      : undefined;
  const diagnostics: Diagnostic[] = validation
    ? validation.diagnostics
    : read.kind === 'unreadable'
      ? [read.diagnostic]
      : [];

  const lint = await eslint.lintFiles(['.']);
  const apis = apiUsage.take(lint, display);
  const devices = buildDeviceTable(apis, targets.devices.value, targets.devices.source);

  // Type-checking is opt-in, as with tsc: an app without a config file never asked for its JavaScript to be checked.
  let types: TypecheckResult | undefined;
  try {
    types = findConfigFile(appDir) === undefined ? undefined : typecheckApp(appDir);
  } catch (error) {
    if (error instanceof TypecheckSetupError) throw new UsageError(`cannot type-check ${appDir}: ${error.message}`);
    throw error;
  }

  const manifestErrors = diagnostics.filter((d) => d.severity === 'error').length;
  const manifestWarnings = diagnostics.filter((d) => d.severity === 'warning').length;
  return {
    app: appDir,
    manifest: { path: manifestPath, text: manifestText, diagnostics },
    lint,
    lintConfig,
    rulesMeta: eslint.getRulesMetaForResults(lint),
    devices,
    types,
    errorCount: manifestErrors + (types?.errorCount ?? 0) + lint.reduce((sum, result) => sum + result.errorCount, 0),
    warningCount:
      manifestWarnings + (types?.warningCount ?? 0) + lint.reduce((sum, result) => sum + result.warningCount, 0),
  };
}

export async function checkCommand(args: string[], io: Io): Promise<ExitCode> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      format: { type: 'string', default: 'text' },
      'max-warnings': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    io.stdout(checkHelp);
    return ExitCode.ok;
  }
  const format = formats.find((name) => name === values.format);
  if (format === undefined) throw new UsageError(`unknown format "${values.format}" (use ${listOr(formats)})`);
  let maxWarnings = Infinity;
  if (values['max-warnings'] !== undefined) {
    maxWarnings = Number(values['max-warnings']);
    if (!Number.isInteger(maxWarnings) || maxWarnings < 0)
      throw new UsageError('--max-warnings takes a whole number of 0 or more');
  }
  if (positionals.length > 1) throw new UsageError('check one app directory at a time');

  const report = await checkApp(resolve(io.cwd, positionals[0] ?? '.'));
  io.stdout(await render(format, report, io));
  return report.errorCount > 0 || report.warningCount > maxWarnings ? ExitCode.problems : ExitCode.ok;
}

async function render(format: (typeof formats)[number], report: CheckReport, io: Io): Promise<string> {
  switch (format) {
    case 'text':
      return renderText(report, io);
    case 'json':
      return `${JSON.stringify(jsonReport(report), null, 2)}\n`;
    case 'sarif': {
      // The type-check is a run of its own (tool velakit-typecheck, rules = TypeScript codes) in the same log.
      const log = JSON.parse(formatSarif(report, report.rulesMeta, io.cwd, version)) as { runs: unknown[] };
      if (report.types)
        log.runs.push(...(JSON.parse(formatTypesSarif(report.types, io.cwd, version)) as { runs: unknown[] }).runs);
      return `${JSON.stringify(log, null, 2)}\n`;
    }
    case 'github':
      return formatGithub(report, io.cwd) + (report.types ? formatTypesGithub(report.types, io.cwd) : '');
  }
}

const noConfig =
  'no jsconfig.json or tsconfig.json (add the jsconfig.json of the @velakit/types README to type-check .ux, .js and .ts files)';

function jsonReport(report: CheckReport): unknown {
  const { text: _text, ...manifest } = report.manifest;
  const { rulesMeta: _rulesMeta, types, ...rest } = report;
  const typeFiles = types?.files.map((file) => ({
    path: relative(report.app, file.fileName).split(sep).join('/'),
    diagnostics: file.diagnostics,
  }));
  return {
    ...rest,
    manifest,
    types: types ? { configFile: types.configFile, files: typeFiles } : { skipped: noConfig },
  };
}

async function renderText(report: CheckReport, io: Io): Promise<string> {
  const shownManifest = relative(io.cwd, report.manifest.path) || report.manifest.path;
  const manifestPart =
    report.manifest.diagnostics.length === 0
      ? `${shownManifest}: no problems\n`
      : formatStylish(
          [{ path: shownManifest, text: report.manifest.text, diagnostics: [...report.manifest.diagnostics] }],
          colors(io.color),
        );
  const stylish = await new ESLint({ overrideConfigFile: true }).loadFormatter('stylish');
  const lintText = await stylish.format([...report.lint]);
  const lintPart = lintText.trim() === '' ? 'no problems\n' : `${lintText.trim()}\n`;
  const summary =
    report.errorCount + report.warningCount === 0
      ? '✔ no problems'
      : `✖ ${report.errorCount} error${report.errorCount === 1 ? '' : 's'}, ${report.warningCount} warning${report.warningCount === 1 ? '' : 's'}`;
  return [
    `== Manifest ==\n${manifestPart}`,
    `== Lint (${report.lintConfig.description}) ==\n${lintPart}`,
    `== Types ==\n${report.types ? formatTypesStylish(report.types, io.cwd, colors(io.color)) : `skipped: ${noConfig}\n`}`,
    `== Devices ==\n${renderDeviceTable(report.devices)}`,
    `${summary}\n`,
  ].join('\n');
}
