import { parseFragment, Tokenizer, TokenizerMode, type Token, type TokenHandler } from 'parse5';

/** The `<script>` of a `.ux` file that Vela's compiler compiles: the first one outside `<template>`. */
export interface UxScript {
  /** 0-based offsets of the script's text (from the end of `<script ...>` to `</script>` or the end of the file). */
  readonly start: number;
  readonly end: number;
  /** `ts` for `<script lang="ts">` (or `typescript`, in any case), else `js`. */
  readonly lang: 'js' | 'ts';
  /** The `src` attribute of an external script (`<script src="./page.js">`): the code lives in that file. */
  readonly src: string | undefined;
  /** 1-based line and column where the text starts, as parse5 counts them (a byte order mark takes a column). */
  readonly line: number;
  readonly column: number;
}

interface Parse5Node {
  nodeName: string;
  attrs?: { name: string; value: string }[];
  childNodes?: Parse5Node[];
  sourceCodeLocation?: {
    startTag?: { endOffset: number; endLine: number; endCol: number };
    endTag?: { startOffset: number };
  } | null;
}

/**
 * The `<script>` Vela's compiler takes: the first one outside `<template>`. It is searched through the whole tree,
 * not only at the top level: an HTML parser reads a self-closing `<import ... />` (or any unclosed custom element) as
 * an open element that holds the rest of the file, script included, and the compiler accepts such files.
 * (`<template>` content lives in parse5's `content` fragment, not in `childNodes`, so it is never searched.)
 */
function findScript(node: Parse5Node): Parse5Node | undefined {
  for (const child of node.childNodes ?? []) {
    if (child.nodeName === 'script') return child;
    const found = findScript(child);
    if (found) return found;
  }
  return undefined;
}

/** True when the text has a `<script` tag outside HTML comments: a file that means to have a script. */
export function mentionsScript(text: string): boolean {
  return /<script[\s>/]/iu.test(text.replace(/<!--[\s\S]*?(?:-->|$)/gu, ''));
}

/**
 * Start and end tags after which HTML tree construction may move, drop or reinterpret elements: foreign content
 * (`svg`, `math`), tables (foster parenting), formatting elements (the adoption agency), `select` (which ignores most
 * tags, `<style>` too) and `frameset`. In a file with none of them, the first `<script>` outside `<template>` in the
 * document tree is the first such start tag in the text, so the tags alone decide; with any of them, the tree does.
 * (A tag name ends at whitespace, `/` or `>`; `\s` also takes other spaces, which only sends more files to the tree.)
 */
const treeDependentTag =
  /<\/?(?:a|b|big|code|em|font|i|nobr|s|small|strike|strong|tt|u|table|caption|colgroup|col|tbody|thead|tfoot|tr|td|th|select|frameset|svg|math)(?=[\s/>])/iu;

/**
 * The script Vela's compiler compiles, or undefined when the file has no script element where it looks. The document
 * tree with source locations costs about four times what reading the tags does (the template is most of a page), so
 * the tags decide where they can (`locateScriptInTags`), the tree elsewhere. Offsets index the text as given: a byte
 * order mark and CRLF line ends are kept.
 */
export function locateScript(text: string): UxScript | undefined {
  return treeDependentTag.test(text) ? locateScriptInTree(text) : locateScriptInTags(text);
}

/** The script element of parse5's document tree where Vela's compiler looks for it (see `findScript`). */
export function locateScriptInTree(text: string): UxScript | undefined {
  const fragment = parseFragment(text, { sourceCodeLocationInfo: true }) as unknown as Parse5Node;
  const script = findScript(fragment);
  if (!script) return undefined;
  const location = script.sourceCodeLocation;
  return scriptAt(text, script.attrs ?? [], location?.startTag, location?.endTag?.startOffset);
}

/**
 * The tokenizer states parse5's tree builder switches to after these start tags, in every insertion mode a text
 * without tree-dependent tags reaches (scripting enabled, as `parseFragment` parses).
 */
const textStates = new Map<string, (typeof TokenizerMode)[keyof typeof TokenizerMode]>([
  ['script', TokenizerMode.SCRIPT_DATA],
  ['style', TokenizerMode.RAWTEXT],
  ['noscript', TokenizerMode.RAWTEXT],
  ['noframes', TokenizerMode.RAWTEXT],
  ['noembed', TokenizerMode.RAWTEXT],
  ['iframe', TokenizerMode.RAWTEXT],
  ['xmp', TokenizerMode.RAWTEXT],
  ['textarea', TokenizerMode.RCDATA],
  ['title', TokenizerMode.RCDATA],
  ['plaintext', TokenizerMode.PLAINTEXT],
]);

/**
 * Reads the tags as parse5's tree builder sees them, without building the tree: the first `<script>` start tag
 * outside any `<template>` (a `</template>` closes the innermost one; one with none open is ignored) and the
 * `</script>` that ends it, where reading stops. The tokenizer follows HTML's rules for script text, so a
 * `</script>` inside `<!-- <script> ... -->` in the script does not end it.
 */
class ScriptTags implements TokenHandler {
  readonly tokenizer = new Tokenizer({ sourceCodeLocationInfo: true }, this);
  templateDepth = 0;
  start: Token.TagToken | undefined;
  endOffset: number | undefined;
  onStartTag(token: Token.TagToken): void {
    const state = textStates.get(token.tagName);
    if (state !== undefined) this.tokenizer.state = state;
    if (token.tagName === 'template') this.templateDepth++;
    else if (token.tagName === 'script' && this.templateDepth === 0 && this.start === undefined) this.start = token;
  }
  onEndTag(token: Token.TagToken): void {
    if (token.tagName === 'template') {
      if (this.templateDepth > 0) this.templateDepth--;
    } else if (token.tagName === 'script' && this.start !== undefined) {
      this.endOffset = token.location?.startOffset;
      this.tokenizer.pause();
    }
  }
  onComment(): void {}
  onDoctype(): void {}
  onEof(): void {}
  onCharacter(): void {}
  onNullCharacter(): void {}
  onWhitespaceCharacter(): void {}
}

/** The script found from the tags alone: what `locateScriptInTree` finds in a text without tree-dependent tags. */
export function locateScriptInTags(text: string): UxScript | undefined {
  const tags = new ScriptTags();
  tags.tokenizer.write(text, true);
  if (!tags.start) return undefined;
  return scriptAt(text, tags.start.attrs, tags.start.location ?? undefined, tags.endOffset);
}

interface TagEnd {
  readonly endOffset: number;
  readonly endLine: number;
  readonly endCol: number;
}

function scriptAt(
  text: string,
  attrs: readonly { name: string; value: string }[],
  startTag: TagEnd | undefined,
  endTagOffset: number | undefined,
): UxScript | undefined {
  if (!startTag) return undefined;
  // parse5 keeps the first of repeated attributes, as browsers do, and lower-cases their names.
  const lang = attrs.find((attribute) => attribute.name === 'lang')?.value.toLowerCase();
  return {
    start: startTag.endOffset,
    end: endTagOffset ?? text.length,
    lang: lang === 'ts' || lang === 'typescript' ? 'ts' : 'js',
    src: attrs.find((attribute) => attribute.name === 'src')?.value,
    line: startTag.endLine,
    column: startTag.endCol,
  };
}
