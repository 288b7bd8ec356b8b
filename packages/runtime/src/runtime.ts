import { mkdtempSync, rmSync, mkdirSync, existsSync } from 'node:fs';
import { Agent as HttpsAgent } from 'node:https';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { findMethod, findParameter, uploadtask, type Device } from '@velakit/catalog';
import { refusal } from './access.js';
import { runWithRuntime, setCurrentRuntime, activeRuntime } from './active.js';
import { resolveDevice } from './device.js';
import { RuntimeSetupError } from './errors.js';
import { Host } from './host.js';
import { loadManifest, manifestFromObject, type AppManifest } from './manifest.js';
import type { ModuleContext, ModuleSettings } from './module-context.js';
import { createRequestModule, type RequestModule } from './request-module.js';
import { Sandbox, type Location } from './sandbox.js';
import { createUploadTaskModule, type UploadTaskModule } from './uploadtask-module.js';

export interface RuntimeOptions extends Partial<ModuleSettings> {
  /** The app's project folder (the one holding `src/manifest.json`); `/path` URIs are files under `<appRoot>/src`. */
  readonly appRoot: string;
  /** Device to emulate: a catalogue id (`xiaomi-watch-s4`), name, alias or codename. */
  readonly device: string;
  /** The manifest itself; read from `<appRoot>/src/manifest.json` (else `<appRoot>/manifest.json`) when omitted. */
  readonly manifest?: object;
  /** Overrides the manifest's `package` (it names the app's private folders). */
  readonly packageName?: string;
  /** Where the app's partitions live; a fresh temporary folder (removed by `close()`) when omitted. */
  readonly dataDir?: string;
  /** Extra certificate authorities to trust for `https:` (PEM), e.g. a test server's self-signed certificate. */
  readonly ca?: string | Buffer | readonly (string | Buffer)[];
  /** Called when app code (a callback or progress listener) throws; by default the error is printed to stderr. */
  readonly onCallbackError?: (error: unknown, where: string) => void;
}

export interface RuntimeModules {
  readonly 'system.uploadtask': UploadTaskModule;
  readonly 'system.request': RequestModule;
}

/** The catalogue's documented default of `uploadFile`'s `timeout` (what a watch applies). */
function documentedUploadTimeout(): number {
  const value = Number(findParameter(findMethod(uploadtask, 'uploadFile')!, 'timeout')?.default);
  if (!Number.isInteger(value) || value <= 0)
    throw new Error('the catalogue gives uploadFile no numeric timeout default');
  return value;
}

const defaults: ModuleSettings = {
  uploadTimeout: documentedUploadTimeout(),
  downloadIdleTimeout: 20_000,
  downloadTimeout: 30 * 60_000,
  maxDownloadBytes: 2 * 1024 ** 3,
  maxUploadResponseBytes: 1024 ** 2,
  maxConcurrentUploads: 5,
  maxRedirects: 5,
  progressIntervalMs: 100,
  downloadDir: 'internal://cache/',
  retainedDownloadResults: 10,
};

/** One app running on one emulated device: its sandbox, its manifest and its two network modules. */
export class Runtime {
  readonly device: Device;
  readonly manifest: AppManifest;
  /** The manifest file read (found as `velakit-manifest <appRoot>` finds it); undefined for the `manifest` option. */
  readonly manifestPath: string | undefined;
  readonly packageName: string;
  readonly appRoot: string;
  readonly dataDir: string;
  readonly settings: ModuleSettings;
  readonly modules: RuntimeModules;
  /** Errors thrown by app callbacks, in order (also passed to `onCallbackError`). */
  readonly callbackErrors: { error: unknown; where: string }[] = [];

  readonly #host: Host;
  readonly #sandbox: Sandbox;
  readonly #ownsDataDir: boolean;
  readonly #agents: { https: HttpsAgent };
  readonly #uploads: ReturnType<typeof createUploadTaskModule>;
  readonly #requests: ReturnType<typeof createRequestModule>;
  #closed: Promise<void> | undefined;

  constructor(options: RuntimeOptions) {
    if (typeof options !== 'object' || options === null)
      throw new RuntimeSetupError('createRuntime expects an options object.');
    if (typeof options.appRoot !== 'string' || options.appRoot === '') {
      throw new RuntimeSetupError('createRuntime: `appRoot` must be the path of the app folder.');
    }
    this.appRoot = resolve(options.appRoot);
    this.device = resolveDevice(options.device);
    const { manifest, path, summary } =
      options.manifest === undefined ? loadManifest(this.appRoot) : manifestFromObject(options.manifest);
    this.manifest = manifest;
    this.manifestPath = path;
    const packageName = options.packageName ?? summary.package;
    if (
      typeof packageName !== 'string' ||
      !/^[A-Za-z0-9_][A-Za-z0-9_.-]*$/u.test(packageName) ||
      packageName.includes('..')
    ) {
      throw new RuntimeSetupError(
        'createRuntime: the app needs a package name such as "com.example.app" (manifest `package` or the `packageName` option).',
      );
    }
    this.packageName = packageName;
    this.settings = settingsFrom(options);
    this.#ownsDataDir = options.dataDir === undefined;
    this.dataDir =
      options.dataDir === undefined ? mkdtempSync(join(tmpdir(), 'velakit-runtime-')) : resolve(options.dataDir);
    if (!this.#ownsDataDir) mkdirSync(this.dataDir, { recursive: true });
    const onCallbackError =
      options.onCallbackError ??
      ((error: unknown, where: string) => {
        process.stderr.write(
          `[velakit runtime] ${where} threw: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
        );
      });
    this.#host = new Host((error, where) => {
      this.callbackErrors.push({ error, where });
      onCallbackError(error, where);
    });
    try {
      this.#sandbox = new Sandbox(this.dataDir, this.packageName, join(this.appRoot, 'src'));
      let downloadDir: Location;
      try {
        downloadDir = this.#sandbox.locate(this.settings.downloadDir, 'downloadDir');
      } catch (error) {
        throw new RuntimeSetupError(`createRuntime: ${(error as Error).message}`);
      }
      if (!downloadDir.isDirectory || !downloadDir.writable) {
        throw new RuntimeSetupError(
          `createRuntime: downloadDir "${this.settings.downloadDir}" must be a writable internal:// folder ending in "/".`,
        );
      }
    } catch (error) {
      if (this.#ownsDataDir) rmSync(this.dataDir, { recursive: true, force: true });
      throw error;
    }
    this.#agents = {
      https: new HttpsAgent({
        keepAlive: false,
        ...(options.ca === undefined ? {} : { ca: options.ca as string | Buffer | (string | Buffer)[] }),
      }),
    };
    const declared = new Set(summary.features);
    const context: ModuleContext = {
      host: this.#host,
      sandbox: this.#sandbox,
      options: this.settings,
      agents: this.#agents,
      refusal: (moduleName, methodName) => refusal(this.device, declared, moduleName, methodName),
    };
    this.#uploads = createUploadTaskModule(context);
    this.#requests = createRequestModule(context);
    this.modules = Object.freeze({
      'system.uploadtask': Object.freeze({ uploadFile: this.#uploads.uploadFile }),
      'system.request': Object.freeze({
        download: this.#requests.download,
        onDownloadComplete: this.#requests.onDownloadComplete,
      }),
    });
  }

  /** The real path behind an `internal://` URI or `/path` (checked like an app's URI), e.g. to put a file in place. */
  pathOf(uri: string): string {
    try {
      return this.#sandbox.locate(uri).path;
    } catch (error) {
      throw new RuntimeSetupError((error as Error).message);
    }
  }

  /** Inspects a URI the way the modules do (partition, writability, real path) without touching the disk. */
  locate(uri: string): Location {
    return this.#sandbox.locate(uri);
  }

  /** Makes this runtime the one `@system.*` imports talk to (until another is activated); returns an undo function. */
  activate(): () => void {
    const previous = activeRuntime();
    setCurrentRuntime(this);
    return () => {
      if (activeRuntime() === this) setCurrentRuntime(previous === this ? undefined : previous);
    };
  }

  /**
   * Runs `fn` with this runtime active for everything it starts, callbacks included (AsyncLocalStorage), so several
   * runtimes can serve the same imported app module side by side.
   */
  run<T>(fn: () => T): T {
    return runWithRuntime(this, fn);
  }

  /** Resolves once no transfer runs, none waits in the queue and no callback is pending. */
  idle(): Promise<void> {
    return this.#host.idle();
  }

  /** Stops every transfer without calling back, removes partial files and, if the runtime made it, the data folder. */
  close(): Promise<void> {
    this.#closed ??= (async () => {
      this.#host.close();
      this.#uploads.close();
      await this.#requests.close();
      this.#agents.https.destroy();
      if (activeRuntime() === this) setCurrentRuntime(undefined);
      if (this.#ownsDataDir && existsSync(this.dataDir)) rmSync(this.dataDir, { recursive: true, force: true });
    })();
    return this.#closed;
  }

  async [Symbol.asyncDispose](): Promise<void> {
    await this.close();
  }
}

/** Settings where 0 makes sense: no redirects followed, no progress throttling. */
const zeroAllowed = new Set<keyof ModuleSettings>(['maxRedirects', 'progressIntervalMs']);

function settingsFrom(options: RuntimeOptions): ModuleSettings {
  const settings = { ...defaults };
  for (const key of Object.keys(defaults) as (keyof ModuleSettings)[]) {
    const value = options[key];
    if (value === undefined) continue;
    if (key === 'downloadDir') {
      if (typeof value !== 'string')
        throw new RuntimeSetupError('createRuntime: `downloadDir` must be an internal:// URI.');
      settings.downloadDir = value.endsWith('/') ? value : `${value}/`;
    } else if (typeof value !== 'number' || !Number.isFinite(value) || value < (zeroAllowed.has(key) ? 0 : 1)) {
      throw new RuntimeSetupError(
        `createRuntime: \`${key}\` must be a ${zeroAllowed.has(key) ? 'non-negative' : 'positive'} number.`,
      );
    } else {
      (settings as Record<string, unknown>)[key] = value;
    }
  }
  return settings;
}

/** Creates a runtime for one app on one device. Throws a `RuntimeSetupError` with a clear message on bad options. */
export function createRuntime(options: RuntimeOptions): Runtime {
  return new Runtime(options);
}

/** Creates a runtime, runs `fn` with it active, waits for its work to settle, and closes it. */
export async function withRuntime<T>(options: RuntimeOptions, fn: (runtime: Runtime) => T | Promise<T>): Promise<T> {
  const runtime = createRuntime(options);
  try {
    const result = await runtime.run(() => fn(runtime));
    await runtime.idle();
    return result;
  } finally {
    await runtime.close();
  }
}
