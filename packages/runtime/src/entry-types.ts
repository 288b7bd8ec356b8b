import {
  findMethod,
  findParameter,
  kindPhrase,
  request,
  uploadtask,
  valueTypesOf,
  type EntryType,
  type Module,
  type Parameter,
} from '@velakit/catalog';
import type { HeaderInput } from './header-input.js';

/** A parameter of a catalogue method; the catalogue's own tests pin these, so a miss means a mismatched build. */
function parameterOf(module: Module, methodName: string, parameterName: string): Parameter {
  const method = findMethod(module, methodName);
  const parameter = method === undefined ? undefined : findParameter(method, parameterName);
  if (parameter === undefined) throw new Error(`@velakit/catalog has no ${module.name} ${methodName} ${parameterName}`);
  return parameter;
}

/**
 * What a `header` parameter accepts, from the catalogue (the same facts the typings and the `valid-params` rule use),
 * so the runtime keeps no list of its own: text when its type includes `string`, an object whose values are of the
 * catalogue's `entries` when its type includes `object` or its docs describe it as one (`describedAs`). An object
 * form without entries means the catalogue and the runtime were built apart.
 */
export function headerInputOf(parameter: Parameter): HeaderInput {
  const types = valueTypesOf(parameter.type);
  const allowText = types.includes('string');
  if (!types.includes('object') && parameter.describedAs === undefined) return { allowText, what: parameter.name };
  const entries = types.includes('object') ? parameter.entries : parameter.describedAs?.entries;
  if (entries === undefined)
    throw new Error(`@velakit/catalog lists no entry types for the object form of ${parameter.name}`);
  return { entries, allowText, what: parameter.name };
}

export const uploadHeaderInput = headerInputOf(parameterOf(uploadtask, 'uploadFile', 'header'));
export const downloadHeaderInput = headerInputOf(parameterOf(request, 'download', 'header'));

/** What the properties of `uploadFile`'s `formData` may hold, read from the catalogue. */
export const uploadFormDataEntries: readonly EntryType[] = (() => {
  const entries = parameterOf(uploadtask, 'uploadFile', 'formData').entries;
  if (entries === undefined) throw new Error('@velakit/catalog lists no entry types for uploadFile formData');
  return entries;
})();

/** `a string or a number`, for messages. */
export function entryTypeWords(entries: readonly EntryType[]): string {
  return kindPhrase(entries);
}

/** True when a JavaScript value is one of the listed types. */
export function fitsEntryType(value: unknown, entries: readonly EntryType[]): boolean {
  return entries.some((type) => {
    switch (type) {
      case 'string':
        return typeof value === 'string';
      case 'number':
        return typeof value === 'number';
      case 'integer':
        return Number.isInteger(value);
      case 'boolean':
        return typeof value === 'boolean';
    }
  });
}
