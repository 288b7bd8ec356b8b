/**
 * Characters a terminal or a CI log acts on rather than shows: C0 controls (ESC starts the sequences that clear a
 * screen or rewrite a line, BEL rings), DEL, C1 controls (U+009B is a one-character ESC [), the line and paragraph
 * separators, and the bidirectional overrides and isolates that reorder what a reader sees.
 */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
export const invisibleCharacters = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/gu;
// eslint-disable-next-line no-control-regex -- as above
const testInvisible = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/u;
/** The same, less the C0 controls JSON.stringify already escapes (and the line breaks of its own layout). */
const rawInJson = /[\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/gu;
const testRawInJson = /[\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/u;
const short: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

function escapeOne(char: string): string {
  return short[char] ?? `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`;
}

export function hasInvisible(text: string): boolean {
  return testInvisible.test(text);
}

/**
 * Text from a manifest made safe to print: every such character becomes a JSON-style escape (`\u001b`, `\n`), so a
 * pull request cannot clear or spoof a CI log through a message, and the reader sees what is there.
 */
export function visible(text: string): string {
  return hasInvisible(text) ? text.replace(invisibleCharacters, escapeOne) : text;
}

/**
 * JSON text with the characters JSON.stringify leaves raw (DEL, C1, separators, bidi controls) escaped too. Outside
 * strings JSON.stringify writes none of them, so each one found is inside a string, where `\uXXXX` means the same.
 */
export function visibleJson(json: string): string {
  return testRawInJson.test(json)
    ? json.replace(rawInJson, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`)
    : json;
}
