import type { JSONSyntaxElement } from '@eslint/json';

// The manifest rules walk @eslint/json's AST (Momoa's), typed by the node types @eslint/json itself exports.
type JsonNode<Type extends string> = Extract<JSONSyntaxElement, { type: Type }>;
export type DocumentNode = JsonNode<'Document'>;
export type ValueNode = DocumentNode['body'];
export type ObjectNode = JsonNode<'Object'>;
export type MemberNode = JsonNode<'Member'>;

/** A member's key: a string, or a JSON5 identifier. */
export function memberKey(member: MemberNode): string {
  return member.name.type === 'String' ? member.name.value : member.name.name;
}

/** The member `key` of a JSON object node, if the node is an object that has it. */
export function findMember(node: ValueNode | undefined, key: string): MemberNode | undefined {
  if (node?.type !== 'Object') return undefined;
  return node.members.find((member) => memberKey(member) === key);
}

/** The value of `key` in a JSON object node, if the node is an object that has it. */
export function memberValue(node: ValueNode | undefined, key: string): ValueNode | undefined {
  return findMember(node, key)?.value;
}

/** The text of a JSON string node; undefined for any other node. */
export function stringValue(node: ValueNode | undefined): string | undefined {
  return node?.type === 'String' ? node.value : undefined;
}
