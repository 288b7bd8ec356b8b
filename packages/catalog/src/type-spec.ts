import type { TypeSpec, ValueType } from './types.js';

/** The value types a parameter or field accepts, as a list (`'string'` → `['string']`). */
export function valueTypesOf(spec: TypeSpec): readonly ValueType[] {
  return typeof spec === 'string' ? [spec] : spec;
}
