import type { DocumentNode, LocationRange, Token, ValueNode } from '@humanwhocodes/momoa';
import { momoa } from './momoa.js';
import type { Diagnostic } from './diagnostic.js';
import { repeatedKeys, TextLocator } from './locate-in-text.js';
import { keyOf, locate, type Anchor } from './locate.js';
import { escapeSegment } from './pointer.js';
import { diagnosticAt } from './report.js';
import { LineIndex } from './text-position.js';

export interface ParsedManifest {
  /** Where the value at a JSON pointer is in the text; worked out only when asked, as most manifests are clean. */
  locate(pointer: string, anchor: Anchor): LocationRange;
  /** The value a JSON reader sees. */
  value: unknown;
}

function onTree(document: DocumentNode, value: unknown): ParsedManifest {
  return { locate: (pointer, anchor) => locate(document, pointer, anchor), value };
}

export interface ParseOutcome {
  /** Undefined when the text is not JSON, even leniently (comments and trailing commas are recovered from). */
  parsed: ParsedManifest | undefined;
  diagnostics: Diagnostic[];
}

const tokenText: Record<string, string> = {
  LBrace: '"{"',
  RBrace: '"}"',
  LBracket: '"["',
  RBracket: '"]"',
  Colon: '":"',
  Comma: '","',
  String: 'string',
  Number: 'number',
  Boolean: 'boolean',
  Null: 'null',
};

/** A value where a comma or closing bracket was due usually means a comma is missing before it. */
const startsValue = new Set(['LBrace', 'LBracket', 'String', 'Number', 'Boolean', 'Null']);

/** Turns momoa's message into one a JSON author acts on. */
function syntaxMessage(raw: string): string {
  const message = raw.replace(/\s*\(\d+:\d+\)\s*$/u, '');
  if (message.startsWith('Unexpected end of input')) {
    return 'Invalid JSON: the file ends too early (is a "}", "]" or closing quote missing?).';
  }
  const token = /^Unexpected token (\w+) found\.$/u.exec(message);
  if (token !== null) {
    const type = token[1]!;
    const hint = startsValue.has(type) ? 'is a comma missing before it?' : 'is something missing or extra before it?';
    return `Invalid JSON: unexpected ${tokenText[type] ?? type} (${hint})`;
  }
  const character = /^Unexpected character '(.*)' found\.$/su.exec(message);
  if (character !== null) {
    const found = character[1]!;
    if (found === "'") return 'Invalid JSON: strings and property names use double quotes, not single quotes.';
    if (found === '/') return 'Invalid JSON: comments are not allowed.';
    if (/^[A-Za-z_$]$/u.test(found)) {
      return `Invalid JSON: unexpected "${found}" (property names must be double-quoted; the only bare words are true, false and null).`;
    }
    return `Invalid JSON: unexpected character ${JSON.stringify(found)}.`;
  }
  const identifier = /^Unexpected identifier '(.*)' found\.$/su.exec(message);
  if (identifier !== null)
    return `Invalid JSON: unexpected word "${identifier[1]!}" (did you mean true, false or null?).`;
  return `Invalid JSON: ${message}`;
}

interface MomoaSyntaxError {
  message: string;
  line: number;
  column: number;
  offset: number;
}

function isSyntaxError(error: unknown): error is MomoaSyntaxError {
  return error instanceof Error && typeof (error as Partial<MomoaSyntaxError>).offset === 'number';
}

/** Comments and trailing commas, found in the tokens of a lenient parse. */
function leniencies(tokens: readonly Token[]): Diagnostic[] {
  const found: Diagnostic[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (token.type === 'LineComment' || token.type === 'BlockComment') {
      found.push(
        diagnosticAt(
          'json-comment',
          'Comments are not allowed in manifest.json: it must be plain JSON.',
          token.loc,
          '',
        ),
      );
    } else if (token.type === 'Comma') {
      let next = i + 1;
      while (tokens[next]?.type === 'LineComment' || tokens[next]?.type === 'BlockComment') next++;
      const following = tokens[next]?.type;
      if (following === 'RBrace' || following === 'RBracket') {
        found.push(
          diagnosticAt('trailing-comma', 'Trailing comma: JSON allows no comma after the last item.', token.loc, ''),
        );
      }
    }
  }
  return found;
}

/** The offset of the first raw control character (U+0000 to U+001F) inside a string token, if any. */
function rawControlCharacter(tokens: readonly Token[], source: string): number | undefined {
  for (const token of tokens) {
    if (token.type !== 'String') continue;
    for (let at = token.loc.start.offset; at < token.loc.end.offset; at++) {
      if (source.charCodeAt(at) < 0x20) return at;
    }
  }
  return undefined;
}

function controlCharacterMessage(code: number): string {
  const written =
    code === 10 ? '\\n' : code === 13 ? '\\r' : code === 9 ? '\\t' : `\\u${code.toString(16).padStart(4, '0')}`;
  const what =
    code === 10 || code === 13
      ? 'a line break'
      : code === 9
        ? 'a tab'
        : `control character U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
  return `Invalid JSON: ${what} inside a string; JSON strings must write it as ${written}.`;
}

/** Repeated keys in a located tree, walked with an explicit stack: nesting can be deeper than the call stack. */
function duplicateKeys(root: ValueNode, found: Diagnostic[]): void {
  const stack: { node: ValueNode; pointer: string }[] = [{ node: root, pointer: '' }];
  for (let next = stack.pop(); next !== undefined; next = stack.pop()) {
    const { node, pointer } = next;
    if (node.type === 'Object') {
      const seen = new Map<string, number>();
      for (const member of node.members) {
        const key = keyOf(member);
        const memberPointer = `${pointer}/${escapeSegment(key)}`;
        const line = seen.get(key);
        if (line !== undefined) found.push(duplicateKeyAt(key, line, member.name.loc, memberPointer));
        seen.set(key, member.name.loc.start.line);
        stack.push({ node: member.value, pointer: memberPointer });
      }
    } else if (node.type === 'Array') {
      node.elements.forEach((element, index) => stack.push({ node: element.value, pointer: `${pointer}/${index}` }));
    }
  }
}

function duplicateKeyAt(key: string, previousLine: number, range: LocationRange, pointer: string): Diagnostic {
  return diagnosticAt(
    'duplicate-key',
    `"${key}" is already defined on line ${previousLine}; JSON readers keep only the last one.`,
    range,
    pointer,
  );
}

const byteOrderMark = '\uFEFF';

/**
 * Parses a manifest's text into a located tree and the value JSON.parse gives.
 * A BOM is reported and read past; comments and trailing commas are reported and recovered from,
 * so the rest of the manifest is still checked.
 */
export function parseManifestText(text: string): ParseOutcome {
  const diagnostics: Diagnostic[] = [];
  let source = text;
  if (source.startsWith(byteOrderMark)) {
    const lines = new LineIndex(text);
    diagnostics.push(
      diagnosticAt(
        'byte-order-mark',
        'The file starts with a byte order mark (U+FEFF); save it as UTF-8 without BOM, as strict JSON readers reject it.',
        { start: lines.position(0), end: lines.position(1) },
        '',
      ),
    );
    // A space keeps every offset, line and column the same as in the original text.
    source = ` ${source.slice(1)}`;
  }
  if (!/[^ \t\r\n]/u.test(source)) {
    const lines = new LineIndex(text);
    diagnostics.push(
      diagnosticAt(
        'empty-file',
        'The file is empty: a manifest is a JSON object.',
        { start: lines.position(0), end: lines.position(text.length) },
        '',
      ),
    );
    return { parsed: undefined, diagnostics };
  }

  // Fast path: JSON.parse is native; the located tree is built only if a diagnostic needs a position.
  let value: unknown;
  try {
    value = JSON.parse(source);
  } catch (error) {
    return parseSlowly(text, source, error, diagnostics);
  }
  let locator: TextLocator | undefined;
  const keysRepeat = repeatsAKey(source, value);
  if (keysRepeat) {
    // Some object repeats a key (JSON.parse kept the last): find which, in the text.
    const lines = new LineIndex(text);
    locator = new TextLocator(source, { lines });
    for (const repeated of repeatedKeys(source, escapeSegment)) {
      const range = { start: lines.position(repeated.start), end: lines.position(repeated.end) };
      diagnostics.push(duplicateKeyAt(repeated.key, lines.position(repeated.previous).line, range, repeated.pointer));
    }
  }
  return {
    parsed: {
      locate: (pointer, anchor) =>
        (locator ??= new TextLocator(source, { uniqueKeys: !keysRepeat })).locate(pointer, anchor),
      value,
    },
    diagnostics,
  };
}

/**
 * Whether some object in the text repeats a key. Each member has one colon outside strings, and JSON.parse keeps
 * one member per distinct key, so the structural colons outnumber the parsed members exactly when a key repeats.
 * Fast path: when the text has no more colons in all than there are members, none is inside a string and none is
 * extra (structural colons can never be fewer than the members); only a text with colons in its strings (URLs) is
 * scanned character by character.
 */
function repeatsAKey(source: string, value: unknown): boolean {
  const members = memberCount(value);
  return colonCount(source) !== members && structuralColons(source) !== members;
}

function colonCount(text: string): number {
  let count = 0;
  for (let at = text.indexOf(':'); at !== -1; at = text.indexOf(':', at + 1)) count++;
  return count;
}

/** Members in all objects of a parsed value (duplicates collapsed, as JSON.parse does). Iterative: nesting can be deep. */
function memberCount(root: unknown): number {
  let count = 0;
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const value = stack.pop();
    if (typeof value !== 'object' || value === null) continue;
    if (Array.isArray(value)) {
      for (const item of value) stack.push(item);
      continue;
    }
    for (const key in value) {
      count++;
      stack.push((value as Record<string, unknown>)[key]);
    }
  }
  return count;
}

/** Colons outside strings: in JSON each one separates a member's key from its value. */
function structuralColons(text: string): number {
  let count = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92)
        i++; // backslash: skip the escaped character
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 58) count++;
  }
  return count;
}

/** JSON.parse failed: locate the syntax error with momoa, or recover from comments and trailing commas. */
function parseSlowly(text: string, source: string, jsonError: unknown, diagnostics: Diagnostic[]): ParseOutcome {
  const { parse, evaluate } = momoa();
  let strictError: unknown;
  try {
    parse(source, { mode: 'json' });
  } catch (error) {
    strictError = error;
  }
  // Not a syntax error (momoa ran out of stack on absurd nesting): JSON.parse's own message is all there is.
  if (isSyntaxError(strictError)) {
    let document: DocumentNode;
    try {
      document = parse(source, { mode: 'jsonc', allowTrailingCommas: true, tokens: true });
    } catch {
      // Underline the offending character; at the end of the file the range is empty.
      const lines = new LineIndex(text);
      const range = { start: lines.position(strictError.offset), end: lines.position(strictError.offset + 1) };
      diagnostics.push(diagnosticAt('invalid-json', syntaxMessage(strictError.message), range, ''));
      return { parsed: undefined, diagnostics };
    }
    diagnostics.push(...leniencies(document.tokens ?? []));
    // momoa also takes raw control characters in strings, which JSON readers reject (and its positions after a raw
    // line break inside a string are off): the text is not JSON, as when JSON.parse alone finds one (below).
    const control = rawControlCharacter(document.tokens ?? [], source);
    if (control !== undefined) {
      const lines = new LineIndex(text);
      const range = { start: lines.position(control), end: lines.position(control + 1) };
      diagnostics.push(diagnosticAt('invalid-json', controlCharacterMessage(source.charCodeAt(control)), range, ''));
      return { parsed: undefined, diagnostics };
    }
    duplicateKeys(document.body, diagnostics);
    let value: unknown;
    try {
      value = evaluate(document);
    } catch {
      // momoa's evaluate recurses one level less deep than its parser: the comments and trailing commas found are
      // errors enough; there is no value to check.
      return { parsed: undefined, diagnostics };
    }
    return { parsed: onTree(document, value), diagnostics };
  }
  // momoa is laxer than JSON.parse in a few corners (raw control characters in strings): JSON.parse decides.
  const lines = new LineIndex(text);
  const control =
    strictError === undefined
      ? rawControlCharacter(parse(source, { mode: 'json', tokens: true }).tokens ?? [], source)
      : undefined;
  if (control !== undefined) {
    const range = { start: lines.position(control), end: lines.position(control + 1) };
    diagnostics.push(diagnosticAt('invalid-json', controlCharacterMessage(source.charCodeAt(control)), range, ''));
    return { parsed: undefined, diagnostics };
  }
  const message = jsonError instanceof Error ? jsonError.message : String(jsonError);
  const offset = Number(/at position (\d+)/u.exec(message)?.[1] ?? 0);
  const reason = message.replace(/ in JSON at position \d+.*$/su, '');
  diagnostics.push(
    diagnosticAt(
      'invalid-json',
      `Invalid JSON: ${reason}.`,
      { start: lines.position(offset), end: lines.position(offset + 1) },
      '',
    ),
  );
  return { parsed: undefined, diagnostics };
}
