import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import { trackModules, type ModuleUsage } from './module-tracker.js';
import type { TSESLint } from './rule.js';

/** Runs the tracker on `code` inside a real lint, where scope analysis is done. */
function track(code: string, sourceType: 'module' | 'commonjs' = 'module'): ModuleUsage {
  let usage: ModuleUsage | undefined;
  const rule = {
    create(context: { sourceCode: unknown }) {
      return {
        Program() {
          usage = trackModules(context.sourceCode as TSESLint.SourceCode);
        },
      };
    },
  };
  const messages = new Linter({ configType: 'flat' }).verify(code, [
    {
      plugins: { probe: { rules: { track: rule } } },
      rules: { 'probe/track': 'error' },
      languageOptions: { sourceType },
    },
  ]);
  expect(messages).toEqual([]);
  return usage!;
}

const calls = (usage: ModuleUsage): string[] =>
  usage.methodUses
    .filter((use) => use.kind === 'call')
    .map((use) => `${use.interfaceName ?? use.module.name}.${use.member}@${use.node.loc.start.line}`);
const uses = (usage: ModuleUsage): string[] =>
  usage.moduleUses.map((use) => `${use.module.name}.${use.member ?? '*'}@${use.node.loc.start.line}`);

describe('trackModules', () => {
  it('follows default, named and namespace imports', () => {
    const usage = track(
      "import request from '@system.request'\nimport { download } from '@system.request'\nimport * as r from '@system.request'\nrequest.download({})\ndownload({})\nr.onDownloadComplete({})",
    );
    expect(usage.imports.map((entry) => [entry.specifier, entry.featureName, entry.module?.name])).toEqual([
      ['@system.request', 'system.request', 'system.request'],
      ['@system.request', 'system.request', 'system.request'],
      ['@system.request', 'system.request', 'system.request'],
    ]);
    expect(calls(usage)).toEqual([
      'system.request.download@4',
      'system.request.download@5',
      'system.request.onDownloadComplete@6',
    ]);
    expect(uses(usage)).toEqual([
      'system.request.download@4',
      'system.request.download@5',
      'system.request.onDownloadComplete@6',
    ]);
  });

  it('follows require: assigned, destructured, inline, without a declared `require` global', () => {
    const usage = track(
      "const request = require('@system.request')\nconst { uploadFile } = require('@system.uploadtask')\nrequest.download({})\nuploadFile({})\nrequire('@system.request').download({})",
      'commonjs',
    );
    expect(calls(usage)).toEqual([
      'system.request.download@3',
      'system.uploadtask.uploadFile@4',
      'system.request.download@5',
    ]);
    expect(uses(usage)).toEqual([
      'system.request.download@3',
      'system.uploadtask.uploadFile@4',
      'system.request.download@5',
    ]);
  });

  it('follows aliases and destructuring of the module, and the UploadTask a call returns', () => {
    const usage = track(
      "import uploadtask from '@system.uploadtask'\nconst u = uploadtask\nconst { uploadFile } = u\nconst task = uploadFile({})\nconst again = task\nagain.onProgressUpdate(f)\nu.uploadFile({}).abort()",
    );
    expect(calls(usage)).toEqual([
      'system.uploadtask.uploadFile@4',
      'UploadTask.onProgressUpdate@6',
      'system.uploadtask.uploadFile@7',
      'UploadTask.abort@7',
    ]);
    expect(uses(usage)).toEqual(['system.uploadtask.uploadFile@4', 'system.uploadtask.uploadFile@7']);
  });

  it('records unknown modules as imports only, and ignores what is not a @system module', () => {
    const usage = track(
      "import x from '@system.requst'\nimport y from 'request'\nconst z = require(name)\nx.download({})\ny.download({})",
    );
    expect(usage.imports.map((entry) => [entry.specifier, entry.module])).toEqual([['@system.requst', undefined]]);
    expect(usage.methodUses).toEqual([]);
    expect(usage.moduleUses).toEqual([]);
  });

  it('does not confuse shadowed names or a locally defined require', () => {
    const usage = track(
      "import request from '@system.request'\nfunction f(request) { request.download({}) }\nfunction g() { const require = load; require('@system.fetch').fetch({}) }",
      'module',
    );
    expect(usage.methodUses).toEqual([]);
    expect(usage.imports.map((entry) => entry.specifier)).toEqual(['@system.request']);
  });
});
