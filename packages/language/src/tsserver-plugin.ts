import { createLanguageServicePlugin } from '@volar/typescript/lib/quickstart/createLanguageServicePlugin.js';
import type ts from 'typescript';
import { withoutGlueCompletions } from './glue-completions.js';
import { createUxLanguagePlugin, literalThisFits } from './language-plugin.js';

const volarPlugin = createLanguageServicePlugin((typescript, info) => ({
  languagePlugins: [
    createUxLanguagePlugin<string>(typescript, {
      asFileName: (fileName) => fileName,
      literalThis: () => literalThisFits(info.project.getCompilerOptions(), typescript.versionMajorMinor),
    }),
  ],
}));

/**
 * The TypeScript server plugin: tsserver-based editors (VS Code's built-in TypeScript, and any editor that runs
 * tsserver) open `.ux` files as their virtual scripts. tsserver loads it by package name from `compilerOptions.plugins`.
 * Completions in `.ux` files leave out the names only the generated glue holds (see glue-completions.ts).
 */
export const tsserverPlugin: ts.server.PluginModuleFactory = (modules) => {
  const plugin = volarPlugin(modules);
  return {
    ...plugin,
    create(info) {
      const service = plugin.create(info);
      const complete = service.getCompletionsAtPosition.bind(service);
      const getCompletionsAtPosition: ts.LanguageService['getCompletionsAtPosition'] = (fileName, ...rest) => {
        const result = complete(fileName, ...rest);
        if (result === undefined || !fileName.endsWith('.ux')) return result;
        result.entries = withoutGlueCompletions(
          result.entries,
          (entry) => ({ name: entry.name, wordBased: entry.kind === modules.typescript.ScriptElementKind.warning }),
          () => {
            const snapshot = info.project.getScriptInfo(fileName)?.getSnapshot();
            return snapshot === undefined ? '' : snapshot.getText(0, snapshot.getLength());
          },
        );
        return result;
      };
      // Volar's service is a proxy that answers with its own methods: wrap it rather than assign to it.
      return new Proxy(service, {
        get: (target, key, receiver) =>
          key === 'getCompletionsAtPosition' ? getCompletionsAtPosition : Reflect.get(target, key, receiver),
      });
    },
  };
};
