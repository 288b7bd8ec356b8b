// @ts-check
// Writes one `*.test-d.ts` per module the typings describe in full, from the catalogue: for every method, a correct
// call compiles; a call missing a required option, one with a value of the wrong type and one with a misspelled
// option each fail (`@ts-expect-error` fails the type check when the line compiles). Generated, so modules added to
// the catalogue are tested without anyone writing their tests; hand-written tests (uploadtask, request, fetch) add
// the facts these cannot guess.
import { modules, valueTypesOf } from '@velakit/catalog';
import { bindingOf, isLoose } from './render.mjs';

/** @typedef {import('@velakit/catalog').Module} Module */
/** @typedef {import('@velakit/catalog').Method} Method */
/** @typedef {import('@velakit/catalog').Parameter} Parameter */

/**
 * A value of the parameter's documented type (its first allowed value where it has an enum).
 * @param {Parameter} param
 * @returns {string}
 */
export function sampleValue(param) {
  if (param.values !== undefined && param.values.length > 0) return JSON.stringify(param.values[0]);
  const [type] = valueTypesOf(param.type);
  switch (type) {
    case 'string':
      return "'text'";
    case 'number':
    case 'integer':
      return '1';
    case 'boolean':
      return 'true';
    case 'object':
      return '{}';
    case 'array':
      return '[]';
    case 'function':
      return '() => {}';
    case 'arraybuffer':
      return 'new ArrayBuffer(8)';
    case 'uint8array':
      return 'new Uint8Array(8)';
    default:
      throw new Error(`${param.name}: no sample for type ${type}`);
  }
}

/**
 * A value the parameter certainly does not accept, or undefined when every plain value would fit.
 * @param {Parameter} param
 * @returns {string | undefined}
 */
export function wrongValue(param) {
  const types = valueTypesOf(param.type);
  if (param.values !== undefined && param.values.length > 0) {
    return typeof param.values[0] === 'string' ? "'NOT-A-DOCUMENTED-VALUE'" : '-123456';
  }
  const accepts = (/** @type {string} */ kind) =>
    types.some((type) => type === kind || (kind === 'number' && type === 'integer'));
  if (!accepts('boolean')) return 'true';
  if (!accepts('string')) return "'text'";
  if (!accepts('number')) return '42';
  return undefined;
}

/**
 * @param {Method} method
 * @param {string} target `fetch.fetch`, `uploadTask.abort`
 * @returns {string[]} lines of one `test(...)` block
 */
function methodTest(method, target) {
  const params = method.signature.params.filter((param) => param.type !== 'function' || param.name !== 'fail');
  const required = method.signature.params.filter((param) => param.required);
  /** @type {string[]} */
  const body = [];
  const expectError = (/** @type {string} */ why, /** @type {string} */ call) =>
    body.push(`    // @ts-expect-error ${why}`, `    ${call};`);
  if (method.signature.kind === 'options') {
    const object = (/** @type {readonly [string, string][]} */ entries) =>
      `{ ${entries.map(([name, value]) => `${JSON.stringify(name)}: ${value}`).join(', ')} }`;
    const correct = required.map((param) => /** @type {[string, string]} */ ([param.name, sampleValue(param)]));
    body.push('    // every required option, nothing else', `    ${target}(${object(correct)});`);
    const withCallbacks = [
      ...correct,
      ...method.signature.params
        .filter((param) => param.name === 'complete')
        .map((param) => /** @type {[string, string]} */ ([param.name, '() => {}'])),
    ];
    if (withCallbacks.length > correct.length)
      body.push('    // with a callback', `    ${target}(${object(withCallbacks)});`);
    const [firstRequired] = required;
    if (firstRequired !== undefined) {
      expectError(
        `missing the required \`${firstRequired.name}\``,
        `${target}(${object(correct.filter(([name]) => name !== firstRequired.name))})`,
      );
    }
    const typed =
      params.find((param) => wrongValue(param) !== undefined && param.type !== 'function') ??
      params.find((param) => wrongValue(param) !== undefined);
    if (typed !== undefined) {
      expectError(
        `\`${typed.name}\` of the wrong type`,
        `${target}(${object([...correct.filter(([name]) => name !== typed.name), [typed.name, /** @type {string} */ (wrongValue(typed))]])})`,
      );
    }
    for (const param of params.filter(
      (candidate) => candidate.values !== undefined && candidate.values.length > 0 && candidate !== typed,
    )) {
      expectError(
        `\`${param.name}\` outside its documented values`,
        `${target}(${object([...correct.filter(([name]) => name !== param.name), [param.name, /** @type {string} */ (wrongValue(param))]])})`,
      );
    }
    const misspelled = method.signature.params[0]?.name ?? 'success';
    expectError(
      `\`${misspelled}\` misspelled`,
      `${target}(${object([...correct, [`${misspelled}${misspelled.at(-1)}`, sampleValue(method.signature.params[0] ?? { name: 'success', type: 'function', required: false, description: '' })]])})`,
    );
  } else {
    const args = required.map(sampleValue);
    body.push('    // every required argument', `    ${target}(${args.join(', ')});`);
    if (required.length > 0) expectError('a required argument left out', `${target}(${args.slice(0, -1).join(', ')})`);
    const first = method.signature.params[0];
    const wrong = first === undefined ? undefined : wrongValue(first);
    if (first !== undefined && wrong !== undefined) {
      expectError(`\`${first.name}\` of the wrong type`, `${target}(${[wrong, ...args.slice(1)].join(', ')})`);
    }
    if (method.signature.params.length === 0) expectError('an argument it does not take', `${target}(1)`);
  }
  return [
    `  test(${JSON.stringify(`${target}: a correct call compiles; wrong ones do not`)}, () => {`,
    ...body,
    '  });',
  ];
}

/**
 * @param {Module} module
 * @returns {string}
 */
export function renderTypeTest(module) {
  const binding = bindingOf(module);
  const lower = (/** @type {string} */ name) => `${name.charAt(0).toLowerCase()}${name.slice(1)}`;
  // Interfaces without methods describe data (scan results, options); only objects with methods are called.
  const withMethods = module.interfaces.filter((entry) => entry.methods.length > 0);
  return [
    '// Generated by packages/types/scripts/type-tests.mjs from @velakit/catalog (`npm run generate`). Do not edit.',
    "import { describe, test } from 'vitest';",
    `import ${binding} from '@${module.name}';`,
    ...(withMethods.length === 0
      ? []
      : [`import type { ${withMethods.map((entry) => entry.name).join(', ')} } from '@${module.name}';`, '']),
    ...withMethods.map((entry) => `declare const ${lower(entry.name)}: ${entry.name};`),
    '',
    `describe(${JSON.stringify(`@${module.name}`)}, () => {`,
    ...module.methods.flatMap((method) => methodTest(method, `${binding}.${method.name}`)),
    ...module.interfaces.flatMap((entry) =>
      entry.methods.flatMap((method) => methodTest(method, `${lower(entry.name)}.${method.name}`)),
    ),
    '});',
    '',
  ].join('\n');
}

/** `{ 'fetch.test-d.ts': text, ... }` for every module described in full. */
export function renderTypeTests() {
  return Object.fromEntries(
    modules
      .filter((module) => !isLoose(module))
      .map((module) => [`${module.name.replace(/^system\./u, '')}.test-d.ts`, renderTypeTest(module)]),
  );
}

/**
 * A page of a Vela app in plain JavaScript that imports every module the typings describe in full and runs every
 * method's example: with the README's jsconfig.json, `tsc` must report nothing on it.
 * @returns {string}
 */
export function renderEveryModulePage() {
  const described = modules.filter((module) => !isLoose(module));
  const lower = (/** @type {string} */ name) => `${name.charAt(0).toLowerCase()}${name.slice(1)}`;
  const objects = described.flatMap((module) => module.interfaces.map((entry) => ({ module, entry })));
  const examples = described.flatMap((module) =>
    [...module.methods, ...module.interfaces.flatMap((entry) => entry.methods)].flatMap((method) =>
      method.example === undefined
        ? []
        : [
            `  // ${module.name} ${method.name}`,
            '  {',
            ...method.example.split('\n').map((line) => `    ${line}`),
            '  }',
          ],
    ),
  );
  return [
    '// Generated by packages/types/scripts/type-tests.mjs from @velakit/catalog (`npm run generate`). Do not edit.',
    "// Every module velakit describes in full, imported the way Vela pages do, and every method's documented example.",
    ...described.map((module) => `import ${bindingOf(module)} from '@${module.name}'`),
    '',
    '/**',
    ...objects.map(({ module, entry }) => ` * @param {import('@${module.name}').${entry.name}} ${lower(entry.name)}`),
    ' */',
    `export function everyExample(${objects.map(({ entry }) => lower(entry.name)).join(', ')}) {`,
    ...examples,
    '}',
    '',
  ].join('\n');
}
