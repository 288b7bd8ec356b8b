import { findVariable, getPropertyName } from '@eslint-community/eslint-utils';
import { type EntryType, type TypeSpec, type ValueKind as CatalogValueKind, type ValueType } from '@velakit/catalog';
import type { TSESLint, TSESTree } from './rule.js';

/** One `name: value` of an options object whose key is known statically. */
export interface OptionProperty {
  readonly name: string;
  readonly property: TSESTree.Property;
  readonly key: TSESTree.Node;
  readonly value: TSESTree.Node;
}

/** What a rule can know about the argument where an options object is expected. */
export type OptionsArgument =
  /** No argument at all. */
  | { readonly kind: 'missing' }
  /** An object literal (inline, or a `const` used only as call arguments). `complete` is false after a spread or computed key. */
  | {
      readonly kind: 'object';
      readonly node: TSESTree.ObjectExpression;
      readonly properties: readonly OptionProperty[];
      readonly complete: boolean;
    }
  /** A value that can never be an options object (a string, a number, an array, a function...). */
  | { readonly kind: 'not-object'; readonly node: TSESTree.Node; readonly valueKind: ValueKind }
  /** Too dynamic to know: a call, a parameter, a spread argument. Rules stay silent. */
  | { readonly kind: 'unknown' };

/** The kind of value an expression certainly evaluates to, or `unknown`. */
export type ValueKind = Extract<
  CatalogValueKind,
  'string' | 'number' | 'boolean' | 'object' | 'array' | 'function' | 'null' | 'regexp' | 'unknown'
>;

/** Kind of value an expression has, judged from its syntax only (identifiers and calls are `unknown`). */
export function valueKindOf(node: TSESTree.Node): ValueKind {
  switch (node.type) {
    case 'Literal':
      if ('regex' in node && node.regex) return 'regexp';
      if ('bigint' in node && node.bigint) return 'number';
      if (node.value === null) return 'null';
      if (typeof node.value === 'string') return 'string';
      if (typeof node.value === 'number' || typeof node.value === 'bigint') return 'number';
      if (typeof node.value === 'boolean') return 'boolean';
      return 'unknown';
    case 'TemplateLiteral':
      return 'string';
    case 'ObjectExpression':
      return 'object';
    case 'ArrayExpression':
      return 'array';
    case 'FunctionExpression':
    case 'ArrowFunctionExpression':
      return 'function';
    case 'UnaryExpression':
      if (node.operator === '-' || node.operator === '+' || node.operator === '~')
        return valueKindOf(node.argument) === 'number' ? 'number' : 'unknown';
      if (node.operator === '!') return 'boolean';
      if (node.operator === 'typeof') return 'string';
      return 'unknown';
    case 'TSAsExpression':
    case 'TSSatisfiesExpression':
    case 'TSNonNullExpression':
      return valueKindOf(node.expression);
    default:
      return 'unknown';
  }
}

/** False only when the expression certainly is not of the documented type (or any type of a union); `null` and unknowns pass. */
export function fitsType(node: TSESTree.Node, expected: TypeSpec): boolean {
  const kind = valueKindOf(node);
  if (kind === 'unknown' || kind === 'null') return true;
  // Most parameters have one type: judged without making a list of it.
  if (typeof expected === 'string') return fitsOne(node, kind, expected);
  for (const type of expected) if (fitsOne(node, kind, type)) return true;
  return false;
}

function fitsOne(node: TSESTree.Node, kind: ValueKind, expected: ValueType): boolean {
  if (expected === 'integer') return kind === 'number' && (node.type !== 'Literal' || Number.isInteger(node.value));
  return kind === expected;
}

/**
 * False only when a property value of an object with typed entries (`header: { 'X-Count': true }`) certainly has none
 * of the listed types. Unlike an option, an entry of `null` is no absence: the platform refuses it like any other.
 */
export function fitsEntryTypes(node: TSESTree.Node, entries: readonly EntryType[]): boolean {
  const kind = valueKindOf(node);
  if (kind === 'unknown') return true;
  if (kind === 'null') return false;
  return entries.some((type) => fitsType(node, type));
}

/** `{ ... } as T`, `{ ... } satisfies T`, `value!`: the expression that is wrapped. */
export function unwrapTypeAssertions(node: TSESTree.Node): TSESTree.Node {
  while (node.type === 'TSAsExpression' || node.type === 'TSSatisfiesExpression' || node.type === 'TSNonNullExpression')
    node = node.expression;
  return node;
}

/** The scope an expression is read in, asked for only when needed (ESLint finds it by walking up the tree). */
export type ScopeOf = () => TSESLint.Scope.Scope;

/**
 * The properties of an object literal whose keys are known statically; `complete` is false after a spread or a computed
 * key. Only a computed key (`[NAME]: ...`, a constant followed through its scope) needs the scope.
 */
export function readObjectLiteral(
  node: TSESTree.ObjectExpression,
  scopeOf: ScopeOf,
): { readonly properties: readonly OptionProperty[]; readonly complete: boolean } {
  const properties: OptionProperty[] = [];
  let complete = true;
  for (const property of node.properties) {
    if (property.type !== 'Property') {
      complete = false;
      continue;
    }
    // `url: ...`, the usual key, is read here; other keys (strings, numbers, computed) by eslint-utils.
    const key = property.key;
    const name = !property.computed && key.type === 'Identifier' ? key.name : propertyName(property, scopeOf);
    if (name === null || name === undefined) {
      complete = false;
      continue;
    }
    properties.push({ name, property, key: property.key, value: property.value });
  }
  return { properties, complete };
}

function propertyName(property: TSESTree.Property, scopeOf: ScopeOf): string | null | undefined {
  return getPropertyName(property as never, (property.computed ? scopeOf() : undefined) as never);
}

/**
 * Follows an identifier to the object literal it names, only when nothing else can change it: a single declaration
 * with an initializer, never reassigned, and every read passes it straight to a call. Anything else is unknown.
 */
function resolveIdentifier(node: TSESTree.Identifier, scope: TSESLint.Scope.Scope): TSESTree.Node | undefined {
  const variable = findVariable(scope as never, node as never) as TSESLint.Scope.Variable | null;
  if (!variable || variable.defs.length !== 1) return undefined;
  const definition = variable.defs[0]!;
  if (definition.type !== 'Variable' || definition.node.id.type !== 'Identifier' || !definition.node.init)
    return undefined;
  for (const reference of variable.references) {
    if (reference.init) continue;
    if (reference.isWrite()) return undefined;
    const parent = reference.identifier.parent;
    if (parent?.type !== 'CallExpression' || !parent.arguments.includes(reference.identifier as TSESTree.Expression))
      return undefined;
  }
  return definition.node.init;
}

/**
 * The options object argument of a catalogue call. The analysis reads it once per call, with the file's method calls
 * (`MethodCall.options`), for every rule that asks (require-params and valid-params both read every call).
 */
export function optionsArgumentOf(
  call: TSESTree.CallExpression,
  sourceCode: Readonly<TSESLint.SourceCode>,
): OptionsArgument {
  // Most options are object literals with plain keys, read without the call's scope.
  const argument = call.arguments[0];
  // An object literal, the usual argument, is read here; anything else (a name to follow, a wrong value) apart.
  if (argument?.type === 'ObjectExpression')
    return { kind: 'object', node: argument, ...readObjectLiteral(argument, () => sourceCode.getScope(call)) };
  return readOtherArgument(argument, call, sourceCode);
}

function readOtherArgument(
  argument: TSESTree.CallExpressionArgument | undefined,
  call: TSESTree.CallExpression,
  sourceCode: Readonly<TSESLint.SourceCode>,
): OptionsArgument {
  let scope: TSESLint.Scope.Scope | undefined;
  return readOptionsArgument(argument, () => (scope ??= sourceCode.getScope(call)));
}

/** Reads the argument of a call that takes an options object. */
export function readOptionsArgument(argument: TSESTree.Node | undefined, scopeOf: ScopeOf, depth = 0): OptionsArgument {
  if (argument === undefined) return { kind: 'missing' };
  // `{ ... } as Options`, `{ ... } satisfies Options`, `options!`: the value is what is wrapped.
  argument = unwrapTypeAssertions(argument);
  if (argument.type === 'Identifier' && depth < 4) {
    const init = resolveIdentifier(argument, scopeOf());
    return init ? readOptionsArgument(init, scopeOf, depth + 1) : { kind: 'unknown' };
  }
  if (argument.type === 'ObjectExpression')
    return { kind: 'object', node: argument, ...readObjectLiteral(argument, scopeOf) };
  const valueKind = valueKindOf(argument);
  if (valueKind === 'unknown' || valueKind === 'object') return { kind: 'unknown' };
  return { kind: 'not-object', node: argument, valueKind };
}
