import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { locateScript } from '@velakit/ux';
import { scriptFromTags, uxScriptForScan, uxScriptRange } from './ux-script.js';

/** The script text the ESLint processor lints (`extractScript`): none for a script with `src`. */
function processorRange(text: string): { start: number; end: number } | undefined {
  const script = locateScript(text);
  return script === undefined || script.src !== undefined ? undefined : { start: script.start, end: script.end };
}

// The pieces of @velakit/ux's locator tests and of fixtures/ux-script-agreement.test.ts, and the constructs the tag
// reading here handles itself: attributes (quoted values holding `<script>` or `>`, unquoted values, values that
// make a parse error), HTML comments of every ending, doctypes and bogus comments that hide tags, end tags with
// attributes or cut off, text elements holding tags.
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
  '<script SRC=b.js>',
  '<script data-x=" src ">',
  '<SCRIPT>',
  '<script\n  lang="ts"\n>',
  '<script/>',
  '<script / >',
  '<scripts>',
  '<script',
  '</script>',
  '</script >',
  '</SCRIPT\n>',
  '</script/>',
  '</script x="a>b">',
  '</script',
  '</scripts>',
  '</\u017Fcript>',
  '<\u017Fcript>',
  '</\u017Ftyle>',
  'let a = "</script>"',
  "const b = '<template>'",
  "import fetch from '@system.fetch'",
  '<style>',
  '</style>',
  '</style x>',
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
  '--!>',
  '<!-->',
  '<!--->',
  '<!---->',
  '<!--<!-->',
  '<![CDATA[ <script> ]]>',
  '<!DOCTYPE html>',
  '<!x <script>',
  '<?xml <script ?>',
  '</ <script>',
  '</>',
  '</',
  '<',
  '>',
  '"',
  "'",
  '=',
  '<import name="card" src="./card.ux" />',
  '<import name="list" src="./list">',
  '<div class="page">',
  '<div a=b>',
  '<div a=b/>',
  '<div a = "x" b>',
  '<div a="1"="<script>">',
  '<div a="1"b="2">',
  '<div a=>',
  '<div =a>',
  '<div a"b>',
  '<div / a>',
  "<div title='>'>",
  '<div\tclass="x"\r\n>',
  '</div>',
  '</div class="x">',
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
  '\r',
  '\t',
];
// Tags after which the tree, not the tag order, decides.
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
  '<div><script>s()</script></div>',
];

const text = (vocabulary: readonly string[]) =>
  fc
    .tuple(fc.boolean(), fc.array(fc.constantFrom(...vocabulary), { maxLength: 40 }))
    .map(([bom, parts]) => (bom ? '\uFEFF' : '') + parts.join(''));

describe('the script of a .ux file, for the app-source scan', () => {
  it('is what the ESLint processor lints, whenever the tags alone settle it', () => {
    let settled = 0;
    fc.assert(
      fc.property(text([...pieces, ...treeDependentPieces]), (source) => {
        const fast = scriptFromTags(source);
        if (fast !== undefined) {
          settled++;
          expect(fast ?? undefined).toEqual(processorRange(source));
        }
        expect(uxScriptRange(source)).toEqual(processorRange(source));
      }),
      { numRuns: 20000 },
    );
    // The reading settles most texts, not only the easy ones.
    expect(settled).toBeGreaterThan(10000);
  });

  // Few pieces, so that their rarer orders come up: comment endings, tags split into their characters.
  const small = [
    '<!--',
    '-->',
    '--!>',
    '-',
    '!',
    '>',
    '<',
    '/',
    '"',
    '=',
    ' ',
    'x',
    '<script>',
    '</script>',
    '<template>',
  ];

  it('is what the ESLint processor lints for texts made of comment and tag characters', () => {
    fc.assert(
      fc.property(text(small), (source) => {
        const fast = scriptFromTags(source);
        if (fast !== undefined) expect(fast ?? undefined).toEqual(processorRange(source));
      }),
      { numRuns: 20000 },
    );
  });

  it('settles pages as apps write them without @velakit/ux', () => {
    const page =
      '<import name="card" src="../../components/card/index.ux"></import>\n' +
      '<!-- the list -->\n<template>\n  <div class="page" onclick="go">\n    <card title="{{ a < b ? \'<\' : \'>\' }}"></card>\n' +
      '    <input type="text" value="<script>" />\n  </div>\n</template>\n\n<style>\n.page { width: 100%; }\n</style>\n\n' +
      '<script lang="ts">\nimport fetch from \'@system.fetch\'\nexport default { go() {} }\n</script>\n';
    const start = page.indexOf('<script lang="ts">') + '<script lang="ts">'.length;
    const range = { start, end: page.lastIndexOf('</script>') };
    expect(scriptFromTags(page)).toEqual(range);
    expect(processorRange(page)).toEqual(range);
    // A script inside the template is not the page's; a page without a script outside it has none.
    expect(scriptFromTags('<template><div><script>x()</script></div></template>')).toBeNull();
    // A script with `src`, a table before the script, an `<!--` in the script: @velakit/ux decides.
    expect(scriptFromTags('<script src="./page.js"></script>')).toBeUndefined();
    expect(uxScriptRange('<script src="./page.js"></script>')).toBeUndefined();
    expect(scriptFromTags('<table></table><script>x()</script>')).toBeUndefined();
    expect(scriptFromTags('<script>a("<!--")</script>')).toBeUndefined();
    expect(uxScriptRange('<script>a("<!--")</script>')).toEqual({ start: 8, end: 8 + 'a("<!--")'.length });
  });

  it('for the scan, reads a script the processor reports lost as written, and nothing of an external one', () => {
    const unclosed = '<!-- <script>old()</script> -->\n<template>\n  <div>\n<script lang="ts">\nnow()\n</script>\n';
    expect(uxScriptRange(unclosed)).toBeUndefined();
    const start = unclosed.indexOf('<script lang="ts">') + '<script lang="ts">'.length;
    expect(uxScriptForScan(unclosed)).toEqual({ start, end: unclosed.lastIndexOf('</script>') });
    expect(uxScriptForScan('<template><div>\n<script>\nnow()')).toEqual({ start: 24, end: 30 });
    expect(uxScriptForScan('<template><text>x</text></template><script src="./a.js"></script>')).toBeUndefined();
    expect(uxScriptForScan('<template><script>x()</script></template>')).toEqual({ start: 18, end: 21 });
    expect(uxScriptForScan('<!-- <script>x()</script> -->')).toBeUndefined();
    expect(uxScriptForScan('<template>a</template>\n<script>b()</script>')).toEqual({ start: 31, end: 34 });
  });
});
