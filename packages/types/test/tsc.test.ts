// `tsc --noEmit` (through the compiler API) over a small Vela project in plain JavaScript, set up as the README says.
import { fileURLToPath } from 'node:url';
import { relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import ts from 'typescript';
import { formatDiagnostic } from './support/virtual-project.js';

const app = fileURLToPath(new URL('./fixtures/js-app/', import.meta.url));

function typeCheck(configFile: string) {
  const configErrors: string[] = [];
  const parsed = ts.getParsedCommandLineOfConfigFile(configFile, undefined, {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (diagnostic) => configErrors.push(formatDiagnostic(diagnostic)),
  });
  if (parsed === undefined) throw new Error(configErrors.join('\n'));
  const program = ts.createProgram(parsed.fileNames, parsed.options);
  return {
    configErrors: parsed.errors.map(formatDiagnostic),
    files: parsed.fileNames.map((name) => relative(app, name)).sort(),
    errors: ts
      .getPreEmitDiagnostics(program)
      .map((diagnostic) => `${relative(app, diagnostic.file?.fileName ?? '')}:${formatDiagnostic(diagnostic)}`),
  };
}

describe('tsc --noEmit over a JavaScript Vela project with checkJs and "types": ["@velakit/types"]', () => {
  it('reports the missing url, with its position, and nothing else', () => {
    const result = typeCheck(`${app}jsconfig.json`);
    expect(result.configErrors).toEqual([]);
    expect(result.files).toEqual(['src/download.js', 'src/upload.js']);
    expect(result.errors).toEqual([
      "src/upload.js:6:38 TS2345 Argument of type '{ filePath: string; name: string; }' is not assignable to parameter of type 'UploadFileOptions'.",
    ]);
  });

  it('says which property is missing', () => {
    const program = ts.createProgram([`${app}src/upload.js`], {
      allowJs: true,
      checkJs: true,
      noEmit: true,
      strict: true,
      lib: ['lib.es2020.d.ts'],
      module: ts.ModuleKind.ESNext,
      moduleResolution: ts.ModuleResolutionKind.Bundler,
      types: ['@velakit/types'],
    });
    const [diagnostic, ...others] = ts.getPreEmitDiagnostics(program);
    expect(others).toEqual([]);
    expect(ts.flattenDiagnosticMessageText(diagnostic?.messageText, '\n').split('\n')[1]?.trim()).toBe(
      "Property 'url' is missing in type '{ filePath: string; name: string; }' but required in type 'UploadFileOptions'.",
    );
  });
});
