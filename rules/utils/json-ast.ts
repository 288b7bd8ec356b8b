/** The few Momoa node shapes (the AST of @eslint/json) the manifest rules walk. */
export interface JsonLocation {
  readonly line: number;
  readonly column: number;
  readonly offset: number;
}

export interface JsonNode {
  readonly type: string;
  readonly loc: { readonly start: JsonLocation; readonly end: JsonLocation };
  readonly range?: readonly [number, number];
  readonly body?: JsonNode;
  readonly members?: readonly { readonly name: JsonNode & { readonly value: string }; readonly value: JsonNode }[];
  readonly elements?: readonly { readonly value: JsonNode; readonly loc: JsonNode['loc'] }[];
  readonly value?: unknown;
}

/** The value of `key` in a JSON object node, if the node is an object that has it. */
export function memberValue(node: JsonNode | undefined, key: string): JsonNode | undefined {
  if (node?.type !== 'Object') return undefined;
  return node.members?.find((member) => member.name.value === key)?.value;
}
