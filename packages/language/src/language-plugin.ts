import { dirname, join, relative, sep } from 'node:path';
import type { CodeMapping, IScriptSnapshot, LanguagePlugin, VirtualCode } from '@volar/language-core';
import type {} from '@volar/typescript';
import type ts from 'typescript';
import { parseUx } from '@velakit/ux';
import { virtualScript, type UxRole, type VirtualScriptOptions } from './virtual-script.js';

export const uxLanguageId = 'ux';

/** A `.ux` file for Volar: the file itself, with its script as the one embedded code TypeScript sees. */
export interface UxVirtualCode extends VirtualCode {
  readonly embeddedCodes: VirtualCode[];
  readonly lang: 'js' | 'ts';
}

function snapshotOf(text: string): IScriptSnapshot {
  return {
    getText: (start, end) => text.slice(start, end),
    getLength: () => text.length,
    getChangeRange: () => undefined,
  };
}

export interface UxLanguagePluginOptions<T> {
  /** The file name of a script id (Volar uses file names in tsserver and the CLI, URIs in the language server). */
  asFileName(scriptId: T): string;
  /** How to look for `manifest.json` and `app.ux` (defaults to TypeScript's `ts.sys.fileExists`). */
  fileExists?(fileName: string): boolean;
  /** Whether each virtual script references @velakit/types itself (default true; false when `types` lists it). */
  referenceTypes?: boolean;
  /**
   * Whether JavaScript pages may have `this` typed from their syntax instead of the generic `Vela.DefinePage`
   * (see `VirtualScriptOptions.literalThis`): asked for each file, as the compiler options may change. Default: no.
   */
  literalThis?(): boolean;
}

/**
 * Whether TypeScript keeps JavaScript object literals open under these options (noImplicitAny off). `strict` left
 * unset means on from TypeScript 6 (`typescriptVersion`: the running TypeScript's `versionMajorMinor`), off before.
 */
export function literalThisFits(options: ts.CompilerOptions, typescriptVersion: string): boolean {
  const strictByDefault = Number.parseInt(typescriptVersion, 10) >= 6;
  return !(options.noImplicitAny ?? options.strict ?? strictByDefault);
}

/** How far up from a `.ux` file its app's `manifest.json` is looked for. */
const maxDepth = 12;

/**
 * Finds the `app.ux` of the app a file belongs to: beside the nearest `manifest.json` above it. Answers are kept per
 * directory, so a 500-page app looks each directory up once.
 */
export function createAppLocator(fileExists: (fileName: string) => boolean): (fileName: string) => string | undefined {
  const byDirectory = new Map<string, string | undefined>();
  const lookUp = (directory: string, depth: number): string | undefined => {
    if (byDirectory.has(directory)) return byDirectory.get(directory);
    let found: string | undefined;
    if (fileExists(join(directory, 'manifest.json'))) {
      const app = join(directory, 'app.ux');
      found = fileExists(app) ? app : undefined;
    } else {
      const parent = dirname(directory);
      found = parent === directory || depth >= maxDepth ? undefined : lookUp(parent, depth + 1);
    }
    byDirectory.set(directory, found);
    return found;
  };
  return (fileName) => lookUp(dirname(fileName), 0);
}

/** `./app.ux` or `../../app.ux`: how a page's script names its app in an `import()` type. */
function specifierOf(from: string, to: string): string {
  const path = relative(dirname(from), to).split(sep).join('/');
  return path.startsWith('.') ? path : `./${path}`;
}

export function roleOf(fileName: string, appFile: string | undefined): UxRole {
  const normalized = (path: string) => path.split(sep).join('/');
  if (appFile !== undefined && normalized(appFile) === normalized(fileName)) return { kind: 'app' };
  if (appFile === undefined)
    return /(^|[\\/])app\.ux$/u.test(fileName) ? { kind: 'app' } : { kind: 'page', appSpecifier: undefined };
  return { kind: 'page', appSpecifier: specifierOf(fileName, appFile) };
}

/** Builds the virtual code of one `.ux` text. */
export function createUxVirtualCode(
  typescript: typeof ts,
  fileName: string,
  text: string,
  appFile: string | undefined,
  options: VirtualScriptOptions = {},
): UxVirtualCode {
  const blocks = parseUx(text);
  const script = virtualScript(typescript, text, blocks.script, roleOf(fileName, appFile), options);
  const scriptCode: VirtualCode = {
    id: `script_${script.lang}`,
    languageId: script.lang === 'ts' ? 'typescript' : 'javascript',
    snapshot: snapshotOf(script.text),
    mappings: script.mappings,
  };
  // The root maps nothing: only the script is a language Volar serves here.
  const mappings: CodeMapping[] = [];
  return {
    id: 'root',
    languageId: uxLanguageId,
    snapshot: snapshotOf(text),
    mappings,
    embeddedCodes: [scriptCode],
    lang: script.lang,
  };
}

/**
 * The Volar language plugin for Vela `.ux` files: each becomes a virtual JavaScript (or TypeScript, for
 * `<script lang="ts">`) file that TypeScript type-checks, with the page or app object as `this`.
 */
export function createUxLanguagePlugin<T>(
  typescript: typeof ts,
  options: UxLanguagePluginOptions<T>,
): LanguagePlugin<T, UxVirtualCode> {
  const appOf = createAppLocator(options.fileExists ?? ((fileName) => typescript.sys.fileExists(fileName)));
  const create = (scriptId: T, snapshot: IScriptSnapshot) => {
    const fileName = options.asFileName(scriptId);
    return createUxVirtualCode(typescript, fileName, snapshot.getText(0, snapshot.getLength()), appOf(fileName), {
      referenceTypes: options.referenceTypes ?? true,
      literalThis: options.literalThis?.() ?? false,
    });
  };
  return {
    getLanguageId: (scriptId) => (options.asFileName(scriptId).endsWith('.ux') ? uxLanguageId : undefined),
    createVirtualCode: (scriptId, languageId, snapshot) =>
      languageId === uxLanguageId ? create(scriptId, snapshot) : undefined,
    updateVirtualCode: (scriptId, _code, snapshot) => create(scriptId, snapshot),
    typescript: {
      extraFileExtensions: [{ extension: 'ux', isMixedContent: true, scriptKind: typescript.ScriptKind.Deferred }],
      getServiceScript(root) {
        const code = root.embeddedCodes?.[0];
        if (code === undefined) return undefined;
        const isTs = code.languageId === 'typescript';
        return {
          code,
          extension: isTs ? '.ts' : '.js',
          scriptKind: isTs ? typescript.ScriptKind.TS : typescript.ScriptKind.JS,
        };
      },
    },
  };
}
