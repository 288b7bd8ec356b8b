// Writes the `## Options` list of every rule doc (`rules/<name>.md`) from the rule's schema and `meta.defaultOptions`.
// Run by `npm run generate` after the build (it reads the built rules); rules/docs.test.ts fails while a doc is stale.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const beginMarker = '<!-- begin generated options: `npm run generate` writes this list from the rule schema -->';
export const endMarker = '<!-- end generated options -->';

/** Enums longer than this show their first values and how many there are. */
const shownChoices = 4;

/**
 * @typedef {{ type?: string | string[], enum?: unknown[], items?: Schema, minimum?: number, maximum?: number,
 *   description?: string, properties?: Record<string, Schema> }} Schema
 * @typedef {{ meta: { schema?: unknown, defaultOptions?: unknown[] } }} RuleLike
 */

/** @param {unknown} value */
const code = (value) => `\`${typeof value === 'string' ? value : JSON.stringify(value)}\``;

/**
 * @param {Schema} schema
 * @returns {string}
 */
function typeOf(schema) {
  if (schema.type === 'array') return schema.items ? `${typeOf(schema.items)}[]` : 'array';
  const type = Array.isArray(schema.type) ? schema.type.join(' \\| ') : (schema.type ?? 'any');
  const bounds = [
    schema.minimum === undefined ? '' : `≥ ${schema.minimum}`,
    schema.maximum === undefined ? '' : `≤ ${schema.maximum}`,
  ];
  const bounded = bounds.filter(Boolean).join(', ');
  return bounded ? `${type} (${bounded})` : type;
}

/** @param {Schema} schema */
function choicesOf(schema) {
  const values = schema.enum ?? schema.items?.enum;
  if (!values) return '';
  if (values.length <= shownChoices + 1) return values.map(code).join(', ');
  return `${values.slice(0, shownChoices).map(code).join(', ')}, … (${values.length} in all)`;
}

/**
 * The generated part of a rule's Options section: "None." or a table of the options object's properties.
 * @param {string} name
 * @param {RuleLike} rule
 */
export function renderOptions(name, rule) {
  const schema = /** @type {Schema[]} */ (
    Array.isArray(rule.meta.schema) ? rule.meta.schema : rule.meta.schema ? [rule.meta.schema] : []
  );
  if (schema.length === 0) return 'None.';
  const [options] = schema;
  if (schema.length !== 1 || options?.type !== 'object' || !options.properties) {
    throw new Error(`${name}: the Options generator knows one options object; give its schema \`properties\``);
  }
  const defaults = /** @type {Record<string, unknown>} */ (rule.meta.defaultOptions?.[0] ?? {});
  const rows = Object.entries(options.properties).map(([option, property]) => {
    if (!property.description) throw new Error(`${name}: option \`${option}\` has no schema \`description\``);
    const fallback = option in defaults ? code(defaults[option]) : '';
    return `| \`${option}\` | ${property.description.replaceAll('|', '\\|')} | ${typeOf(property)} | ${choicesOf(property)} | ${fallback} |`;
  });
  return [
    `\`'velakit/${name}': ['error', { ... }]\`, with:`,
    '',
    '| Option | Description | Type | Choices | Default |',
    '| --- | --- | --- | --- | --- |',
    ...rows,
  ].join('\n');
}

/**
 * The doc with its Options list regenerated: between the markers, or, in a doc without them yet, in place of the
 * Options section's text up to the next `## ` heading.
 * @param {string} markdown
 * @param {string} name
 * @param {RuleLike} rule
 */
export function withOptions(markdown, name, rule) {
  const block = `${beginMarker}\n\n${renderOptions(name, rule)}\n\n${endMarker}`;
  const begin = markdown.indexOf(beginMarker);
  const end = markdown.indexOf(endMarker);
  if (begin !== -1 && end > begin)
    return `${markdown.slice(0, begin)}${block}${markdown.slice(end + endMarker.length)}`;
  const heading = markdown.indexOf('\n## Options\n');
  if (heading === -1) throw new Error(`${name}.md has no "## Options" section`);
  const bodyStart = heading + '\n## Options\n'.length;
  const next = markdown.indexOf('\n## ', bodyStart);
  const bodyEnd = next === -1 ? markdown.length : next;
  return `${markdown.slice(0, bodyStart)}\n${block}\n${markdown.slice(bodyEnd)}`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { rules } = /** @type {{ rules: Record<string, RuleLike> }} */ (await import('../dist/index.js'));
  let written = 0;
  for (const [name, rule] of Object.entries(rules)) {
    const url = new URL(`../${name}.md`, import.meta.url);
    const before = readFileSync(url, 'utf8');
    const after = withOptions(before, name, rule);
    if (after !== before) {
      writeFileSync(url, after);
      written += 1;
    }
  }
  console.log(
    `rule docs: Options of ${Object.keys(rules).length} rules${written > 0 ? ` (${written} written)` : ' (unchanged)'}`,
  );
}
