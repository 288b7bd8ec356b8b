import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import {
  CompletionItemKind,
  createConnection,
  createServer,
  createTypeScriptProject,
  loadTsdkByPath,
  type LanguageServicePlugin,
} from '@volar/language-server/node.js';
import { create as createTypeScriptServices } from 'volar-service-typescript';
import { URI } from 'vscode-uri';
import { withoutGlueCompletions } from './glue-completions.js';
import { createUxLanguagePlugin, literalThisFits, uxLanguageId } from './language-plugin.js';
import { cacheFileStats, cacheScriptLookups, DocumentChangeJournal, memoizeFileUris } from './script-cache.js';

/** The TypeScript the server runs when the editor names none: the one velakit is installed with. */
function defaultTsdk(): string {
  return dirname(createRequire(import.meta.url).resolve('typescript'));
}

/**
 * A service plugin whose completions in `.ux` scripts leave out the names only the generated glue holds. TypeScript's
 * word-based entries (JavaScript it does not check) come as `Text` items.
 */
function hidingGlueCompletions(plugin: LanguageServicePlugin): LanguageServicePlugin {
  return {
    ...plugin,
    create(context) {
      const instance = plugin.create(context);
      const provide = instance.provideCompletionItems?.bind(instance);
      if (provide === undefined) return instance;
      instance.provideCompletionItems = async (document, ...rest) => {
        const list = await provide(document, ...rest);
        const source = list && context.decodeEmbeddedDocumentUri(URI.parse(document.uri))?.[0];
        const script = source && context.language.scripts.get(source);
        if (!list || script?.languageId !== uxLanguageId) return list;
        list.items = withoutGlueCompletions(
          list.items,
          (item) => ({ name: item.label, wordBased: item.kind === CompletionItemKind.Text }),
          () => script.snapshot.getText(0, script.snapshot.getLength()),
        );
        return list;
      };
      return instance;
    },
  };
}

/**
 * Starts the Vela language server on the process's stdio (or the transport the command line names: `--stdio`,
 * `--node-ipc`, `--socket=<port>`). `.ux` scripts get TypeScript's completion, hover, signature help,
 * go-to-definition and diagnostics, with the page or app object as `this`; `.js` and `.ts` files get the same.
 * An editor may pass `initializationOptions.typescript.tsdk`, the `lib` folder of the TypeScript to use.
 */
export function startLanguageServer(): void {
  const connection = createConnection();
  const server = createServer(connection);
  // Before Volar's own document listeners (registered at initialize and per project), so caches forget first.
  const journal = new DocumentChangeJournal(server.documents);
  connection.onInitialize((params) => {
    const options = params.initializationOptions as { typescript?: { tsdk?: string } } | undefined;
    const { typescript, diagnosticMessages } = loadTsdkByPath(
      options?.typescript?.tsdk ?? defaultTsdk(),
      params.locale,
    );
    const project = createTypeScriptProject(typescript, diagnosticMessages, ({ uriConverter, projectHost, sys }) => {
      memoizeFileUris(uriConverter);
      cacheFileStats(sys);
      return {
        languagePlugins: [
          createUxLanguagePlugin(typescript, {
            asFileName: (uri) => uriConverter.asFileName(uri),
            literalThis: () => literalThisFits(projectHost.getCompilationSettings(), typescript.versionMajorMinor),
          }),
        ],
        setup({ language }) {
          const cache = cacheScriptLookups(language.scripts, {
            journal,
            fileSystemVersion: () => sys.version,
            caseSensitive: sys.useCaseSensitiveFileNames,
          });
          // A project is disposed (its config changed or was deleted) by disposing its file system.
          const dispose = sys.dispose.bind(sys);
          sys.dispose = () => {
            cache.dispose();
            dispose();
          };
        },
      };
    });
    return server.initialize(params, project, createTypeScriptServices(typescript).map(hidingGlueCompletions));
  });
  connection.onInitialized(() => {
    server.initialized();
    // Files created, changed or deleted on disk (not only in the editor) reach the projects, and config changes too.
    void server.fileWatcher.watchFiles(['**/*.{ux,js,cjs,mjs,ts,cts,mts,json}']);
  });
  connection.onShutdown(() => server.shutdown());
  connection.listen();
}
