// @ts-check
// `npm run bench` (packages/types): what @velakit/types adds to type-checking a Vela app.
//
// A generated 500-file Vela-style app in plain JavaScript (checkJs, the README's jsconfig.json options) is checked in
// two ways, each side once per round, rounds alternating which side goes first:
//
// 1. Whole `tsc -p jsconfig.json` processes, as a user runs them (the headline figure, and the verdict): CPU time
//    (user + system) of the child from /proc/self/stat's cutime/cstime, and wall time. A check run with --listFiles
//    first proves both sides compile the same pages with exit 0 and that the typings side loaded the typings.
// 2. The checking alone, in this process (TypeScript loaded and warm): the compiler API twice per round: once with @velakit/types, once with any-typed stubs
// (`declare module '@system.x' { const x: any; export = x }` for the same module names). The compiler host parses
// doc comments the way `tsc` does (JSDocParsingMode.ParseForTypeErrors). Rounds alternate which side goes first; each
// side's CPU time (user + system) of createProgram + getPreEmitDiagnostics is recorded. Both sides must check the
// same pages and report no error, and the typings side must have loaded the typings, or the bench stops. Prints
// min/median/max per side, the ratio of medians and whether the typings stay within +10 %. Timings on a shared
// machine are noisy: compare the ratio.
//
// The README's jsconfig.json leaves `skipLibCheck` off (TypeScript's default), so the bench does too: the lib files
// and the typings are checked on each side. BENCH_SKIP_LIB_CHECK=1 measures the other setting. BENCH_FILES and
// BENCH_ROUNDS change the size of the app and the number of rounds.
//
// Like every velakit bench, it reports a missed target ("OVER") and exits 0; it exits non-zero only when it could not
// measure (the two sides did not do the same work).
import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import ts from 'typescript';
import { modules } from '@velakit/catalog';

const files = Number(process.env.BENCH_FILES ?? 500);
const rounds = Number(process.env.BENCH_ROUNDS ?? 7);
const skipLibCheck = process.env.BENCH_SKIP_LIB_CHECK === '1';
const typesDirectory = fileURLToPath(new URL('..', import.meta.url));
const tscBin = createRequire(import.meta.url).resolve('typescript/bin/tsc');

/** User+sys milliseconds of this process's waited-for children (Linux /proc), or undefined elsewhere. */
function childrenCpuMs() {
  try {
    const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1]?.split(' ') ?? [];
    // After the command name: cutime and cstime are fields 16 and 17 (index 13 and 14 from the state field), in ticks.
    return ((Number(fields[13]) + Number(fields[14])) / 100) * 1000;
  } catch {
    return undefined;
  }
}

/**
 * One page as published Vela apps write them: several modules, callbacks, a Promise, page data.
 * @param {number} index
 * @returns {string}
 */
function page(index) {
  return [
    "import fetch from '@system.fetch'",
    "import router from '@system.router'",
    "import storage from '@system.storage'",
    "import prompt from '@system.prompt'",
    "const device = require('@system.device')",
    "const app = require('@system.app')",
    '',
    'export default {',
    `  data: { title: 'page ${index}', items: [], round: false },`,
    '  onInit() {',
    "    device.getInfo({ success: (info) => { this.round = info.screenShape === 'circle' } })",
    `    fetch.fetch({ url: 'https://example.com/list/${index}', method: 'GET', header: { Accept: 'application/json' },`,
    '      success: (res) => { this.items = JSON.parse(res.data).items },',
    '      fail: (message, code) => prompt.showToast({ message: `failed ${code}: ${message}` }) })',
    `    fetch.fetch({ url: 'https://example.com/more/${index}', responseType: 'json' }).then((res) => console.log(res.data.code))`,
    `    storage.get({ key: 'page-${index}', success: (value) => console.log(value) })`,
    '  },',
    '  open(id) {',
    "    router.push({ uri: '/pages/detail', params: { id } })",
    '  },',
    '  leave() {',
    '    if (router.getLength() > 1) router.back()',
    '    else app.terminate()',
    '  },',
    '}',
    '',
  ].join('\n');
}

const root = mkdtempSync(join(tmpdir(), 'velakit-types-bench-'));
try {
  mkdirSync(join(root, 'src'));
  const names = Array.from({ length: files }, (_, index) => {
    const name = join(root, 'src', `page${index}.js`);
    writeFileSync(name, page(index));
    return name;
  });
  const stubs = join(root, 'stubs.d.ts');
  // The README's `lib` has no DOM, so `console` (which the pages log with) comes from the typings; the stubs make it
  // `any` as they do the modules.
  writeFileSync(
    stubs,
    modules.map((module) => `declare module '@${module.name}' { const m: any; export = m; }`).join('\n') +
      '\ndeclare var console: any;\n',
  );

  /** @type {ts.CompilerOptions} */
  const base = {
    skipLibCheck,
    target: ts.ScriptTarget.ES2020,
    lib: ['lib.es2020.d.ts'],
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    allowJs: true,
    checkJs: true,
    strict: false,
    noEmit: true,
    types: [],
  };
  const typings = join(typesDirectory, 'index.d.ts');
  /** @typedef {'typings' | 'stubs'} Side */
  /** @type {Record<Side, string[]>} */
  const rootNames = { typings: [...names, typings], stubs: [...names, stubs] };

  /**
   * CPU milliseconds of one full check, and what it checked.
   * @param {Side} side
   */
  function check(side) {
    const before = process.cpuUsage();
    const host = ts.createCompilerHost(base);
    host.jsDocParsingMode = ts.JSDocParsingMode.ParseForTypeErrors;
    const program = ts.createProgram(rootNames[side], base, host);
    const diagnostics = ts.getPreEmitDiagnostics(program);
    const used = process.cpuUsage(before);
    const checked = program.getSourceFiles().map((file) => file.fileName.replaceAll('\\', '/'));
    const pages = checked.filter((name) => name.includes('/src/page')).length;
    const typingsLoaded =
      checked.includes(typings.replaceAll('\\', '/')) && checked.some((name) => name.endsWith('/framework.d.ts'));
    return {
      ms: (used.user + used.system) / 1000,
      pages,
      typingsLoaded,
      errors: diagnostics.length,
      first: diagnostics[0],
    };
  }

  // --- 1. Whole tsc processes, with the README's jsconfig.json (skipLibCheck as configured) ---
  /** @type {Record<Side, string>} */
  const configs = { typings: join(root, 'jsconfig.typings.json'), stubs: join(root, 'jsconfig.stubs.json') };
  for (const side of /** @type {Side[]} */ (['typings', 'stubs'])) {
    const compilerOptions = {
      target: 'ES2020',
      lib: ['ES2020'],
      module: 'ESNext',
      moduleResolution: 'Bundler',
      allowJs: true,
      checkJs: true,
      strict: false,
      noEmit: true,
      skipLibCheck,
      types: [],
    };
    // The temporary app has no node_modules: the typings (or the stubs) are named as a file instead of in `types`.
    const declarations = side === 'typings' ? typings : stubs;
    writeFileSync(configs[side], JSON.stringify({ compilerOptions, files: [declarations], include: ['src'] }));
  }
  /** @param {Side} side @param {string[]} extra */
  function tsc(side, extra = []) {
    const cpuBefore = childrenCpuMs();
    const start = performance.now();
    const result = spawnSync(process.execPath, [tscBin, '-p', configs[side], ...extra], {
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    const wall = performance.now() - start;
    const cpuAfter = childrenCpuMs();
    const cpu = cpuBefore === undefined || cpuAfter === undefined ? undefined : cpuAfter - cpuBefore;
    return { status: result.status, stdout: result.stdout, wall, cpu };
  }
  for (const side of /** @type {Side[]} */ (['typings', 'stubs'])) {
    const listed = tsc(side, ['--listFiles']);
    const lines = listed.stdout.split('\n').map((line) => line.trim().replaceAll('\\', '/'));
    const pages = lines.filter((line) => line.includes('/src/page')).length;
    const loadedTypings = lines.includes(typings.replaceAll('\\', '/'));
    if (listed.status !== 0 || pages !== files || loadedTypings !== (side === 'typings'))
      throw new Error(
        `tsc ${side}: exit ${listed.status}, ${pages}/${files} pages, typings ${loadedTypings ? '' : 'not '}loaded\n` +
          listed.stdout.slice(0, 2000),
      );
  }
  /** @type {Record<Side, { cpu: number[]; wall: number[] }>} */
  const processTimes = { typings: { cpu: [], wall: [] }, stubs: { cpu: [], wall: [] } };
  for (let round = 0; round < rounds; round += 1) {
    const order = /** @type {Side[]} */ (round % 2 === 0 ? ['typings', 'stubs'] : ['stubs', 'typings']);
    for (const side of order) {
      const result = tsc(side);
      if (result.status !== 0) throw new Error(`tsc ${side} exited with ${result.status}: ${result.stdout}`);
      processTimes[side].wall.push(result.wall);
      if (result.cpu !== undefined) processTimes[side].cpu.push(result.cpu);
    }
  }

  // --- 2. The checking alone, in this process ---
  /** @type {Record<Side, number[]>} */
  const times = { typings: [], stubs: [] };
  // One unmeasured warm-up each, so JIT warm-up does not land on whichever side goes first.
  /** @type {Side[]} */
  const sides = ['typings', 'stubs'];
  for (const side of sides) check(side);
  for (let round = 0; round < rounds; round += 1) {
    const order = round % 2 === 0 ? sides : [...sides].reverse();
    for (const side of order) {
      const result = check(side);
      if (result.pages !== files || result.errors !== 0) {
        const message = result.first ? ts.flattenDiagnosticMessageText(result.first.messageText, '\n') : '';
        throw new Error(`${side}: checked ${result.pages}/${files} pages with ${result.errors} errors (${message})`);
      }
      if (result.typingsLoaded !== (side === 'typings'))
        throw new Error(`${side}: the typings were ${side === 'typings' ? 'not ' : ''}loaded`);
      times[side].push(result.ms);
    }
  }

  /** @param {number[]} values */
  const stats = (values) => {
    const sorted = [...values].sort((a, b) => a - b);
    return { min: sorted[0] ?? NaN, median: sorted[Math.floor(sorted.length / 2)] ?? NaN, max: sorted.at(-1) ?? NaN };
  };
  /** @param {number} value */
  const format = (value) => `${value.toFixed(0).padStart(6)} ms`;
  const sideNames = /** @type {Side[]} */ (['stubs', 'typings']);
  console.log(
    `@velakit/types vs any-typed stubs over ${files} generated Vela pages, ${rounds} rounds, alternating order, ` +
      `skipLibCheck ${skipLibCheck ? 'on' : 'off (as the README)'}; min / median / max`,
  );
  const hasCpu = sideNames.every((side) => processTimes[side].cpu.length === rounds);
  const clocks = /** @type {('cpu' | 'wall')[]} */ (hasCpu ? ['cpu', 'wall'] : ['wall']);
  console.log(`1. whole \`tsc -p jsconfig.json\` processes (what a user runs); cpu = user+sys of the child`);
  /** @type {Record<string, number>} */
  const processRatios = {};
  for (const clock of clocks) {
    for (const side of sideNames) {
      const { min, median, max } = stats(processTimes[side][clock]);
      console.log(
        `  ${side.padEnd(8)} ${clock.padEnd(4)} min ${format(min)}  median ${format(median)}  max ${format(max)}`,
      );
    }
    processRatios[clock] = stats(processTimes.typings[clock]).median / stats(processTimes.stubs[clock]).median;
    const value = processRatios[clock] ?? NaN;
    console.log(`  typings / stubs, ${clock} (medians): ${value.toFixed(3)} (${((value - 1) * 100).toFixed(1)} %)`);
  }
  console.log('2. the checking alone (compiler API in this process, TypeScript loaded and warm); cpu = user+sys');
  for (const side of sideNames) {
    const { min, median, max } = stats(times[side]);
    console.log(`  ${side.padEnd(8)} cpu  min ${format(min)}  median ${format(median)}  max ${format(max)}`);
  }
  const checkingRatio = stats(times.typings).median / stats(times.stubs).median;
  console.log(
    `  typings / stubs, cpu (medians): ${checkingRatio.toFixed(3)} (${((checkingRatio - 1) * 100).toFixed(1)} %)`,
  );
  const ratio = processRatios[clocks[0] ?? 'wall'] ?? NaN;
  const verdict = ratio <= 1.1 ? 'within the +10 % budget' : 'OVER the +10 % budget';
  console.log(`verdict (whole tsc processes, ${clocks[0]}): ${ratio.toFixed(3)}, ${verdict}`);
  console.log('both sides checked every page with 0 errors, in both ways');
} finally {
  rmSync(root, { recursive: true, force: true });
}
