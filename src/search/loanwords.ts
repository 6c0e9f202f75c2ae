// English loanwords typed in Cyrillic: in a Russian chat "fetcher" is "фетчер" ("без фетчера"),
// "logger" is "логгер", "retry" is "ретрай", while the notes write those names in Latin letters.
// The Russian stemmer leaves such a word alone, so it matched nothing and weighed what the notes'
// rarest word does: "как вырубить ретраи при ошибке" was declined with the right section first.
import { typedWord } from './typos.js';

/**
 * How an English word's letters come out in Cyrillic, read back: each Cyrillic letter with the
 * Latin spellings it stands for in loanwords ("а" is the "u" of "bundle", "ю" the "u" of "user").
 */
const latinOf: Record<string, readonly string[]> = {
  а: ['a', 'u'],
  б: ['b'],
  в: ['v', 'w'],
  г: ['g'],
  д: ['d'],
  е: ['e'],
  ё: ['e', 'o'],
  ж: ['j', 'g'],
  з: ['z', 's'],
  и: ['i', 'e', 'y'],
  й: ['y', 'i'],
  к: ['k', 'c', 'ck'],
  л: ['l'],
  м: ['m'],
  н: ['n'],
  о: ['o'],
  п: ['p'],
  р: ['r'],
  с: ['s', 'c'],
  т: ['t'],
  у: ['u', 'oo'],
  ф: ['f', 'ph'],
  х: ['h'],
  ц: ['ts', 'c'],
  ч: ['ch'],
  ш: ['sh'],
  щ: ['sch'],
  ъ: [''],
  ы: ['y', 'i'],
  ь: [''],
  э: ['e', 'a'],
  ю: ['u', 'yu'],
  я: ['ya', 'ia'],
};

/** Diphthongs an English vowel letter is heard as: "ей" the "a" of "state", "ай" the "y" of "retry". */
const latinOfPair: Record<string, readonly string[]> = {
  ей: ['a', 'ey', 'ei'],
  ай: ['y', 'i', 'ai'],
};

/** Russian endings a loanword takes in a sentence ("фетчера", "логгером", "ретраи"), longest first. */
const endings = ['ами', 'ями', 'ом', 'ем', 'ов', 'ев', 'ам', 'ах', 'а', 'у', 'е', 'ы', 'и', 'ю', 'я'];

/** Spellings tried for one question at most (a ten-letter word of two-way letters makes ~1,000). */
export const maxLatinSpellingsPerQuestion = 4000;

/**
 * The Latin spellings of a Cyrillic word, up to `limit` (none past it). A final consonant may take
 * an English silent "e" ("стейт" → "state"), and a final "-тр"/"-др" … the "-er" Russian drops
 * ("фильтр" → "filter", "параметр" → "parameter").
 */
function latinSpellings(word: string, limit: number): string[] {
  let spellings = [''];
  for (let i = 0; i < word.length; i++) {
    const pair = latinOfPair[word.slice(i, i + 2)];
    const options = pair ?? latinOf[word[i]!];
    if (!options) return [];
    if (pair) i++;
    spellings = spellings.flatMap((s) => options.map((o) => s + o));
    if (spellings.length > limit) return [];
  }
  const consonantEnd = /[^aeiouy]$/.test(spellings[0]!);
  const droppedEr = /[^aeiouy]r$/.test(spellings[0]!);
  if (!consonantEnd || 3 * spellings.length > limit) return spellings;
  return spellings.flatMap((s) => [s, ...(droppedEr ? [`${s.slice(0, -1)}er`] : []), `${s}e`]);
}

/**
 * The word without each case ending it may have, then as typed: an English word seldom ends as a
 * Russian one does ("фетчера" is "fetcher", not "fetchera"). A plural "-и" is read as the "-й" it
 * stands for ("ретраи" → "ретрай").
 */
function bareForms(word: string): string[] {
  const forms: string[] = [];
  for (const ending of endings) {
    if (!word.endsWith(ending) || word.length - ending.length < 4) continue;
    const bare = word.slice(0, -ending.length);
    forms.push(bare);
    if (/[аеоуя]$/.test(bare)) forms.push(`${bare}й`);
  }
  return [...forms, word];
}

/**
 * The question with each Cyrillic word the notes never use written in Latin letters when it reads
 * as exactly one Latin word of the notes (`known` of its stem): "без фетчера" → "без fetcher".
 * Words of fewer than four letters, and words that could be several of the notes' words, stay.
 */
export function latinLoanwords(
  question: string,
  known: (stem: string) => boolean,
  stemOf: (word: string) => string,
): string {
  let budget = maxLatinSpellingsPerQuestion;
  return question.replace(typedWord, (typed) => {
    const lower = typed.toLowerCase();
    if (lower.length < 4 || !/^[а-яё]+$/.test(lower) || known(stemOf(typed))) return typed;
    // The first form that reads as the notes' words decides.
    for (const form of bareForms(lower)) {
      const spellings = latinSpellings(form, budget);
      budget -= spellings.length;
      const found = new Map<string, string>();
      for (const spelling of spellings) {
        const stem = stemOf(spelling);
        if (known(stem) && !found.has(stem)) found.set(stem, spelling);
      }
      if (found.size > 0) return found.size === 1 ? [...found.values()][0]! : typed;
    }
    return typed;
  });
}
