import { parseFragment } from 'parse5';

/** The `<script>` of a `.ux` file, as Vela's compiler picks it: the first one outside `<template>`. */
export interface UxScript {
  /** 0-based offsets of the script's text (between `<script ...>` and `</script>`) in the `.ux` file. */
  readonly start: number;
  readonly end: number;
  /** `ts` for `<script lang="ts">` (or `typescript`), else `js`. */
  readonly lang: 'js' | 'ts';
  /** The `src` attribute of an external script (`<script src="./page.js">`): the code lives in that file. */
  readonly src: string | undefined;
}

/** An `<import name="x" src="./x">` tag (self-closing or not): a component the template may use. */
export interface UxImport {
  readonly name: string | undefined;
  readonly src: string | undefined;
  /** 0-based offsets of the whole tag in the `.ux` file. */
  readonly start: number;
  readonly end: number;
}

export interface UxBlocks {
  readonly script: UxScript | undefined;
  readonly imports: readonly UxImport[];
}

interface Parse5Node {
  nodeName: string;
  attrs?: { name: string; value: string }[];
  childNodes?: Parse5Node[];
  sourceCodeLocation?: { startTag?: { endOffset: number }; endTag?: { startOffset: number } } | null;
}

// `<import ...>`, self-closing or not, and `</import>`. An HTML parser reads `<import ... />` as an open element that
// swallows the rest of the file (the script included); Vela's compiler accepts it, so the tags are blanked out
// before parsing (same length: every offset stays put) and reported on their own.
const importTag = /<import\b(?:[^>"']|"[^"]*"|'[^']*')*>|<\/import\s*>/giu;
const attribute = /([^\s=/>]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/gu;

function attributesOf(tag: string): Map<string, string> {
  const found = new Map<string, string>();
  for (const match of tag.matchAll(attribute)) {
    const name = match[1]?.toLowerCase();
    if (name !== undefined && !found.has(name)) found.set(name, match[2] ?? match[3] ?? match[4] ?? '');
  }
  return found;
}

// What the HTML tokenizer reads as comments and as `<script>` start tags, and where a script's raw text ends.
const commentOrScriptTag = /<!--[\s\S]*?(?:-->|$)|<script\b(?:[^>"']|"[^"]*"|'[^']*')*>/giu;
const scriptEndTag = /<\/script[\s/>]/giu;

interface LocatedScript {
  readonly node: Parse5Node;
  /** Offsets of the script's text in the input. */
  readonly start: number;
  readonly end: number;
}

/**
 * The first `<script>` outside `<template>`, searched through the whole tree as the ESLint processor searches it: an
 * HTML parser reads an unclosed custom element as holding the rest of the file, script included. (`<template>`
 * content is in parse5's `content` fragment, not in `childNodes`, so it is never searched.)
 */
function firstScript(node: Parse5Node): Parse5Node | undefined {
  for (const child of node.childNodes ?? []) {
    if (child.nodeName === 'script') return child;
    const found = firstScript(child);
    if (found) return found;
  }
  return undefined;
}

function scriptOf(fragment: Parse5Node): { node: Parse5Node; start: number; end: number | undefined } | undefined {
  const node = firstScript(fragment);
  const start = node?.sourceCodeLocation?.startTag?.endOffset;
  if (node === undefined || start === undefined) return undefined;
  return { node, start, end: node.sourceCodeLocation?.endTag?.startOffset };
}

/**
 * The first `<script>` outside `<template>` of the (blanked) input. The parser gets the input with the raw text of
 * every script taken out: the HTML tokenizer reads script text one character at a time, and in a page that text is
 * most of the file. The script the parser finds must start and end where a cut was made, else the whole input is
 * parsed.
 */
function topLevelScript(input: string): LocatedScript | undefined {
  const cuts: { at: number; removed: number; end: number }[] = [];
  let shortened = '';
  let copied = 0;
  commentOrScriptTag.lastIndex = 0;
  for (let match = commentOrScriptTag.exec(input); match !== null; match = commentOrScriptTag.exec(input)) {
    if (match[0].startsWith('<!--')) continue;
    const textStart = match.index + match[0].length;
    scriptEndTag.lastIndex = textStart;
    const textEnd = scriptEndTag.exec(input)?.index ?? input.length;
    shortened += input.slice(copied, textStart);
    cuts.push({ at: shortened.length, removed: textEnd - textStart, end: textEnd });
    copied = textEnd;
    commentOrScriptTag.lastIndex = textEnd;
  }
  if (cuts.length > 0) {
    shortened += input.slice(copied);
    const found = scriptOf(parseFragment(shortened, { sourceCodeLocationInfo: true }) as unknown as Parse5Node);
    const cut = cuts.find((candidate) => candidate.at === found?.start);
    if (found !== undefined && cut !== undefined && (found.end ?? shortened.length) === cut.at) {
      return { node: found.node, start: cut.end - cut.removed, end: cut.end };
    }
  }
  const found = scriptOf(parseFragment(input, { sourceCodeLocationInfo: true }) as unknown as Parse5Node);
  return found === undefined ? undefined : { node: found.node, start: found.start, end: found.end ?? input.length };
}

/**
 * The blocks of a `.ux` file that matter to type-checking. Offsets index the text as given: a BOM and CRLF line ends
 * are kept (the parser sees them as spaces, so its offsets are the text's own).
 */
export function parseUx(text: string): UxBlocks {
  const imports: UxImport[] = [];
  const blank = (part: string) => part.replace(/[^\n]/gu, ' ');
  const parseInput = text
    .replace(/^\uFEFF/u, ' ')
    .replaceAll('\r', ' ')
    .replace(importTag, (tag: string, offset: number) => {
      if (!tag.startsWith('</')) {
        const attributes = attributesOf(tag.slice('<import'.length));
        imports.push({
          name: attributes.get('name'),
          src: attributes.get('src'),
          start: offset,
          end: offset + tag.length,
        });
      }
      return blank(tag);
    });
  const located = topLevelScript(parseInput);
  if (located === undefined) return { script: undefined, imports };
  const { node, start, end } = located;
  const attributes = new Map((node.attrs ?? []).map((entry) => [entry.name.toLowerCase(), entry.value]));
  const lang = attributes.get('lang')?.toLowerCase();
  return {
    script: {
      start,
      end,
      lang: lang === 'ts' || lang === 'typescript' ? 'ts' : 'js',
      src: attributes.get('src'),
    },
    // `<import` written inside the script (in a string or a comment) is code, not a tag.
    imports: imports.filter((tag) => tag.end <= start || tag.start >= end),
  };
}
