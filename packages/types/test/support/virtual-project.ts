// An in-memory Vela project for the TypeScript compiler and language service. Its files live in memory; everything
// else (lib files, node_modules/@velakit/types) is read from disk, so the typings resolve exactly as they would for a
// project that installed the package.
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

/** A folder inside the repository (it need not exist): module resolution walks up to the real node_modules. */
export const projectRoot = fileURLToPath(new URL('../fixtures/virtual-app/', import.meta.url)).replaceAll('\\', '/');

/** The options of a typical Vela `jsconfig.json` (JavaScript checked, a bundler resolves imports). */
export const velaOptions: ts.CompilerOptions = {
  allowJs: true,
  checkJs: true,
  noEmit: true,
  strict: true,
  target: ts.ScriptTarget.ES2020,
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  lib: ['lib.es2020.d.ts'],
  types: ['@velakit/types'],
};

export const cursor = '/*|*/';

/** Text with one `/*|*\/` marker: the text without it, and the marker's offset. */
export function atCursor(textWithCursor: string): { text: string; offset: number } {
  const offset = textWithCursor.indexOf(cursor);
  if (offset < 0 || textWithCursor.indexOf(cursor, offset + 1) >= 0) throw new Error('mark exactly one cursor');
  return { text: textWithCursor.replace(cursor, ''), offset };
}

/** Shared so that every project in a test run parses the lib files once. */
const documentRegistry = ts.createDocumentRegistry();

export class VirtualProject {
  private readonly files = new Map<string, { text: string; version: number }>();
  readonly service: ts.LanguageService;

  constructor(private readonly options: ts.CompilerOptions = velaOptions) {
    const host: ts.LanguageServiceHost = {
      getScriptFileNames: () => [...this.files.keys()],
      getScriptVersion: (fileName) => String(this.files.get(fileName)?.version ?? 0),
      getScriptSnapshot: (fileName) => {
        const text = this.files.get(fileName)?.text ?? ts.sys.readFile(fileName);
        return text === undefined ? undefined : ts.ScriptSnapshot.fromString(text);
      },
      getCurrentDirectory: () => projectRoot,
      getCompilationSettings: () => this.options,
      getDefaultLibFileName: (options) => ts.getDefaultLibFilePath(options),
      fileExists: (fileName) => this.files.has(fileName) || ts.sys.fileExists(fileName),
      readFile: (fileName) => this.files.get(fileName)?.text ?? ts.sys.readFile(fileName),
      directoryExists: (directory) => ts.sys.directoryExists(directory),
      getDirectories: (directory) => ts.sys.getDirectories(directory),
      realpath: (path) => ts.sys.realpath?.(path) ?? path,
    };
    this.service = ts.createLanguageService(host, documentRegistry);
  }

  /** Writes (or rewrites) a file of the project; returns its absolute name. */
  write(name: string, text: string): string {
    const fileName = projectRoot + name;
    this.files.set(fileName, { text, version: (this.files.get(fileName)?.version ?? 0) + 1 });
    return fileName;
  }

  /** Names of the completions offered at the cursor, sorted. */
  completions(name: string, textWithCursor: string): string[] {
    const { text, offset } = atCursor(textWithCursor);
    const entries = this.service.getCompletionsAtPosition(this.write(name, text), offset, {})?.entries ?? [];
    return entries.map((entry) => entry.name).sort();
  }

  /** The hover at the cursor: signature line, documentation, then each tag, as an editor shows them. */
  hover(name: string, textWithCursor: string): { signature: string; documentation: string; tags: string[] } {
    const { text, offset } = atCursor(textWithCursor);
    const info = this.service.getQuickInfoAtPosition(this.write(name, text), offset);
    if (info === undefined) throw new Error(`no hover at ${offset} in ${name}`);
    return {
      signature: ts.displayPartsToString(info.displayParts),
      documentation: ts.displayPartsToString(info.documentation),
      tags: (info.tags ?? []).map((tag) => `@${tag.name} ${ts.displayPartsToString(tag.text)}`.trim()),
    };
  }

  /** Syntactic and semantic errors of one file, as `line:column code message` (1-based, like tsc). */
  errors(name: string): string[] {
    const fileName = projectRoot + name;
    const diagnostics = [
      ...this.service.getSyntacticDiagnostics(fileName),
      ...this.service.getSemanticDiagnostics(fileName),
    ];
    return diagnostics.map((diagnostic) => formatDiagnostic(diagnostic));
  }
}

/** Every error of the whole program (lib files and `@velakit/types` included), as `file:line:column code message`. */
export function programErrors(project: VirtualProject): string[] {
  const program = project.service.getProgram();
  if (program === undefined) throw new Error('no program');
  return ts
    .getPreEmitDiagnostics(program)
    .map((diagnostic) => `${diagnostic.file?.fileName ?? ''}:${formatDiagnostic(diagnostic)}`);
}

/** `line:column TScode first line of the message`, 1-based like tsc's output. */
export function formatDiagnostic(diagnostic: ts.Diagnostic): string {
  const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n').split('\n')[0];
  if (diagnostic.file === undefined || diagnostic.start === undefined) return `TS${diagnostic.code} ${message}`;
  const { line, character } = diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start);
  return `${line + 1}:${character + 1} TS${diagnostic.code} ${message}`;
}
