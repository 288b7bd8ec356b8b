import type { Agent } from 'node:https';
import type { CallFailure } from './errors.js';
import type { Host } from './host.js';
import type { Sandbox } from './sandbox.js';

/** Settings of a runtime that shape how its modules behave. */
export interface ModuleSettings {
  /** Default `timeout` of `uploadFile`, in milliseconds (a watch uses 20000). */
  readonly uploadTimeout: number;
  /** A download fails when no byte arrives for this long, in milliseconds. */
  readonly downloadIdleTimeout: number;
  /** A download fails when it has not finished this long after it started, in milliseconds, however fast bytes come. */
  readonly downloadTimeout: number;
  /** A download fails when its body is larger than this, in bytes (announced or counted). */
  readonly maxDownloadBytes: number;
  /** An upload fails when the server's answer is larger than this, in bytes (`success.data` holds all of it). */
  readonly maxUploadResponseBytes: number;
  /** Uploads running at once; the rest wait in order (a watch runs 5). */
  readonly maxConcurrentUploads: number;
  /** Redirects followed before a transfer fails. */
  readonly maxRedirects: number;
  /** Least time between two progress events of one upload, in milliseconds (100 % is always delivered). */
  readonly progressIntervalMs: number;
  /** Folder for downloads without an `internal://` `filename`, as an `internal://` URI ending in `/`. */
  readonly downloadDir: string;
  /** Finished downloads whose results `onDownloadComplete` can still report (a watch keeps 10). */
  readonly retainedDownloadResults: number;
}

/** What the two module implementations share with their runtime. */
export interface ModuleContext {
  readonly host: Host;
  readonly sandbox: Sandbox;
  readonly options: ModuleSettings;
  /** Node's agent for `https:` (plain `http:` uses the runtime's own client). */
  readonly agents: { readonly https: Agent };
  /** Why this device and manifest do not allow a call, or undefined when they do. */
  refusal(moduleName: string, methodName: string): CallFailure | undefined;
}
