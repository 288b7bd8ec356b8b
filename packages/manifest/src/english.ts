/** `a`, `a and b`, `a, b and c`. */
export function listOf(items: readonly string[], conjunction = 'and'): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${conjunction} ${items.at(-1)!}`;
}

/** `did you mean "x"?` wording for a list of suggestions (empty string when there are none). */
export function didYouMean(suggestions: readonly string[]): string {
  if (suggestions.length === 0) return '';
  return ` Did you mean ${listOf(suggestions.map((s) => `"${s}"`), 'or')}?`;
}
