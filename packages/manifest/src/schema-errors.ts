import { didYouMeanSentence, listAnd, listOr, quote, suggest, suggestModules } from '@velakit/catalog';
import { isObject } from './json-value.js';
import { escapeSegment, segmentsOf } from './pointer.js';
import type { Reporter } from './report.js';
import { manifestSchema } from './schema/manifest-schema.js';
import type { SchemaError } from './schema-validator.js';

/**
 * Pointers whose schema errors a platform check explains better (with the device id for a name, the allowed
 * background features, the duplicate's first position, the "watch" type a band uses): the schema stays strict for
 * editors, the check speaks.
 */
const explainedByChecks = [
  /^\/targetDevices(\/\d+)?$/u,
  /^\/config\/background\/features(\/\d+)?$/u,
  /^\/deviceTypeList\/\d+$/u,
];
const explainedKeywords = new Set(['enum', 'uniqueItems']);

let schemaRoot: Record<string, unknown> | undefined;

/** The subschema at an ajv schemaPath (`#/definitions/feature/properties/name`); built lazily, on the error path only. */
function schemaAt(schemaPath: string): Record<string, unknown> | undefined {
  schemaRoot ??= manifestSchema();
  let node: unknown = schemaRoot;
  for (const segment of segmentsOf(schemaPath.replace(/^#/u, ''))) {
    node = isObject(node) || Array.isArray(node) ? (node as Record<string, unknown>)[segment] : undefined;
  }
  return isObject(node) ? (node as Record<string, unknown>) : undefined;
}

function valueAt(root: unknown, pointer: string): unknown {
  let node = root;
  for (const segment of segmentsOf(pointer)) {
    node = isObject(node) || Array.isArray(node) ? (node as Record<string, unknown>)[segment] : undefined;
  }
  return node;
}

/** `config.logLevel`, `features[0].name`, `router.pages["pages/index"].launchMode`. */
function labelOf(pointer: string): string {
  let label = '';
  for (const segment of segmentsOf(pointer)) {
    if (/^\d+$/u.test(segment)) label += `[${segment}]`;
    else if (/^[A-Za-z_$][\w$]*$/u.test(segment)) label += label === '' ? segment : `.${segment}`;
    else label += `[${JSON.stringify(segment)}]`;
  }
  return label === '' ? 'The manifest' : label;
}

/**
 * What a value is, in JSON's words: JSON has numbers, not integers (`1.0` and `1` are the same number), so a number is
 * "a number"; where an integer was asked for, the value itself says what is wrong with it (`not 1.5`).
 */
function jsonType(value: unknown, expected: readonly string[]): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'number') return expected.includes('integer') ? shown(value) : 'a number';
  if (typeof value === 'object') return 'an object';
  return `a ${typeof value}`;
}

function typeName(type: string): string {
  return type === 'integer' || type === 'object' || type === 'array'
    ? `an ${type}`
    : type === 'null'
      ? 'null'
      : `a ${type}`;
}

function shown(value: unknown): string {
  let text: string;
  try {
    text = JSON.stringify(value);
  } catch {
    // JSON.stringify recurses: a value nested thousands deep exhausts the stack. Its start is all a message shows.
    text = Array.isArray(value) ? '[...]' : '{...}';
  }
  return text.length > 40 ? `${text.slice(0, 37)}...` : text;
}

interface Context {
  readonly manifest: unknown;
  readonly reporter: Reporter;
}

function reportMissing(context: Context, pointer: string, errors: SchemaError[]): void {
  const names = errors.map((error) => String(error.params.missingProperty));
  const quoted = listAnd(names.map((name) => quote(name)));
  const where = pointer === '' ? 'The manifest' : labelOf(pointer);
  context.reporter.report(
    'missing-property',
    `${where} is missing the required ${names.length === 1 ? 'property' : 'properties'} ${quoted}.`,
    pointer,
    { anchor: 'owner' },
  );
}

function reportUnknownProperty(context: Context, pointer: string, error: SchemaError): void {
  const name = String(error.params.additionalProperty);
  const allowed = Object.keys(
    (schemaAt(error.schemaPath.replace(/\/additionalProperties$/u, ''))?.properties as object) ?? {},
  );
  const suggestions = suggest(name, allowed, { max: 1 });
  context.reporter.report(
    'unknown-property',
    `Unknown property "${name}" in ${labelOf(pointer)}; allowed: ${listAnd(allowed.map((key) => quote(key)))}.${didYouMeanSentence(suggestions)}`,
    `${pointer}/${escapeSegment(name)}`,
    { anchor: 'key', ...(suggestions[0] === undefined ? {} : { suggestion: suggestions[0] }) },
  );
}

/** One message for everything wrong with one value. */
function reportValue(context: Context, pointer: string, errors: SchemaError[]): void {
  const value = valueAt(context.manifest, pointer);
  const label = labelOf(pointer);
  // Inside an anyOf, a branch whose type matched explains the failure best; type errors only when no branch matched.
  const typeErrors = errors.filter((error) => error.keyword === 'type');
  const valueErrors = errors.filter((error) => error.keyword !== 'type' && error.keyword !== 'anyOf');
  const anyOf = errors.some((error) => error.keyword === 'anyOf');

  if (/^\/features\/\d+\/name$/u.test(pointer) && typeof value === 'string') {
    const suggestions = value.startsWith('@') ? suggestModules(value.slice(1), 1) : suggestModules(value, 1);
    context.reporter.report(
      'invalid-value',
      `"${value}" is not a feature name; feature names look like "system.request" (no "@", no spaces).${didYouMeanSentence(suggestions)}`,
      pointer,
      suggestions[0] === undefined ? {} : { suggestion: suggestions[0] },
    );
    return;
  }

  const branchOf = (error: SchemaError) => /\/anyOf\/\d+/u.exec(error.schemaPath)?.[0];
  const outerTypeErrors = typeErrors.filter((error) => branchOf(error) === undefined);
  const failedBranches = new Set<string | undefined>(typeErrors.map(branchOf).filter((branch) => branch !== undefined));
  const decisive = anyOf ? valueErrors.find((error) => !failedBranches.has(branchOf(error))) : valueErrors[0];
  const reportedTypes = outerTypeErrors.length > 0 ? outerTypeErrors : decisive === undefined ? typeErrors : [];
  if (reportedTypes.length > 0) {
    const expected = [...new Set(reportedTypes.flatMap((error) => String(error.params.type).split(',')))];
    context.reporter.report(
      'invalid-type',
      `${label} must be ${listOr(expected.map(typeName))}, not ${jsonType(value, expected)}.`,
      pointer,
    );
    return;
  }
  const error = decisive ?? valueErrors[0];
  if (error === undefined) return;
  const { message, suggestion } = valueMessage(label, value, error);
  context.reporter.report('invalid-value', message, pointer, suggestion === undefined ? {} : { suggestion });
}

function valueMessage(label: string, value: unknown, error: SchemaError): { message: string; suggestion?: string } {
  const limit = error.params.limit;
  switch (error.keyword) {
    case 'enum': {
      const allowed = (error.params.allowedValues as unknown[]).map(String);
      const suggestions = typeof value === 'string' ? suggest(value, allowed, { max: 1 }) : [];
      const choices = allowed.length <= 8 ? ` Allowed: ${listOr(allowed.map((a) => quote(a)))}.` : '';
      return {
        message: `${shown(value)} is not a valid ${label}.${choices}${didYouMeanSentence(suggestions)}`,
        ...(suggestions[0] === undefined ? {} : { suggestion: suggestions[0] }),
      };
    }
    case 'minimum':
      return { message: `${label} must be at least ${String(limit)}, not ${shown(value)}.` };
    case 'exclusiveMinimum':
      return { message: `${label} must be greater than ${String(limit)}, not ${shown(value)}.` };
    case 'minLength':
      return { message: `${label} must not be empty.` };
    case 'uniqueItems':
      return {
        message: `${label} lists the same value twice (items ${String(error.params.j)} and ${String(error.params.i)}).`,
      };
    default:
      return { message: `${label} is not valid here (${shown(value)}): see its description in the schema.` };
  }
}

/** Turns ajv's errors into one readable diagnostic per problem. */
export function reportSchemaErrors(errors: readonly SchemaError[], manifest: unknown, reporter: Reporter): void {
  const context: Context = { manifest, reporter };
  const byPointer = new Map<string, SchemaError[]>();
  for (const error of errors) {
    if (explainedKeywords.has(error.keyword) && explainedByChecks.some((pattern) => pattern.test(error.instancePath)))
      continue;
    const group = byPointer.get(error.instancePath);
    if (group === undefined) byPointer.set(error.instancePath, [error]);
    else group.push(error);
  }
  for (const [pointer, group] of byPointer) {
    const missing = group.filter((error) => error.keyword === 'required');
    if (missing.length > 0) reportMissing(context, pointer, missing);
    for (const error of group)
      if (error.keyword === 'additionalProperties') reportUnknownProperty(context, pointer, error);
    const rest = group.filter((error) => error.keyword !== 'required' && error.keyword !== 'additionalProperties');
    if (rest.length > 0) reportValue(context, pointer, rest);
  }
}
