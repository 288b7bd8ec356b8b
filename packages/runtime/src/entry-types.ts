import { findMethod, findParameter, kindPhrase, uploadtask, type EntryType } from '@velakit/catalog';

/**
 * What the properties of `uploadFile`'s `header` and `formData` may hold, read from the catalogue (the same fact the
 * typings and the `valid-params` rule use), so the runtime never keeps a list of its own.
 */
function entriesOf(parameter: 'header' | 'formData'): readonly EntryType[] {
  const method = findMethod(uploadtask, 'uploadFile');
  const entries = method === undefined ? undefined : findParameter(method, parameter)?.entries;
  // The catalogue's own tests pin these; reaching this means the catalogue and the runtime were built apart.
  if (entries === undefined) throw new Error(`@velakit/catalog lists no entry types for uploadFile ${parameter}`);
  return entries;
}

export const uploadHeaderEntries = entriesOf('header');
export const uploadFormDataEntries = entriesOf('formData');

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
