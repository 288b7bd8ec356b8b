// @ts-check
// Doc comments: the text a hover shows. Catalogue prose goes in verbatim, made safe for a `/** … */` block.

/**
 * A `/** … *\/` block, indented. `*\/` inside the text would end the comment early, so it is escaped.
 * @param {readonly string[]} lines the comment's lines; blank strings become blank comment lines
 * @param {string} indent
 * @returns {string}
 */
export function docComment(lines, indent) {
  const body = lines
    .flatMap((line) => line.split('\n'))
    .map((line) => line.replaceAll('*/', '*\\/'))
    .map((line) => (line === '' ? `${indent} *` : `${indent} * ${line}`));
  return [`${indent}/**`, ...body, `${indent} */`].join('\n');
}

/**
 * Blocks of lines separated by one blank line; empty blocks are dropped.
 * @param {...(readonly string[])} blocks
 * @returns {string[]}
 */
export function paragraphs(...blocks) {
  return blocks
    .filter((block) => block.length > 0)
    .flatMap((block, index) => (index === 0 ? [...block] : ['', ...block]));
}

/**
 * An `@example` tag whose code block editors highlight as JavaScript.
 * @param {string} code
 * @returns {string[]}
 */
export function exampleTag(code) {
  return ['@example', '```js', ...code.split('\n'), '```'];
}
