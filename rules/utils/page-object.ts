import type { TSESTree } from './rule.js';

/**
 * True for the script of a page or a component: a `.ux` file other than `app.ux`, whose `this` is the app. (A `.ux`
 * script is linted as `<file>.ux/script.js`; the physical file is the `.ux` one.)
 */
export function isPageFile(physicalFilename: string): boolean {
  return physicalFilename.endsWith('.ux') && !/(?:^|[\\/])app\.ux$/u.test(physicalFilename);
}

/**
 * True when `this` at `node` is the page (or component) object: `node` is in a method of the object `export default`
 * gives, with only arrow functions (which keep `this`) in between. A plain `function` or a class in between has a
 * `this` of its own.
 */
export function isInPageMethod(node: TSESTree.Node): boolean {
  for (let parent = node.parent; parent; parent = parent.parent) {
    switch (parent.type) {
      case 'FunctionExpression': {
        const property = parent.parent;
        return (
          property?.type === 'Property' &&
          property.value === parent &&
          property.parent.type === 'ObjectExpression' &&
          property.parent.parent?.type === 'ExportDefaultDeclaration'
        );
      }
      case 'FunctionDeclaration':
      case 'ClassBody':
      case 'Program':
        return false;
      default:
        // Arrow functions among them.
        continue;
    }
  }
  return false;
}
