// Rewrites the rule table of README.md from the rules' meta (run after a build: `npm run generate`).
import { readFileSync, writeFileSync } from 'node:fs';
import { withRuleTable } from '../dist/rule-table.js';

const readmeUrl = new URL('../README.md', import.meta.url);
const before = readFileSync(readmeUrl, 'utf8');
const after = withRuleTable(before);
if (after !== before) writeFileSync(readmeUrl, after);
console.log(after === before ? 'README.md rule table is up to date' : 'README.md rule table rewritten');
