// The virtual script of a `.ux` page holds generated glue next to the user's code: the variables of the typed-from-
// syntax form (`__velaData0`, `__velaPage`) and the JSDoc casts that name `Vela.*` types. TypeScript offers what is in
// scope at a statement (the variables), and in JavaScript it does not check (no `checkJs`, as in an app without
// jsconfig.json) every word of the file, glue included. Editors must offer neither: the user never wrote them.

/** The variables the virtual script declares (see `literalPagePieces` in virtual-script.ts). */
const glueVariable = /^__vela(?:Data\d*|Page)$/u;

/** The identifiers of a text. */
function wordsOf(text: string): Set<string> {
  return new Set(text.match(/[\p{ID_Start}$_][\p{ID_Continue}$\u200c\u200d]*/gu));
}

/**
 * The completion entries of a `.ux` file's script without those only the glue holds: its variables, and the words
 * TypeScript took from the whole virtual script (`wordBased`, in JavaScript it does not check) that are nowhere in
 * the `.ux` text. `uxText` is asked for only when a word-based entry is there.
 */
export function withoutGlueCompletions<Entry>(
  entries: Entry[],
  entry: (each: Entry) => { name: string; wordBased: boolean },
  uxText: () => string,
): Entry[] {
  let words: Set<string> | undefined;
  const isGlue = (each: Entry) => {
    const { name, wordBased } = entry(each);
    if (name.startsWith('__vela') && glueVariable.test(name)) return true;
    if (!wordBased) return false;
    words ??= wordsOf(uxText());
    return !words.has(name);
  };
  return entries.filter((each) => !isGlue(each));
}
