// `tsc --noEmit` (through the compiler API) over a Vela app in plain JavaScript set up with the README's
// jsconfig.json: a page importing every module the typings describe and running every documented example, and a
// page written like published apps. Correct code: no errors at all.
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import ts from 'typescript';
import { modules } from '@velakit/catalog';
import { isLoose } from '../scripts/render.mjs';
import { renderEveryModulePage } from '../scripts/type-tests.mjs';
import { formatDiagnostic } from './support/virtual-project.js';

const app = fileURLToPath(new URL('./fixtures/every-module-app/', import.meta.url));
const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');

function typeCheck(configFile: string) {
  const parsed = ts.getParsedCommandLineOfConfigFile(configFile, undefined, {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (diagnostic) => {
      throw new Error(formatDiagnostic(diagnostic));
    },
  });
  if (parsed === undefined) throw new Error(`cannot read ${configFile}`);
  const program = ts.createProgram(parsed.fileNames, parsed.options);
  return {
    configErrors: parsed.errors.map(formatDiagnostic),
    files: parsed.fileNames.map((name) => relative(app, name)).sort(),
    errors: ts
      .getPreEmitDiagnostics(program)
      .map((d) => `${relative(app, d.file?.fileName ?? '')}:${formatDiagnostic(d)}`),
  };
}

describe('a JavaScript Vela app using every described module, with the README jsconfig.json', () => {
  it('uses exactly the jsconfig.json the README shows', () => {
    const shown = [...readme.matchAll(/^```json\n([\s\S]*?)^```$/gmu)].map(
      (match) => JSON.parse(match[1] ?? '') as unknown,
    );
    expect(shown).toContainEqual(JSON.parse(readFileSync(`${app}jsconfig.json`, 'utf8')) as unknown);
  });

  it('its generated page imports every module described in full and is up to date', () => {
    const page = readFileSync(`${app}src/every-module.js`, 'utf8');
    expect(page).toBe(renderEveryModulePage());
    for (const module of modules.filter((candidate) => !isLoose(candidate)))
      expect(page).toContain(`from '@${module.name}'`);
  });

  it('tsc reports 0 errors', () => {
    const result = typeCheck(`${app}jsconfig.json`);
    expect(result.configErrors).toEqual([]);
    expect(result.files).toEqual(['src/every-module.js', 'src/pages/weather.js']);
    expect(result.errors).toEqual([]);
  });
});
