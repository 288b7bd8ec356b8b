import { didYouMeanSentence, editDistance, listAnd, permissionNames } from '@velakit/catalog';
import { arrayAt, isObject } from '../json-value.js';
import { pointerOf } from '../pointer.js';
import type { CheckContext } from './context.js';

const documented: readonly string[] = permissionNames;

/** The part after the last dot: `LOCATION` of `hapjs.permission.LOCATION`. */
function lastPart(name: string): string {
  return name.slice(name.lastIndexOf('.') + 1);
}

/**
 * The documented name `name` is a misspelling of, if any. Only close spellings, compared case-blind: the whole name a
 * few edits away (`hapjs.permission.LOCATON`, `hapjs.permissions.LOCATION`), or its last part (`LOCATION` alone). A
 * name far from both (`hapjs.permission.CAMERA`) gets no suggestion: LOCATION would be a guess.
 */
export function suggestPermission(name: string): string | undefined {
  const wanted = name.toLowerCase();
  const wantedLast = lastPart(wanted);
  const limit = Math.max(2, Math.floor(wantedLast.length / 3));
  let best: { name: string; distance: number } | undefined;
  for (const candidate of documented) {
    const lower = candidate.toLowerCase();
    const distance = Math.min(
      editDistance(wanted, lower, limit),
      wantedLast.length === 0 ? limit + 1 : editDistance(wantedLast, lastPart(lower), limit),
    );
    if (distance <= limit && (best === undefined || distance < best.distance)) best = { name: candidate, distance };
  }
  return best?.name;
}

/**
 * Every `permissions[].name` is one the Vela docs list. The docs' permission table is the whole list (the two
 * permissions and the five methods that check them), so another name makes no documented API work: a close one is
 * a typo (with the fix), a far one is reported too, as a warning only, since a firmware may know permissions the docs
 * do not list.
 */
export function checkPermissionNames({ manifest, reporter }: CheckContext): void {
  const entries = arrayAt(manifest, 'permissions');
  if (entries === undefined) return;
  for (let index = 0; index < entries.length; index++) {
    const entry = entries[index];
    // Entries without a string name, and empty names, are the schema's to report.
    if (!isObject(entry) || typeof entry.name !== 'string' || entry.name === '') continue;
    if (documented.includes(entry.name)) continue;
    reportUnknown(reporter, entry.name, index);
  }
}

function reportUnknown(reporter: CheckContext['reporter'], name: string, index: number): void {
  const suggestion = suggestPermission(name);
  const message =
    suggestion === undefined
      ? `"${name}" is not a permission velakit knows: the Vela docs list only ${listAnd(documented.map((known) => `"${known}"`))}, and no API they document checks another.`
      : `"${name}" is not a permission the Vela docs list.${didYouMeanSentence([suggestion])}`;
  reporter.report(
    'unknown-permission',
    message,
    pointerOf('permissions', index, 'name'),
    suggestion === undefined ? {} : { suggestion },
  );
}
