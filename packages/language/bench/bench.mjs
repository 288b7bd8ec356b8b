// @ts-check
// `npm run bench -w @velakit/language`:
//  1. velakit-typecheck on a generated 500-page Vela app vs `tsc --noEmit` over the same scripts as plain .js files
//     (the baseline), interleaved in alternating order; target: at most 1.5x tsc's time.
//  2. The language server on that app: completion after `request.` in a page just opened (target: median under
//     100 ms once the server has started) and again in the same page after an edit (warm; target under 50 ms),
//     one round per page, BENCH_COMPLETIONS pages.
// Times are CPU time (user+sys of the child process) where Linux tells it, and wall time. For completions, wall
// time is what the editor waits; the server's CPU time over all its threads is printed beside it.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  CompletionRequest,
  createProtocolConnection,
  DidChangeTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ExitNotification,
  InitializedNotification,
  InitializeRequest,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
} from 'vscode-languageserver-protocol/node';
import { typecheckApp } from '../dist/index.js';
import { generateApps } from './generate-app.mjs';

const pages = Number(process.env.BENCH_PAGES ?? 500);
const rounds = Number(process.env.BENCH_ROUNDS ?? 5);
const completions = Number(process.env.BENCH_COMPLETIONS ?? 40);
const typecheckBin = fileURLToPath(new URL('../bin/velakit-typecheck.js', import.meta.url));
const serverBin = fileURLToPath(new URL('../bin/velakit-language-server.js', import.meta.url));
const tscBin = createRequire(import.meta.url).resolve('typescript/bin/tsc');

/** User+sys seconds of this process's waited-for children (Linux /proc), or undefined elsewhere. */
function childrenCpuSeconds() {
  try {
    const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1]?.split(' ') ?? [];
    // After the command name: field 14 cutime and 15 cstime (1-based from the state field), in clock ticks.
    return (Number(fields[13]) + Number(fields[14])) / 100;
  } catch {
    return undefined;
  }
}

/** CPU milliseconds a process has run, over all its threads (Linux schedstat, in ns), or undefined elsewhere. */
function processCpuMs(/** @type {number | undefined} */ pid) {
  try {
    let total = 0;
    for (const thread of readdirSync(`/proc/${pid}/task`))
      total += Number(readFileSync(`/proc/${pid}/task/${thread}/schedstat`, 'utf8').split(' ')[0]);
    return total / 1e6;
  } catch {
    return undefined;
  }
}

/** @param {string[]} args */
function timed(args) {
  const cpuBefore = childrenCpuSeconds();
  const start = performance.now();
  const result = spawnSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const wall = performance.now() - start;
  const cpuAfter = childrenCpuSeconds();
  const cpu = cpuBefore === undefined || cpuAfter === undefined ? undefined : (cpuAfter - cpuBefore) * 1000;
  return { status: result.status, stdout: result.stdout, stderr: result.stderr, wall, cpu };
}

/** @param {number[]} values */
function stats(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  const median = sorted.length % 2 === 1 ? sorted[middle] : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
  return { min: sorted[0] ?? NaN, median: median ?? NaN, max: sorted.at(-1) ?? NaN };
}

/** @param {string} label @param {number[]} values */
function line(label, values) {
  const { min, median, max } = stats(values);
  return `${label.padEnd(34)} min ${min.toFixed(0).padStart(6)} ms  median ${median.toFixed(0).padStart(6)} ms  max ${max.toFixed(0).padStart(6)} ms`;
}

const scratch = mkdtempSync(join(tmpdir(), 'velakit-language-bench-'));
try {
  const { uxApp, jsApp } = generateApps(scratch, pages);
  console.log(`Generated a ${pages}-page app (.ux) and the same scripts as .js in ${scratch}`);

  // Both sides do the same work: every page script checked, with no diagnostic.
  const checked = typecheckApp(uxApp);
  const uxPages = checked.checkedFiles.filter((file) => file.endsWith('.ux')).length;
  const listed = spawnSync(process.execPath, [tscBin, '-p', join(jsApp, 'jsconfig.json'), '--listFilesOnly'], {
    encoding: 'utf8',
  });
  const jsPages = listed.stdout
    .split('\n')
    .filter((file) => file.includes('/src/pages/') && file.endsWith('.js')).length;
  if (uxPages !== pages + 1 || jsPages !== pages || checked.errorCount !== 0) {
    throw new Error(`unequal work: ${uxPages} .ux files (${checked.errorCount} errors) vs ${jsPages} .js pages`);
  }
  console.log(
    `Work checked equal: ${uxPages} .ux files (pages + app.ux) with 0 errors; tsc lists ${jsPages} .js pages.\n`,
  );

  /** @type {Record<'velakit' | 'tsc', { wall: number[]; cpu: number[] }>} */
  const times = { velakit: { wall: [], cpu: [] }, tsc: { wall: [], cpu: [] } };
  const sides = {
    velakit: () => timed([typecheckBin, uxApp, '--format', 'json']),
    tsc: () => timed([tscBin, '-p', join(jsApp, 'jsconfig.json'), '--noEmit']),
  };
  for (let round = 0; round < rounds; round++) {
    // Alternate which side goes first, so neither always runs on a warmer disk cache.
    const order =
      round % 2 === 0 ? /** @type {const} */ (['velakit', 'tsc']) : /** @type {const} */ (['tsc', 'velakit']);
    for (const side of order) {
      const result = sides[side]();
      if (result.status !== 0) throw new Error(`${side} exited ${result.status}: ${result.stdout}${result.stderr}`);
      if (side === 'velakit' && result.stdout.trim() !== '[]')
        throw new Error(`velakit-typecheck reported: ${result.stdout}`);
      times[side].wall.push(result.wall);
      if (result.cpu !== undefined) times[side].cpu.push(result.cpu);
    }
  }
  console.log(`velakit-typecheck vs tsc --noEmit, ${rounds} rounds each, interleaved:`);
  const hasCpu = times.velakit.cpu.length === rounds && times.tsc.cpu.length === rounds;
  for (const kind of /** @type {('cpu' | 'wall')[]} */ (hasCpu ? ['cpu', 'wall'] : ['wall'])) {
    console.log(line(`  velakit-typecheck (${kind})`, times.velakit[kind]));
    console.log(line(`  tsc --noEmit, .js (${kind})`, times.tsc[kind]));
    const ratio = stats(times.velakit[kind]).median / stats(times.tsc[kind]).median;
    console.log(`  ratio of medians (${kind}): ${ratio.toFixed(2)}x (target: at most 1.50x)\n`);
  }

  // The language server on the same app.
  const started = performance.now();
  const child = spawn(process.execPath, [serverBin, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
  if (!child.stdout || !child.stdin) throw new Error('no stdio for the server');
  const connection = createProtocolConnection(
    new StreamMessageReader(child.stdout),
    new StreamMessageWriter(child.stdin),
  );
  connection.onRequest('workspace/configuration', (/** @type {{ items: unknown[] }} */ params) =>
    params.items.map(() => null),
  );
  connection.onRequest('client/registerCapability', () => null);
  connection.onRequest('window/workDoneProgress/create', () => null);
  connection.listen();
  const rootUri = pathToFileURL(uxApp).href;
  await connection.sendRequest(InitializeRequest.type, {
    processId: process.pid,
    rootUri,
    workspaceFolders: [{ uri: rootUri, name: 'bench' }],
    capabilities: {
      textDocument: { completion: { completionItem: { snippetSupport: false } } },
      workspace: { configuration: true },
    },
  });
  await connection.sendNotification(InitializedNotification.type, {});

  /** The page with its download call cut to `request.`, and where the completion is asked. */
  const pageText = (/** @type {number} */ n) => {
    const text = readFileSync(join(uxApp, `src/pages/p${n}/p${n}.ux`), 'utf8').replace(
      'request.download({',
      'request.({',
    );
    const offset = text.indexOf('request.(') + 'request.'.length;
    const before = text.slice(0, offset);
    return {
      text,
      position: { line: before.split('\n').length - 1, character: offset - before.lastIndexOf('\n') - 1 },
    };
  };
  /** Server CPU time of each completion, by kind, when Linux tells it. */
  /** @type {Record<'opened' | 'warm', number[]>} */
  const serverCpu = { opened: [], warm: [] };
  /**
   * @param {string} uri @param {{ line: number; character: number }} position
   * @param {'opened' | 'warm'} [kind] where to record the server's CPU time (the start-up completion: nowhere)
   */
  const complete = async (uri, position, kind) => {
    const cpuBefore = processCpuMs(child.pid);
    const start = performance.now();
    const result = /** @type {{ items: { label: string }[] } | { label: string }[] | null} */ (
      await connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position })
    );
    const elapsed = performance.now() - start;
    const cpuAfter = processCpuMs(child.pid);
    if (kind !== undefined && cpuBefore !== undefined && cpuAfter !== undefined)
      serverCpu[kind].push(cpuAfter - cpuBefore);
    const labels = (result === null ? [] : Array.isArray(result) ? result : result.items)
      .map((item) => item.label)
      .sort();
    if (labels.join() !== 'download,onDownloadComplete')
      throw new Error(`unexpected completions: ${labels.join(', ')}`);
    return elapsed;
  };
  const open = async (/** @type {number} */ n) => {
    const { text, position } = pageText(n);
    const uri = pathToFileURL(join(uxApp, `src/pages/p${n}/p${n}.ux`)).href;
    await connection.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri, languageId: 'ux', version: 1, text },
    });
    return { uri, text, position };
  };

  const first = await open(0);
  await complete(first.uri, first.position);
  const startup = performance.now() - started;

  const justOpened = [];
  const warm = [];
  for (let i = 1; i <= completions; i++) {
    // A page nobody opened yet, then the same page after an edit elsewhere in it.
    const page = await open(Math.floor((i * pages) / (completions + 1)));
    justOpened.push(await complete(page.uri, page.position, 'opened'));
    const edited = page.text.replace("title: 'Page", "title: 'Edited page");
    await connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri: page.uri, version: 2 },
      contentChanges: [{ text: edited }],
    });
    const moved = edited.indexOf('request.(') + 'request.'.length;
    const before = edited.slice(0, moved);
    warm.push(
      await complete(
        page.uri,
        { line: before.split('\n').length - 1, character: moved - before.lastIndexOf('\n') - 1 },
        'warm',
      ),
    );
  }
  console.log(
    `Language server on the ${pages}-page app: completion after \`request.\`, ${completions} rounds ` +
      '(a page just opened, then the same page after an edit); wall time the editor waits:',
  );
  console.log(`  start-up to the first completion: ${startup.toFixed(0)} ms`);
  console.log(line('  in a page just opened', justOpened), ' (target: median under 100 ms)');
  console.log(line('  same page after an edit (warm)', warm), ' (target: median under 50 ms)');
  if (serverCpu.warm.length === completions) {
    console.log('  server CPU time (all threads) of the same completions:');
    console.log(line('    in a page just opened', serverCpu.opened));
    console.log(line('    same page after an edit (warm)', serverCpu.warm));
  }

  await connection.sendRequest(ShutdownRequest.type);
  await connection.sendNotification(ExitNotification.type);
  await new Promise((resolve) => (child.exitCode !== null ? resolve(undefined) : child.once('exit', resolve)));
  connection.dispose();
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
