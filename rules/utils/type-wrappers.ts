import type { TSESTree } from './rule.js';

// The TypeScript wrappers that leave a value as it is, seen through as parentheses are (by the module tracker, and by
// `same-file-functions.ts` for the calls of a function).

/** True for the TypeScript wrappers that leave a value as it is: `x!`, `x as T`, `x satisfies T`, `<T>x`, `f<T>`. */
export function isTypeWrapper(node: TSESTree.Node): boolean {
  switch (node.type) {
    case 'TSAsExpression':
    case 'TSSatisfiesExpression':
    case 'TSTypeAssertion':
    case 'TSNonNullExpression':
    case 'TSInstantiationExpression':
      return true;
    default:
      return false;
  }
}

/** `node`, or the outermost TypeScript wrapper around it that leaves its value as it is (`(request as any)`). */
export function throughTypes(node: TSESTree.Node): TSESTree.Node {
  let outer = node;
  for (let parent = outer.parent; parent !== undefined && isTypeWrapper(parent); parent = outer.parent) {
    if ((parent as TSESTree.TSAsExpression).expression !== outer) break;
    outer = parent;
  }
  return outer;
}

/** `node` without the TypeScript wrappers that leave its value as it is (`x!`, `x as T`). */
export function withoutTypes(node: TSESTree.Node): TSESTree.Node {
  let value = node;
  while (isTypeWrapper(value)) value = (value as TSESTree.TSAsExpression).expression;
  return value;
}
