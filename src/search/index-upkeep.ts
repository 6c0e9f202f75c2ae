import type { Section } from '../notes/types.js';
import { acronymsIn, learnAcronyms } from './acronyms.js';
import {
  bm25Parameters,
  documentOf,
  expansionsOf,
  fieldBoosts,
  fields,
  headingFields,
  isUpperAscii,
  type SavedIndex,
  type SectionDocument,
} from './index.js';
import { rareNames } from './names.js';
import { type Terms, termsFor, tokenize } from './text.js';
import { type PackedPostings, roomAfter, scoredWhenBuilt } from './wordScores.js';

/** What indexing one section gives, per field (`fields` order): MiniSearch's field length and term counts. */
interface SectionTerms {
  /** The section's indexed text (`keyOf`). */
  key: string;
  /** Distinct words before processing: MiniSearch's field length. */
  lengths: number[];
  /** Each processed term's count in the field, in the order first seen. */
  counts: Map<string, number>[];
  /** Terms seen capitalised in the body, in the order first seen (candidate names). */
  capitalised: string[];
  /** Each term of the section once, in the order first seen over the fields in order. */
  distinct: string[];
  /** How many of `distinct` are in the heading fields (they come first). */
  headingDistinct: number;
}

/** MiniSearch 7.2's BM25+ (`calcBM25Score`) with the index's parameters, so that scores match to the bit. */
function bm25Score(termFreq: number, matching: number, total: number, fieldLength: number, avgLength: number): number {
  const { k, b, d } = bm25Parameters;
  const invDocFreq = Math.log(1 + (total - matching + 0.5) / (matching + 0.5));
  return invDocFreq * (d + (termFreq * (k + 1)) / (termFreq + k * (1 - b + (b * fieldLength) / avgLength)));
}

/** Number of the heading fields (`headingFields`), which come first in `fields`. */
const headingFieldCount = headingFields.length;

const keyOf = (doc: SectionDocument): string => `${doc.heading}\u0000${doc.context}\u0000${doc.body}\u0000${doc.code}`;

/** Each field's boost, in `fields` order: MiniSearch multiplies a field's BM25 score by it. */
const boosts = fields.map((field) => fieldBoosts[field]);

/**
 * Keeps the index of a changing set of notes up to date for reloads (the reload worker), giving
 * exactly the saved index `saveIndex(buildIndex(sections))` would give, at a fraction of the cost.
 *
 * Why not MiniSearch's `discard`/`add` on the old index: one changed section changes every score.
 * BM25 divides by the average field length and counts the sections, so the next build's scores
 * differ from the old ones everywhere; MiniSearch updates its average incrementally (a float
 * drift a fresh build does not have), counts discarded postings until it vacuums, and numbers
 * sections by position, which shifts after an added or removed file. What is expensive in a build
 * is per section (splitting, stemming, MiniSearch's tree) and what is global is cheap counting,
 * so this keeps each section's term counts (keyed by its indexed text, so an unchanged section is
 * never read again, wherever it moved) and redoes the global part in one pass over the counts in
 * section order: the document frequencies in the same insertion order, the average lengths summed
 * the way MiniSearch sums them, and every word's BM25 score computed with MiniSearch's formula.
 * MiniSearch itself is not needed: a collection this size has every word scored (`complete`).
 *
 * Nothing here touches an index in use: each call returns new saved data, which the main thread
 * restores and swaps in one assignment (live-notes.ts), so questions in flight finish on the old
 * index. Collections too large to score every word (`scoredWhenBuilt`) get undefined: the
 * caller builds in full.
 */
export class IndexUpkeep {
  private analysed = new Map<string, SectionTerms>();
  /** The same by section object: the reload worker hands out an unchanged note's sections again. */
  private bySection = new WeakMap<Section, SectionTerms>();
  private acronymPairs = new Map<string, [string, string][]>();
  private language: string | undefined;

  /** Sections analysed by the last `save` (the others were known). */
  lastAnalysed = 0;

  save(sections: Section[], language: string | undefined): SavedIndex | undefined {
    const terms = termsFor(language);
    if (language !== this.language) {
      this.analysed.clear();
      this.bySection = new WeakMap();
      this.language = language;
    }
    const analysed = new Map<string, SectionTerms>();
    this.lastAnalysed = 0;
    const perSection = sections.map((section, i) => {
      const same = this.bySection.get(section);
      // The indexed text of a section object does not change; its key is needed only when it is new.
      const key = same?.key ?? keyOf(documentOf(section, i, terms));
      let known = same ?? analysed.get(key) ?? this.analysed.get(key);
      if (!known) {
        known = analyse(documentOf(section, i, terms), terms, key);
        this.lastAnalysed++;
      }
      analysed.set(key, known);
      this.bySection.set(section, known);
      return known;
    });
    this.analysed = analysed;

    const docFreq = new Map<string, number>();
    const headingDocFreq = new Map<string, number>();
    const fieldDocFreq = fields.map(() => new Map<string, number>());
    const capitalised = new Set<string>();
    const avgLength = fields.map(() => 0);
    perSection.forEach((s, d) => {
      for (let f = 0; f < fields.length; f++) {
        // As MiniSearch's addFieldLength: the running average, updated one section at a time.
        avgLength[f] = (avgLength[f]! * d + s.lengths[f]!) / (d + 1);
        const freq = fieldDocFreq[f]!;
        for (const term of s.counts[f]!.keys()) freq.set(term, (freq.get(term) ?? 0) + 1);
      }
      for (const term of s.distinct) docFreq.set(term, (docFreq.get(term) ?? 0) + 1);
      for (let t = 0; t < s.headingDistinct; t++) {
        const term = s.distinct[t]!;
        headingDocFreq.set(term, (headingDocFreq.get(term) ?? 0) + 1);
      }
      for (const term of s.capitalised) capitalised.add(term);
    });
    let postings = 0;
    for (const df of docFreq.values()) postings += df;
    for (const df of headingDocFreq.values()) postings += df;
    if (!scoredWhenBuilt(postings)) return undefined;

    const total = sections.length;
    const all = new Postings(docFreq);
    const headings = new Postings(headingDocFreq);
    perSection.forEach((s, d) => {
      // A section's score for a word is the sum of its field scores, in field order (as MiniSearch adds them).
      const scoreIn = (term: string, fieldCount: number): number | undefined => {
        let score: number | undefined;
        for (let f = 0; f < fieldCount; f++) {
          const tf = s.counts[f]!.get(term);
          if (tf === undefined) continue;
          const raw = boosts[f]! * bm25Score(tf, fieldDocFreq[f]!.get(term)!, total, s.lengths[f]!, avgLength[f]!);
          score = score === undefined ? raw : score + raw;
        }
        return score;
      };
      for (const term of s.distinct) all.add(term, d, scoreIn(term, fields.length)!);
      for (let t = 0; t < s.headingDistinct; t++) {
        const term = s.distinct[t]!;
        headings.add(term, d, scoreIn(term, headingFieldCount)!);
      }
    });

    const pairs = new Map<string, [string, string][]>();
    const pairsOf = (text: string): [string, string][] => {
      let found = pairs.get(text) ?? this.acronymPairs.get(text);
      if (!found) found = acronymsIn(text);
      pairs.set(text, found);
      return found;
    };
    const { acronyms, longNames } = expansionsOf(
      learnAcronyms(
        sections.map((s) => s.text),
        pairsOf,
      ),
      terms,
    );
    this.acronymPairs = pairs;
    const names = rareNames(sections, capitalised, docFreq, (term) => all.idsOf(term), undefined, terms.indexTerm);
    return {
      sections: total,
      docFreq,
      headingDocFreq,
      scores: { all: all.packed(), headings: headings.packed(), room: roomAfter(postings), complete: true },
      acronyms,
      longNames,
      names,
      language: terms.language,
    };
  }
}

/** One section indexed as buildIndex's MiniSearch indexes it (`add`, `processTerm`). */
function analyse(doc: SectionDocument, terms: Terms, key: string): SectionTerms {
  const lengths: number[] = [];
  const counts: Map<string, number>[] = [];
  const capitalised = new Set<string>();
  for (const field of fields) {
    const tokens = tokenize(doc[field]);
    lengths.push(new Set(tokens).size);
    const count = new Map<string, number>();
    for (const token of tokens) {
      const term = terms.indexTerm(token);
      if (!term) continue;
      count.set(term, (count.get(term) ?? 0) + 1);
      if (field === 'body' && isUpperAscii(token.charCodeAt(0))) capitalised.add(term);
    }
    counts.push(count);
  }
  const distinct = new Set<string>();
  let headingDistinct = 0;
  counts.forEach((count, f) => {
    for (const term of count.keys()) distinct.add(term);
    if (f === headingFieldCount - 1) headingDistinct = distinct.size;
  });
  return { key, lengths, counts, capitalised: [...capitalised], distinct: [...distinct], headingDistinct };
}

/** Every word's sections (ascending) and scores, laid end to end in the order of `order`'s keys. */
class Postings {
  private readonly starts = new Map<string, number>();
  /** Where each term's next posting goes. */
  private readonly next = new Map<string, number>();
  private readonly ids: Uint32Array;
  private readonly scores: Float64Array;

  constructor(private readonly order: Map<string, number>) {
    let at = 0;
    for (const [term, df] of order) {
      this.starts.set(term, at);
      this.next.set(term, at);
      at += df;
    }
    this.ids = new Uint32Array(at);
    this.scores = new Float64Array(at);
  }

  add(term: string, id: number, score: number): void {
    const at = this.next.get(term)!;
    this.next.set(term, at + 1);
    this.ids[at] = id;
    this.scores[at] = score;
  }

  idsOf(term: string): Uint32Array {
    const from = this.starts.get(term);
    return from === undefined ? new Uint32Array(0) : this.ids.subarray(from, from + this.order.get(term)!);
  }

  packed(): PackedPostings {
    const starts = new Uint32Array(this.order.size + 1);
    let k = 0;
    for (const from of this.starts.values()) starts[k++] = from;
    starts[k] = this.ids.length;
    return { terms: [...this.order.keys()], starts, ids: this.ids, scores: this.scores };
  }
}
