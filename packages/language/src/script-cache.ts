import { URI } from 'vscode-uri';

/**
 * Why this exists: after any edit, Volar's project host and TypeScript's `synchronizeHostData` look every file of the
 * project up again (4 to 5 `language.scripts.get` calls per file), and each lookup re-derives the file's state: the
 * synced document, the file's modified time through Volar's in-memory file system (path resolution, directory walk)
 * and the script registry. On a 500-page app that was about three quarters of a warm completion. A file's lookup can
 * only change when its document is opened, changed, saved or closed, when its script is set or deleted, or when the
 * file system view changes (Volar's `sys.version`, bumped by watched-file events). So the answer is kept per file
 * until one of those happens, and an edit to one `.ux` re-derives that one file.
 */

/** A document event as the language server's `documents` fire it. */
interface DocumentEvent {
  readonly document: { readonly uri: string };
}
type DocumentEventSource = (listener: (event: DocumentEvent) => void) => { dispose(): void };

/** The document events of the language server (`server.documents`). */
export interface SyncedDocumentEvents {
  readonly onDidOpen: DocumentEventSource;
  readonly onDidChangeContent: DocumentEventSource;
  readonly onDidSave: DocumentEventSource;
  readonly onDidClose: DocumentEventSource;
}

/**
 * Tells every project's cache which document an editor opened, changed, saved or closed. Created when the server
 * starts, before Volar registers its own listeners, so a cache forgets a file before anything can look it up again.
 */
export class DocumentChangeJournal {
  private readonly listeners = new Set<(uri: string) => void>();
  /** The open documents, by the client's URI and by its parsed form, as Volar's `documents.get` finds them. */
  private readonly open = new Set<string>();

  constructor(documents: SyncedDocumentEvents) {
    // Volar keys documents by the parsed URI's string form, which may differ from the client's spelling.
    const changed = (uri: string) => {
      for (const listener of this.listeners) listener(uri);
    };
    documents.onDidOpen(({ document }) => {
      const parsed = URI.parse(document.uri).toString();
      this.open.add(document.uri).add(parsed);
      changed(parsed);
    });
    documents.onDidChangeContent(({ document }) => changed(URI.parse(document.uri).toString()));
    documents.onDidSave(({ document }) => changed(URI.parse(document.uri).toString()));
    documents.onDidClose(({ document }) => {
      const parsed = URI.parse(document.uri).toString();
      this.open.delete(document.uri);
      this.open.delete(parsed);
      changed(parsed);
    });
  }

  /** Whether the editor has this URI open (its string form, as `URI.toString()` gives it). */
  isOpen(uri: string): boolean {
    return this.open.has(uri);
  }

  subscribe(listener: (uri: string) => void): { dispose(): void } {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  }
}

/** The part of Volar's `language.scripts` the cache wraps. */
export interface ScriptRegistry<Script> {
  get(id: URI, includeFsFiles?: boolean, shouldRegister?: boolean): Script | undefined;
  set(id: URI, ...rest: never[]): Script | undefined;
  delete(id: URI): void;
}

export interface ScriptCacheOptions {
  readonly journal: DocumentChangeJournal;
  /** Volar's file-system view version (`sys.version`): any change may change any file's answer. */
  fileSystemVersion(): number;
  readonly caseSensitive: boolean;
}

export interface ScriptCacheStats {
  hits: number;
  misses: number;
  /** Lookups of synced documents only, for a file the editor does not have open. */
  notOpen: number;
}

/**
 * Keeps `scripts.get(uri)`'s answer per file until that file's document changes, its script is set or deleted, or
 * the file-system view changes. Lookups that ask for synced documents only (`includeFsFiles` false) or register a
 * file go straight to Volar, and make the file be looked up again next time.
 */
export function cacheScriptLookups<Script extends { readonly isAssociationDirty?: boolean }>(
  scripts: ScriptRegistry<Script>,
  options: ScriptCacheOptions,
): { readonly stats: ScriptCacheStats; dispose(): void } {
  const { get, set, delete: remove } = scripts;
  const answers = new Map<string, Script | undefined>();
  const stats: ScriptCacheStats = { hits: 0, misses: 0, notOpen: 0 };
  let seenVersion = options.fileSystemVersion();
  const keyOf = options.caseSensitive ? (uri: string) => uri : (uri: string) => uri.toLowerCase();
  const forget = (id: URI) => answers.delete(keyOf(id.toString()));

  scripts.get = function (id, includeFsFiles = true, shouldRegister = false) {
    if (!includeFsFiles && !shouldRegister && !options.journal.isOpen(id.toString())) {
      // "Is this file open in the editor?" Volar would answer no after dropping the file's script, which the next
      // lookup then builds again from the same snapshot: TypeScript asks this of every file that is not a `.ux`.
      stats.notOpen++;
      return undefined;
    }
    if (!includeFsFiles || shouldRegister) {
      forget(id);
      return get.call(this, id, includeFsFiles, shouldRegister);
    }
    const version = options.fileSystemVersion();
    if (version !== seenVersion) {
      answers.clear();
      seenVersion = version;
    }
    const key = keyOf(id.toString());
    if (answers.has(key)) {
      const script = answers.get(key);
      // A script whose associated files changed must be rebuilt, as Volar's own lookup does.
      if (script?.isAssociationDirty !== true) {
        stats.hits++;
        return script;
      }
    }
    stats.misses++;
    const script = get.call(this, id, includeFsFiles, shouldRegister);
    answers.set(key, script);
    return script;
  };
  scripts.set = function (id, ...rest) {
    forget(id);
    return set.call(this, id, ...rest);
  };
  scripts.delete = function (id) {
    forget(id);
    remove.call(this, id);
  };
  const subscription = options.journal.subscribe((uri) => answers.delete(keyOf(uri)));
  return {
    stats,
    dispose() {
      subscription.dispose();
      answers.clear();
      Object.assign(scripts, { get, set, delete: remove });
    },
  };
}

/** Volar's converter between file names and URIs (shared by every project of a server). */
export interface UriConverter {
  asUri(fileName: string): URI;
  asFileName(uri: URI): string;
}

const memoized = new WeakSet<UriConverter>();

/**
 * Makes `asUri(fileName)` hand back one URI object per file name, so its string form (which the script lookups are
 * keyed by) is computed once: TypeScript asks by file name, and Volar turned each name into a new URI every time.
 * Names standing for other schemes (`/<scheme%3A%2F%2Fauthority>/...`) depend on what the converter saw before,
 * so they are not kept.
 */
export function memoizeFileUris(converter: UriConverter): void {
  if (memoized.has(converter)) return;
  memoized.add(converter);
  const asUri = converter.asUri.bind(converter);
  const uris = new Map<string, URI>();
  converter.asUri = (fileName) => {
    let uri = uris.get(fileName);
    if (uri === undefined) {
      uri = asUri(fileName);
      if (!fileName.includes('%3A%2F%2F')) uris.set(fileName, uri);
    }
    return uri;
  };
}

/** The part of Volar's in-memory file system (`createSys`) whose answers are kept. */
export interface VolarSys {
  readonly version: number;
  fileExists(fileName: string): boolean;
  getModifiedTime?(fileName: string): Date | undefined;
}

/**
 * Keeps `fileExists` and `getModifiedTime` answers for files that exist until `sys.version` changes (a watched
 * file was created, changed or deleted). TypeScript asks both of every file that is not a `.ux` (the lib and type
 * declarations) twice per edit, and each answer resolved the path and walked Volar's directory tree. Answers for
 * missing files are not kept: Volar may learn of the file from a directory listing without changing its version.
 */
export function cacheFileStats(sys: VolarSys): void {
  const { fileExists, getModifiedTime } = sys;
  const existing = new Set<string>();
  const modified = new Map<string, number>();
  let seenVersion = sys.version;
  const current = () => {
    if (sys.version !== seenVersion) {
      existing.clear();
      modified.clear();
      seenVersion = sys.version;
    }
  };
  sys.fileExists = (fileName) => {
    current();
    if (existing.has(fileName)) return true;
    const exists = fileExists.call(sys, fileName);
    if (exists) existing.add(fileName);
    return exists;
  };
  if (getModifiedTime !== undefined) {
    sys.getModifiedTime = (fileName) => {
      current();
      const known = modified.get(fileName);
      if (known !== undefined) return new Date(known);
      const time = getModifiedTime.call(sys, fileName);
      const value = time?.valueOf();
      // Volar answers -1 for a file it has no stat for.
      if (value !== undefined && value !== -1) modified.set(fileName, value);
      return time;
    };
  }
}
