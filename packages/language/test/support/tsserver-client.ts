// Drives TypeScript's own `tsserver` over its stdio protocol, as VS Code's TypeScript extension does.
import { spawn, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';

const tsserverPath = createRequire(import.meta.url).resolve('typescript/lib/tsserver.js');

interface Response {
  seq: number;
  type: 'response' | 'event';
  request_seq?: number;
  command?: string;
  success?: boolean;
  message?: string;
  body?: unknown;
}

export class TsserverClient {
  private seq = 0;
  private buffer = '';
  private readonly pending = new Map<number, { resolve(response: Response): void; reject(error: Error): void }>();

  private constructor(private readonly child: ChildProcess) {
    child.stdout!.setEncoding('utf8');
    child.stdout!.on('data', (chunk: string) => this.read(chunk));
    child.once('exit', () => {
      for (const { reject } of this.pending.values()) reject(new Error('tsserver exited'));
      this.pending.clear();
    });
  }

  /** Starts tsserver with the plugin as a global plugin, found from `probeLocation` (a folder above node_modules). */
  static start(plugin: string, probeLocation: string): TsserverClient {
    const child = spawn(
      process.execPath,
      [
        tsserverPath,
        '--globalPlugins',
        plugin,
        '--pluginProbeLocations',
        probeLocation,
        '--disableAutomaticTypingAcquisition',
      ],
      { stdio: ['pipe', 'pipe', 'pipe'] },
    );
    return new TsserverClient(child);
  }

  // tsserver frames each message as `Content-Length: N\r\n\r\n{json}\n`.
  private read(chunk: string): void {
    this.buffer += chunk;
    for (;;) {
      const header = /^Content-Length: (\d+)\r\n\r\n/u.exec(this.buffer);
      if (header === null) return;
      const start = header[0].length;
      const length = Number(header[1]);
      if (Buffer.byteLength(this.buffer.slice(start)) < length) return;
      const body = Buffer.from(this.buffer.slice(start)).subarray(0, length).toString('utf8');
      this.buffer = this.buffer.slice(start + body.length).replace(/^\r?\n/u, '');
      const message = JSON.parse(body) as Response;
      if (message.type === 'response' && message.request_seq !== undefined) {
        this.pending.get(message.request_seq)?.resolve(message);
        this.pending.delete(message.request_seq);
      }
    }
  }

  request<T>(command: string, args: unknown): Promise<T> {
    const seq = ++this.seq;
    const response = new Promise<Response>((resolve, reject) => this.pending.set(seq, { resolve, reject }));
    this.child.stdin!.write(`${JSON.stringify({ seq, type: 'request', command, arguments: args })}\n`);
    return response.then((message) => {
      if (message.success === false) throw new Error(`tsserver ${command}: ${message.message ?? 'failed'}`);
      return message.body as T;
    });
  }

  /** A request tsserver answers with no response (`open`): sent, then confirmed by a later request's answer. */
  notify(command: string, args: unknown): void {
    this.child.stdin!.write(`${JSON.stringify({ seq: ++this.seq, type: 'request', command, arguments: args })}\n`);
  }

  async stop(): Promise<void> {
    const exited = new Promise<void>((resolve) => {
      if (this.child.exitCode !== null) resolve();
      else this.child.once('exit', () => resolve());
    });
    this.child.stdin!.end(`${JSON.stringify({ seq: ++this.seq, type: 'request', command: 'exit' })}\n`);
    const killTimer = setTimeout(() => this.child.kill(), 5_000);
    await exited;
    clearTimeout(killTimer);
  }
}
