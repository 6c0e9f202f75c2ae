import type { SearchIndex } from './index.js';

// Chat drops and adds spaces: "tradeoff" for the notes' "trade-off", "timeseries" for "time
// series", "deep ar" for "DeepAR". A word the notes never use is respaced the way the notes write
// it, before the question is split into terms, so the words weigh and count as if typed that way.

/** Sections read to see whether the notes write two words side by side. */
const maxSectionsRead = 20;
const remembered = new WeakMap<SearchIndex, Map<string, boolean>>();

const isLetter = (text: string, at: number): boolean => /\p{L}/u.test(text[at] ?? '');

/** Whether `text` holds the two words whole, side by side ("time series", "trade-off"; not "test policy" for "st po"). */
function sideBySideIn(text: string, first: string, second: string): boolean {
  for (const joint of [' ', '-']) {
    const pair = first + joint + second;
    for (let at = text.indexOf(pair); at >= 0; at = text.indexOf(pair, at + 1))
      if (!isLetter(text, at - 1) && !isLetter(text, at + pair.length)) return true;
  }
  return false;
}

/** Whether the notes write `first` and `second` side by side ("time series", "trade-off"), read from a few sections using both. */
function writtenApart(index: SearchIndex, first: string, second: string): boolean {
  let known = remembered.get(index);
  if (!known) remembered.set(index, (known = new Map()));
  const key = `${first} ${second}`;
  let apart = known.get(key);
  if (apart === undefined) {
    apart = false;
    const terms = [first, second].map((w) => index.terms.indexTerm(w)).filter((t): t is string => t !== null);
    const rarest = terms.sort((a, b) => (index.docFreq.get(a) ?? 0) - (index.docFreq.get(b) ?? 0))[0];
    if (rarest && terms.every((t) => index.docFreq.has(t))) {
      const ids = index.scores.sectionsWith(rarest);
      for (let i = 0; i < ids.length && i < maxSectionsRead && !apart; i++) {
        const section = index.sections[ids[i]!]!;
        const text = `${section.heading}\n${section.text}`.toLowerCase();
        apart = sideBySideIn(text, first, second);
      }
    }
    if (known.size >= 20_000) known.clear();
    known.set(key, apart);
  }
  return apart;
}

/** Shortest part a run-together word is split into. */
const minPart = 2;
/** Longer words are left as typed (a split tries every place). */
const maxSplit = 30;

/** A word the notes never use, typed as the two words they write side by side, split the way they write it. */
function split(index: SearchIndex, word: string): string | undefined {
  if (word.length > maxSplit) return undefined;
  for (let at = minPart; at <= word.length - minPart; at++) {
    const [first, second] = [word.slice(0, at), word.slice(at)];
    if (writtenApart(index, first, second)) return `${first} ${second}`;
  }
  return undefined;
}

// A word standing alone, lower-case but for its first letter, or all capitals: "ReplicaSet" and
// "DeleteObject" are names typed as such, and a part of "r7g.4xlarge" or "batch_size" belongs to its identifier.
const typedWord = /(?<![\p{L}\p{N}'’._-])(?:\p{Lu}?[a-z0-9]+|[A-Z0-9]+)(?![\p{L}\p{N}'’_-]|\.\p{L})/gu;
const letters = /^[a-z]+$/;

/**
 * The question with words the notes never use respaced as the notes write them: two words run
 * together split ("timeseries" → "time series"), and a word typed apart from the next joined when
 * together they make a word of the notes ("deep ar" → "deepar").
 */
export function respace(index: SearchIndex, question: string): string {
  const unknown = (word: string): boolean => {
    const term = index.terms.queryTerm(word);
    return term !== null && !index.docFreq.has(term);
  };
  const words = [...question.matchAll(typedWord)];
  let respaced = '';
  let from = 0;
  for (let i = 0; i < words.length; i++) {
    const { 0: typed, index: at } = words[i]!;
    const word = typed.toLowerCase();
    respaced += question.slice(from, at);
    from = at + typed.length;
    const next = words[i + 1];
    const nextWord = next?.[0].toLowerCase();
    if (next && nextWord && /^ +$/.test(question.slice(from, next.index)) && (unknown(word) || unknown(nextWord))) {
      const joined = index.terms.indexTerm(word + nextWord);
      if (joined && index.docFreq.has(joined)) {
        respaced += word + nextWord;
        from = next.index + next[0].length;
        i++;
        continue;
      }
    }
    respaced += letters.test(word) && unknown(word) ? (split(index, word) ?? typed) : typed;
  }
  return respaced + question.slice(from);
}
