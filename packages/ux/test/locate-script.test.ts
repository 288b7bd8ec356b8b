import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { locateScript, locateScriptInTags, locateScriptInTree } from '@velakit/ux';

// `.ux`-like texts from pieces that exercise what decides where the script is: templates (nested, self-closing,
// unclosed, stray end tags), scripts (attributes, upper case, `</script>` inside strings, unclosed), elements whose
// content is text (style, textarea, title, noscript, xmp, iframe, plaintext), comments (with tags inside, unclosed),
// CDATA, self-closing `<import />`, line ends and a byte order mark.
const pieces = [
  '<template>',
  '</template>',
  '<template/>',
  '<template id="t">',
  '</TEMPLATE>',
  '<script>',
  '<script lang="ts">',
  '<script lang="TypeScript" lang="js">',
  '<script src="./a.js">',
  '<SCRIPT>',
  '<script\n  lang="ts"\n>',
  '<script/>',
  '</script>',
  '</script >',
  '</SCRIPT\n>',
  'let a = "</script>"',
  "const b = '<template>'",
  '<style>',
  '</style>',
  '<textarea>',
  '</textarea>',
  '<title>',
  '</title>',
  '<noscript>',
  '</noscript>',
  '<xmp>',
  '</xmp>',
  '<iframe>',
  '</iframe>',
  '<noembed>',
  '<noframes>',
  '<plaintext>',
  '<!-- note -->',
  '<!-- <script> -->',
  '<!--',
  '-->',
  '<![CDATA[ <script> ]]>',
  '<!DOCTYPE html>',
  '<import name="card" src="./card.ux" />',
  '<import name="list" src="./list">',
  '<div class="page">',
  '</div>',
  '<text>{{ title }}</text>',
  '<input type="button" value="<script>" />',
  '<list-item for="{{ items }}">',
  '<p>',
  '</body>',
  '<html>',
  ' a < b && c > d ',
  '&lt;script&gt;',
  '\n',
  '\r\n',
  '\t',
];
// Tags after which the tree, not the tag order, decides (the fallback's cases).
const treeDependentPieces = [
  '<a>',
  '</a>',
  '<b>',
  '</b>',
  '<table>',
  '<tr>',
  '<td>',
  '<svg>',
  '</svg>',
  '<math>',
  '<select>',
  '<frameset>',
];

const text = (vocabulary: readonly string[]) =>
  fc
    .tuple(fc.boolean(), fc.array(fc.constantFrom(...vocabulary), { maxLength: 40 }))
    .map(([bom, parts]) => (bom ? '\uFEFF' : '') + parts.join(''));

/** The script's text as a locator finds it. */
function textOf(source: string, locate: typeof locateScript): string | undefined {
  const script = locate(source);
  return script && source.slice(script.start, script.end);
}

describe('finding the script from the tags', () => {
  it('finds what the document tree finds, for any text without tree-dependent tags', () => {
    fc.assert(
      fc.property(text(pieces), (source) => {
        expect(locateScriptInTags(source)).toEqual(locateScriptInTree(source));
      }),
      { numRuns: 3000 },
    );
  });

  it('leaves texts with tree-dependent tags to the tree, which then decides', () => {
    fc.assert(
      fc.property(text([...pieces, ...treeDependentPieces]), (source) => {
        expect(locateScript(source)).toEqual(locateScriptInTree(source));
      }),
      { numRuns: 2000 },
    );
  });

  it('differs from the tree where the tree moves elements, which is why those texts go to the tree', () => {
    // Foster parenting: the `<div>` inside a table is moved in front of it, with the script it holds.
    const fostered = '<table><script>first()</script><div><script>second()</script></div></table>';
    expect(textOf(fostered, locateScriptInTags)).toBe('first()');
    expect(textOf(fostered, locateScriptInTree)).toBe('second()');
    expect(textOf(fostered, locateScript)).toBe('second()');
    // Inside `<select>` a `<style>` is ignored, so what follows it is read as tags.
    const selected = '<select><style><script>inSelect()</script></style></select>';
    expect(locateScript(selected)).toEqual(locateScriptInTree(selected));
    expect(textOf(selected, locateScriptInTree)).toBe('inSelect()');
  });

  it('finds the script of a page after a self-closing import and a template holding a script', () => {
    const page =
      '<import name="a" src="./a.ux" />\n<template>\n  <div><script>no()</script></div>\n</template>\n<script>\nyes()\n</script>\n<style>.a{}</style>';
    const offset = page.indexOf('<script>\nyes') + '<script>'.length;
    expect(locateScriptInTags(page)).toEqual({
      start: offset,
      end: offset + '\nyes()\n'.length,
      lang: 'js',
      src: undefined,
      line: 5,
      column: 9,
    });
    expect(locateScriptInTags(page)).toEqual(locateScriptInTree(page));
  });
});
