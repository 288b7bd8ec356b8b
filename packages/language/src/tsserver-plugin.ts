import { createLanguageServicePlugin } from '@volar/typescript/lib/quickstart/createLanguageServicePlugin.js';
import { createUxLanguagePlugin, literalThisFits } from './language-plugin.js';

/**
 * The TypeScript server plugin: tsserver-based editors (VS Code's built-in TypeScript, and any editor that runs
 * tsserver) open `.ux` files as their virtual scripts. tsserver loads it by package name from `compilerOptions.plugins`.
 */
export const tsserverPlugin = createLanguageServicePlugin((typescript, info) => ({
  languagePlugins: [
    createUxLanguagePlugin<string>(typescript, {
      asFileName: (fileName) => fileName,
      literalThis: () => literalThisFits(info.project.getCompilerOptions()),
    }),
  ],
}));
