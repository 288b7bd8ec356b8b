import { lstatSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';
import { ESLint, type Linter } from 'eslint';
import velakit from '@velakit/eslint-plugin';
import {
  clearAppSourcesCache,
  clearManifestCache,
  resolveTargets,
  scanAppSources,
  validationOptions,
} from '@velakit/eslint-rules';
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

export const checkHelp = `Usage: velakit check [appDir] [--format text|json|sarif|github] [--max-warnings N] [--fix]

Checks one Vela app in one run:
  1. validates its manifest (appDir/src/manifest.json, else appDir/manifest.json);
  2. lints its .js, .ts and .ux sources with the app's own eslint.config.* when it has one, else with
     @velakit/eslint-plugin's recommended config (the output says which);
  3. type-checks its .ux, .js and .ts files when it has a jsconfig.json or tsconfig.json (@velakit/language);
  4. prints a table of every @system.* API the sources use against every target device: ✘ where a use runs
     unprotected on a device that lacks it (where lint reports it), else why none does (guarded, compiled out).
--fix writes ESLint's fixes into the app's files first (such as the features manifest.json lacks), says which
problems it fixed, then checks the fixed app.
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

/**
 * The manifest codes that say its text is not plain JSON: ESLint's JSON parser fails on such a file too, and the
 * validator's report (at the exact place, with a message that says what to change) is the one kept.
 */
const syntaxCodes = new Set(['invalid-json', 'json-comment', 'trailing-comma', 'empty-file']);

/**
 * The problem ESLint adds for a directive comment (`eslint-disable-next-line some/rule`, `/* eslint some/rule: 1 *\/`)
 * naming a rule its config does not define (ESLint 9 and 10 word it one of these two ways).
 */
function isMissingRule(message: Linter.LintMessage): boolean {
  const id = message.ruleId;
  return (
    id !== null &&
    (message.message === `Definition for rule '${id}' was not found.` ||
      message.message.startsWith(`Rule '${id}' was removed and replaced by: `))
  );
}

/** A lint result without the messages `drop` picks, its counts made again. */
function withoutMessages(result: ESLint.LintResult, drop: (message: Linter.LintMessage) => boolean): ESLint.LintResult {
  if (!result.messages.some(drop)) return result;
  const messages = result.messages.filter((message) => !drop(message));
  const count = (severity: number, fixable = false) =>
    messages.filter((message) => message.severity === severity && (!fixable || message.fix !== undefined)).length;
  return {
    ...result,
    messages,
    errorCount: count(2),
    warningCount: count(1),
    fatalErrorCount: messages.filter((message) => message.fatal).length,
    fixableErrorCount: count(2, true),
    fixableWarningCount: count(1, true),
  };
}

/** Whether a rule entry of a computed config (`[2]`, `"error"`, `1`, `["warn", {...}]`) has the rule on. */
function ruleIsOn(entry: unknown): boolean {
  const severity: unknown = Array.isArray(entry) ? entry[0] : entry;
  return severity !== undefined && severity !== 0 && severity !== 'off';
}

function isSymbolicLink(path: string): boolean {
  try {
    return lstatSync(path).isSymbolicLink();
  } catch {
    return false;
  }
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/** A file `--fix` rewrote, and the problems it fixed there (as lint reported them before the fix). */
export interface FixedFile {
  readonly path: string;
  readonly problems: readonly {
    readonly ruleId: string | null;
    readonly message: string;
    readonly line: number;
    readonly column: number;
  }[];
}

export interface CheckOptions {
  /** Write ESLint's fixes into the app's files before checking it (`velakit check --fix`). */
  readonly fix?: boolean;
}

export interface CheckReport {
  readonly app: string;
  /** With `fix`: the files it rewrote (none: nothing was fixable); undefined without it. */
  readonly fixed?: readonly FixedFile[];
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

/**
 * Runs the checks on an app directory (with `fix`, after writing ESLint's fixes into its files). Throws UsageError
 * when there is no app to check.
 */
export async function checkApp(appDir: string, options: CheckOptions = {}): Promise<CheckReport> {
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
  let read = readManifest(manifestPath);
  if (read.kind === 'directory') throw new UsageError(`${manifestPath} is a directory`);
  if (read.kind === 'io-error') throw new UsageError(read.message);

  // The app's own ESLint config when its folder has one (its ignores, rule levels and settings.velakit); velakit's
  // recommended config otherwise. Only the app's folder: a config further up belongs to whatever holds the app.
  const configFile = configFileNames.map((name) => join(appDir, name)).find(isFile);
  const display = (file: string) => relative(appDir, file).split(sep).join('/');
  const lintConfig = configFile
    ? { file: configFile, description: `the app's ${display(configFile)}` }
    : { file: undefined, description: "velakit's recommended config: the app has no eslint.config.*" };

  let targetDevices: readonly string[] = [];
  const apiUsage = apiUsageCollector(() => targetDevices);
  const eslintOptions: ESLint.Options = {
    cwd: appDir,
    ...(configFile ? { overrideConfigFile: configFile } : { overrideConfigFile: true }),
    // An app whose only file is an unparsable manifest leaves nothing to lint; that is not an error of its own.
    errorOnUnmatchedPattern: false,
    // The manifest's own diagnostics come from the validator below, with code frames; lint keeps the rest. A filter,
    // not a `files: ['**/manifest.json']` config: that would make ESLint lint manifest.json (as JavaScript) under an
    // app config that does not lint it.
    ruleFilter: ({ ruleId }) => ruleId !== 'velakit/valid-manifest',
    overrideConfig: [
      ...(configFile ? [] : builtInConfig),
      // Lint skips a manifest whose syntax the validator reported rather than report the same syntax error twice.
      ...(read.kind === 'text' && !validateManifest(read.text).diagnostics.some((d) => syntaxCodes.has(d.code))
        ? []
        : [{ ignores: [display(manifestPath)] }]),
      apiUsage.config,
    ],
  };
  const eslint = new ESLint(eslintOptions);
  // One target resolution for the rules, the manifest check and the device table: the config's settings.velakit
  // first, then the app's nearest manifest (through the rules' cache, read once).
  const sourceConfig = (await eslint.calculateConfigForFile(join(appDir, 'src', 'app.js')).catch((error: unknown) => {
    // Loading the app's config runs it: its own exceptions, syntax errors and ESLint's complaints about its shape.
    throw configFile ? configError(display(configFile), error) : error;
  })) as { settings?: Record<string, unknown>; rules?: Record<string, unknown> } | undefined;
  const settings = sourceConfig?.settings ?? {};
  const targets = resolveTargets({ filename: join(appDir, 'src', 'app.ux'), cwd: appDir, settings }, {});
  targetDevices = targets.devices.value;
  let sources = scanAppSources(dirname(manifestPath));

  const lintApp = () => eslint.lintFiles(['.']).catch((error: unknown) => Promise.reject(fileError(error, display)));
  let lint = await lintApp();
  let fixed: FixedFile[] | undefined;
  if (options.fix) {
    fixed = await applyFixes(eslintOptions, lint);
    if (fixed.length > 0) {
      // The rules read the manifest and scan the sources through caches: the files changed under them.
      clearManifestCache();
      clearAppSourcesCache();
      read = readManifest(manifestPath);
      if (read.kind === 'directory') throw new UsageError(`${manifestPath} is a directory`);
      if (read.kind === 'io-error') throw new UsageError(read.message);
      lint = await lintApp();
      sources = scanAppSources(dirname(manifestPath));
    }
  }
  // With velakit's own config, a directive naming a rule of another plugin (`eslint-disable-next-line
  // @typescript-eslint/no-explicit-any`) is the app's business: ESLint's "Definition for rule ... was not found" for
  // it is dropped, and kept for a rule of velakit's (a misspelled name in a directive should be fixed).
  if (!configFile)
    lint = lint.map((result) =>
      withoutMessages(result, (message) => isMissingRule(message) && !message.ruleId!.startsWith('velakit/')),
    );

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
    ...(fixed ? { fixed } : {}),
    manifest: { path: manifestPath, text: read.text, diagnostics },
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

/** The app's ESLint config failed to load: say which file, on one line. */
function configError(file: string, error: unknown): UsageError {
  const message = (error instanceof Error ? error.message : String(error)).trim().replace(/\s*\n\s*/gu, ' ');
  // Node's SyntaxError for an ES module says nothing of where; `node --check` does.
  const where = error instanceof SyntaxError ? ` (\`node --check ${file}\` shows where)` : '';
  return new UsageError(`cannot load the app's ${file}: ${message}${where}`);
}

/** Why ESLint could not read a file of the app (it stops the whole run), in words, with what to do. */
const fileErrorReasons: Record<string, string> = {
  EACCES: 'permission denied (make it readable, or remove it)',
  EPERM: 'permission denied (make it readable, or remove it)',
  ELOOP: 'it is a loop of symbolic links (remove it)',
  EISDIR: 'it is a directory',
};

/** An error of ESLint reading the app's files, as a UsageError naming the file; any other error as it is. */
function fileError(error: unknown, display: (file: string) => string): unknown {
  const { code, path } = error as { code?: unknown; path?: unknown };
  const reason =
    code === 'ENOENT' && typeof path === 'string' && isSymbolicLink(path)
      ? 'it is a symbolic link to nothing (remove it, or make it point to a file)'
      : typeof code === 'string'
        ? fileErrorReasons[code]
        : undefined;
  if (reason === undefined || typeof path !== 'string') return error;
  return new UsageError(`cannot read ${display(path)}: ${reason}`);
}

/**
 * velakit's recommended config, for an app without one of its own. velakit runs only its own rules then, so the
 * app's directive comments about other rules (`/* eslint-disable no-console *\/`) are not its to judge: unused ones
 * are not reported.
 */
const builtInConfig: Linter.Config[] = [
  ...velakit.configs.recommended,
  { name: 'velakit-check/directives', linterOptions: { reportUnusedDisableDirectives: 'off' } },
];

/**
 * `--fix`: lints again, with ESLint's fixes, the files `lint` found fixable problems in, and writes the fixed texts.
 * Returns each file written with the problems fixed in it: the fixable ones reported before that are gone after.
 */
async function applyFixes(options: ESLint.Options, lint: readonly ESLint.LintResult[]): Promise<FixedFile[]> {
  const fixable = lint.filter((result) => result.messages.some((message) => message.fix !== undefined));
  if (fixable.length === 0) return [];
  const fixer = new ESLint({ ...options, fix: true });
  const results = await fixer.lintFiles(fixable.map((result) => result.filePath));
  await ESLint.outputFixes(results).catch((error: unknown) => {
    const { code, path } = error as { code?: unknown; path?: unknown };
    if ((code === 'EACCES' || code === 'EPERM' || code === 'EROFS') && typeof path === 'string')
      throw new UsageError(`--fix cannot write ${path}: permission denied (make it writable, or run without --fix)`);
    throw error;
  });
  const fixed: FixedFile[] = [];
  for (const result of results) {
    if (result.output === undefined) continue;
    const before = fixable.find((earlier) => earlier.filePath === result.filePath);
    const left = new Set(result.messages.map((message) => `${message.ruleId}\0${message.message}`));
    const problems = (before?.messages ?? [])
      .filter((message) => message.fix !== undefined && !left.has(`${message.ruleId}\0${message.message}`))
      .map(({ ruleId, message: text, line, column }) => ({ ruleId, message: text, line, column }));
    fixed.push({ path: result.filePath, problems });
  }
  return fixed;
}

export async function checkCommand(args: string[], io: Io): Promise<ExitCode> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      format: { type: 'string', default: 'text' },
      'max-warnings': { type: 'string' },
      fix: { type: 'boolean', default: false },
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
    // Digits only: Number() would take '' as 0, and ' 3', '0x10' or '1e3' too.
    if (!/^\d+$/u.test(values['max-warnings']))
      throw new UsageError('--max-warnings takes a whole number of 0 or more');
    maxWarnings = Number(values['max-warnings']);
  }
  if (positionals.length > 1) throw new UsageError('check one app directory at a time');

  const report = await checkApp(resolve(io.cwd, positionals[0] ?? '.'), { fix: values.fix });
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
    types: types
      ? {
          configFile: types.configFile,
          // The copy of @velakit/types velakit used, for an app that has not installed it (types-not-installed).
          ...(types.bundledTypes === undefined ? {} : { bundledTypes: types.bundledTypes }),
          files: typeFiles,
        }
      : { skipped: noConfig },
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
    ...(report.fixed ? [`== Fixed (--fix) ==\n${renderFixed(report.fixed, io.cwd)}`] : []),
    `== Manifest ==\n${manifestPart}`,
    `== Lint (${report.lintConfig.description}) ==\n${lintPart}`,
    `== Types ==\n${report.types ? formatTypesStylish(report.types, io.cwd, colors(io.color)) : `skipped: ${noConfig}\n`}`,
    `== Devices ==\n${renderDeviceTable(report.devices)}`,
    `${summary}\n`,
  ].join('\n');
}

/** What `--fix` wrote: each file, then the problems it fixed there, by line. */
function renderFixed(fixed: readonly FixedFile[], cwd: string): string {
  if (fixed.length === 0) return 'nothing to fix\n';
  return fixed
    .map((file) => {
      const problems = file.problems.map(
        (problem) =>
          `  ${problem.line}:${problem.column}  fixed  ${problem.message}${problem.ruleId ? `  ${problem.ruleId}` : ''}\n`,
      );
      return `${relative(cwd, file.path) || file.path}\n${problems.join('')}`;
    })
    .join('\n');
}
