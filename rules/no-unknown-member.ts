import { findVariable } from '@eslint-community/eslint-utils';
import { editDistance, suggest, type ApiInterface, type Module } from '@velakit/catalog';
import { fileChecker, type Analysis } from './utils/analysis.js';
import { isNullish, type ApiUse } from './utils/module-tracker.js';
import { createRule, type RuleContext, type TSESLint, type TSESTree } from './utils/rule.js';

type MessageIds = 'unknownMember' | 'unknownInterfaceMember' | 'unknownAssigned' | 'replaceWith';

/** Names every object has, and the interop names bundlers add: never a misspelling of a Vela member. */
const objectMembers = new Set([
  'constructor',
  'toString',
  'valueOf',
  'hasOwnProperty',
  'isPrototypeOf',
  'propertyIsEnumerable',
  'toLocaleString',
  'default',
  '__esModule',
  'then',
  'call',
  'apply',
  'bind',
  'name',
  'length',
]);

/** The members the catalogue documents for a module or an interface (methods, attributes, event handlers), per entry. */
const membersByEntry = new WeakMap<Module | ApiInterface, readonly string[]>();
function documentedMembers(entry: Module | ApiInterface): readonly string[] {
  let members = membersByEntry.get(entry);
  if (!members) {
    const properties =
      'properties' in entry && Array.isArray(entry.properties) ? (entry.properties as readonly { name: string }[]) : [];
    members = [...entry.methods.map((method) => method.name), ...properties.map((property) => property.name)];
    membersByEntry.set(entry, members);
  }
  return members;
}

/** The attributes and event handlers the catalogue documents for a module or an interface: what may be assigned. */
const propertiesByEntry = new WeakMap<Module | ApiInterface, readonly string[]>();
function documentedProperties(entry: Module | ApiInterface): readonly string[] {
  let properties = propertiesByEntry.get(entry);
  if (!properties) {
    properties =
      'properties' in entry && Array.isArray(entry.properties)
        ? (entry.properties as readonly { name: string }[]).map((property) => property.name)
        : [];
    propertiesByEntry.set(entry, properties);
  }
  return properties;
}

/**
 * The documented member `name` is a slip of, if any: the same name in another case, or one within a small edit
 * distance. Only such near misses are reported; any other unknown name may be something velakit does not know.
 */
function nearMiss(name: string, members: readonly string[]): string | undefined {
  if (members.length === 0 || members.includes(name) || objectMembers.has(name)) return undefined;
  const limit = Math.max(1, Math.floor(name.length / 4));
  const [best] = suggest(name, members, { max: 1 });
  if (best === undefined) return undefined;
  return editDistance(name.toLowerCase(), best.toLowerCase(), limit) <= limit ? best : undefined;
}

/**
 * True when the read's value is only tested for existence: `typeof mod.x`, `if (mod.x)`, `!mod.x`, `mod.x ? a : b`,
 * the left side of `mod.x && ...`/`||`/`??` (and the right side when the whole chain is such a test),
 * `mod.x == null`. Feature detection asks whether a member exists, so a name the docs lack may be one newer firmware
 * has; a call of it (`mod.x()`, `mod.x?.()`) is still reported.
 */
function isExistenceTest(node: TSESTree.Node): boolean {
  const tested = node.parent?.type === 'ChainExpression' ? node.parent : node;
  const parent = tested.parent;
  switch (parent?.type) {
    case 'UnaryExpression':
      return parent.operator === 'typeof' || parent.operator === '!';
    case 'IfStatement':
    case 'WhileStatement':
    case 'DoWhileStatement':
    case 'ForStatement':
    case 'ConditionalExpression':
      return parent.test === tested;
    case 'LogicalExpression':
      return parent.left === tested || isExistenceTest(parent);
    case 'BinaryExpression':
      return (
        ['==', '!=', '===', '!=='].includes(parent.operator) &&
        isNullish(parent.left === tested ? parent.right : parent.left)
      );
    default:
      return false;
  }
}

/** True for the target of a plain assignment, `mod.x = value`: setting an attribute or an event handler. */
function isAssigned(node: TSESTree.MemberExpression): boolean {
  const parent = node.parent;
  return parent.type === 'AssignmentExpression' && parent.operator === '=' && parent.left === node;
}

/** True when the member is written to (`mod.x += ...`, `mod.x++`, `delete mod.x`), or only tested for existence. */
function isWriteOrDetection(node: TSESTree.MemberExpression): boolean {
  const parent = node.parent;
  return (
    (parent.type === 'AssignmentExpression' && parent.left === node) ||
    parent.type === 'UpdateExpression' ||
    (parent.type === 'UnaryExpression' && parent.operator === 'delete') ||
    isExistenceTest(node)
  );
}

type Context = RuleContext<MessageIds, []>;

/** Reports a misspelled member with its near miss, and offers the rename. */
function report(
  context: Context,
  node: TSESTree.MemberExpression,
  messageId: 'unknownMember' | 'unknownInterfaceMember' | 'unknownAssigned',
  data: Record<string, string>,
  suggestion: string,
): void {
  context.report({
    node: node.property,
    messageId,
    data: {
      ...data,
      object: context.sourceCode.getText(node.object),
      name: (node.property as TSESTree.Identifier).name,
      suggestion,
    },
    suggest: [
      {
        messageId: 'replaceWith',
        data: { suggestion },
        fix: (fixer) => fixer.replaceText(node.property, suggestion),
      },
    ],
  });
}

/**
 * Checks one use of a member against the documented members; only plain `object.name` uses are judged. A read is
 * compared with every documented member; a plain assignment only with the attributes and event handlers of an entry
 * that has some (`audio.onend = ...` for `onended`): it is how they are set, and a misspelled one is silently a new
 * property that the device never reads. Other writes and existence tests stay silent.
 */
function checkMember(
  context: Context,
  node: TSESTree.Node | undefined,
  entry: Module | ApiInterface,
  messageId: 'unknownMember' | 'unknownInterfaceMember',
  data: Record<string, string>,
): void {
  if (node?.type !== 'MemberExpression' || node.computed || node.property.type !== 'Identifier') return;
  if (isAssigned(node)) {
    checkAssigned(context, node, entry, data);
    return;
  }
  if (isWriteOrDetection(node)) return;
  const suggestion = nearMiss(node.property.name, documentedMembers(entry));
  if (suggestion !== undefined) report(context, node, messageId, data, suggestion);
}

/**
 * The one event handler whose name the assigned `on…` name shortens or lengthens by a few letters (`onend` for
 * `onended`, `onerrors` for `onerror`): the DOM's names for the same events, which an edit distance of a quarter of
 * the name does not reach.
 */
function handlerNamedShort(name: string, properties: readonly string[]): string | undefined {
  if (!name.startsWith('on') || name.length < 4) return undefined;
  const lower = name.toLowerCase();
  const matches = properties.filter((property) => {
    const candidate = property.toLowerCase();
    return (
      candidate.startsWith('on') &&
      Math.abs(candidate.length - lower.length) <= 3 &&
      (candidate.startsWith(lower) || lower.startsWith(candidate))
    );
  });
  return matches.length === 1 ? matches[0] : undefined;
}

/** An assigned member: a near miss of a documented attribute or event handler is reported (see `checkMember`). */
function checkAssigned(
  context: Context,
  node: TSESTree.MemberExpression,
  entry: Module | ApiInterface,
  data: Record<string, string>,
): void {
  const properties = documentedProperties(entry);
  const name = (node.property as TSESTree.Identifier).name;
  if (properties.length === 0 || documentedMembers(entry).includes(name)) return;
  const suggestion = nearMiss(name, properties) ?? handlerNamedShort(name, properties);
  if (suggestion === undefined) return;
  const owner =
    data['module'] !== undefined
      ? `\`@${data['module']}\``
      : `\`${data['interface']}\` (what \`${data['api']}\` returns)`;
  report(context, node, 'unknownAssigned', { owner }, suggestion);
}

/** The rule's work on one file that may use `@system.*` modules (see `fileChecker`). */
function checkFile(context: Context, analysis: Analysis): void {
  const { usage } = analysis;
  // Members of module objects: `request.donwload`. Modules the docs do not describe stay silent.
  const moduleUses = usage.moduleUses;
  for (let index = 0; index < moduleUses.length; index++) {
    const use = moduleUses[index]!;
    if (use.member === undefined || use.method !== undefined || use.module.support === 'undocumented') continue;
    checkMember(context, use.node, use.module, 'unknownMember', { module: use.module.name });
  }
  // Members of what methods return: `const task = uploadtask.uploadFile(...)`, then `task.onProgresUpdate`.
  const methodUses = usage.methodUses;
  for (let index = 0; index < methodUses.length; index++) {
    const use = methodUses[index]!;
    const returned = use.kind === 'call' && use.interfaceName === undefined ? use.method?.returns : undefined;
    if (returned !== undefined) checkReturnedMembers(context, use, returned);
  }
  // Members of the same objects through a function that returns one: `getConnect().onmesage = ...`.
  const getterCalls = usage.getterCalls;
  for (let index = 0; index < getterCalls.length; index++) {
    const getter = getterCalls[index]!;
    const entry = getter.module.interfaces.find((candidate) => candidate.name === getter.interfaceName);
    if (entry) checkHeldMembers(context, getter.node, entry, interfaceData(getter.module, entry, getter.method.name));
  }
}

function interfaceData(module: Module, entry: ApiInterface, method: string | undefined): Record<string, string> {
  return { interface: entry.name, api: `${module.name.slice('system.'.length)}.${method ?? ''}` };
}

/**
 * The reads of members of the object a call returns, directly or through a `const`. Apart from `checkFile`: only calls
 * of methods that return an interface come here, and V8's optimizing compiler would otherwise compile this path into
 * the loop every use goes through.
 */
function checkReturnedMembers(context: Context, use: ApiUse, returned: string): void {
  const entry = use.module.interfaces.find((candidate) => candidate.name === returned);
  if (entry) checkHeldMembers(context, use.node, entry, interfaceData(use.module, entry, use.member));
}

/**
 * The reads of members of the object `call` gives: on the call itself, through a `const` it initializes, or through a
 * `let`/`var` it is the one value of (`holdsOnly`).
 */
function checkHeldMembers(
  context: Context,
  call: TSESTree.Node,
  entry: ApiInterface,
  data: Record<string, string>,
): void {
  let holder: TSESTree.Node = call;
  while (holder.parent?.type === 'TSNonNullExpression' || holder.parent?.type === 'TSAsExpression')
    holder = holder.parent;
  const parent = holder.parent;
  if (parent?.type === 'MemberExpression' && parent.object === holder) {
    checkMember(context, parent, entry, 'unknownInterfaceMember', data);
  } else if (parent?.type === 'VariableDeclarator' && parent.init === holder && parent.id.type === 'Identifier') {
    const variable = findVariable(
      context.sourceCode.getScope(parent) as never,
      parent.id as never,
    ) as TSESLint.Scope.Variable | null;
    // A variable assigned again may hold anything: only a single, never reassigned binding is followed.
    if (!variable || variable.references.some((reference) => reference.isWrite() && !reference.init)) return;
    checkReads(context, variable, entry, data);
  } else if (
    parent?.type === 'AssignmentExpression' &&
    parent.operator === '=' &&
    parent.right === holder &&
    parent.left.type === 'Identifier'
  ) {
    // `let connect = null` … `connect = interconnect.instance()`: followed when this is the variable's one value.
    const variable = findVariable(
      context.sourceCode.getScope(parent) as never,
      parent.left as never,
    ) as TSESLint.Scope.Variable | null;
    if (variable && holdsOnly(variable, parent.left)) checkReads(context, variable, entry, data);
  }
}

function checkReads(
  context: Context,
  variable: TSESLint.Scope.Variable,
  entry: ApiInterface,
  data: Record<string, string>,
): void {
  for (const reference of variable.references) {
    if (reference.isRead()) checkMember(context, reference.identifier.parent, entry, 'unknownInterfaceMember', data);
  }
}

/**
 * True when `assigned` is the only value a `let`/`var` ever gets besides none or a nullish value (`isNullish`) at its
 * declaration (the lazy `let connect = null`): a second assignment, a parameter or any other start value may hold
 * anything else (and a second assignment of the same call would report every read twice).
 */
function holdsOnly(variable: TSESLint.Scope.Variable, assigned: TSESTree.Identifier): boolean {
  if (variable.defs.length !== 1) return false;
  const def = variable.defs[0]!;
  if (def.type !== 'Variable' || def.node.type !== 'VariableDeclarator') return false;
  const start = def.node.init;
  if (start && !isNullish(start)) return false;
  return variable.references.every(
    (reference) => !reference.isWrite() || reference.init || reference.identifier === assigned,
  );
}

const checkFiles = fileChecker(checkFile);

export default createRule<[], MessageIds>({
  name: 'no-unknown-member',
  meta: {
    type: 'problem',
    docs: {
      description:
        'Disallow misspelled members of `@system.*` modules and of the objects their methods return, with a "did you mean" suggestion',
      recommended: 'recommended',
      language: 'javascript',
      readsManifest: false,
    },
    hasSuggestions: true,
    schema: [],
    messages: {
      unknownMember: '`{{object}}.{{name}}` is not a member of `@{{module}}`. Did you mean `{{suggestion}}`?',
      unknownInterfaceMember:
        '`{{object}}.{{name}}` is not a member of `{{interface}}` (what `{{api}}` returns). Did you mean `{{suggestion}}`?',
      unknownAssigned:
        '`{{object}}.{{name}}` is not an attribute or event handler of {{owner}}: the device never reads what is assigned to it. Did you mean `{{suggestion}}`?',
      replaceWith: 'Replace with `{{suggestion}}`.',
    },
  },
  create(context) {
    return checkFiles(context, undefined);
  },
});
