import { ruleLevel } from './configs.js';
import { rules } from '@velakit/eslint-rules';

export const ruleTableStart = '<!-- begin generated rule table: npm run generate -->';
export const ruleTableEnd = '<!-- end generated rule table -->';

/** The README's rule table, written from each rule's meta so it cannot drift from the rules. */
export function renderRuleTable(docsBase = '../../rules/'): string {
  const lines = ['| Rule | Description | Lints | `recommended` | 💡 | 📄 |', '| --- | --- | --- | --- | :-: | :-: |'];
  for (const [name, rule] of Object.entries(rules)) {
    const meta = rule.meta;
    const docs = meta.docs!;
    lines.push(
      `| [\`${name}\`](${docsBase}${name}.md) | ${docs.description} | ${docs.language === 'json' ? '`manifest.json`' : '`.js` `.ts` `.ux`'} | ${docs.recommended === 'recommended' ? ruleLevel(meta, false) : '—'} | ${meta.hasSuggestions ? '💡' : ''} | ${docs.readsManifest ? '📄' : ''} |`,
    );
  }
  lines.push('', "💡 offers editor suggestions · 📄 reads the app's manifest (targets, features, minAPILevel)");
  return lines.join('\n');
}

/** `readme` with the text between the table markers replaced by a fresh table. */
export function withRuleTable(readme: string, table = renderRuleTable()): string {
  const start = readme.indexOf(ruleTableStart);
  const end = readme.indexOf(ruleTableEnd);
  if (start === -1 || end < start) throw new Error(`README.md needs the markers ${ruleTableStart} and ${ruleTableEnd}`);
  return `${readme.slice(0, start + ruleTableStart.length)}\n${table}\n${readme.slice(end)}`;
}
