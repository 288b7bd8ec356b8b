import { relative, sep } from 'node:path';
import {
  codeFrame,
  friendlyName,
  githubAnnotation,
  LineIndex,
  sarifResult,
  sarifSourceRoot,
  sarifUri,
  type Colors,
  type SarifLevel,
  type SarifRule,
} from '@velakit/manifest/cli';
import {
  typesNotInstalled,
  type TypecheckResult,
  type TypeDiagnostic,
  type TypeFileResult,
  type TypeSeverity,
} from './typecheck.js';

/** The output formats of `velakit-typecheck`, the same as `velakit-manifest`'s. */
export const typeFormats = ['stylish', 'json', 'sarif', 'github'] as const;
export type TypeFormat = (typeof typeFormats)[number];

const sarifLevels: Record<TypeSeverity, SarifLevel> = { error: 'error', warning: 'warning', info: 'note' };
const packageUrl = 'https://github.com/velakit/velakit/tree/main/packages/language';

/** A path as the user reads it: relative to the directory the command runs in, with `/`. */
export const displayPath = (fileName: string, cwd: string) => relative(cwd, fileName).split(sep).join('/') || fileName;

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;

function severityLabel(severity: TypeSeverity, c: Colors): string {
  if (severity === 'error') return c.red('error');
  if (severity === 'warning') return c.yellow('warning');
  return c.blue('info');
}

/** Readable text: each diagnostic with its place and a code frame, then a closing count. */
export function formatTypesStylish(result: TypecheckResult, cwd: string, c: Colors): string {
  const blocks: string[] = [];
  for (const file of result.files) {
    const lines = new LineIndex(file.text);
    const path = displayPath(file.fileName, cwd);
    for (const d of file.diagnostics) {
      const head = `${severityLabel(d.severity, c)} ${c.bold(d.message)} ${c.dim(d.code)}\n  at ${c.underline(`${path}:${d.start.line}:${d.start.column}`)}`;
      const frame = file.text === '' ? '' : codeFrame(file.text, { ...d, pointer: '' }, lines, c);
      blocks.push(frame === '' ? head : `${head}\n${frame}`);
    }
  }
  const checked = plural(result.checkedFiles.length, 'file');
  const total = result.files.reduce((sum, file) => sum + file.diagnostics.length, 0);
  if (total === 0) return `✔ ${checked} type-checked, no problems.\n`;
  const mark = result.errorCount > 0 ? c.red('✖') : c.yellow('⚠');
  const summary = `${plural(total, 'problem')} (${plural(result.errorCount, 'error')}, ${plural(result.warningCount, 'warning')}) in ${checked} checked`;
  return `${blocks.join('\n\n')}\n\n${mark} ${c.bold(summary)}\n`;
}

/** One entry per file with diagnostics: path and diagnostics (no text), as `velakit-manifest --format json`. */
export function formatTypesJson(result: TypecheckResult, cwd: string): string {
  return `${JSON.stringify(
    result.files.map((file) => ({ path: displayPath(file.fileName, cwd), diagnostics: file.diagnostics })),
    null,
    2,
  )}\n`;
}

/** GitHub workflow annotations, one per diagnostic, titled `velakit-typecheck(TS2345)`. */
export function formatTypesGithub(result: TypecheckResult, cwd: string, titlePrefix = 'velakit-typecheck'): string {
  const lines = result.files.flatMap((file) =>
    file.diagnostics.map((d) =>
      githubAnnotation(
        d.severity,
        {
          file: displayPath(file.fileName, cwd),
          line: d.start.line,
          column: d.start.column,
          endLine: d.end.line,
          endColumn: d.end.column,
        },
        `${titlePrefix}(${d.code})`,
        d.message,
      ),
    ),
  );
  return lines.length === 0 ? '' : `${lines.join('\n')}\n`;
}

/** The SARIF rule of velakit's own `types-not-installed`. */
function typesNotInstalledRule(id: string, example: TypeDiagnostic): SarifRule {
  const url = `${packageUrl}#when-velakittypes-is-not-installed`;
  const text = 'The app type-checks its code with @velakit/types but cannot resolve the package: it is not installed.';
  const command = 'npm install --save-dev @velakit/types';
  return {
    id,
    name: friendlyName(id),
    shortDescription: { text: '@velakit/types is not installed.' },
    fullDescription: { text },
    help: {
      text: `${text}\n\nHow to fix: install it (${command}).\n\n${url}`,
      markdown: `${text}\n\n**How to fix:** install it (\`${command}\`).\n\n[${typesNotInstalled}](${url})`,
    },
    helpUri: url,
    defaultConfiguration: { level: sarifLevels[example.severity] },
    properties: { tags: ['vela', 'setup'] },
  };
}

/** The SARIF rule of a TypeScript diagnostic code (`TS2345`), or of velakit's own `types-not-installed`. */
export function typeSarifRule(id: string, code: string, example: TypeDiagnostic): SarifRule {
  if (code === typesNotInstalled) return typesNotInstalledRule(id, example);
  const url = `${packageUrl}#diagnostics`;
  const text = `TypeScript diagnostic ${code}, e.g. "${example.message.split('\n')[0]}"`;
  return {
    id,
    name: friendlyName(id),
    shortDescription: { text: `TypeScript ${code}.` },
    fullDescription: { text },
    help: {
      text: `${text}\n\nHow to fix: follow the message at the reported position.\n\n${url}`,
      markdown: `${text}\n\n**How to fix:** follow the message at the reported position.\n\n[${code}](${url})`,
    },
    helpUri: url,
    defaultConfiguration: { level: sarifLevels[example.severity] },
    properties: { tags: ['vela', 'typescript'] },
  };
}

/** SARIF results of a type-check, with the rules they use; `prefix` namespaces the rule ids (`velakit-typecheck/`). */
export function typeSarifParts(result: TypecheckResult, cwd: string, prefix = '', firstRuleIndex = 0) {
  const rules: SarifRule[] = [];
  const index = new Map<string, number>();
  const results = result.files.flatMap((file: TypeFileResult) =>
    file.diagnostics.map((d) => {
      const id = `${prefix}${d.code}`;
      if (!index.has(id)) {
        index.set(id, firstRuleIndex + rules.length);
        rules.push(typeSarifRule(id, d.code, d));
      }
      return sarifResult(
        { ruleId: id, ruleIndex: index.get(id)!, level: sarifLevels[d.severity], message: d.message },
        sarifUri(file.fileName, cwd),
        {
          startLine: d.start.line,
          startColumn: d.start.column,
          endLine: d.end.line,
          endColumn: d.end.column,
        },
      );
    }),
  );
  return { rules, results };
}

/** SARIF 2.1.0 for GitHub code scanning: one run of `velakit-typecheck`, one rule per TypeScript code reported. */
export function formatTypesSarif(result: TypecheckResult, cwd: string, version: string): string {
  const { rules, results } = typeSarifParts(result, cwd);
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'velakit-typecheck', version, informationUri: packageUrl, rules } },
        columnKind: 'utf16CodeUnits',
        originalUriBaseIds: sarifSourceRoot(cwd),
        results,
      },
    ],
  };
  return `${JSON.stringify(sarif, null, 2)}\n`;
}
