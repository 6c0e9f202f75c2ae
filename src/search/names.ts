import { type Block, isMark } from '../notes/blocks.js';
import type { Section } from '../notes/types.js';
import type { SearchIndex } from './index.js';
import { indexTerm } from './text.js';

// A question that names something the notes mention only in passing ("Google", "Discord") and
// whose best section never names it is about that other thing: "dead letter topics in Google
// Cloud Pub/Sub" matches the notes' dead-letter and publish/subscribe words well, but the notes
// teach Amazon SNS. Proper names are told apart from ordinary words the way a reader does: they
// stay capitalised in the middle of a sentence.

export interface NameOptions {
  /** A name in more sections than this is a subject of the notes, not a passing mention. */
  maxSections: number;
  /** Capitalised mid-sentence at least this many times … */
  minCapitalised: number;
  /** … and in at least this share of its mid-sentence appearances. */
  minShare: number;
  /** How a name is written; by default `Capitalised`, not an acronym or mixed case. */
  shape?: RegExp;
}

const defaultNameOptions: NameOptions = { maxSections: 5, minCapitalised: 2, minShare: 0.8 };

const sentences = new Intl.Segmenter('en', { granularity: 'sentence' });
const word = /[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*/gu;
const wordStart = /[\p{L}\p{N}]/u;
/** "Google", not "GPU" or "NoSQL": acronyms and mixed-case terms are not what this is about. */
const capitalised = /^\p{Lu}\p{Ll}+$/u;

const prose = (block: Block): boolean => block.kind === 'text' || block.kind === 'item' || block.kind === 'quote';
/** Inline code, links, emphasis and list markers are left out; they stand in for a word. */
const proseText = (block: Block): string =>
  (block.prefix ? ' \u2022 ' : '') + block.segments.map((s) => (isMark(s) ? ' \u2022 ' : s.text)).join('');

/**
 * Stemmed words the notes write as proper names and mention in only a few sections.
 * `candidates` are the words seen capitalised at least once (collected while indexing);
 * `sectionsWith` lists the sections a word appears in. Only those sections' prose is read.
 */
export function rareNames(
  sections: Section[],
  candidates: Iterable<string>,
  docFreq: Map<string, number>,
  sectionsWith: (term: string) => Iterable<number>,
  options: NameOptions = defaultNameOptions,
  toTerm: (word: string) => string | null = indexTerm,
): Set<string> {
  const rare = new Set([...candidates].filter((t) => (docFreq.get(t) ?? 0) <= options.maxSections));
  const toRead = new Set<number>();
  for (const term of rare) for (const i of sectionsWith(term)) toRead.add(i);
  const counts = new Map<string, { capitalised: number; all: number }>();
  for (const i of toRead) {
    for (const block of sections[i]!.blocks) {
      if (!prose(block)) continue;
      const text = proseText(block);
      const found: { term: string; word: string; at: number }[] = [];
      for (const match of text.matchAll(word)) {
        const term = toTerm(match[0]);
        if (term && rare.has(term)) found.push({ term, word: match[0], at: match.index });
      }
      if (found.length === 0) continue;
      const sentenceStarts = new Set<number>();
      for (const { segment, index } of sentences.segment(text)) {
        const first = segment.search(wordStart);
        if (first >= 0) sentenceStarts.add(index + first);
      }
      for (const { term, word, at } of found) {
        if (sentenceStarts.has(at)) continue;
        const count = counts.get(term) ?? { capitalised: 0, all: 0 };
        count.all++;
        if ((options.shape ?? capitalised).test(word)) count.capitalised++;
        counts.set(term, count);
      }
    }
  }
  const names = new Set<string>();
  for (const [term, count] of counts) {
    if (count.capitalised >= options.minCapitalised && count.capitalised / count.all >= options.minShare)
      names.add(term);
  }
  return names;
}

/** How the notes write a word is read from at most this many of the sections using it (the first ones). */
const maxSectionsRead = 8;
const sample = (ids: Uint32Array): Uint32Array => ids.subarray(0, maxSectionsRead);

const writtenAsNames = new WeakMap<SearchIndex, Map<string, boolean>>();

/** "Google", "SciPy", "EC2": a word starting with a capital letter. */
const startsCapital = /^\p{Lu}/u;

/**
 * Whether the notes write a stemmed word as a name ("Google", "SciPy", "EC2"), in any number of
 * sections: starting with a capital letter mid-sentence, counted as rareNames counts it. Read from up to
 * 8 of the sections that use the word the first time it is asked about, then remembered per index.
 */
export function writtenAsName(index: SearchIndex, term: string): boolean {
  let known = writtenAsNames.get(index);
  if (!known) writtenAsNames.set(index, (known = new Map()));
  let name = known.get(term);
  if (name === undefined) {
    const options = { ...defaultNameOptions, maxSections: Infinity, shape: startsCapital };
    name =
      rareNames(
        index.sections,
        [term],
        index.docFreq,
        (t) => sample(index.scores.sectionsWith(t)),
        options,
        index.terms.indexTerm,
      ).size > 0;
    if (known.size >= 20_000) known.clear();
    known.set(term, name);
  }
  return name;
}

const namePrefixes = new WeakMap<SearchIndex, Map<string, boolean>>();
/** A word the notes follow by a name this often ("Amazon S3", "AWS Lambda") opens names. */
const minPrefixUses = 3;
const minPrefixShare = 0.8;
const followedBy = /([\p{L}\p{N}]+)\s+([\p{L}\p{N}])/gu;

/**
 * Whether the notes use a stemmed word to open names: in prose, the word after it starts with a
 * capital letter or a digit in ≥ 80 % of at least three uses ("Amazon S3", "Amazon SageMaker").
 * Read from up to 8 of the sections using it, then remembered per index.
 */
export function opensNames(index: SearchIndex, term: string): boolean {
  let known = namePrefixes.get(index);
  if (!known) namePrefixes.set(index, (known = new Map()));
  let opens = known.get(term);
  if (opens === undefined) {
    let uses = 0;
    let named = 0;
    for (const i of sample(index.scores.sectionsWith(term))) {
      for (const block of index.sections[i]!.blocks) {
        if (!prose(block)) continue;
        for (const [, word, next] of proseText(block).matchAll(followedBy)) {
          if (index.terms.indexTerm(word!) !== term) continue;
          uses++;
          if (/[\p{Lu}\p{N}]/u.test(next!)) named++;
        }
      }
    }
    opens = uses >= minPrefixUses && named / uses >= minPrefixShare;
    if (known.size >= 20_000) known.clear();
    known.set(term, opens);
  }
  return opens;
}
