import type MiniSearch from 'minisearch';

/** One word's MiniSearch scores: the sections it is in (ascending) and its score in each. */
interface Postings {
  ids: Uint32Array;
  scores: Float64Array;
}

export interface WeightedWord {
  term: string;
  /** Multiplies the word's scores, as MiniSearch's `boostTerm`. */
  weight: number;
  /** Score the word in the heading fields only. */
  headingsOnly: boolean;
  /**
   * The question's word this one stands for, when it was added for one (an acronym's long name,
   * a typo's corrections). Words standing for the same question word count as one word found,
   * as MiniSearch counts a query term once however many prefix and fuzzy matches it has: "EKS"
   * spelled out as "Elastic Kubernetes Service" is one word of the question, not four.
   */
  source?: string;
  /**
   * Adds its score but is not counted among the question words found (the OR query's multiplier):
   * a word searched in headings only is found only where a heading names it, so counting it would
   * favour a heading that says a common word over a section whose text says it (DESIGN.md §2.7).
   */
  uncounted?: boolean;
}

export interface RankedSection {
  /** Position of the section in the index. */
  id: number;
  /** MiniSearch's score: the weighted word scores summed, times the number of question words found. */
  score: number;
  /** The words found in the section. */
  terms: string[];
}

/**
 * A collection with at most this many postings has all its words scored when the index is built:
 * our notes have 60,000, the SageMaker guide 380,000; 100,000 sections have about 5 million.
 */
const defaultEagerPostings = 1_000_000;
/** Upper bound of the postings kept, 12 bytes each; words past the eager ones are kept when first asked. */
const defaultMaxPostings = 4_000_000;

/** Whether a collection with this many postings (docFreq plus headingDocFreq) has every word scored when built. */
export const scoredWhenBuilt = (postings: number): boolean =>
  postings <= Math.min(defaultMaxPostings, defaultEagerPostings);
/** Room left in the postings cache once every word is scored. */
export const roomAfter = (postings: number): number => defaultMaxPostings - postings;

export interface WordScoresOptions {
  eagerPostings?: number;
  maxPostings?: number;
  /** Scores kept by an earlier build of the same index (`saved()`): nothing is scored again. */
  saved?: SavedWordScores;
}

/** Many words' postings laid end to end: few large arrays save and load much faster than many small ones. */
export interface PackedPostings {
  terms: string[];
  /** Where each term's postings start; the last entry is the total. */
  starts: Uint32Array;
  ids: Uint32Array;
  scores: Float64Array;
}

/** The words scored so far, for an index saved to disk. */
export interface SavedWordScores {
  all: PackedPostings;
  headings: PackedPostings;
  room: number;
  /** Every word of the index is scored: MiniSearch is never needed again. */
  complete: boolean;
}

function pack(lists: Map<string, Postings>): PackedPostings {
  let total = 0;
  for (const p of lists.values()) total += p.ids.length;
  const packed: PackedPostings = {
    terms: [...lists.keys()],
    starts: new Uint32Array(lists.size + 1),
    ids: new Uint32Array(total),
    scores: new Float64Array(total),
  };
  let at = 0;
  let k = 0;
  for (const p of lists.values()) {
    packed.starts[k++] = at;
    packed.ids.set(p.ids, at);
    packed.scores.set(p.scores, at);
    at += p.ids.length;
  }
  packed.starts[k] = at;
  return packed;
}

function unpack(packed: PackedPostings): Map<string, Postings> {
  const lists = new Map<string, Postings>();
  packed.terms.forEach((term, k) => {
    const from = packed.starts[k]!;
    const to = packed.starts[k + 1]!;
    lists.set(
      term,
      to === from ? none : { ids: packed.ids.subarray(from, to), scores: packed.scores.subarray(from, to) },
    );
  });
  return lists;
}

const none: Postings = { ids: new Uint32Array(0), scores: new Float64Array(0) };

function indexOf(ids: Uint32Array, id: number): number {
  let lo = 0;
  let hi = ids.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const v = ids[mid]!;
    if (v === id) return mid;
    if (v < id) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/**
 * MiniSearch scores a question by allocating a result object per matching section and word and
 * merging them: about 1 µs per posting, most of an answer's time. A word's BM25 score in a
 * section never changes once the index is built, so each word is scored by MiniSearch once and
 * kept as two typed arrays; a question adds up its words' arrays the way MiniSearch combines an
 * OR query (weighted sum, times the number of words found). A small collection's words are all
 * scored when the index is built; a large one's when first asked, while the cache has room; past
 * that, MiniSearch scores them on every question.
 */
export class WordScores {
  private readonly all: Map<string, Postings> = new Map();
  private readonly headings: Map<string, Postings> = new Map();
  private room: number;
  private readonly sheet: ScoreSheet;
  /** Every word of the index is scored (see SavedWordScores). */
  readonly complete: boolean = false;

  constructor(
    private readonly mini: Pick<MiniSearch, 'search'>,
    private readonly headingFields: string[],
    sectionCount: number,
    private readonly docFreq: ReadonlyMap<string, number>,
    private readonly headingDocFreq: ReadonlyMap<string, number>,
    options: WordScoresOptions = {},
  ) {
    this.sheet = new ScoreSheet(sectionCount);
    this.room = options.maxPostings ?? defaultMaxPostings;
    if (options.saved) {
      this.all = unpack(options.saved.all);
      this.headings = unpack(options.saved.headings);
      this.room = options.saved.room;
      this.complete = options.saved.complete;
      return;
    }
    // Scoring a large collection's words up front would cost seconds of start-up and keep lists
    // no question may ever need; there, words are scored as they are asked.
    let total = 0;
    for (const df of docFreq.values()) total += df;
    for (const df of headingDocFreq.values()) total += df;
    if (total <= Math.min(this.room, options.eagerPostings ?? defaultEagerPostings)) {
      for (const term of docFreq.keys()) this.postings(term, false);
      for (const term of headingDocFreq.keys()) this.postings(term, true);
      this.complete = true;
    }
  }

  saved(): SavedWordScores {
    return { all: pack(this.all), headings: pack(this.headings), room: this.room, complete: this.complete };
  }

  private score(term: string, headingsOnly: boolean): Postings {
    // A word the index does not have is in no section: MiniSearch would find nothing.
    if (!(headingsOnly ? this.headingDocFreq : this.docFreq).has(term)) return none;
    const results = this.mini.search(term, {
      fields: headingsOnly ? this.headingFields : undefined,
      tokenize: (text) => [text],
      processTerm: (text) => text,
    });
    if (results.length === 0) return none;
    results.sort((a, b) => (a.id as number) - (b.id as number));
    return {
      ids: Uint32Array.from(results, (r) => r.id as number),
      scores: Float64Array.from(results, (r) => r.score),
    };
  }

  private postings(term: string, headingsOnly: boolean): Postings {
    const cache = headingsOnly ? this.headings : this.all;
    let postings = cache.get(term);
    if (postings === undefined) {
      postings = this.score(term, headingsOnly);
      if (postings.ids.length <= this.room) {
        this.room -= postings.ids.length;
        cache.set(term, postings);
      }
    }
    return postings;
  }

  /** Positions of the sections that contain the word, ascending. */
  sectionsWith(term: string): Uint32Array {
    return this.postings(term, false).ids;
  }

  /** The `limit` best sections for the words, best first; ties keep the order sections were first found in. */
  rank(words: readonly WeightedWord[], limit: number): RankedSection[] {
    const lists = words.map((w) => this.postings(w.term, w.headingsOnly));
    const touched = this.sheet.add(words, lists);
    const best = this.sheet.takeBest(touched, limit);
    return best.ids.map((id, n) => ({
      id,
      score: best.scores[n]!,
      terms: words.filter((_, k) => indexOf(lists[k]!.ids, id) >= 0).map((w) => w.term),
    }));
  }
}

/** `ScoreSheet.lastSource` of a section touched only by uncounted words; -1 is untouched. */
const nothingCounted = -2;

/** Numbers the question words the words stand for: words with the same source share a number. */
function sourceNumbers(words: readonly WeightedWord[]): number[] {
  const sourceIds = new Map<string, number>();
  return words.map((w) => {
    const key = w.source ?? w.term;
    let id = sourceIds.get(key);
    if (id === undefined) sourceIds.set(key, (id = sourceIds.size));
    return id;
  });
}

/**
 * One question's running sums, one slot per section. Allocating these per question would cost
 * more than the sums, so one sheet is kept and every slot it touches is cleared by `takeBest`.
 */
class ScoreSheet {
  private readonly sums: Float64Array;
  /** How many distinct question words were found in each section. */
  private readonly found: Uint16Array;
  /** The last question word counted in `found` for each section. */
  private readonly lastSource: Int32Array;
  private readonly touched: Uint32Array;

  constructor(sectionCount: number) {
    this.sums = new Float64Array(sectionCount);
    this.found = new Uint16Array(sectionCount);
    this.lastSource = new Int32Array(sectionCount).fill(-1);
    this.touched = new Uint32Array(sectionCount);
  }

  /** Adds the words' weighted scores; returns how many sections were touched. */
  add(words: readonly WeightedWord[], lists: readonly Postings[]): number {
    const { sums, found, lastSource, touched } = this;
    const sourceOf = sourceNumbers(words);
    // Words of one source next to each other, so that a section counts each source once.
    const order = words.map((_, k) => k).sort((a, b) => sourceOf[a]! - sourceOf[b]!);
    let touchedCount = 0;
    for (const k of order) {
      const { ids, scores } = lists[k]!;
      const weight = words[k]!.weight;
      const source = sourceOf[k]!;
      const counted = !words[k]!.uncounted;
      for (let j = 0; j < ids.length; j++) {
        const id = ids[j]!;
        if (lastSource[id] === -1) {
          touched[touchedCount++] = id;
          lastSource[id] = nothingCounted;
        }
        sums[id] = sums[id]! + weight * scores[j]!;
        if (counted && lastSource[id] !== source) {
          found[id] = found[id]! + 1;
          lastSource[id] = source;
        }
      }
    }
    return touchedCount;
  }

  /**
   * The best `limit` sections in order (weighted sum times words found, as MiniSearch's OR query),
   * clearing the sheet for the next question. Kept by insertion: cheap while limit is a few dozen.
   */
  takeBest(touchedCount: number, limit: number): { ids: number[]; scores: number[] } {
    const { sums, found, lastSource, touched } = this;
    const ids: number[] = [];
    const scores: number[] = [];
    for (let t = 0; t < touchedCount; t++) {
      const id = touched[t]!;
      // A section only uncounted words found counts as one word found.
      const score = sums[id]! * Math.max(1, found[id]!);
      sums[id] = 0;
      found[id] = 0;
      lastSource[id] = -1;
      if (ids.length === limit && score <= scores[limit - 1]!) continue;
      let at = ids.length;
      while (at > 0 && scores[at - 1]! < score) at--;
      ids.splice(at, 0, id);
      scores.splice(at, 0, score);
      if (ids.length > limit) {
        ids.pop();
        scores.pop();
      }
    }
    return { ids, scores };
  }
}
