// What GitHub code scanning accepts, as a test helper: the SARIF 2.1.0 JSON schema (the official rtm.5 file, shipped in
// the MIT-licensed @microsoft/jest-sarif package; it is draft-04, hence ajv-draft-04), plus the fields GitHub's upload
// and the SARIF multitool's GitHub rules require beyond the schema: a rule for every result, each rule with a friendly
// name, full description, help text and help link; relative artifact URIs; regions with 1-based lines and columns.
import { createRequire } from 'node:module';
import Ajv04 from 'ajv-draft-04';
import addFormats from 'ajv-formats';

const require = createRequire(import.meta.url);
const sarifSchema = require('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json') as object;

// The schema's `language` pattern is not valid with the `u` flag; the official schema is used as published.
const ajv = new Ajv04.default({ strict: false, allErrors: true, unicodeRegExp: false, logger: false });
addFormats.default(ajv);
const validate = ajv.compile(sarifSchema);

interface Rule {
  id?: string;
  name?: string;
  shortDescription?: { text?: string };
  fullDescription?: { text?: string };
  help?: { text?: string; markdown?: string };
  helpUri?: string;
}
interface Result {
  ruleId?: string;
  ruleIndex?: number;
  level?: string;
  message?: { text?: string };
  locations?: { physicalLocation?: { artifactLocation?: { uri?: string; uriBaseId?: string }; region?: Record<string, number> } }[];
}
export interface SarifLog {
  version: string;
  runs: { tool: { driver: { name: string; rules?: Rule[] } }; results?: Result[] }[];
}

/** Every problem that would make GitHub code scanning reject the log or show an alert without its help; [] when none. */
export function codeScanningProblems(log: unknown): string[] {
  if (!validate(log)) return (validate.errors ?? []).map((error) => `schema: ${error.instancePath} ${error.message}`);
  const problems: string[] = [];
  for (const run of (log as SarifLog).runs) {
    const rules = run.tool.driver.rules ?? [];
    for (const rule of rules) {
      const missing = (['name', 'shortDescription', 'fullDescription', 'help', 'helpUri'] as const).filter((field) => {
        const value = rule[field];
        if (typeof value === 'string') return value.trim() === '';
        return typeof value?.text !== 'string' || value.text.trim() === '';
      });
      if (missing.length > 0) problems.push(`rule ${rule.id}: no ${missing.join(', ')}`);
      if (rule.helpUri !== undefined && !/^https:\/\/\S+$/u.test(rule.helpUri)) problems.push(`rule ${rule.id}: helpUri ${rule.helpUri} is not an https URL`);
    }
    if (new Set(rules.map((rule) => rule.id)).size !== rules.length) problems.push('two rules share an id');
    for (const [index, result] of (run.results ?? []).entries()) {
      const where = `result ${index} (${result.ruleId})`;
      if (result.ruleIndex === undefined || rules[result.ruleIndex]?.id !== result.ruleId) problems.push(`${where}: ruleIndex does not point at its rule`);
      if (!result.message?.text) problems.push(`${where}: no message text`);
      const location = result.locations?.[0]?.physicalLocation;
      const uri = location?.artifactLocation?.uri;
      if (uri === undefined || /^[a-z]+:|^\//iu.test(uri) || location?.artifactLocation?.uriBaseId !== '%SRCROOT%') {
        problems.push(`${where}: the artifact URI must be relative to %SRCROOT%, not ${uri}`);
      }
      const region = location?.region ?? {};
      if (!(region['startLine']! >= 1 && region['startColumn']! >= 1)) problems.push(`${where}: region needs startLine and startColumn from 1`);
      if (region['endLine'] !== undefined && region['endLine'] < region['startLine']!) problems.push(`${where}: region ends before it starts`);
    }
  }
  return problems;
}
