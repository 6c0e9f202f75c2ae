import type { SearchIndex } from './index.js';

// Chat drops spaces: "tradeoff" for the notes' "trade-off", "timeseries" for "time series". A word
// the notes never use is respaced the way the notes write it, before the question is split into
// terms, so the words weigh and count as if typed that way.

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

// A word standing alone, lower-case but for its first letter: "ReplicaSet" and "DeleteObject" are
// names typed as such, and a part of "r7g.4xlarge" or "batch_size" belongs to its identifier.
const typedWord = /(?<![\p{L}\p{N}'’._-])\p{Lu}?[a-z]+(?![\p{L}\p{N}'’_-]|\.\p{L})/gu;

/**
 * The question with each word the notes never use that runs together two words they write side
 * by side split the way they write it ("timeseries" → "time series", "tradeoff" → "trade off").
 */
export function respace(index: SearchIndex, question: string): string {
  return question.replace(typedWord, (typed) => {
    const word = typed.toLowerCase();
    const term = index.terms.queryTerm(word);
    return term === null || index.docFreq.has(term) ? typed : (split(index, word) ?? typed);
  });
}
