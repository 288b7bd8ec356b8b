import type { ApiInterface, Method, Module, NumberRange, Parameter, Property } from './types.js';

/**
 * The catalogue's entries with one object shape per kind: every optional field present (undefined when the docs give
 * none), always in the same order.
 *
 * Why: the data files write only the fields an entry has, so the 84 methods came in 17 shapes and the 264 parameters
 * in 11. V8 gives each shape its own hidden class, and the lint rules read `method.signature`, `method.support`,
 * `param.required` and the like for every call in every file: with more than four classes at a site its inline cache
 * goes megamorphic (a slower generic lookup), and optimized code that met a new class deoptimized and was compiled
 * again. With one shape per kind each of those reads is monomorphic. The values are the data files' own; only absent
 * fields are now present as undefined (which `JSON.stringify`, `toEqual` and the generators all treat as absent).
 */
export function uniformModule(module: Module): Module {
  return {
    name: module.name,
    summary: module.summary,
    requiresDeclaration: module.requiresDeclaration,
    apiLevel: module.apiLevel,
    support: module.support,
    background: module.background,
    docUrl: module.docUrl,
    methods: module.methods.map(uniformMethod),
    interfaces: module.interfaces.map(uniformInterface),
    properties: module.properties?.map(uniformProperty),
  };
}

function uniformInterface(entry: ApiInterface): ApiInterface {
  return {
    name: entry.name,
    description: entry.description,
    methods: entry.methods.map(uniformMethod),
    properties: entry.properties?.map(uniformProperty),
  };
}

function uniformMethod(method: Method): Method {
  return {
    name: method.name,
    description: method.description,
    signature: { kind: method.signature.kind, params: method.signature.params.map(uniformParameter) },
    success: method.success,
    errors: method.errors,
    returns: method.returns,
    returnValue: method.returnValue,
    promise: method.promise,
    permission: method.permission,
    undocumented: method.undocumented,
    apiLevel: method.apiLevel,
    support: method.support,
    example: method.example,
  };
}

function uniformParameter(param: Parameter): Parameter {
  return {
    name: param.name,
    type: param.type,
    required: param.required,
    description: param.description,
    default: param.default,
    callback: param.callback,
    entries: param.entries,
    describedAs: param.describedAs,
    values: param.values,
    range: param.range === undefined ? undefined : uniformRange(param.range),
    items: param.items,
    fields: param.fields?.map(uniformParameter),
    undocumented: param.undocumented,
    apiLevel: param.apiLevel,
  };
}

/** A range with both limits present (undefined where the docs give none), read by `valid-params` like the rest. */
function uniformRange(range: NumberRange): NumberRange {
  return { min: range.min, max: range.max, integer: range.integer };
}

function uniformProperty(property: Property): Property {
  return {
    name: property.name,
    type: property.type,
    description: property.description,
    readonly: property.readonly,
    values: property.values,
    callback: property.callback,
    fields: property.fields,
    default: property.default,
    support: property.support,
    apiLevel: property.apiLevel,
  };
}
