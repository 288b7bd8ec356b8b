// Drives the real `velakit-language-server --stdio` as an editor does: a child process, JSON-RPC over its stdio.
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  CompletionRequest,
  createProtocolConnection,
  DefinitionRequest,
  DidChangeTextDocumentNotification,
  DidChangeWatchedFilesNotification,
  DidOpenTextDocumentNotification,
  DocumentDiagnosticRequest,
  ExitNotification,
  HoverRequest,
  InitializedNotification,
  InitializeRequest,
  ShutdownRequest,
  SignatureHelpRequest,
  StreamMessageReader,
  StreamMessageWriter,
  type CompletionItem,
  type CompletionList,
  type Definition,
  type Diagnostic,
  type DocumentDiagnosticReport,
  type FileEvent,
  type Hover,
  type LocationLink,
  type Position,
  type ProtocolConnection,
  type SignatureHelp,
} from 'vscode-languageserver-protocol/node';

export const serverBin = fileURLToPath(new URL('../../bin/velakit-language-server.js', import.meta.url));

/** Line and character (0-based, as LSP counts) of an offset. */
export function positionOf(text: string, offset: number): Position {
  const before = text.slice(0, offset);
  const line = before.split('\n').length - 1;
  return { line, character: offset - (before.lastIndexOf('\n') + 1) };
}

export class LspClient {
  private constructor(
    private readonly process: ChildProcess,
    readonly connection: ProtocolConnection,
  ) {}

  /** Starts the server on `rootDir` and completes the initialize handshake. */
  static async start(rootDir: string): Promise<LspClient> {
    const child = spawn(process.execPath, [serverBin, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    const connection = createProtocolConnection(
      new StreamMessageReader(child.stdout!),
      new StreamMessageWriter(child.stdin!),
    );
    // The server asks the editor for settings and registrations; an editor without any answers with nothing.
    connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => null));
    connection.onRequest('client/registerCapability', () => null);
    connection.onRequest('window/workDoneProgress/create', () => null);
    connection.listen();
    const client = new LspClient(child, connection);
    const rootUri = pathToFileURL(rootDir).href;
    await connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri,
      workspaceFolders: [{ uri: rootUri, name: 'app' }],
      capabilities: {
        textDocument: {
          completion: { completionItem: { snippetSupport: false } },
          hover: { contentFormat: ['markdown', 'plaintext'] },
          signatureHelp: { signatureInformation: { parameterInformation: { labelOffsetSupport: true } } },
          definition: { linkSupport: true },
          diagnostic: { dynamicRegistration: false },
        },
        workspace: {
          configuration: true,
          workspaceFolders: true,
          didChangeWatchedFiles: { dynamicRegistration: true },
        },
      },
    });
    await connection.sendNotification(InitializedNotification.type, {});
    return client;
  }

  async open(fileName: string, text: string, languageId = 'ux'): Promise<string> {
    const uri = pathToFileURL(fileName).href;
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri, languageId, version: 1, text },
    });
    return uri;
  }

  /** Replaces an open document's whole text, as an editor does after an edit. */
  async change(uri: string, version: number, text: string): Promise<void> {
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version },
      contentChanges: [{ text }],
    });
  }

  /** Tells the server what the editor's file watcher saw on disk (created 1, changed 2, deleted 3). */
  async filesChanged(changes: FileEvent[]): Promise<void> {
    await this.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes });
  }

  async completionLabels(uri: string, position: Position): Promise<string[]> {
    const result = (await this.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position })) as
      CompletionList | CompletionItem[] | null;
    const items = result === null ? [] : Array.isArray(result) ? result : result.items;
    return items.map((item) => item.label);
  }

  async hover(uri: string, position: Position): Promise<string> {
    const hover = (await this.connection.sendRequest(HoverRequest.type, {
      textDocument: { uri },
      position,
    })) as Hover | null;
    if (hover === null) return '';
    const contents = Array.isArray(hover.contents) ? hover.contents : [hover.contents];
    return contents.map((part) => (typeof part === 'string' ? part : part.value)).join('\n');
  }

  async signatureHelp(uri: string, position: Position): Promise<SignatureHelp | null> {
    return (await this.connection.sendRequest(SignatureHelpRequest.type, {
      textDocument: { uri },
      position,
    })) as SignatureHelp | null;
  }

  async definition(uri: string, position: Position): Promise<(Definition | LocationLink[]) | null> {
    return (await this.connection.sendRequest(DefinitionRequest.type, { textDocument: { uri }, position })) as
      Definition | LocationLink[] | null;
  }

  async diagnostics(uri: string): Promise<Diagnostic[]> {
    const report = (await this.connection.sendRequest(DocumentDiagnosticRequest.type, {
      textDocument: { uri },
    })) as DocumentDiagnosticReport;
    return report.kind === 'full' ? report.items : [];
  }

  /** Shuts the server down the LSP way and waits for the process to end. */
  async stop(): Promise<void> {
    const exited = new Promise<void>((resolve) => {
      if (this.process.exitCode !== null) resolve();
      else this.process.once('exit', () => resolve());
    });
    try {
      await this.connection.sendRequest(ShutdownRequest.type);
      await this.connection.sendNotification(ExitNotification.type);
    } catch {
      // A server that already went away has nothing left to shut down.
    }
    const killTimer = setTimeout(() => this.process.kill(), 5_000);
    await exited;
    clearTimeout(killTimer);
    this.connection.dispose();
  }
}
