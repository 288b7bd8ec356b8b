import { parseFragment, Tokenizer, TokenizerMode, type Token, type TokenHandler } from 'parse5';
import type { Linter, Rule } from 'eslint';
import { hasTypeScriptParser } from '../configs.js';

type LintMessage = Linter.LintMessage;

/** Where the `<script>` of a `.ux` file starts, to move messages from the script back into the file. */
export interface ScriptBlock {
  readonly text: string;
  readonly extension: 'js' | 'ts';
  /** 1-based line and column of the script's first character in the `.ux` file. */
  readonly line: number;
  readonly column: number;
  /** 0-based offset of the script's first character in the `.ux` file. */
  readonly offset: number;
  /** 1 when the file starts with a byte order mark (which ESLint strips before it applies fixes), else 0. */
  readonly bom: 0 | 1;
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
function mentionsScript(text: string): boolean {
  return /<script[\s>/]/iu.test(text.replace(/<!--[\s\S]*?(?:-->|$)/gu, ''));
}

/**
 * The `<script>` of a `.ux` file, as Vela's compiler picks it. A script with `src=` lives in another file (linted
 * there), so it yields nothing, as does a file without a script.
 */
export function extractScript(text: string): ScriptBlock | undefined {
  const found = locateScript(text);
  return found === 'external' ? undefined : found;
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
 * The inline script block, `external` for `<script src=...>`, or undefined when no script element is found. The
 * document tree with source locations costs about four times what reading the tags does (the template is most of a
 * page), so the tags decide where they can (`locateScriptInTags`), the tree elsewhere.
 */
export function locateScript(text: string): ScriptBlock | 'external' | undefined {
  return treeDependentTag.test(text) ? locateScriptInTree(text) : locateScriptInTags(text);
}

/** The script element of parse5's document tree where Vela's compiler looks for it (see `findScript`). */
export function locateScriptInTree(text: string): ScriptBlock | 'external' | undefined {
  const fragment = parseFragment(text, { sourceCodeLocationInfo: true }) as unknown as Parse5Node;
  const script = findScript(fragment);
  if (!script) return undefined;
  const location = script.sourceCodeLocation;
  return scriptBlock(text, script.attrs ?? [], location?.startTag, location?.endTag?.startOffset);
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
 * `</script>` that ends it, where reading stops.
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

/** The script block found from the tags alone: what `locateScriptInTree` finds in a text without tree-dependent tags. */
export function locateScriptInTags(text: string): ScriptBlock | 'external' | undefined {
  const tags = new ScriptTags();
  tags.tokenizer.write(text, true);
  if (!tags.start) return undefined;
  return scriptBlock(text, tags.start.attrs, tags.start.location ?? undefined, tags.endOffset);
}

interface TagEnd {
  readonly endOffset: number;
  readonly endLine: number;
  readonly endCol: number;
}

function scriptBlock(
  text: string,
  attrs: readonly { name: string; value: string }[],
  startTag: TagEnd | undefined,
  endTagOffset: number | undefined,
): ScriptBlock | 'external' | undefined {
  if (attrs.some((attribute) => attribute.name === 'src')) return 'external';
  if (!startTag) return undefined;
  const start = startTag.endOffset;
  const end = endTagOffset ?? text.length;
  const lang = attrs.find((attribute) => attribute.name === 'lang')?.value.toLowerCase();
  return {
    // The raw slice, not parse5's text node: parse5 normalizes line ends, which would shift every offset after a CR.
    text: text.slice(start, end),
    extension: lang === 'ts' || lang === 'typescript' ? 'ts' : 'js',
    line: startTag.endLine,
    // parse5 counts a byte order mark as a column of the first line; ESLint does not.
    column: startTag.endLine === 1 && text.startsWith('\uFEFF') ? startTag.endCol - 1 : startTag.endCol,
    offset: start,
    bom: text.startsWith('\uFEFF') ? 1 : 0,
  };
}

const blocks = new Map<string, ScriptBlock>();
/** Files whose text has a `<script` tag velakit could not find where the compiler looks: reported, never skipped silently. */
const lostScripts = new Set<string>();

function moveLocation(block: ScriptBlock, line: number, column: number): { line: number; column: number } {
  return line === 1 ? { line: block.line, column: column + block.column - 1 } : { line: line + block.line - 1, column };
}

/**
 * Where a position in the script of the `.ux` file being linted is in the file itself (lines 1-based, columns
 * 0-based as in ESLint's AST). Only while ESLint lints that file's script; any other file's positions come back as
 * they are.
 */
export function uxFileLocation(
  filename: string,
  position: { line: number; column: number },
): { line: number; column: number } {
  const block = blocks.get(filename);
  if (!block) return position;
  const moved = moveLocation(block, position.line, position.column + 1);
  return { line: moved.line, column: moved.column - 1 };
}

function moveFix(block: ScriptBlock, fix: Rule.Fix): Rule.Fix {
  // ESLint applies fixes to the text without its byte order mark, while the block's offset counts it.
  const offset = block.offset - block.bom;
  return { range: [fix.range[0] + offset, fix.range[1] + offset], text: fix.text };
}

function moveMessage(block: ScriptBlock, message: LintMessage): LintMessage {
  const moved: LintMessage = { ...message, ...moveLocation(block, message.line, message.column) };
  if (message.endLine !== undefined && message.endColumn !== undefined) {
    const end = moveLocation(block, message.endLine, message.endColumn);
    moved.endLine = end.line;
    moved.endColumn = end.column;
  }
  if (message.fix) moved.fix = moveFix(block, message.fix);
  if (message.suggestions)
    moved.suggestions = message.suggestions.map((suggestion) => ({
      ...suggestion,
      fix: moveFix(block, suggestion.fix),
    }));
  return moved;
}

/** ESLint's own parser fails on TypeScript syntax with a bare "Unexpected token": say which parser the script needs. */
function explainParseError(block: ScriptBlock, message: LintMessage): LintMessage {
  if (!message.fatal || block.extension !== 'ts' || hasTypeScriptParser) return message;
  return {
    ...message,
    message:
      `${message.message} (this <script lang="ts"> needs typescript-eslint's parser, which is not installed: ` +
      'npm install --save-dev @typescript-eslint/parser typescript)',
  };
}

/**
 * `velakit/ux`: lints the `<script>` of `.ux` files. Messages, fixes and suggestions are moved back to their place in
 * the `.ux` file; `lang="ts"` scripts become a `.ts` block so TypeScript parsing applies.
 */
export const uxProcessor = {
  meta: { name: 'velakit/ux', version: '0.1.0' },
  supportsAutofix: true,
  preprocess(text: string, filename: string): (string | { text: string; filename: string })[] {
    let found: ScriptBlock | 'external' | undefined;
    try {
      found = locateScript(text);
    } catch {
      found = undefined;
    }
    if (found === undefined || found === 'external') {
      blocks.delete(filename);
      if (found === undefined && mentionsScript(text)) lostScripts.add(filename);
      else lostScripts.delete(filename);
      return [];
    }
    const block = found;
    lostScripts.delete(filename);
    blocks.set(filename, block);
    return [{ text: block.text, filename: `script.${block.extension}` }];
  },
  postprocess(messages: LintMessage[][], filename: string): LintMessage[] {
    const block = blocks.get(filename);
    blocks.delete(filename);
    if (!block) {
      if (!lostScripts.delete(filename)) return [];
      return [
        {
          ruleId: null,
          severity: 1,
          message:
            "velakit cannot find this file's <script> where Vela's compiler looks for it (outside <template>), so the script is not linted. Is an element left unclosed, such as a missing </template>?",
          line: 1,
          column: 1,
        } as LintMessage,
      ];
    }
    return (messages[0] ?? []).map((message) => explainParseError(block, moveMessage(block, message)));
  },
};
