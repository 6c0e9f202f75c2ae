import { eng } from 'stopword';
import { wordsOf } from './quality.js';

/**
 * Answers to a term card that teach nothing beyond the term's name (round 10's rejections):
 * the name said again in other words, a switch described only as turning on its own check, or a
 * garbled line that repeats itself.
 */

const stop = new Set([...eng, 'may', 'might', 'can', 'could', 'will', 'would', 'e', 'g']);
const hanChars = (s: string): string[] => s.match(/\p{Script=Han}/gu) ?? [];

/** "pointer" and "point", "checks" and "check": one word the start of the other, four letters or more. */
const sameStem = (a: string, b: string): boolean => {
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  return short.length >= 4 ? long.startsWith(short) : short === long;
};

/**
 * Most of the answer's content words are the term's own (camelCase split): "A pointer may point to
 * an object, i.e., store the address of an object" under "Object pointers". For Chinese answers,
 * most of its characters are the term's (a Chinese term said again).
 */
export function restatesTerm(answer: string, term: string): boolean {
  const termWords = wordsOf(term).filter((w) => w.length >= 3);
  const words = wordsOf(answer).filter((w) => !stop.has(w) && w.length >= 2);
  const chars = hanChars(answer);
  if (chars.length > 0) {
    const termChars = new Set(hanChars(term));
    return termChars.size > 0 && chars.filter((c) => termChars.has(c)).length * 2 >= chars.length;
  }
  if (termWords.length === 0 || words.length === 0) return false;
  return words.filter((w) => termWords.some((t) => sameStem(w, t))).length * 2 >= words.length;
}

/**
 * An English answer that leaves out a word of the term talks about something broader: "A member
 * variable/function may be an attribute/operation of a class" under "Static members".
 */
export function missesTermWord(answer: string, term: string): boolean {
  if (hanChars(answer).length > 0) return false;
  const words = wordsOf(answer);
  return wordsOf(term)
    .filter((t) => t.length >= 3 && !stop.has(t))
    .some((t) => !words.some((w) => sameStem(w, t)));
}

/**
 * A setting described only as switching its own check on ("設定是否啟用嚴格的屬性初始化檢查" for
 * `strictPropertyInitialization`, "Whether to enable strict null checks"): the option's name in
 * a sentence, not what the check does.
 */
const switchesACheck =
  /^(?:設定|設置)?是否.*(?:檢查|校驗)(?:選項)?$|^(?:sets?\s+)?whether\b.*\bcheck(?:s|ing)?$|^(?:enables?|turns?\s+on)\b.*\bcheck(?:s|ing)?$/iu;
export const onlySwitchesACheck = (answer: string): boolean => switchesACheck.test(answer.trim());

/**
 * A phrase said twice in a row, a garbled source line: "會收到一封會收到一封" (three Chinese
 * characters or more), "the page the page" (two words or more). A loop, not a backreference regex,
 * so it stays linear in practice (answers are at most 140 characters).
 */
export function repeatsPhrase(text: string): boolean {
  const chars = [...text];
  for (let size = 3; size * 2 <= chars.length; size++)
    for (let at = 0; at + size * 2 <= chars.length; at++) {
      const unit = chars.slice(at, at + size);
      if (!unit.every((c) => /\p{Script=Han}/u.test(c))) continue;
      if (unit.join('') === chars.slice(at + size, at + size * 2).join('')) return true;
    }
  const words = text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  for (let size = 2; size * 2 <= words.length; size++)
    for (let at = 0; at + size * 2 <= words.length; at++)
      if (words.slice(at, at + size).join(' ') === words.slice(at + size, at + size * 2).join(' ')) return true;
  return false;
}
