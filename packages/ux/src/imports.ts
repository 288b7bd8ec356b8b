/** An `<import name="x" src="./x">` tag (self-closing or not): a component the template may use. */
export interface UxImport {
  readonly name: string | undefined;
  readonly src: string | undefined;
  /** 0-based offsets of the whole tag in the `.ux` file. */
  readonly start: number;
  readonly end: number;
}

// `<import ...>`, self-closing or not. Attribute values may hold `>` inside quotes.
const importTag = /<import\b(?:[^>"']|"[^"]*"|'[^']*')*>/giu;
const attribute = /([^\s=/>]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/gu;

function attributesOf(tag: string): Map<string, string> {
  const found = new Map<string, string>();
  for (const match of tag.matchAll(attribute)) {
    const name = match[1]?.toLowerCase();
    if (name !== undefined && !found.has(name)) found.set(name, match[2] ?? match[3] ?? match[4] ?? '');
  }
  return found;
}

/** Every `<import>` tag of the text, in order, with its `name` and `src` (the first of each when repeated). */
export function importTags(text: string): UxImport[] {
  const imports: UxImport[] = [];
  for (const match of text.matchAll(importTag)) {
    const attributes = attributesOf(match[0].slice('<import'.length));
    imports.push({
      name: attributes.get('name'),
      src: attributes.get('src'),
      start: match.index,
      end: match.index + match[0].length,
    });
  }
  return imports;
}
