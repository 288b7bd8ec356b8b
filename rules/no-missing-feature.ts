import { findModule } from '@velakit/catalog';
import { misspelledFeature } from '@velakit/manifest';
import { appSourcesFor } from './utils/app-sources.js';
import { findMember, memberValue, stringValue, type ValueNode } from './utils/json-ast.js';
import { createJsonRule, type JsonFixer } from './utils/rule.js';
import { listAnd as listWords } from '@velakit/catalog';

type MessageIds = 'missingFeatures';

/** The whitespace a line starts with, up to `offset`. */
function indentAt(text: string, offset: number): string {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  return /^[ \t]*/u.exec(text.slice(lineStart, offset))![0];
}

/**
 * The entries that misspell a missing module (`"system.storge"` for `system.storage`, as valid-manifest suggests):
 * the fix writes the module's name in their place rather than adding an entry beside the slip.
 */
function slipsOf(elements: readonly { value: ValueNode }[], missing: readonly string[]): Map<string, ValueNode> {
  const slips = new Map<string, ValueNode>();
  for (const element of elements) {
    const node = memberValue(element.value, 'name');
    const name = stringValue(node);
    const meant = name === undefined ? undefined : misspelledFeature(name);
    if (node && meant !== undefined && missing.includes(meant) && !slips.has(meant)) slips.set(meant, node);
  }
  return slips;
}

/** What the message says of the slips (`, where "system.storge" misspells it`) and of what `--fix` does. */
function fixWords(
  missing: readonly string[],
  slips: ReadonlyMap<string, ValueNode>,
  added: readonly string[],
): { slips: string; fixes: string } {
  const written = listWords([...slips.values()].map((node) => `"${stringValue(node)!}"`));
  const meant = listWords([...slips.keys()].map((name) => `\`${name}\``));
  const adds =
    added.length === 0
      ? ''
      : added.length === 1
        ? `adds \`{ "name": "${added[0]!}" }\``
        : `adds ${slips.size === 0 ? 'their' : "the others'"} \`{ "name": ... }\` entries`;
  if (slips.size === 0) return { slips: '', fixes: adds };
  const corrects =
    slips.size === 1 && missing.length === 1
      ? `writes \`${missing[0]!}\` in its place`
      : `corrects ${slips.size === 1 ? 'the misspelled name' : 'the misspelled names'}`;
  return {
    slips: ` (features has ${written}, ${slips.size === 1 ? 'a misspelling' : 'misspellings'} of ${meant})`,
    fixes: adds === '' ? corrects : `${corrects} and ${adds}`,
  };
}

export default createJsonRule<[], MessageIds>({
  name: 'no-missing-feature',
  meta: {
    type: 'suggestion',
    docs: {
      description:
        "Require `manifest.json` to declare every `@system.*` module the app's sources import, with a fix that adds the entries",
      recommended: 'recommended',
      language: 'json',
      readsManifest: true,
    },
    fixable: 'code',
    schema: [],
    messages: {
      missingFeatures:
        "{{modules}} {{verb}} imported by the app's sources but not declared in features{{slips}}. The Vela docs require declaring every module an app uses; the build adds missing ones with a warning. `eslint --fix` {{fixes}}.",
    },
  },
  create(context) {
    return {
      Document(node) {
        const document = node.body;
        if (document?.type !== 'Object') return;
        const features = memberValue(document, 'features');
        // A `features` that is not a list is the schema's to report.
        if (features !== undefined && features.type !== 'Array') return;
        // An entry written as the import specifier ("@system.request") declares nothing, but it is valid-manifest's
        // to report, with the name as its fix: adding a second entry here would leave the two to clash.
        const declared = new Set(
          (features?.elements ?? [])
            .map((element) => stringValue(memberValue(element.value, 'name')))
            .filter((name) => name !== undefined)
            .map((name) => (name.startsWith('@') ? name.slice(1) : name)),
        );
        const sources = appSourcesFor(context);
        const missing = [...sources.imported]
          .filter((name) => findModule(name)?.requiresDeclaration === true && !declared.has(name))
          .sort();
        if (missing.length === 0) return;
        const slips = slipsOf(features?.elements ?? [], missing);
        const added = missing.filter((name) => !slips.has(name));
        const text = context.sourceCode.text;
        const entries = (indent: string): string => added.map((name) => `${indent}{ "name": "${name}" }`).join(',\n');
        // The fix writes the file's own line ends: a CRLF manifest stays CRLF.
        const lineEnds = (inserted: string): string =>
          text.includes('\r\n') ? inserted.replaceAll('\n', '\r\n') : inserted;
        const addEntries = (fixer: JsonFixer) => {
          const members = document.members;
          if (features?.type === 'Array') {
            const elements = features.elements;
            const last = elements.at(-1);
            if (last)
              return fixer.insertTextAfterRange(
                [last.loc.end.offset, last.loc.end.offset],
                lineEnds(`,\n${entries(indentAt(text, last.loc.start.offset))}`),
              );
            const owner = members.find((member) => member.value === features)!;
            const inner = `${indentAt(text, owner.name.loc.start.offset)}  `;
            return fixer.replaceTextRange(
              [features.loc.start.offset, features.loc.end.offset],
              lineEnds(`[\n${entries(inner)}\n${inner.slice(2)}]`),
            );
          }
          const last = members.at(-1);
          if (!last)
            return fixer.replaceTextRange(
              [document.loc.start.offset, document.loc.end.offset],
              lineEnds(`{\n  "features": [\n${entries('    ')}\n  ]\n}`),
            );
          const indent = indentAt(text, last.name.loc.start.offset);
          return fixer.insertTextAfterRange(
            [last.value.loc.end.offset, last.value.loc.end.offset],
            lineEnds(`,\n${indent}"features": [\n${entries(`${indent}  `)}\n${indent}]`),
          );
        };
        const fix = (fixer: JsonFixer) => {
          const renames = [...slips].map(([name, node]) =>
            fixer.replaceTextRange([node.loc.start.offset, node.loc.end.offset], `"${name}"`),
          );
          return added.length === 0 ? renames : [...renames, addEntries(fixer)];
        };
        const words = fixWords(missing, slips, added);
        const owner = findMember(document, 'features');
        const at = owner ? owner.name.loc : document.loc;
        const loc = owner
          ? at
          : { start: document.loc.start, end: { ...document.loc.start, column: document.loc.start.column + 1 } };
        context.report({
          loc: {
            start: { line: loc.start.line, column: loc.start.column },
            end: { line: loc.end.line, column: loc.end.column },
          },
          messageId: 'missingFeatures',
          data: {
            modules: listWords(missing.map((name) => `\`@${name}\``)),
            verb: missing.length === 1 ? 'is' : 'are',
            slips: words.slips,
            fixes: words.fixes,
          },
          fix,
        });
      },
    };
  },
});
