// Running npm as a user's shell would, for the tests that install velakit into new projects. Installs come from npm's
// local cache first, so the suite works offline once the cache holds what the quick start installs; when neither the
// cache nor the registry can provide a package, the install fails with one line that says so.
import { spawn } from 'node:child_process';

export interface Run {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * The environment of a user's shell: none of the npm variables an `npm test` run sets (they would point npm at this
 * repository), no colours, and npx refusing to fetch a command the project does not have.
 */
export function userEnvironment(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    const npmVariable = /^npm_/i.test(key) && !/^npm_config_(cache|registry|userconfig)$/i.test(key);
    if (!npmVariable && key !== 'INIT_CWD' && key !== 'FORCE_COLOR' && key !== 'NODE_OPTIONS') env[key] = value;
  }
  return { ...env, NO_COLOR: '1', npm_config_yes: 'false', npm_config_update_notifier: 'false' };
}

export function run(
  argv: readonly string[],
  cwd: string,
  options: { timeoutMs?: number; env?: NodeJS.ProcessEnv } = {},
): Promise<Run> {
  const { timeoutMs = 60_000, env = {} } = options;
  return new Promise((resolve, reject) => {
    const [command, ...args] = argv;
    const child = spawn(command!, args, {
      cwd,
      env: { ...userEnvironment(), ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: timeoutMs,
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (text: string) => (stdout += text));
    child.stderr.setEncoding('utf8').on('data', (text: string) => (stderr += text));
    child.on('error', reject);
    child.on('close', (code, signal) => {
      if (signal !== null) stderr += `\n(stopped by ${signal}: still running after ${timeoutMs / 1000} s)`;
      resolve({ code, stdout, stderr });
    });
  });
}

/** An unreachable registry fails the install in seconds instead of npm's minutes of retries. */
const fetchBriefly: NodeJS.ProcessEnv = {
  npm_config_fetch_retries: '1',
  npm_config_fetch_retry_mintimeout: '1000',
  npm_config_fetch_retry_maxtimeout: '3000',
  npm_config_fetch_timeout: '30000',
};

/** npm's error code (`npm error code ENOTCACHED`), when it printed one. */
const npmErrorCode = (stderr: string) => /^npm (?:error|ERR!) code (\S+)/mu.exec(stderr)?.[1];

/** Codes that mean "could not fetch": the cache lacks a package and the registry could not be reached. */
const unreachable = new Set([
  'ENOTCACHED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'ENETUNREACH',
  'EHOSTUNREACH',
  'ERR_SOCKET_TIMEOUT',
]);

/** What an install fetches from the registry: its package names, not flags or local tarballs. */
const fetchedNames = (argv: readonly string[]) =>
  argv.slice(2).filter((word) => !word.startsWith('-') && !word.endsWith('.tgz'));

/** The one line an install test fails with when npm could not install: what, why, and what to do. */
export function installFailureLine(argv: readonly string[], offline: Run, online: Run): string {
  const names = fetchedNames(argv).join(', ') || "the tarballs' dependencies";
  const code = npmErrorCode(online.stderr) ?? npmErrorCode(offline.stderr);
  if (code !== undefined && unreachable.has(code)) {
    return `cannot install ${names} (and their dependencies): npm's cache lacks some of them and the registry cannot be reached (npm ${code}); run the install test once with the registry reachable to fill the cache`;
  }
  const lastError = online.stderr
    .split('\n')
    .filter((line) => /^npm (error|ERR!)/u.test(line))
    .slice(0, 2)
    .join(' / ');
  return `npm could not install ${names} (exit ${online.code}${code === undefined ? '' : `, npm ${code}`}): ${lastError || online.stderr.trim().split('\n').at(-1) || 'no message'}`;
}

/**
 * `npm install …` from npm's cache alone (`--offline`: no network at all), then, if the cache lacks something, again
 * preferring the cache (`--prefer-offline`: the registry only for what is missing). Throws one line when both fail.
 */
export async function npmInstall(argv: readonly string[], cwd: string, env: NodeJS.ProcessEnv = {}): Promise<Run> {
  const base = argv.filter((word) => word !== '--prefer-offline' && word !== '--offline');
  const offline = await run([...base, '--offline'], cwd, { timeoutMs: 150_000, env: { ...fetchBriefly, ...env } });
  if (offline.code === 0) return offline;
  const online = await run([...base, '--prefer-offline'], cwd, {
    timeoutMs: 150_000,
    env: { ...fetchBriefly, ...env },
  });
  if (online.code === 0) return online;
  const error = new Error(installFailureLine(base, offline, online));
  // The line is the whole story: no stack under it in the test report.
  error.stack = `${error.name}: ${error.message}`;
  throw error;
}
