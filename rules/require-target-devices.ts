import { deviceIds, devicesLacking, findModule } from '@velakit/catalog';
import { appSourcesFor } from './utils/app-sources.js';
import { findMember, memberValue } from './utils/json-ast.js';
import { createJsonRule, type JsonSuggestions } from './utils/rule.js';
import { deviceList, listAnd as listWords } from '@velakit/catalog';

type MessageIds = 'noTargetDevices' | 'addSupporting';

/** How many device names a message spells out before it says "and N more". */
const namedDevices = 3;

function indentAt(text: string, offset: number): string {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  return /^[ \t]*/u.exec(text.slice(lineStart, offset))![0];
}

export default createJsonRule<[], MessageIds>({
  name: 'require-target-devices',
  meta: {
    type: 'suggestion',
    docs: {
      description:
        'Require `targetDevices` in `manifest.json` when the app uses modules some devices lack, with a suggestion listing the devices that have them all',
      recommended: 'recommended',
      language: 'json',
      readsManifest: true,
    },
    hasSuggestions: true,
    schema: [],
    messages: {
      noTargetDevices:
        'No targetDevices: every known device is a target, and {{modules}} {{verb}} missing on {{count}} of {{total}} ({{some}}). List the ids of the devices the app is for (`velakit devices` shows them).',
      addSupporting: 'Add targetDevices with the {{count}} devices that have every module the app uses: {{devices}}.',
    },
  },
  create(context) {
    return {
      Document(node) {
        const document = node.body;
        if (document?.type !== 'Object' || memberValue(document, 'targetDevices') !== undefined) return;
        const sources = appSourcesFor(context);
        const partial = [...sources.imported]
          .map((name) => findModule(name))
          .filter((module) => module !== undefined && devicesLacking(module.support, deviceIds).length > 0)
          .sort((a, b) => a!.name.localeCompare(b!.name));
        if (partial.length === 0) return;
        const lacking = deviceIds.filter((id) =>
          partial.some((module) => devicesLacking(module!.support, [id]).length > 0),
        );
        const supporting = deviceIds.filter((id) => !lacking.includes(id));
        const text = context.sourceCode.text;
        const after = findMember(document, 'deviceTypeList') ?? document.members.at(-1);
        const suggest: JsonSuggestions<MessageIds> = [];
        if (after && supporting.length > 0) {
          const indent = indentAt(text, after.name.loc.start.offset);
          const list = supporting.map((id) => `${indent}  "${id}"`).join(',\n');
          suggest.push({
            messageId: 'addSupporting',
            data: { count: String(supporting.length), devices: deviceList(supporting) },
            fix: (fixer) =>
              fixer.insertTextAfterRange(
                [after.value.loc.end.offset, after.value.loc.end.offset],
                `,\n${indent}"targetDevices": [\n${list}\n${indent}]`,
              ),
          });
        }
        const start = document.loc.start;
        context.report({
          loc: {
            start: { line: start.line, column: start.column },
            end: { line: start.line, column: start.column + 1 },
          },
          messageId: 'noTargetDevices',
          data: {
            modules: listWords(partial.map((module) => `\`@${module!.name}\``)),
            verb: partial.length === 1 ? 'is' : 'are',
            count: String(lacking.length),
            total: String(deviceIds.length),
            some: deviceList(lacking, namedDevices),
          },
          suggest,
        });
      },
    };
  },
});
