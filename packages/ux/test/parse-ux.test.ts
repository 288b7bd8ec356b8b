// Reading a .ux file as Vela's compiler does: the first <script> outside the template, its exact offsets, its
// language, and every <import> tag, including the self-closing ones an HTML parser would let swallow the rest of the
// file.
import { describe, expect, it } from 'vitest';
import { parseUx } from '@velakit/ux';

const scriptOf = (text: string) => {
  const script = parseUx(text).script;
  return script === undefined ? undefined : { ...script, text: text.slice(script.start, script.end) };
};

describe('parseUx', () => {
  it('finds the script text between the tags, with offsets into the file', () => {
    const text = '<template>\n  <div></div>\n</template>\n<script>\nexport default {}\n</script>\n';
    expect(scriptOf(text)).toEqual({
      start: text.indexOf('<script>') + '<script>'.length,
      end: text.indexOf('</script>'),
      lang: 'js',
      src: undefined,
      line: 4,
      column: 9,
      text: '\nexport default {}\n',
    });
  });

  it('reads lang="ts" and lang="typescript" as TypeScript, anything else as JavaScript', () => {
    expect(scriptOf('<script lang="ts">let a: number = 1</script>')?.lang).toBe('ts');
    expect(scriptOf('<script lang="TypeScript">let a = 1</script>')?.lang).toBe('ts');
    expect(scriptOf('<script lang="babel">let a = 1</script>')?.lang).toBe('js');
  });

  it('keeps the src of an external script', () => {
    expect(scriptOf('<script src="./page.js"></script>')).toMatchObject({ src: './page.js', text: '' });
  });

  it('gives no script for a file without one, and takes only the first top-level script', () => {
    expect(parseUx('<template><text>hi</text></template>\n<style>text {}</style>\n').script).toBeUndefined();
    expect(scriptOf('<script>first()</script>\n<script>second()</script>')?.text).toBe('first()');
  });

  it('ignores a <script> inside the template: it is not the page script', () => {
    expect(scriptOf('<template><div><script>inner()</script></div></template>\n<script>outer()</script>')?.text).toBe(
      'outer()',
    );
  });

  it('does not let a self-closing <import /> swallow the script', () => {
    const text =
      '<import name="a" src="./a" />\n<import name="b" src="./b"></import>\n<template><a></a></template>\n<script>\nexport default {}\n</script>\n';
    const blocks = parseUx(text);
    expect(blocks.script && text.slice(blocks.script.start, blocks.script.end)).toBe('\nexport default {}\n');
    expect(blocks.imports).toEqual([
      { name: 'a', src: './a', start: 0, end: text.indexOf('\n') },
      { name: 'b', src: './b', start: text.indexOf('<import name="b"'), end: text.indexOf('</import>') },
    ]);
  });

  it('finds the script after another unclosed element, as the ESLint processor does', () => {
    // An HTML parser reads `<widget>` as holding the rest of the file; the compiler still takes the script in it.
    const text = '<widget>\n<template><div></div></template>\n<script>\nexport default {}\n</script>\n';
    expect(scriptOf(text)?.text).toBe('\nexport default {}\n');
    expect(scriptOf('<style><widget></style><widget><p><script lang="ts">late()</script>')).toMatchObject({
      text: 'late()',
      lang: 'ts',
    });
  });

  it('reads import attributes in single quotes, unquoted or with > inside quotes', () => {
    const blocks = parseUx(`<import name='x' src=./x/>\n<import name="y>z" src="./y">\n<script>go()</script>`);
    expect(blocks.imports.map(({ name, src }) => ({ name, src }))).toEqual([
      { name: 'x', src: './x/' },
      { name: 'y>z', src: './y' },
    ]);
    expect(scriptOf(`<import name="y>z" src="./y">\n<script>go()</script>`)?.text).toBe('go()');
  });

  it('does not take `<import` written in the script for a tag', () => {
    const blocks = parseUx('<script>const tag = "<import name=\\"q\\" />"</script>');
    expect(blocks.imports).toEqual([]);
    expect(blocks.script?.start).toBe('<script>'.length);
  });

  it('keeps offsets exact in CRLF files and files with a BOM', () => {
    const text =
      '\uFEFF<template>\r\n  <text>a</text>\r\n</template>\r\n<script>\r\nexport default {}\r\n</script>\r\n';
    const script = scriptOf(text);
    expect(script?.start).toBe(text.indexOf('<script>') + '<script>'.length);
    expect(script?.text).toBe('\r\nexport default {}\r\n');
  });

  it('reads a script that is never closed to the end of the file', () => {
    expect(scriptOf('<template></template>\n<script>\nexport default {')?.text).toBe('\nexport default {');
  });

  it('is not misled by <script> written in a comment or an attribute of the template', () => {
    const commented =
      '<!-- <script> old() -->\n<template><text value="<script>">a</text></template>\n<script>\nreal()\n</script>';
    expect(scriptOf(commented)).toMatchObject({
      start: commented.lastIndexOf('<script>') + '<script>'.length,
      text: '\nreal()\n',
    });
    const quoted = '<template><text value="<script>">a</text></template>\n<script>b()</script>';
    expect(scriptOf(quoted)).toMatchObject({ start: quoted.lastIndexOf('<script>') + '<script>'.length, text: 'b()' });
  });

  it('ends the script at the first </script> even inside a string, as the HTML tokenizer does', () => {
    const text = '<script>\nconst s = "</scrip"; const t = "</script >"; x()\n</script>';
    expect(scriptOf(text)?.text).toBe('\nconst s = "</scrip"; const t = "');
  });

  it('copes with text that is no HTML at all', () => {
    expect(parseUx('').script).toBeUndefined();
    expect(parseUx('<<<>>> </script> <import').script).toBeUndefined();
  });
});

describe('script text that HTML reads in its escaped states', () => {
  it('does not end the script at a </script> inside <!-- <script> ... -->, as the HTML tokenizer does not', () => {
    // In script text, `<!--` then `<script>` enter HTML's "double escaped" state, where `</script>` only leaves it.
    const text = '<script><!-- <script>x</script> -->\nreal()\n</script>\n<style>.a{}</style>';
    expect(scriptOf(text)?.text).toBe('<!-- <script>x</script> -->\nreal()\n');
  });

  it('ends it at the first </script> after a plain <!--', () => {
    const text = '<script>const a = "<!--"; b()</script><script>c()</script>';
    expect(scriptOf(text)?.text).toBe('const a = "<!--"; b()');
  });
});
