import { dirname } from 'node:path';
import type { Method, Module } from '@velakit/catalog';
import { loadBarrel, localSpecifiers, rememberLintedBarrel, resolveLocalImport } from './barrels.js';
import { compiledBlocks, type CompiledBlock } from './conditional-compilation.js';
import { findGuards, type Guards } from './guards.js';
import { trackModules, type ApiUse, type ModuleUsage } from './module-tracker.js';
import { optionsArgumentOf, type OptionsArgument } from './options-object.js';
import type { TSESLint, TSESTree } from './rule.js';
import { noteLintedSource } from './app-sources.js';
import { apiName } from './words.js';
import type { ManifestField } from './manifest-cache.js';
import { timedStep } from './shared-timing.js';
import { protectionOn, weakestProtection, type Protection } from './use-protection.js';
import { resolveTargets, targetOptionsKey, type ResolvedTargets, type TargetOptions } from './targets.js';

/**
 * Everything the source rules learn about one file; computed once and shared by every velakit rule. The module usage
 * is found when a rule first asks about the file; the guards and the conditional-compilation blocks only when a rule
 * first reads them (only a use that a target lacks needs them), then kept for the other rules.
 */
export interface Analysis {
  readonly usage: ModuleUsage;
  readonly guards: Guards;
  /** `// if true: ...` … `// endif` blocks: code in them targets only some devices. */
  readonly compiledBlocks: readonly CompiledBlock[];
  /** Every call of a method the catalogue describes, in source order (see `methodCalls`). */
  readonly methodCalls: readonly MethodCall[];
}

/** The rule that asked for the analysis last: ESLint runs one listener at a time, so it is the one running now. */
let askingRule = '';

class FileAnalysis implements Analysis {
  #guards: Guards | undefined;
  #compiledBlocks: readonly CompiledBlock[] | undefined;
  #methodCalls: readonly MethodCall[] | undefined;
  constructor(
    readonly usage: ModuleUsage,
    private readonly sourceCode: Readonly<TSESLint.SourceCode>,
    private readonly physicalFilename: string,
  ) {}
  get guards(): Guards {
    return (this.#guards ??= timedStep('analysis', askingRule, () => findGuards(this.usage, this.sourceCode)));
  }
  get compiledBlocks(): readonly CompiledBlock[] {
    return (this.#compiledBlocks ??= timedStep('analysis', askingRule, () =>
      compiledBlocks(this.sourceCode, this.physicalFilename),
    ));
  }
  get methodCalls(): readonly MethodCall[] {
    return (this.#methodCalls ??= findMethodCalls(this.usage, this.sourceCode));
  }
}

/** A call of a catalogue method, with the name messages use for it (`uploadtask.uploadFile`, `UploadTask.abort`). */
export interface MethodCall {
  readonly use: ApiUse;
  readonly call: TSESTree.CallExpression;
  readonly method: Method;
  readonly api: string;
  /**
   * The options object argument of a method that takes one and has parameters (undefined for the others), read once
   * here for every rule that checks it, so that the rules' own compiled code does not each carry the reading.
   */
  readonly options: OptionsArgument | undefined;
}

/** Every call of a method the catalogue describes, in source order (found once per file, shared by the rules). */
export function methodCalls(analysis: Analysis): readonly MethodCall[] {
  return analysis.methodCalls;
}

function findMethodCalls(usage: ModuleUsage, sourceCode: Readonly<TSESLint.SourceCode>): MethodCall[] {
  const calls: MethodCall[] = [];
  const uses = usage.methodUses;
  for (let index = 0; index < uses.length; index++) {
    const use = uses[index]!;
    const method = use.method;
    if (use.kind !== 'call' || !method) continue;
    const call = use.node as TSESTree.CallExpression;
    const signature = method.signature;
    const takesOptions = signature.kind !== 'positional' && signature.params.length > 0;
    calls.push({
      use,
      call,
      method,
      api: apiName(use.module, method.name, use.interfaceName),
      options: takesOptions ? optionsArgumentOf(call, sourceCode) : undefined,
    });
  }
  return calls;
}

/** One `@system.*` API a file uses: a module it reads, or a catalogue method it calls or reads. */
export interface UsedApi {
  readonly module: Module;
  /** Undefined for the module itself. */
  readonly method: Method | undefined;
  readonly interfaceName: string | undefined;
  /** Where the file uses it (for a module, its first read), in the linted text. */
  readonly loc: TSESTree.SourceLocation;
  /**
   * Why this use cannot fail on `device`, a device that lacks the API, or undefined when it runs there unprotected
   * (where no-unsupported-api reports it; see `protectionOn`). For a module: how its reads in the file fare together.
   * Ask while the file is being linted: it reads the file's analysis.
   */
  readonly protectionOn: (device: string) => Protection | undefined;
}

/**
 * Every `@system.*` API the file being linted uses, as the rules see it: from the same cached analysis, so asking
 * costs nothing more when velakit's rules run on the file too. Each module it reads (through an import, `require` or
 * a local barrel) once, and each use of a catalogue method. A module imported and never read (a barrel that only
 * hands it on) is not a use. Empty for a file without Vela imports.
 */
export function usedApis(context: Context): UsedApi[] {
  const analysis = analyze(context);
  if (!analysis) return [];
  const used: UsedApi[] = [];
  const readsByModule = new Map<Module, ApiUse[]>();
  for (const use of analysis.usage.moduleUses) {
    const reads = readsByModule.get(use.module);
    if (reads) reads.push(use);
    else readsByModule.set(use.module, [use]);
  }
  for (const [module, reads] of readsByModule) {
    used.push({
      module,
      method: undefined,
      interfaceName: undefined,
      loc: reads[0]!.node.loc,
      protectionOn: (device) => weakestProtection(reads.map((read) => protectionOn(analysis, read, device))),
    });
  }
  for (const use of analysis.usage.methodUses) {
    if (use.method)
      used.push({
        module: use.module,
        method: use.method,
        interfaceName: use.interfaceName,
        loc: use.node.loc,
        protectionOn: (device) => protectionOn(analysis, use, device),
      });
  }
  return used;
}

/**
 * What velakit's source rules know about one linted file, in one record per file (keyed by the file's tree, which is
 * also what a `Program` listener is called with): the text test, the analysis, the targets, and the rules waiting to
 * check the file. One record instead of a weak map per fact (there were five).
 */
class FileState {
  /** The analysis; null for a file that cannot use a `@system.*` module; undefined until a rule asks. */
  analysis: Analysis | null | undefined = undefined;
  /** The targets under options that set none (every rule of the shared configs). */
  plainTargets: ResolvedTargets | undefined = undefined;
  /** The targets under each other rule options, by their key. */
  targetsByKey: Map<string, ResolvedTargets> | undefined = undefined;
  /** The problems reported on this file (`claimProblemReport`): `manifest`, or a field of the wrong type. */
  problemsReported: Set<string> | undefined = undefined;
  /** Per source rule (its slot, see `fileChecker`): the context and options its listener checks this file with. */
  readonly contexts: (Context | undefined)[] = [];
  readonly options: unknown[] = [];
  /** A rule created again on this file before its listener ran (one rule under two plugin names), in order. */
  more: { readonly slot: number; readonly context: Context; readonly options: unknown }[] | undefined = undefined;
  constructor(readonly mayUse: boolean) {}

  /** The context and options a rule's next listener call on this file checks with, taken (each is used once). */
  take(slot: number): { readonly context: Context; readonly options: unknown } | undefined {
    const context = this.contexts[slot];
    if (context !== undefined) {
      const options = this.options[slot];
      this.contexts[slot] = undefined;
      this.options[slot] = undefined;
      return { context, options };
    }
    const index = this.more?.findIndex((entry) => entry.slot === slot) ?? -1;
    return index < 0 ? undefined : this.more!.splice(index, 1)[0];
  }
}

const fileStates = new WeakMap<object, FileState>();

function fileStateOf(sourceCode: Readonly<TSESLint.SourceCode>): FileState {
  return fileStates.get(sourceCode.ast) ?? newFileState(sourceCode);
}

/**
 * The record of a file no rule has asked about yet. A whole file's text (not a `.ux` file's script block) is handed
 * to the app-source scan too, which then need not read the file (`noteLintedSource`).
 */
function newFileState(sourceCode: Readonly<TSESLint.SourceCode>, context?: Context): FileState {
  const text = sourceCode.text;
  const state = new FileState(mentionsSystemModule(text) || mayImportLocalFile(text));
  fileStates.set(sourceCode.ast, state);
  if (context !== undefined && context.filename === context.physicalFilename)
    noteLintedSource(context.physicalFilename, text);
  return state;
}

type Context = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

/**
 * The module usage of the file being linted, or undefined when the file cannot import a `@system.*` module.
 * That text check runs before any scope work, so files without Vela imports cost one `includes`.
 */
export function analyze(context: Context): Analysis | undefined {
  return analysisOf(fileStateOf(context.sourceCode), context) ?? undefined;
}

function analysisOf(state: FileState, context: Context): Analysis | null {
  askingRule = context.id;
  if (state.analysis === undefined) state.analysis = timedStep('analysis', context.id, () => analyzeFile(context));
  return state.analysis;
}

function analyzeFile(context: Context): Analysis | null {
  const sourceCode = context.sourceCode;
  const text = sourceCode.text;
  const parser = context.languageOptions?.parser;
  if (!mentionsSystemModule(text) && !importsBarrel(text, context.physicalFilename, parser)) return null;
  const usage = trackModules(sourceCode, { physicalFilename: context.physicalFilename, parser });
  // Its importers read a barrel from this tree instead of parsing it again.
  rememberLintedBarrel(context.physicalFilename, sourceCode.ast, text, context.languageOptions);
  return new FileAnalysis(usage, sourceCode, context.physicalFilename);
}

/** True when the text names a `@system.*` module; the other files need the analysis only to follow a barrel. */
function mentionsSystemModule(text: string): boolean {
  return text.includes('@system.');
}

/** True when the text may import a local file (a barrel); without it, and without `@system.`, nothing is analyzed. */
function mayImportLocalFile(text: string): boolean {
  return text.includes('./');
}

/** How many source rules have a slot in each file's record. */
let slots = 0;

/**
 * A source rule's `create`, made once per rule when it loads: on each file that may use a `@system.*` module it hands
 * `check` the file's analysis; other files (the text tests `analyze` starts with) get no listener at all.
 *
 * Every file gets the same listener object and function. ESLint keeps each listener function it is given in a weak map
 * (to name the rule when a listener throws), and a new closure per rule and file made 11,520 entries in a lint of
 * 2,400 files. The listener finds its file's context and options in the file's record, from the tree it is called
 * with. Every source rule's listener comes from this one function literal, so V8 compiles one small listener for all.
 */
export function fileChecker<RuleContext extends Context, Options>(
  check: (context: RuleContext, analysis: Analysis, options: Options) => void,
): (context: RuleContext, options: Options) => TSESLint.RuleListener {
  const slot = slots++;
  const listeners: TSESLint.RuleListener = {
    Program: (program) => {
      const state = fileStates.get(program);
      const taken = state?.take(slot);
      if (state === undefined || taken === undefined) return;
      const analysis = analysisOf(state, taken.context);
      if (analysis) check(taken.context as RuleContext, analysis, taken.options as Options);
    },
  };
  const none: TSESLint.RuleListener = {};
  return function listenersFor(context: RuleContext, options: Options) {
    const state = fileStates.get(context.sourceCode.ast) ?? newFileState(context.sourceCode, context);
    if (!state.mayUse) return none;
    if (state.contexts[slot] !== undefined) (state.more ??= []).push({ slot, context, options });
    else {
      state.contexts[slot] = context;
      state.options[slot] = options;
    }
    return listeners;
  };
}

/** True when the text imports a local file that hands on `@system.*` modules (found without parsing this file). */
function importsBarrel(text: string, physicalFilename: string, parser: unknown): boolean {
  if (!mayImportLocalFile(text)) return false;
  const dir = dirname(physicalFilename);
  return localSpecifiers(text).some((specifier) => {
    const path = resolveLocalImport(dir, specifier);
    return path !== undefined && loadBarrel(path, parser as never) !== undefined;
  });
}

/** Targets for this file under these rule options, resolved once per file and options. */
export function targetsFor(context: Context, options: TargetOptions = {}): ResolvedTargets {
  const key = targetOptionsKey(options);
  const state = fileStateOf(context.sourceCode);
  // Options that set no targets (every rule of the shared configs): one lookup per rule and file.
  if (key === '') return (state.plainTargets ??= resolveFor(context, options));
  const byOptions = (state.targetsByKey ??= new Map());
  let targets = byOptions.get(key);
  if (!targets) {
    targets = resolveFor(context, options);
    byOptions.set(key, targets);
  }
  return targets;
}

function resolveFor(context: Context, options: TargetOptions): ResolvedTargets {
  // The physical file: a .ux script block's own name (page.ux/script.js) is not a place on disk.
  const target = { filename: context.physicalFilename, cwd: context.cwd, settings: context.settings };
  return timedStep('targets', context.id, () => resolveTargets(target, options));
}

/** A location covering the file's first line with text, where setup problems (manifest, settings) are reported. */
export function firstLineLoc(context: Context): {
  start: { line: number; column: number };
  end: { line: number; column: number };
} {
  // The first line with text: a `.ux` script block usually starts with the empty rest of the `<script>` line.
  const lines = context.sourceCode.lines;
  const index = Math.max(
    0,
    lines.findIndex((line) => line.trim() !== ''),
  );
  const text = lines[index] ?? '';
  const indent = text.length - text.trimStart().length;
  return { start: { line: index + 1, column: indent }, end: { line: index + 1, column: text.length } };
}

/**
 * True for the first velakit rule that asks about this file, false for the others: a manifest or settings problem
 * (`manifest`), or a manifest field of the wrong type (`features`: reported by the rule that reads it), is reported
 * once per file however many rules (or one rule under two plugin names) need it.
 */
export function claimProblemReport(context: Context, problem: 'manifest' | ManifestField = 'manifest'): boolean {
  const state = fileStateOf(context.sourceCode);
  const reported = (state.problemsReported ??= new Set());
  if (reported.has(problem)) return false;
  reported.add(problem);
  return true;
}
