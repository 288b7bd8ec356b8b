import type { DocumentNode, LocationRange, MemberNode, ObjectNode, ValueNode } from '@humanwhocodes/momoa';
import { segmentsOf } from './pointer.js';

/**
 * Which part of the node at a pointer a diagnostic underlines.
 * - `value`: the value itself.
 * - `key`: the member name that holds the value (a misspelt or unwanted property).
 * - `owner`: for something missing from an object: the name of the member holding the object, or its `{`.
 */
export type Anchor = 'value' | 'key' | 'owner';

interface Found {
  node: ValueNode;
  /** The member whose value `node` is, when its parent is an object. */
  member: MemberNode | undefined;
}

/**
 * The members of each object by key, listed the first time a pointer goes through it: N diagnostics in one object
 * cost one pass over its members, not N.
 */
const membersByObject = new WeakMap<ObjectNode, Map<string, MemberNode>>();

function membersOf(node: ObjectNode): Map<string, MemberNode> {
  let members = membersByObject.get(node);
  if (members === undefined) {
    // JSON.parse keeps the last of duplicate keys, so the last member is the one that was validated.
    members = new Map(node.members.map((member) => [keyOf(member), member]));
    membersByObject.set(node, members);
  }
  return members;
}

/** Walks a pointer down the tree; stops at the deepest node that exists. */
function walk(document: DocumentNode, pointer: string): Found {
  let found: Found = { node: document.body, member: undefined };
  for (const segment of segmentsOf(pointer)) {
    const node = found.node;
    if (node.type === 'Object') {
      const member = membersOf(node).get(segment);
      if (member === undefined) return found;
      found = { node: member.value, member };
    } else if (node.type === 'Array') {
      const element = /^\d+$/u.test(segment) ? node.elements[Number(segment)] : undefined;
      if (element === undefined) return found;
      found = { node: element.value, member: undefined };
    } else {
      return found;
    }
  }
  return found;
}

export function keyOf(member: MemberNode): string {
  return member.name.type === 'String' ? member.name.value : member.name.name;
}

export function locate(document: DocumentNode, pointer: string, anchor: Anchor): LocationRange {
  const { node, member } = walk(document, pointer);
  if (anchor === 'key' && member !== undefined) return member.name.loc;
  if (anchor === 'owner') {
    if (member !== undefined) return member.name.loc;
    const start = node.loc.start;
    return { start, end: { line: start.line, column: start.column + 1, offset: start.offset + 1 } };
  }
  return node.loc;
}
