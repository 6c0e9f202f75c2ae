import { englishTerms } from './text.js';

// Words within one or two edits of a question word the notes never use. MiniSearch's radix-tree
// walk (`SearchableMap.fuzzyGet`) finds them exactly but visits much of the vocabulary, about
// 0.2 ms per word on our notes, the slowest step of a long chatty question. This finds the same
// words, with the same Levenshtein distances, from a letter-pair index: two words within k edits
// share at least max(length) − 1 − 2k letter pairs (each edit breaks at most two), so only words
// that share that many are compared letter by letter.

const pairsOf = (word: string): Map<string, number> => {
  const pairs = new Map<string, number>();
  for (let i = 0; i + 1 < word.length; i++) {
    const pair = word.slice(i, i + 2);
    pairs.set(pair, (pairs.get(pair) ?? 0) + 1);
  }
  return pairs;
};

/** Levenshtein distance of a and b if it is at most `max`, else max + 1 (rows are scratch space). */
function boundedDistance(a: string, b: string, max: number, rowA: Uint8Array, rowB: Uint8Array): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let previous = rowA;
  let row = rowB;
  for (let j = 0; j <= b.length; j++) previous[j] = j;
  for (let i = 1; i <= a.length; i++) {
    row[0] = i;
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      const value = Math.min(previous[j - 1]! + cost, previous[j]! + 1, row[j - 1]! + 1);
      row[j] = value;
      if (value < best) best = value;
    }
    if (best > max) return max + 1;
    [previous, row] = [row, previous];
  }
  return previous[b.length]!;
}

export class TypoIndex {
  private readonly words: string[];
  /** Letter pair → ids of the words containing it, once per occurrence, ascending. */
  private readonly postings = new Map<string, Uint32Array>();
  private readonly shared: Uint16Array;
  private readonly touched: Uint32Array;

  constructor(words: Iterable<string>) {
    this.words = [...words];
    const lists = new Map<string, number[]>();
    this.words.forEach((word, id) => {
      for (const [pair, count] of pairsOf(word)) {
        let list = lists.get(pair);
        if (!list) lists.set(pair, (list = []));
        for (let c = 0; c < count; c++) list.push(id);
      }
    });
    // Ids were pushed in ascending order, so each list is sorted and a word's repeats are adjacent.
    for (const [pair, ids] of lists) this.postings.set(pair, Uint32Array.from(ids));
    this.shared = new Uint16Array(this.words.length);
    this.touched = new Uint32Array(this.words.length);
  }

  /** Every word within `maxDistance` edits of `query`, with its distance (as `fuzzyGet` gives them). */
  near(query: string, maxDistance: number): Map<string, number> {
    const found = new Map<string, number>();
    const { shared, touched, words } = this;
    let touchedCount = 0;
    for (const [pair, count] of pairsOf(query)) {
      const ids = this.postings.get(pair);
      if (!ids) continue;
      for (let k = 0; k < ids.length; ) {
        const id = ids[k]!;
        let run = 0;
        while (k < ids.length && ids[k] === id) {
          run++;
          k++;
        }
        if (shared[id] === 0) touched[touchedCount++] = id;
        shared[id] = shared[id]! + Math.min(run, count);
      }
    }
    const row = new Uint8Array(query.length + maxDistance + 2);
    const previous = new Uint8Array(query.length + maxDistance + 2);
    for (let t = 0; t < touchedCount; t++) {
      const id = touched[t]!;
      const word = words[id]!;
      const needed = Math.max(word.length, query.length) - 1 - 2 * maxDistance;
      if (shared[id]! >= needed) {
        const distance = boundedDistance(word, query, maxDistance, row, previous);
        if (distance <= maxDistance) found.set(word, distance);
      }
      shared[id] = 0;
    }
    // Short words may share no letter pair at all and still be close: compare them directly.
    if (query.length - 1 - 2 * maxDistance <= 0) {
      for (const word of words) {
        if (found.has(word) || Math.abs(word.length - query.length) > maxDistance) continue;
        const distance = boundedDistance(word, query, maxDistance, row, previous);
        if (distance <= maxDistance) found.set(word, distance);
      }
    }
    return found;
  }
}

// The index holds stems, so a typo inside an inflected word is often far from every stem:
// "encodnig" is three edits from "encod", one swap from "encoding". Such a word is corrected as
// typed: the English words one edit away whose stem the notes use, neighbour swaps (the commonest
// slip) first, then one letter left out, added or changed; a correction is taken only when it is
// the only one of its kind.
export const letters = 'abcdefghijklmnopqrstuvwxyz';
/** The word with each two neighbouring letters swapped. */
export const swapsOfWord = (w: string): string[] =>
  Array.from({ length: w.length - 1 }, (_, i) => w.slice(0, i) + w[i + 1] + w[i] + w.slice(i + 2));
// A changed letter is taken only for a neighbour on the keyboard ("instanse"), so a name the notes
// lack is not turned into an English word ("postgres" is not "postures").
const keyRows = ['qwertyuiop', 'asdfghjkl', 'zxcvbnm'];
const neighbours = (c: string): string => {
  const row = keyRows.findIndex((r) => r.includes(c));
  if (row < 0) return '';
  const at = keyRows[row]!.indexOf(c);
  const around = (r: number) => keyRows[r]?.slice(Math.max(0, at - 1), at + 2) ?? '';
  return (around(row - 1) + around(row) + around(row + 1)).replace(c, '');
};
// A letter typed once where the word doubles it, or twice where it has one ("suport", "biling",
// "autoscalling"): the commonest slip after a swap, taken before any other single edit, which
// may find another word too ("sport", "filing").
function doublingsOfWord(w: string): string[] {
  const edits: string[] = [];
  for (let i = 0; i < w.length; i++) {
    if (w[i] === w[i + 1]) edits.push(w.slice(0, i) + w.slice(i + 1));
    else edits.push(w.slice(0, i + 1) + w[i] + w.slice(i + 1));
  }
  return edits;
}
// Not the first letter: a letter more, less or other there makes another name ("kserve" is not
// "serve"), and people seldom slip on the letter a word starts with.
function editsOfWord(w: string): string[] {
  const edits: string[] = [];
  for (let i = 1; i <= w.length; i++) {
    if (i < w.length) edits.push(w.slice(0, i) + w.slice(i + 1));
    for (const c of letters) edits.push(w.slice(0, i) + c + w.slice(i));
    if (i < w.length) for (const c of neighbours(w[i]!)) edits.push(w.slice(0, i) + c + w.slice(i + 1));
  }
  return edits;
}

/** Words of at least this many letters are corrected; shorter ones have too many neighbours. */
const minTypedTypo = 5;
/**
 * Longer words are left as typed: the longest English word of the list has 28 letters, so a typo
 * of one has at most 29. Without a cap a 1,000-letter "word" made ~53,000 edits of 1,000
 * characters each, ~1 s of blocked event loop per question (found by the 10,000-question fuzz).
 */
const maxTypedTypo = 30;
// A word alone or a part of a name joined by "-" or "_" ("p-vaule", "prepare_modle"); not a part after
// a dot (a file type or member: "app.js") nor one run into digits ("r7g").
export const typedWord = /(?<![\p{L}\p{N}'’.])\p{L}+(?![\p{L}\p{N}'’]|\.\p{L})/gu;

/**
 * A name typed with a letter doubled whose stem the notes happen to use for another word:
 * "autoscalling" stems to "autoscal", the stem of "autoscaler", while "autoscaling" stems to
 * "autosc". The one word with a doubled letter made single whose stem, another than the typed
 * word's, the notes use; else undefined. Only doubled letters are undone: adding one would turn a
 * name spelt right ("autoscaling") into another ("autoscalling", read as "autoscaler").
 */
function undoubledName(
  word: string,
  known: (stem: string) => boolean,
  stemOf: (word: string) => string,
): string | undefined {
  if (!/(.)\1/.test(word)) return undefined;
  const own = stemOf(word);
  const undoubled = doublingsOfWord(word).filter((edit) => edit.length < word.length);
  const stems = byStem(undoubled, (edit) => stemOf(edit) !== own && known(stemOf(edit)), stemOf);
  return stems.size === 1 ? [...stems.values()][0] : undefined;
}

/** The edits the test keeps, one for each stem (edits sharing a stem are one correction). */
function byStem(edits: string[], keep: (edit: string) => boolean, stemOf: (word: string) => string) {
  const stems = new Map<string, string>();
  for (const edit of edits) if (keep(edit)) stems.set(stemOf(edit), edit);
  return stems;
}

/**
 * The question with each typo of an English word the notes use spelt right ("regoins" →
 * "regions", "sustainabilty" → "sustainability"). `known` says whether the notes use a stem;
 * words the notes use, English words and words with no single correction are left as typed.
 * A rare English word (not `everyday`) the notes never use is taken for a swap or a doubling slip
 * of an everyday word they do use, when it is the only one ("biling" → "billing": the word list
 * holds "biling", as it holds many typos that made it into print).
 */
export function correctTypedWords(
  question: string,
  known: (stem: string) => boolean,
  stemOf: (word: string) => string,
  isWord: (word: string) => boolean,
  everyday?: (word: string) => boolean,
): string {
  return question.replace(typedWord, (typed) => {
    const word = typed.toLowerCase();
    if (
      word.length < minTypedTypo ||
      word.length > maxTypedTypo ||
      !/^[a-z]+$/.test(word) ||
      !englishTerms.queryTerm(word)
    )
      return typed;
    if (known(stemOf(word))) return isWord(word) ? typed : (undoubledName(word, known, stemOf) ?? typed);
    const rare = isWord(word);
    if (rare && (!everyday || everyday(word))) return typed;
    const tiers = rare
      ? [swapsOfWord(word), doublingsOfWord(word)]
      : [swapsOfWord(word), doublingsOfWord(word), editsOfWord(word)];
    const meant = (edit: string) => isWord(edit) && known(stemOf(edit)) && (!rare || everyday!(edit));
    for (const tier of tiers) {
      const stems = byStem(tier, meant, stemOf);
      if (stems.size === 1) return [...stems.values()][0]!;
      if (stems.size > 1) return typed;
    }
    return typed;
  });
}
