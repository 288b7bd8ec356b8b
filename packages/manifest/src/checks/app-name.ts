import { isObject } from '../json-value.js';
import type { CheckContext } from './context.js';

/** The most Chinese characters the Vela docs allow in the app name. */
const maxAppNameChineseCharacters = 6;

/**
 * A Chinese character: a code point of Unicode's Han script (CJK ideographs of every block and extension, their
 * compatibility forms and radicals, 〇 and 々). Kana, Hangul, CJK punctuation and full-width Latin are not.
 */
const chineseCharacter = /\p{Script=Han}/gu;

/** How many Chinese characters `text` has, each counted once whatever its length in UTF-16 units. */
function chineseCharacterCount(text: string): number {
  return text.match(chineseCharacter)?.length ?? 0;
}

/**
 * The app name is within 6 Chinese characters, as the Vela docs ask: it is shown under the app's icon and in dialogs.
 * The docs state the limit in Chinese characters only, so only those are counted: a Latin name of any length, or one
 * with 6 Chinese characters and other characters beside them, is not reported (no limit the docs state is broken).
 */
export function checkAppName({ manifest, reporter }: CheckContext): void {
  if (!isObject(manifest)) return;
  const name = manifest.name;
  // Other types and the empty string are the schema's to report; a name without 7 characters cannot have 7 Chinese ones.
  if (typeof name !== 'string' || name.length <= maxAppNameChineseCharacters) return;
  const count = chineseCharacterCount(name);
  if (count > maxAppNameChineseCharacters) reportLongName(reporter, name, count);
}

function reportLongName(reporter: CheckContext['reporter'], name: string, count: number): void {
  reporter.report(
    'app-name-too-long',
    `The app name "${name}" has ${count} Chinese characters; the Vela docs ask for at most ${maxAppNameChineseCharacters}, as the name is shown under the app's icon and in dialogs.`,
    '/name',
  );
}
