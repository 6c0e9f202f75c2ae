// Accents left out: in a chat, "como hago la paginacion" is typed for "cómo hago la paginación".
// Snowball stemmers read a suffix by its accents ("paginación" → "pagin", "paginacion" stays
// "paginacion"), so a word typed without them misses the notes' word altogether.
import { withoutAccents } from './languages.js';
import { typedWord } from './typos.js';

/** Words longer than this are left as typed: two accents on a long word make thousands of spellings. */
const maxWord = 20;

/**
 * Spellings stemmed for one question at most. A question of 47 twenty-letter words of French
 * vowels made 286,000 and held the event loop for half a second; an ordinary word makes a few
 * dozen to a few hundred.
 */
export const maxSpellingsPerQuestion = 3000;

/** Each plain letter with the accented letters of the language that stand on it ("n" → "ñ"). */
function byPlainLetter(letters: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const letter of letters) {
    // "ø" has no plain letter in Unicode's decomposition; it stands on "o" all the same.
    const plain = letter === 'ø' ? 'o' : withoutAccents(letter);
    if (plain === letter || plain.length !== 1) continue;
    out.set(plain, [...(out.get(plain) ?? []), letter]);
  }
  return out;
}

/** The spellings of a word with one accent more, each letter keeping its case. */
function oneAccentMore(word: string, accented: Map<string, string[]>): string[] {
  const out: string[] = [];
  for (let i = 0; i < word.length; i++) {
    const letter = word[i]!;
    const lower = letter.toLowerCase();
    for (const mark of accented.get(lower) ?? []) {
      const replaced = letter === lower ? mark : mark.toUpperCase();
      out.push(word.slice(0, i) + replaced + word.slice(i + 1));
    }
  }
  return out;
}

/**
 * The question with each word the notes never use spelt with the accents the notes give it
 * ("paginacion" → "paginación", "telecharger" → "télécharger"): one of the language's accented
 * `letters` put in, else two, when exactly one of the notes' stems comes of it. Words the notes
 * use, and words whose accents could make several of the notes' words, are left as typed. `known`
 * says whether the notes use a stem.
 */
export function restoreAccents(
  question: string,
  letters: string,
  known: (stem: string) => boolean,
  stemOf: (word: string) => string,
): string {
  const accented = byPlainLetter(letters);
  if (accented.size === 0) return question;
  let budget = maxSpellingsPerQuestion;
  // The spellings if the question's budget still covers them, else none (the word stays as typed).
  const afforded = (spellings: string[]): string[] => {
    if (spellings.length > budget) return [];
    budget -= spellings.length;
    return spellings;
  };
  return question.replace(typedWord, (typed) => {
    if (typed.length < 3 || typed.length > maxWord || known(stemOf(typed))) return typed;
    const single = afforded(oneAccentMore(typed, accented));
    const once = onlyKnown(single, known, stemOf);
    if (once !== undefined) return once ?? typed;
    // Two accents make fewer spellings than the square of one accent's: no more is built than that allows.
    if (single.length * single.length > budget) return typed;
    const double = afforded(single.flatMap((s) => oneAccentMore(s, accented)));
    return onlyKnown(double, known, stemOf) ?? typed;
  });
}

/** The spelling whose stem the notes use when exactly one stem comes of them; null for several, undefined for none. */
function onlyKnown(
  spellings: string[],
  known: (stem: string) => boolean,
  stemOf: (word: string) => string,
): string | null | undefined {
  const stems = new Map<string, string>();
  for (const spelling of spellings) {
    const stem = stemOf(spelling);
    if (known(stem)) stems.set(stem, spelling);
  }
  if (stems.size === 0) return undefined;
  return stems.size === 1 ? [...stems.values()][0]! : null;
}
