// The install tests' npm: from the cache when offline, one clear line when a package can be had from nowhere.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { installFailureLine, npmInstall } from './npm-install.js';

const scratch = mkdtempSync(join(tmpdir(), 'velakit-npm-install-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** A 127.0.0.1 port nothing listens on: a server is opened there and closed again. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('npmInstall', () => {
  it('without the package in the cache and without a registry, fails with one line naming what it could not install', async () => {
    const project = join(scratch, 'project');
    mkdirSync(project);
    writeFileSync(join(project, 'package.json'), '{ "name": "offline-app", "version": "1.0.0", "private": true }\n');
    // An empty cache of its own, and a registry address where nothing answers: no network, nothing cached.
    const env = {
      npm_config_cache: join(scratch, 'empty-cache'),
      npm_config_registry: `http://127.0.0.1:${await closedPort()}/`,
    };
    const failure = await npmInstall(
      ['npm', 'install', '--save-dev', 'eslint', 'typescript', '--no-audit', '--no-fund'],
      project,
      env,
    ).then(
      () => undefined,
      (error: Error) => error.message,
    );
    expect(failure).toMatch(
      /^cannot install eslint, typescript \(and their dependencies\): npm's cache lacks some of them and the registry cannot be reached \(npm E[A-Z]+\); run the install test once with the registry reachable to fill the cache$/u,
    );
    expect(failure!.split('\n')).toHaveLength(1);
  }, 120_000);
});

describe('installFailureLine', () => {
  const argv = ['npm', 'install', '--save-dev', 'eslint', '/t/velakit.tgz', '--no-audit'];
  const failed = (stderr: string) => ({ code: 1, stdout: '', stderr });

  it('says the cache and the registry could not provide the packages, and how to fix it', () => {
    expect(
      installFailureLine(
        argv,
        failed('npm error code ENOTCACHED\n'),
        failed('npm error code ENOTFOUND\nnpm error syscall getaddrinfo\n'),
      ),
    ).toBe(
      "cannot install eslint (and their dependencies): npm's cache lacks some of them and the registry cannot be reached (npm ENOTFOUND); run the install test once with the registry reachable to fill the cache",
    );
  });

  it("gives npm's own first error lines, on one line, for any other failure", () => {
    const line = installFailureLine(
      argv,
      failed('npm error code ERESOLVE\n'),
      failed('npm error code ERESOLVE\nnpm error ERESOLVE could not resolve\nnpm error\nmore\n'),
    );
    expect(line).toBe(
      'npm could not install eslint (exit 1, npm ERESOLVE): npm error code ERESOLVE / npm error ERESOLVE could not resolve',
    );
    expect(installFailureLine(['npm', 'install', '/t/a.tgz'], failed(''), failed('killed\n'))).toBe(
      "npm could not install the tarballs' dependencies (exit 1): killed",
    );
  });
});
