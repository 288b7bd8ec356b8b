// The language server's per-file caches (src/script-cache.ts), on a stand-in for Volar's script registry: each kept
// answer, and each way an answer is dropped and asked of Volar again. language-server-changes.test.ts shows the same
// against the real server.
import { URI } from 'vscode-uri';
import { describe, expect, it } from 'vitest';
import {
  cacheFileStats,
  cacheScriptLookups,
  DocumentChangeJournal,
  memoizeFileUris,
  type ScriptRegistry,
  type SyncedDocumentEvents,
  type UriConverter,
  type VolarSys,
} from '../src/script-cache.js';

type Listener = (event: { document: { uri: string } }) => void;

/** Document events an editor would cause, fired by hand. */
function fakeDocuments() {
  const listeners: Record<keyof SyncedDocumentEvents, Listener[]> = {
    onDidOpen: [],
    onDidChangeContent: [],
    onDidSave: [],
    onDidClose: [],
  };
  const source = (name: keyof SyncedDocumentEvents) => (listener: Listener) => {
    listeners[name].push(listener);
    return { dispose: () => undefined };
  };
  const events: SyncedDocumentEvents = {
    onDidOpen: source('onDidOpen'),
    onDidChangeContent: source('onDidChangeContent'),
    onDidSave: source('onDidSave'),
    onDidClose: source('onDidClose'),
  };
  const fire = (name: keyof SyncedDocumentEvents, uri: string) => {
    for (const listener of listeners[name]) listener({ document: { uri } });
  };
  return { events, fire };
}

interface Script {
  readonly id: string;
  readonly built: number;
  isAssociationDirty?: boolean;
}

/** A registry that builds a new script on every lookup and records what it was asked. */
function fakeRegistry() {
  const calls: string[] = [];
  let built = 0;
  const registry: ScriptRegistry<Script> = {
    get(id, includeFsFiles = true, shouldRegister = false) {
      calls.push(`get ${id.path} ${includeFsFiles} ${shouldRegister}`);
      return id.path.endsWith('missing.ux') ? undefined : { id: id.toString(), built: ++built };
    },
    set(id) {
      calls.push(`set ${id.path}`);
      return undefined;
    },
    delete(id) {
      calls.push(`delete ${id.path}`);
    },
  };
  return { registry, calls };
}

const page = URI.file('/app/src/pages/a/a.ux');
const other = URI.file('/app/src/pages/b/b.ux');

function setUp(caseSensitive = true) {
  const documents = fakeDocuments();
  const journal = new DocumentChangeJournal(documents.events);
  const { registry, calls } = fakeRegistry();
  let fsVersion = 0;
  const cache = cacheScriptLookups(registry, { journal, fileSystemVersion: () => fsVersion, caseSensitive });
  return {
    registry,
    calls,
    cache,
    fire: documents.fire,
    bumpFileSystem: () => fsVersion++,
  };
}

describe('cacheScriptLookups', () => {
  it("keeps each file's script until something about that file changes", () => {
    const { registry, calls, cache } = setUp();
    const first = registry.get(page);
    expect(registry.get(URI.file('/app/src/pages/a/a.ux'))).toBe(first);
    expect(registry.get(other)).not.toBe(first);
    expect(calls).toEqual(['get /app/src/pages/a/a.ux true false', 'get /app/src/pages/b/b.ux true false']);
    expect(cache.stats).toEqual({ hits: 1, misses: 2, notOpen: 0 });
  });

  it('keeps a missing file missing without asking again', () => {
    const { registry, calls } = setUp();
    const missing = URI.file('/app/src/missing.ux');
    expect(registry.get(missing)).toBeUndefined();
    expect(registry.get(missing)).toBeUndefined();
    expect(calls).toHaveLength(1);
  });

  it.each(['onDidOpen', 'onDidChangeContent', 'onDidSave', 'onDidClose'] as const)(
    'asks again for a file after its document fires %s, and only for that file',
    (event) => {
      const { registry, fire } = setUp();
      const [a, b] = [registry.get(page), registry.get(other)];
      // The client may spell the URI differently from vscode-uri (here an encoded letter).
      fire(event, 'file:///app/src/pages/a/%61.ux');
      expect(registry.get(page)).not.toBe(a);
      expect(registry.get(other)).toBe(b);
    },
  );

  it('asks again after the script is set or deleted directly', () => {
    const { registry } = setUp();
    const a = registry.get(page);
    registry.set(page);
    const b = registry.get(page);
    expect(b).not.toBe(a);
    registry.delete(page);
    expect(registry.get(page)).not.toBe(b);
  });

  it('asks again for every file after the file-system view changes', () => {
    const { registry, bumpFileSystem } = setUp();
    const [a, b] = [registry.get(page), registry.get(other)];
    bumpFileSystem();
    expect(registry.get(page)).not.toBe(a);
    expect(registry.get(other)).not.toBe(b);
  });

  it('asks again for a script whose associated files changed', () => {
    const { registry } = setUp();
    const a = registry.get(page)!;
    a.isAssociationDirty = true;
    expect(registry.get(page)).not.toBe(a);
  });

  it('answers "not open" without Volar for a file the editor does not have open, and asks Volar otherwise', () => {
    const { registry, calls, cache, fire } = setUp();
    expect(registry.get(page, false)).toBeUndefined();
    expect(calls).toEqual([]);
    expect(cache.stats.notOpen).toBe(1);

    fire('onDidOpen', page.toString());
    expect(registry.get(page, false)).toBeDefined();
    expect(calls).toEqual(['get /app/src/pages/a/a.ux false false']);
    fire('onDidClose', page.toString());
    expect(registry.get(page, false)).toBeUndefined();
    expect(calls).toHaveLength(1);
  });

  it('passes registering lookups through, and asks again after them', () => {
    const { registry, calls } = setUp();
    const a = registry.get(page);
    registry.get(page, true, true);
    expect(registry.get(page)).not.toBe(a);
    expect(calls).toEqual([
      'get /app/src/pages/a/a.ux true false',
      'get /app/src/pages/a/a.ux true true',
      'get /app/src/pages/a/a.ux true false',
    ]);
  });

  it('on a case-insensitive file system, a change under another spelling drops the script too', () => {
    const { registry, fire } = setUp(false);
    const a = registry.get(page);
    expect(registry.get(URI.file('/APP/src/pages/a/a.ux'))).toBe(a);
    fire('onDidChangeContent', 'file:///App/src/pages/a/A.ux');
    expect(registry.get(page)).not.toBe(a);
  });

  it('gives the registry its own functions back when disposed', () => {
    const { registry } = fakeRegistry();
    const { get, set, delete: remove } = registry;
    const cache = cacheScriptLookups(registry, {
      journal: new DocumentChangeJournal(fakeDocuments().events),
      fileSystemVersion: () => 0,
      caseSensitive: true,
    });
    expect(registry.get).not.toBe(get);
    cache.dispose();
    expect([registry.get, registry.set, registry.delete]).toEqual([get, set, remove]);
  });
});

describe('memoizeFileUris', () => {
  it('hands back one URI object per file name, but not for names that stand for other schemes', () => {
    let made = 0;
    const converter: UriConverter = {
      asUri: (fileName) => {
        made++;
        return URI.file(fileName);
      },
      asFileName: (uri) => uri.fsPath,
    };
    memoizeFileUris(converter);
    memoizeFileUris(converter); // a second project of the same server
    expect(converter.asUri('/app/a.ux')).toBe(converter.asUri('/app/a.ux'));
    expect(converter.asUri('/app/a.ux').toString()).toBe('file:///app/a.ux');
    const untitled = '/untitled%3A%2F%2F/Untitled-1';
    expect(converter.asUri(untitled)).not.toBe(converter.asUri(untitled));
    expect(made).toBe(3);
  });
});

describe('cacheFileStats', () => {
  function fakeSys() {
    const asked: string[] = [];
    const files = new Map<string, number>([['/lib/a.d.ts', 1000]]);
    const sys = {
      version: 0,
      fileExists(fileName: string) {
        asked.push(`exists ${fileName}`);
        return files.has(fileName);
      },
      getModifiedTime(fileName: string) {
        asked.push(`time ${fileName}`);
        return new Date(files.get(fileName) ?? -1);
      },
    } satisfies VolarSys;
    return { sys, asked, files };
  }

  it('keeps answers for existing files until the version changes', () => {
    const { sys, asked, files } = fakeSys();
    cacheFileStats(sys);
    expect(sys.fileExists('/lib/a.d.ts')).toBe(true);
    expect(sys.fileExists('/lib/a.d.ts')).toBe(true);
    expect(sys.getModifiedTime('/lib/a.d.ts').valueOf()).toBe(1000);
    expect(sys.getModifiedTime('/lib/a.d.ts').valueOf()).toBe(1000);
    expect(asked).toEqual(['exists /lib/a.d.ts', 'time /lib/a.d.ts']);

    files.set('/lib/a.d.ts', 2000);
    sys.version++;
    expect(sys.getModifiedTime('/lib/a.d.ts').valueOf()).toBe(2000);
    expect(sys.fileExists('/lib/a.d.ts')).toBe(true);
    expect(asked).toHaveLength(4);
  });

  it('asks again each time about a file that does not exist', () => {
    const { sys, asked, files } = fakeSys();
    cacheFileStats(sys);
    expect(sys.fileExists('/lib/b.d.ts')).toBe(false);
    expect(sys.getModifiedTime('/lib/b.d.ts').valueOf()).toBe(-1);
    // Volar can learn of a file from a directory listing without changing its version.
    files.set('/lib/b.d.ts', 5);
    expect(sys.fileExists('/lib/b.d.ts')).toBe(true);
    expect(sys.getModifiedTime('/lib/b.d.ts').valueOf()).toBe(5);
    expect(asked).toHaveLength(4);
  });
});
