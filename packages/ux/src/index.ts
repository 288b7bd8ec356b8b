import { importTags, type UxImport } from './imports.js';
import { locateScript, type UxScript } from './script.js';

export { importTags, type UxImport } from './imports.js';
export { locateScript, locateScriptInTags, locateScriptInTree, mentionsScript, type UxScript } from './script.js';

export interface UxBlocks {
  readonly script: UxScript | undefined;
  readonly imports: readonly UxImport[];
}

/**
 * The blocks of a `.ux` file that tools need: the script Vela's compiler compiles and the `<import>` tags. The editor
 * (`@velakit/language`) and ESLint (`@velakit/eslint-plugin`) both read files through this, so a page is type-checked
 * and linted on the same text.
 */
export function parseUx(text: string): UxBlocks {
  const script = locateScript(text);
  const imports = importTags(text);
  // `<import` written inside the script (in a string or a comment) is code, not a tag.
  return {
    script,
    imports:
      script === undefined ? imports : imports.filter((tag) => tag.end <= script.start || tag.start >= script.end),
  };
}
