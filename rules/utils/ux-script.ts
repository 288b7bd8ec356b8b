import { locateScript, mentionsScript } from '@velakit/ux';

/** The 0-based offsets of a `.ux` file's script text. */
export interface ScriptRange {
  readonly start: number;
  readonly end: number;
}

/**
 * The script text of a `.ux` file that the ESLint processor lints (`@velakit/ux`'s `locateScript`: the first
 * `<script>` outside `<template>`, none when it has `src=`), or undefined when it lints none. The app-source scan asks
 * this of every page that names a module, and parse5's reading costs about 100 µs a page, so the tags are read here
 * first (`scriptFromTags`) and `@velakit/ux` decides only the texts that reading leaves open.
 */
export function uxScriptRange(text: string): ScriptRange | undefined {
  const script = located(text);
  return script === undefined || script === 'external' ? undefined : script;
}

/**
 * What the app-source scan reads of a `.ux` file: the script the ESLint processor lints; else, when the file has a
 * `<script>` the processor reports lost (outside HTML comments but not where the compiler looks, as after a missing
 * `</template>`), that script as written (`lostScript`), so that the one mistake gets the processor's report and not
 * also a claim that the modules it imports are unused. Undefined for no script, or a script in another file.
 */
export function uxScriptForScan(text: string): ScriptRange | undefined {
  const script = located(text);
  if (script !== undefined) return script === 'external' ? undefined : script;
  return mentionsScript(text) ? lostScript(text) : undefined;
}

function located(text: string): ScriptRange | 'external' | undefined {
  const read = scriptFromTags(text);
  if (read !== undefined) return read ?? undefined;
  let script;
  try {
    script = locateScript(text);
  } catch {
    return undefined;
  }
  if (script === undefined) return undefined;
  return script.src === undefined ? { start: script.start, end: script.end } : 'external';
}

/** The first `<script>` outside HTML comments, to its `</script` or the end of the file. */
function lostScript(text: string): ScriptRange | undefined {
  const visible = text.replace(/<!--[\s\S]*?(?:-->|$)/gu, (comment) => ' '.repeat(comment.length));
  const open = /<script(?=[\t\n\f\r />])[^>]*>?/iu.exec(visible);
  if (open === null) return undefined;
  const start = open.index + open[0].length;
  scriptEnd.lastIndex = start;
  return { start, end: scriptEnd.exec(visible)?.index ?? text.length };
}

/** HTML's whitespace (a CR is read as a line feed). */
const ws = '[\\t\\n\\f\\r ]';
/**
 * A tag after its `<` or `</`, up to its `>`: the name (HTML's tag name state), then attributes as a conforming tag
 * writes them. Anything HTML reads with a parse error (a quote or `<` in an attribute name, `=` opening a name, no
 * space after a quoted value, no value after `=`) fails to match, and the text goes to `@velakit/ux`.
 */
const tag = new RegExp(
  `([A-Za-z][^\\t\\n\\f\\r />]*)(?:${ws}+[^\\t\\n\\f\\r />"'<=]+(?:${ws}*=${ws}*(?:"[^"]*"|'[^']*'|[^\\t\\n\\f\\r >"'<=\`]+))?)*${ws}*/?>`,
  'y',
);
/**
 * Where a script's text ends: an end tag HTML's script state takes (`</script` and a space, `/` or `>`). The tag
 * patterns here fold case without `u`: ASCII only, as HTML does (with `u`, `ſ` would match `s`).
 */
const scriptEnd = /<\/script[\t\n\f\r />]/gi;
/**
 * Tags after which the document tree, not the order of the tags, decides where the script is (`@velakit/ux`'s
 * `treeDependentTag`); `plaintext` too, which makes the rest of the file text.
 */
const treeDependent = new Set([
  'a',
  'b',
  'big',
  'code',
  'em',
  'font',
  'i',
  'nobr',
  's',
  'small',
  'strike',
  'strong',
  'tt',
  'u',
  'table',
  'caption',
  'colgroup',
  'col',
  'tbody',
  'thead',
  'tfoot',
  'tr',
  'td',
  'th',
  'select',
  'frameset',
  'svg',
  'math',
  'plaintext',
]);
/** Elements whose content is text up to their end tag, as parse5 reads them (scripting on). */
const textElements = new Set(['style', 'noscript', 'noframes', 'noembed', 'iframe', 'xmp', 'textarea', 'title']);
const textEnds = new Map<string, RegExp>();

/**
 * A run of text and tags that change nothing here (not `template`, `script`, a text element or a tree-dependent tag),
 * skipped in one search: a page's template is mostly such tags. It stops before anything else (a comment, another
 * tag, a tag `tag` does not read), which the loop of `scriptFromTags` then reads.
 */
const plainRun = new RegExp(
  `(?:[^<]+|<(?![A-Za-z/!?])|</?(?!(?:template|script|${[...textElements, ...treeDependent].join('|')})[\\t\\n\\f\\r />])${tag.source})*`,
  'iy',
);

/** Where the end tag `</name` of a text element starts, from `from` on; -1 when the text runs to the end. */
function textEnd(text: string, name: string, from: number): number {
  let end = textEnds.get(name);
  if (!end) {
    end = new RegExp(`</${name}[\\t\\n\\f\\r />]`, 'gi');
    textEnds.set(name, end);
  }
  end.lastIndex = from;
  return end.exec(text)?.index ?? -1;
}

/** The lower-case name of the tag whose name starts at `from` and the offset after its `>`; undefined if `tag` fails. */
function readTag(text: string, from: number): { name: string; end: number } | undefined {
  tag.lastIndex = from;
  const match = tag.exec(text);
  return match === null ? undefined : { name: match[1]!.toLowerCase(), end: tag.lastIndex };
}

/** The offset after the `>` of the end tag whose name starts at `from`, or -1 when `tag` fails. */
function tagEnd(text: string, from: number): number {
  tag.lastIndex = from;
  return tag.test(text) ? tag.lastIndex : -1;
}

/** Where an HTML comment opened at `at` (`<!--`) ends: its `-->` or `--!>`, or the abrupt `<!-->` and `<!--->`. */
function commentEnd(text: string, at: number): number {
  const from = at + 4;
  if (text.charCodeAt(from) === 62 /* > */) return from + 1;
  if (text.startsWith('->', from)) return from + 2;
  for (let dashes = text.indexOf('--', from); dashes >= 0; dashes = text.indexOf('--', dashes + 1)) {
    const next = text.charCodeAt(dashes + 2);
    if (next === 62 /* > */) return dashes + 3;
    if (next === 33 /* ! */ && text.charCodeAt(dashes + 3) === 62) return dashes + 4;
  }
  return text.length;
}

/** The offset after the next `>` from `from` (bogus comments and doctypes end there), or the text's end. */
function afterNext(text: string, from: number): number {
  const close = text.indexOf('>', from);
  return close < 0 ? text.length : close + 1;
}

function isAsciiLetter(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

/**
 * Reads the tags of a `.ux` text in order as `@velakit/ux`'s `locateScriptInTags` does (HTML's tokenizer, the states
 * parse5 switches to after text elements, `<template>` depth) up to the first `<script>` outside `<template>`, and
 * returns its text's range, or null when the file has no such script. It returns undefined for what it does not
 * settle: a tree-dependent tag before the script's end, a tag written with a parse error, `src` in the script's tag,
 * an `<!--` inside a script (HTML's escaped script states). Where it settles, it finds what `locateScript` finds
 * (`ux-script.test.ts` checks that on generated texts): the tags decide when no tree-dependent tag comes before the
 * script's end, and nothing after that end moves the script.
 */
export function scriptFromTags(text: string): ScriptRange | null | undefined {
  let depth = 0;
  let at = 0;
  for (;;) {
    plainRun.lastIndex = at;
    plainRun.test(text);
    const open = text.indexOf('<', plainRun.lastIndex);
    if (open < 0) return null;
    const next = text.charCodeAt(open + 1);
    if (isAsciiLetter(next)) {
      const read = readTag(text, open + 1);
      if (read === undefined || treeDependent.has(read.name)) return undefined;
      const { name, end } = read;
      at = end;
      if (name === 'template') depth++;
      else if (name === 'script') {
        scriptEnd.lastIndex = end;
        const close = scriptEnd.exec(text)?.index ?? -1;
        const comment = text.indexOf('<!--', end);
        if (comment >= 0 && (close < 0 || comment < close)) return undefined;
        if (depth === 0) {
          if (/src/iu.test(text.slice(open, end))) return undefined;
          if (close < 0) return { start: end, end: text.length };
          // An end tag cut off by the end of the file ends nothing: the script then runs to the end.
          return tagEnd(text, close + 2) < 0 ? undefined : { start: end, end: close };
        }
        if (close < 0) return null;
        at = tagEnd(text, close + 2);
        if (at < 0) return undefined;
      } else if (textElements.has(name)) {
        const close = textEnd(text, name, end);
        if (close < 0) return null;
        at = tagEnd(text, close + 2);
        if (at < 0) return undefined;
      }
    } else if (next === 47 /* / */) {
      const after = text.charCodeAt(open + 2);
      if (isAsciiLetter(after)) {
        const read = readTag(text, open + 2);
        if (read === undefined || treeDependent.has(read.name)) return undefined;
        at = read.end;
        if (read.name === 'template' && depth > 0) depth--;
      } else if (Number.isNaN(after)) return null;
      // `</>` is dropped; `</` before anything else opens a bogus comment: both end at the next `>`.
      else at = afterNext(text, open + 2);
    } else if (next === 33 /* ! */) {
      at = text.startsWith('--', open + 2) ? commentEnd(text, open) : afterNext(text, open + 2);
    } else if (next === 63 /* ? */) {
      at = afterNext(text, open + 2);
    } else {
      at = open + 1;
    }
  }
}
