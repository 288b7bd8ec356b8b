import { existsSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, posix, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type * as TypeScript from 'typescript';
import { createAppLocator, literalThisFits, roleOf } from './language-plugin.js';
import { positionAt, type TypePosition } from './text-position.js';
import { parseUx } from '@velakit/ux';
import { sourceOffsetOf, virtualScript, type VirtualScript } from './virtual-script.js';

// Required, not imported: an ES-module import of TypeScript's 9 MB CommonJS bundle makes Node scan the whole bundle
// for export names first (cjs-module-lexer), about half a second of every run.
const ts = createRequire(import.meta.url)('typescript') as typeof TypeScript;

export type TypeSeverity = 'error' | 'warning' | 'info';

/** One TypeScript diagnostic, placed in its own file (a `.ux` file's own line and column for `.ux` scripts). */
export interface TypeDiagnostic {
  /** `TS2345`. */
  readonly code: string;
  readonly severity: TypeSeverity;
  readonly message: string;
  readonly start: TypePosition;
  /** Exclusive. */
  readonly end: TypePosition;
}

/** The diagnostics of one file; `text` is what they point into (for code frames). */
export interface TypeFileResult {
  /** Absolute path, or the config file for diagnostics that belong to no source file. */
  readonly fileName: string;
  readonly text: string;
  readonly diagnostics: TypeDiagnostic[];
}

export interface TypecheckResult {
  /** The jsconfig.json/tsconfig.json used, or undefined when the app has none (velakit's defaults apply). */
  readonly configFile: string | undefined;
  /** Every source file checked (`.ux`, `.js`, `.ts` of the app; not library files). */
  readonly checkedFiles: readonly string[];
  /** Files with at least one diagnostic, in file name order. */
  readonly files: readonly TypeFileResult[];
  readonly errorCount: number;
  readonly warningCount: number;
  /**
   * The `index.d.ts` of velakit's own copy of `@velakit/types` when the app needs the package but cannot resolve it
   * (not installed): the check used that copy and reports `types-not-installed` (a warning). Undefined otherwise.
   */
  readonly bundledTypes?: string;
}

export interface TypecheckOptions {
  /** The config file to use instead of appDir's tsconfig.json, then jsconfig.json. */
  readonly project?: string;
  /**
   * Where velakit's own copy of `@velakit/types` is resolved from, for an app that has not installed it (default:
   * this package's folder, which depends on it); `false` never uses a copy.
   */
  readonly bundledTypesFrom?: string | false;
}

/** The app or its configuration cannot be checked at all (exit code 2 in the command). */
export class TypecheckSetupError extends Error {}

/** The compiler options of the jsconfig.json velakit's README gives, for apps that have no config file. */
export const defaultCompilerOptions: TypeScript.CompilerOptions = {
  target: ts.ScriptTarget.ES2020,
  // No DOM: Vela is not a browser (`console` and the timers come from @velakit/types).
  lib: ['lib.es2020.d.ts'],
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  allowJs: true,
  checkJs: true,
  strict: false,
  noEmit: true,
  // As for any jsconfig.json: library declarations are not the app's to fix.
  skipLibCheck: true,
  types: ['@velakit/types'],
};

/** What tsserver assumes for a jsconfig.json before reading it. */
const jsconfigDefaults: TypeScript.CompilerOptions = {
  allowJs: true,
  maxNodeModuleJsDepth: 2,
  allowSyntheticDefaultImports: true,
  skipLibCheck: true,
  noEmit: true,
};

export const uxExtension: TypeScript.FileExtensionInfo = {
  extension: 'ux',
  isMixedContent: true,
  scriptKind: ts.ScriptKind.Deferred,
};

function severityOf(category: TypeScript.DiagnosticCategory): TypeSeverity {
  if (category === ts.DiagnosticCategory.Error) return 'error';
  if (category === ts.DiagnosticCategory.Warning) return 'warning';
  return 'info';
}

/** The config file `typecheckApp` uses for an app: `project` if given, else appDir's tsconfig.json, then jsconfig.json. */
export function findConfigFile(appDir: string, project?: string): string | undefined {
  return configOf(appDir, project);
}

function configOf(appDir: string, project: string | undefined): string | undefined {
  if (project !== undefined) {
    const path = resolve(appDir, project);
    if (!existsSync(path)) throw new TypecheckSetupError(`no such config file: ${project}`);
    return statSync(path).isDirectory() ? configOf(path, undefined) : path;
  }
  return ['tsconfig.json', 'jsconfig.json'].map((name) => join(appDir, name)).find((path) => existsSync(path));
}

function formatConfigErrors(errors: readonly TypeScript.Diagnostic[]): string {
  return errors
    .map((error) => {
      const where =
        error.file && error.start !== undefined ? error.file.getLineAndCharacterOfPosition(error.start) : undefined;
      const place = error.file
        ? `${error.file.fileName}${where ? `:${where.line + 1}:${where.character + 1}` : ''}: `
        : '';
      return `${place}${ts.flattenDiagnosticMessageText(error.messageText, '\n')}`;
    })
    .join('\n');
}

interface ParsedProject {
  readonly configFile: string | undefined;
  readonly rootNames: readonly string[];
  readonly options: TypeScript.CompilerOptions;
  readonly projectReferences: readonly TypeScript.ProjectReference[] | undefined;
}

function parseProject(appDir: string, project: string | undefined): ParsedProject {
  const configFile = configOf(appDir, project);
  if (configFile === undefined) {
    const sources = existsSync(join(appDir, 'src')) ? join(appDir, 'src') : appDir;
    const parsed = ts.parseJsonConfigFileContent(
      { include: [sources.split('\\').join('/')], exclude: ['**/node_modules', 'dist', 'build'] },
      ts.sys,
      appDir,
      defaultCompilerOptions,
      undefined,
      undefined,
      [uxExtension],
    );
    return { configFile, rootNames: parsed.fileNames, options: parsed.options, projectReferences: undefined };
  }
  // A syntax error stops here; then the config's source file, not its parsed object, is read so that an option
  // error points at its line (as tsc does).
  const text = ts.sys.readFile(configFile);
  if (text === undefined) throw new TypecheckSetupError(`Cannot read file '${configFile}'.`);
  const syntax = ts.parseConfigFileTextToJson(configFile, text);
  if (syntax.error) throw new TypecheckSetupError(formatConfigErrors([syntax.error]));
  const read = ts.parseJsonText(configFile, text);
  const existing = configFile.endsWith('jsconfig.json') ? jsconfigDefaults : {};
  const parsed = ts.parseJsonSourceFileConfigFileContent(
    read,
    ts.sys,
    dirname(configFile),
    existing,
    configFile,
    undefined,
    [uxExtension],
  );
  // "No inputs were found" (TS18003) means an app with nothing to check; any other config error stops the check.
  const fatal = parsed.errors.filter((error) => error.code !== 18003 && error.category === ts.DiagnosticCategory.Error);
  if (fatal.length > 0) throw new TypecheckSetupError(formatConfigErrors(fatal));
  return {
    configFile,
    rootNames: parsed.fileNames,
    options: { ...parsed.options, noEmit: true },
    projectReferences: parsed.projectReferences,
  };
}

/** A `.ux` file as the program sees it: its own text and the virtual script TypeScript parses instead. */
interface UxSource {
  readonly text: string;
  readonly script: VirtualScript;
}

const uxSuffix = '.ux';
/** What TypeScript looks for when it resolves `./page.ux` under `allowArbitraryExtensions`. */
const uxDeclarationSuffix = '.d.ux.ts';

/**
 * A compiler host that gives TypeScript each `.ux` file as its virtual script (parsed once, as JavaScript or
 * TypeScript) and resolves imports of `.ux` files (`typeof import('../../app.ux')`) to them. The plain
 * `ts.createProgram` path: no language service, no second parse of the `.ux` text.
 */
function createUxCompilerHost(options: TypeScript.CompilerOptions, bundledTypesFrom: string | false) {
  const host = ts.createCompilerHost(options);
  // As tsc does: JSDoc of TypeScript files (lib.dom.d.ts is mostly JSDoc) is skipped, as no type error comes from it.
  host.jsDocParsingMode = ts.JSDocParsingMode.ParseForTypeErrors;
  const appOf = createAppLocator((fileName) => host.fileExists(fileName));
  // A program whose `types` loads @velakit/types needs no reference to it in each page.
  const referenceTypes = !(options.types ?? []).includes('@velakit/types');
  const literalThis = literalThisFits(options, ts.versionMajorMinor);
  const uxSources = new Map<string, UxSource | undefined>();
  const uxSourceOf = (fileName: string): UxSource | undefined => {
    if (uxSources.has(fileName)) return uxSources.get(fileName);
    const text = host.readFile(fileName);
    const source =
      text === undefined
        ? undefined
        : {
            text,
            script: virtualScript(ts, text, parseUx(text).script, roleOf(fileName, appOf(fileName)), {
              referenceTypes,
              literalThis,
              pageMembers: 'used',
            }),
          };
    uxSources.set(fileName, source);
    return source;
  };
  const moduleCache = ts.createModuleResolutionCache(
    host.getCurrentDirectory(),
    (name) => host.getCanonicalFileName(name),
    options,
  );
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (fileName, languageVersionOrOptions, onError, shouldCreateNewSourceFile) => {
    if (!fileName.endsWith(uxSuffix))
      return getSourceFile(fileName, languageVersionOrOptions, onError, shouldCreateNewSourceFile);
    const source = uxSourceOf(fileName);
    if (source === undefined) return undefined;
    const { script } = source;
    const kind = script.lang === 'ts' ? ts.ScriptKind.TS : ts.ScriptKind.JS;
    let version = languageVersionOrOptions;
    if (typeof version === 'object' && version.impliedNodeFormat === undefined) {
      // TypeScript knows no module format for a `.ux` extension; under Node16/NodeNext it is that of a script there.
      const impliedNodeFormat = ts.getImpliedNodeFormatForFile(
        `${fileName}.${script.lang}`,
        moduleCache.getPackageJsonInfoCache(),
        host,
        options,
      );
      version = { ...version, impliedNodeFormat };
    }
    return ts.createSourceFile(fileName, script.text, version, undefined, kind);
  };
  const resolutionHost: TypeScript.ModuleResolutionHost = {
    readFile: (fileName) => host.readFile(fileName),
    directoryExists: (name) => host.directoryExists?.(name) ?? true,
    realpath: host.realpath === undefined ? undefined : (path) => host.realpath?.(path) ?? path,
    getCurrentDirectory: () => host.getCurrentDirectory(),
    getDirectories: host.getDirectories === undefined ? undefined : (path) => host.getDirectories?.(path) ?? [],
    useCaseSensitiveFileNames: host.useCaseSensitiveFileNames(),
    // `./page.ux` resolves when TypeScript asks for `./page.d.ux.ts` and page.ux exists.
    fileExists: (fileName) =>
      host.fileExists(fileName) || (fileName.endsWith(uxDeclarationSuffix) && host.fileExists(uxFileOf(fileName))),
  };
  /** A resolved `.ux` module: TypeScript reads it as its virtual script, JavaScript or TypeScript. */
  const uxModule = (fileName: string): TypeScript.ResolvedModuleFull => ({
    resolvedFileName: fileName,
    extension: uxSourceOf(fileName)?.script.lang === 'ts' ? ts.Extension.Ts : ts.Extension.Js,
    isExternalLibraryImport: false,
  });
  host.resolveModuleNameLiterals = (
    literals,
    containingFile,
    redirectedReference,
    compilerOptions,
    containingSourceFile,
  ) =>
    literals.map((literal) => {
      const direct = relativeUxFile(literal.text, containingFile);
      if (direct !== undefined && host.fileExists(direct) && !host.fileExists(declarationOf(direct))) {
        // Each page names its app.ux (`typeof import('../../app.ux')`): one look, not TypeScript's round of candidates.
        return { resolvedModule: uxModule(direct) };
      }
      const mode = ts.getModeForUsageLocation(containingSourceFile, literal, compilerOptions);
      const result = ts.resolveModuleName(
        literal.text,
        containingFile,
        compilerOptions,
        resolutionHost,
        moduleCache,
        redirectedReference,
        mode,
      );
      const resolved = result.resolvedModule;
      // A real `page.d.ux.ts` stays what it is; only the one standing for `page.ux` becomes the page.
      const standsForUx =
        resolved?.resolvedFileName.endsWith(uxDeclarationSuffix) && !host.fileExists(resolved.resolvedFileName);
      if (resolved === undefined || !standsForUx) return result;
      return { ...result, resolvedModule: { ...resolved, ...uxModule(uxFileOf(resolved.resolvedFileName)) } };
    });
  // @velakit/types as the app resolves it, else (not installed) the copy velakit depends on, resolved from its own
  // folder: a user who ran velakit without installing the typings gets the check and one warning, not one
  // "Cannot find module" per import.
  const typesState: { missing: boolean; bundled: TypeScript.ResolvedTypeReferenceDirective | undefined } = {
    missing: false,
    bundled: undefined,
  };
  let bundled: TypeScript.ResolvedTypeReferenceDirectiveWithFailedLookupLocations | undefined;
  const bundledTypes = (compilerOptions: TypeScript.CompilerOptions) => {
    if (bundledTypesFrom === false) return undefined;
    bundled ??= ts.resolveTypeReferenceDirective(
      velakitTypes,
      join(bundledTypesFrom, '__velakit__.ts'),
      compilerOptions,
      host,
    );
    return bundled.resolvedTypeReferenceDirective === undefined ? undefined : bundled;
  };
  const typeCache = ts.createTypeReferenceDirectiveResolutionCache(
    host.getCurrentDirectory(),
    (name) => host.getCanonicalFileName(name),
    options,
    moduleCache.getPackageJsonInfoCache(),
  );
  host.resolveTypeReferenceDirectiveReferences = (
    references,
    containingFile,
    redirectedReference,
    compilerOptions,
    containingSourceFile,
  ) =>
    references.map((reference) => {
      const name = typeof reference === 'string' ? reference : reference.fileName.toLowerCase();
      const mode = ts.getModeForFileReference(reference, containingSourceFile?.impliedNodeFormat);
      const result = ts.resolveTypeReferenceDirective(
        name,
        containingFile,
        compilerOptions,
        host,
        redirectedReference,
        typeCache,
        mode,
      );
      if (result.resolvedTypeReferenceDirective !== undefined || name !== velakitTypes) return result;
      typesState.missing = true;
      const copy = bundledTypes(compilerOptions);
      typesState.bundled = copy?.resolvedTypeReferenceDirective;
      return copy ?? result;
    });
  return { host, uxSources: uxSources as ReadonlyMap<string, UxSource | undefined>, typesState };
}

/** The `.ux` file a relative specifier names (`../../app.ux`), as an absolute path with `/`. */
function relativeUxFile(specifier: string, containingFile: string): string | undefined {
  if (!specifier.endsWith(uxSuffix) || !(specifier.startsWith('./') || specifier.startsWith('../'))) return undefined;
  return posix.join(posix.dirname(containingFile.split('\\').join('/')), specifier);
}

const declarationOf = (uxFile: string) => `${uxFile.slice(0, -uxSuffix.length)}${uxDeclarationSuffix}`;
const uxFileOf = (declarationFile: string) => `${declarationFile.slice(0, -uxDeclarationSuffix.length)}${uxSuffix}`;

const velakitTypes = '@velakit/types';
const ownDirectory = dirname(fileURLToPath(import.meta.url));

/**
 * What velakit reports about `@velakit/types` itself: `types-not-installed`, a warning when the check used velakit's
 * own copy, an error when there was none to use (a broken install) and TypeScript's "Cannot find module
 * '@system.x'" for every import was left out in favour of it.
 */
export const typesNotInstalled = 'types-not-installed';
const installHint = `npm install --save-dev ${velakitTypes}`;

function typesNotInstalledMessage(bundled: TypeScript.ResolvedTypeReferenceDirective | undefined): string {
  if (bundled === undefined)
    return `${velakitTypes} is not installed, so no @system.* module has types: ${installHint}`;
  const version = bundled.packageId?.version;
  return (
    `${velakitTypes} is not installed in this app: checked with the copy velakit ships` +
    `${version === undefined ? '' : ` (${version})`}. Install it so that tsc and your editor check the same: ` +
    installHint
  );
}

/** The `"@velakit/types"` entry of a config file's text (its quotes included), or its start when it names none. */
function typesEntryOf(text: string): { start: number; end: number } {
  const at = text.indexOf(`"${velakitTypes}"`);
  return at < 0 ? { start: 0, end: 0 } : { start: at, end: at + velakitTypes.length + 2 };
}

/**
 * The script globals @velakit/types declares (framework.d.ts) because TypeScript's ES libraries lack them: under the
 * recommended `"lib": ["ES2020"]` they are unknown without the typings. The catalogue's `scriptGlobals` less the
 * CommonJS names TypeScript knows in `.js` files (a test keeps the two in agreement).
 */
const globalsFromTypes: ReadonlySet<string> = new Set([
  'console',
  'setTimeout',
  'clearTimeout',
  'setInterval',
  'clearInterval',
  'global',
]);

/**
 * TypeScript's complaints that a missing @velakit/types causes: the package itself, each `@system.*` import, and each
 * use of a global the typings declare ("Cannot find name 'console'", 2304 or 2584).
 */
function causedByMissingTypes(diagnostic: TypeScript.Diagnostic): boolean {
  const { code, file, start, length } = diagnostic;
  if (code === 2304 || code === 2584)
    return (
      file !== undefined && start !== undefined && globalsFromTypes.has(file.text.slice(start, start + (length ?? 0)))
    );
  if (code !== 2688 && code !== 2307) return false;
  const text = ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n');
  return code === 2688 ? text.includes(`'${velakitTypes}'`) : text.includes("'@system.");
}

/**
 * Adds `types-not-installed` to the config file's diagnostics (the app folder's without one), at its
 * `"@velakit/types"` entry: a warning when velakit's copy stood in, an error when there was none. Returns which.
 */
function addTypesNotInstalled(
  byFile: Map<string, TypeFileResult>,
  fileName: string,
  configFile: string | undefined,
  bundled: TypeScript.ResolvedTypeReferenceDirective | undefined,
): TypeSeverity {
  let result = byFile.get(fileName);
  if (result === undefined) {
    result = { fileName, text: configFile === undefined ? '' : (ts.sys.readFile(configFile) ?? ''), diagnostics: [] };
    byFile.set(fileName, result);
  }
  const entry = typesEntryOf(result.text);
  const severity: TypeSeverity = bundled === undefined ? 'error' : 'warning';
  result.diagnostics.push({
    code: typesNotInstalled,
    severity,
    message: typesNotInstalledMessage(bundled),
    start: positionAt(result.text, entry.start),
    end: positionAt(result.text, entry.end),
  });
  return severity;
}

const isSourceOfApp = (fileName: string) =>
  !fileName.includes('/node_modules/') && /\.(?:ux|[cm]?[jt]sx?)$/u.test(fileName) && !fileName.endsWith('.d.ts');

/**
 * Type-checks every `.ux`, `.js` and `.ts` file of an app as `vue-tsc --noEmit` does for Vue: with the app's
 * tsconfig.json or jsconfig.json (else velakit's defaults over `src/`), `.ux` scripts typed as Vela runs them.
 */
export function typecheckApp(appDir: string, options: TypecheckOptions = {}): TypecheckResult {
  if (!existsSync(appDir) || !statSync(appDir).isDirectory())
    throw new TypecheckSetupError(`not a directory: ${appDir}`);
  const parsed = parseProject(resolve(appDir), options.project);
  // `allowNonTsExtensions` lets `.ux` files be root files, as TypeScript's language service does for mixed content;
  // `allowArbitraryExtensions` makes TypeScript look for `page.d.ux.ts` when code imports `page.ux`.
  const compilerOptions: TypeScript.CompilerOptions = {
    ...parsed.options,
    allowNonTsExtensions: true,
    allowArbitraryExtensions: true,
  };
  const { host, uxSources, typesState } = createUxCompilerHost(
    compilerOptions,
    options.bundledTypesFrom ?? ownDirectory,
  );
  const program = ts.createProgram({
    rootNames: parsed.rootNames,
    options: compilerOptions,
    projectReferences: parsed.projectReferences,
    host,
  });
  let diagnostics = [
    ...program.getOptionsDiagnostics(),
    ...program.getGlobalDiagnostics(),
    ...program.getSyntacticDiagnostics(),
    ...program.getSemanticDiagnostics(),
  ];
  // Without any copy of @velakit/types, one velakit error says so instead of one TypeScript error per import (and per
  // use of `console` or a timer).
  if (typesState.missing && typesState.bundled === undefined)
    diagnostics = diagnostics.filter((diagnostic) => !causedByMissingTypes(diagnostic));
  const checkedFiles = program
    .getSourceFiles()
    .map((file) => file.fileName)
    .filter(isSourceOfApp);
  const byFile = new Map<string, TypeFileResult>();
  const fallbackFile = parsed.configFile ?? resolve(appDir);
  let errorCount = 0;
  let warningCount = 0;
  for (const diagnostic of diagnostics) {
    const fileName = diagnostic.file?.fileName ?? fallbackFile;
    const ux = diagnostic.file === undefined ? undefined : uxSources.get(fileName);
    let startOffset = diagnostic.start ?? 0;
    let endOffset = startOffset + (diagnostic.length ?? 0);
    if (ux !== undefined) {
      // Back to the `.ux` text; a diagnostic in the generated glue alone belongs to no code of the user's.
      const start = sourceOffsetOf(ux.script, startOffset);
      const end = start === undefined ? undefined : sourceOffsetOf(ux.script, endOffset);
      if (start === undefined || end === undefined) continue;
      startOffset = start;
      endOffset = end;
    }
    let result = byFile.get(fileName);
    if (result === undefined) {
      // The file's own text (for `.ux`, the whole file, not its virtual script), as TypeScript read it.
      const text = ux?.text ?? (diagnostic.file ? (ts.sys.readFile(fileName) ?? diagnostic.file.text) : '');
      result = { fileName, text, diagnostics: [] };
      byFile.set(fileName, result);
    }
    const severity = severityOf(diagnostic.category);
    if (severity === 'error') errorCount++;
    else if (severity === 'warning') warningCount++;
    result.diagnostics.push({
      code: `TS${diagnostic.code}`,
      severity,
      message: ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'),
      start: positionAt(result.text, startOffset),
      end: positionAt(result.text, endOffset),
    });
  }
  if (typesState.missing) {
    const severity = addTypesNotInstalled(byFile, fallbackFile, parsed.configFile, typesState.bundled);
    if (severity === 'error') errorCount++;
    else warningCount++;
  }
  const files = [...byFile.values()].sort((a, b) => (a.fileName < b.fileName ? -1 : a.fileName > b.fileName ? 1 : 0));
  for (const file of files)
    file.diagnostics.sort((a, b) => a.start.offset - b.start.offset || a.code.localeCompare(b.code));
  const bundledTypes = typesState.bundled?.resolvedFileName;
  return {
    configFile: parsed.configFile,
    checkedFiles,
    files,
    errorCount,
    warningCount,
    ...(bundledTypes === undefined ? {} : { bundledTypes }),
  };
}
