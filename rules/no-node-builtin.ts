import { dirname } from 'node:path';
import { analyze, fileChecker, type Analysis } from './utils/analysis.js';
import { trackModules, type PackageImport } from './utils/module-tracker.js';
import { declaresDependency, nodeBuiltinName, velaAlternatives } from './utils/node-builtins.js';
import { createRule, type RuleContext, type TSESLint } from './utils/rule.js';

type MessageIds = 'nodeBuiltin' | 'nodeBuiltinWithAlternative';
type Context = RuleContext<MessageIds, []>;

/**
 * A `.js`/`.ts` file the analysis read: checked only when it certainly runs on the watch, that is when it imports a
 * `@system.*` module, directly or through a local barrel. Node tooling in the app's project (`eslint.config.js`,
 * `scripts/build.js`) imports none, and may import `fs`.
 */
function checkFile(context: Context, analysis: Analysis): void {
  const usage = analysis.usage;
  const found = usage.packageImports;
  if (found.length === 0 || (usage.imports.length === 0 && !usage.importsBarrel)) return;
  reportBuiltins(context, found, false);
}

const checkFiles = fileChecker(checkFile);

/** A test or mock (Jest, Vitest), or a declaration file: code that imports a `@system.*` module and never runs on it. */
function isNeverOnWatch(path: string): boolean {
  return (
    /\.(?:test|spec)\.[cm]?[jt]sx?$/u.test(path) ||
    /\.d\.[cm]?ts$/u.test(path) ||
    /[/\\]__(?:tests|mocks)__[/\\]/u.test(path)
  );
}

/** The reports of one file: only built-in modules get here rarely, so the file's path is read only then. */
function reportBuiltins(context: Context, found: readonly PackageImport[], uxScript: boolean): void {
  let checkedPath = uxScript;
  for (let index = 0; index < found.length; index++) {
    const entry = found[index]!;
    const name = nodeBuiltinName(entry.specifier);
    if (name === undefined) continue;
    if (!checkedPath) {
      if (isNeverOnWatch(context.physicalFilename)) return;
      checkedPath = true;
    }
    report(context, entry, name);
  }
}

function report(context: Context, entry: PackageImport, name: string): void {
  const specifier = entry.specifier;
  // A bare name the project declares as a dependency (`buffer`, `events`) is that npm package, which the build bundles;
  // `node:` always means Node's own module.
  if (!specifier.startsWith('node:') && declaresDependency(dirname(context.physicalFilename), name)) return;
  const alternative = velaAlternatives[name];
  if (alternative === undefined) {
    context.report({ node: entry.node, messageId: 'nodeBuiltin', data: { specifier } });
    return;
  }
  context.report({
    node: entry.node,
    messageId: 'nodeBuiltinWithAlternative',
    data: { specifier, job: alternative.job, alternative: alternative.specifier },
  });
}

/**
 * `.ux` scripts, which always run on the watch. One that the shared analysis reads (it names `@system.` or imports a
 * barrel) is checked from it; another is read here, its top-level statements and `require` calls only, when its text
 * can import at all. The listener finds the script's context by the tree it is called with (in the order the rule was
 * created on it: one rule under two plugin names is created twice), so that every script shares one listener.
 */
const uxContexts = new WeakMap<object, Context[]>();
const uxListeners: TSESLint.RuleListener = {
  Program: (program) => {
    const context = uxContexts.get(program)?.shift();
    if (context === undefined) return;
    const analysis = analyze(context);
    // No file name: the barrels it may import were looked for by `analyze`, and hand on no `@system.*` module.
    const usage = analysis?.usage ?? trackModules(context.sourceCode);
    if (usage.packageImports.length > 0) reportBuiltins(context, usage.packageImports, true);
  },
};

function uxScriptListeners(context: Context): TSESLint.RuleListener {
  const text = context.sourceCode.text;
  if (!text.includes('import') && !text.includes('require')) return {};
  const waiting = uxContexts.get(context.sourceCode.ast);
  if (waiting) waiting.push(context);
  else uxContexts.set(context.sourceCode.ast, [context]);
  return uxListeners;
}

export default createRule<[], MessageIds>({
  name: 'no-node-builtin',
  meta: {
    type: 'problem',
    docs: {
      description:
        'Disallow importing Node built-in modules (`fs`, `node:path`, `fs/promises`...) in code that runs on the watch, naming the Vela module that does the job',
      recommended: 'recommended',
      language: 'javascript',
      readsManifest: false,
    },
    schema: [],
    messages: {
      nodeBuiltin:
        "`{{specifier}}` is a Node built-in module, which a Vela app cannot import: its JS runs on the watch's engine, not on Node. Remove it, or use an npm package that the build bundles.",
      nodeBuiltinWithAlternative:
        "`{{specifier}}` is a Node built-in module, which a Vela app cannot import: its JS runs on the watch's engine, not on Node. For {{job}}, use `{{alternative}}`.",
    },
  },
  create(context) {
    // A `.ux` file's script arrives as `<page>.ux/0_script.js`, its physical file the `.ux` itself.
    if (context.physicalFilename.endsWith('.ux')) return uxScriptListeners(context);
    return checkFiles(context, undefined);
  },
});
