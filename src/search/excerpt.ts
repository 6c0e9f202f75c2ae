import {
  type Block,
  type BlockPrefix,
  isMark,
  type Mark,
  plainTextOf,
  prefixText,
  type Segment,
} from '../notes/blocks.js';
import { examinedBlocks } from './examined.js';
import { stem as englishStem } from './text.js';

/**
 * A piece of an excerpt: note text with the offsets of the words that match the question, or a
 * mark kept whole (code, a formula, emphasis, a link; see notes/blocks.ts).
 */
export type ExcerptPiece = { text: string; highlights: [start: number, end: number][] } | Mark;

/** A unit an excerpt may start or stop at: a sentence of a long block, or a whole block. */
export interface ExcerptUnit {
  kind: Block['kind'];
  /** The unit is the first of its block (renderers put a new block on a new line). */
  startsBlock: boolean;
  /** The block begins with note text rather than a prefix or a mark (a renderer may need to escape it). */
  blockStartsWithText: boolean;
  /** The block's list marker or quote bar, on the block's first unit only. */
  prefix?: BlockPrefix;
  pieces: ExcerptPiece[];
}

/** The most relevant window of a section, as data: each renderer shows it in its own syntax. */
export interface Excerpt {
  units: ExcerptUnit[];
  /** The window starts past the section's start ("… " before it). */
  startsLate: boolean;
  /** The window stops before the section's end (" …" after it). */
  endsEarly: boolean;
  /**
   * Set when even one unit is longer than the excerpt may be: show `units` (one, without
   * highlights) cut at a word boundary to at most this many characters.
   */
  cutTo?: number;
}

/**
 * How a caller shows one unit. The window is sized in the characters of that form, so the
 * excerpt fits the caller's limits; the default is the plain text.
 */
export type ExcerptLayout = (unit: ExcerptUnit) => string;

const plainLayout: ExcerptLayout = (unit) => (unit.prefix ? prefixText(unit.prefix) : '') + plainTextOf(unit.pieces);

export interface ExcerptOptions {
  /** Stop adding blocks once the excerpt is at least this long. */
  minChars?: number;
  /** Never go past this many characters (in the layout's form, "…" marks included). */
  maxChars?: number;
  layout?: ExcerptLayout;
}

const sentenceSegmenter = new Intl.Segmenter('en', { granularity: 'sentence' });
const word = /[\p{L}\p{N}]+/gu;

/** Longest excerpt ("…" marks included), unless the caller asks otherwise. */
const defaultMaxChars = 700;

/** A block longer than half an excerpt may be cut between sentences. */
const splitsSentences = (length: number, maxChars: number): boolean => length > maxChars / 2;

/** The text searched in a segment: what it shows, and a link's URL and a code block's language. */
function searchedText(segment: Segment): string {
  if (!isMark(segment)) return segment.text;
  switch (segment.mark) {
    case 'link':
      return `${segment.children.map(searchedText).join('')} ${segment.url}`;
    case 'strong':
    case 'emphasis':
      return segment.children.map(searchedText).join('');
    case 'codeBlock':
      return `${segment.lang ?? ''}\n${segment.code}`;
    default:
      return plainTextOf([segment]);
  }
}

/** Where a text's words are (start and end offsets, in pairs) and their stems. */
interface Words {
  bounds: Uint32Array;
  stems: string[];
}

/**
 * The per-text work of excerpts (lower-cased text, word offsets, stems, sentence ends), done once
 * per text: a section's text never changes. Built with the index, which owns it.
 */
export class ExcerptTexts {
  /** `stem`: the stemmer of the notes' language (the index's `terms.stem`). */
  constructor(private readonly stem: (word: string) => string = englishStem) {}

  private readonly words = new WeakMap<object, Words>();
  private readonly sentences = new WeakMap<object, Uint32Array>();
  private readonly markStems = new WeakMap<object, string[]>();
  private readonly lower = new WeakMap<Block, string>();
  private readonly lengths = new WeakMap<ExcerptLayout, WeakMap<Block, number>>();

  wordsOf(segment: { text: string }): Words {
    let words = this.words.get(segment);
    if (words === undefined) {
      const offsets: number[] = [];
      const stems: string[] = [];
      for (const match of segment.text.matchAll(word)) {
        offsets.push(match.index, match.index + match[0].length);
        stems.push(this.stem(match[0]));
      }
      words = { bounds: Uint32Array.from(offsets), stems };
      this.words.set(segment, words);
    }
    return words;
  }

  /** Offsets where the text's sentences end. */
  sentenceEnds(segment: { text: string }): Uint32Array {
    let ends = this.sentences.get(segment);
    if (ends === undefined) {
      ends = Uint32Array.from(sentenceSegmenter.segment(segment.text), (s) => s.index + s.segment.length);
      this.sentences.set(segment, ends);
    }
    return ends;
  }

  /** Stems of a mark's words (a list item's number counts as a word of its block's first unit). */
  stemsOf(mark: Mark | BlockPrefix): string[] {
    let stems = this.markStems.get(mark);
    if (stems === undefined) {
      const text = 'type' in mark ? prefixText(mark) : searchedText(mark);
      stems = (text.match(word) ?? []).map(this.stem);
      this.markStems.set(mark, stems);
    }
    return stems;
  }

  lowerText(block: Block): string {
    let lower = this.lower.get(block);
    if (lower === undefined) {
      const texts = block.segments.map(searchedText);
      if (block.prefix) texts.unshift(prefixText(block.prefix));
      lower = texts.join(' ').toLowerCase();
      this.lower.set(block, lower);
    }
    return lower;
  }

  /** A block's length: its note text as written, its prefix and marks as the layout shows them. */
  lengthOf(block: Block, layout: ExcerptLayout): number {
    let lengths = this.lengths.get(layout);
    if (lengths === undefined) this.lengths.set(layout, (lengths = new WeakMap()));
    let length = lengths.get(block);
    if (length === undefined) {
      const shown = (pieces: ExcerptPiece[], prefix?: BlockPrefix): number =>
        layout({ kind: block.kind, startsBlock: true, blockStartsWithText: false, prefix, pieces }).length;
      length = block.prefix ? shown([], block.prefix) : 0;
      for (const segment of block.segments) length += isMark(segment) ? shown([segment]) : segment.text.length;
      lengths.set(block, length);
    }
    return length;
  }

  /**
   * Does this work for every block up front, when the index is built. Doing it while answering
   * made the first answers from each section slow: every new entry is copied by the young-
   * generation garbage collector, which doubled p99 latency on the SageMaker guide.
   */
  prepare(blockLists: Iterable<Block[]>, maxChars = defaultMaxChars): void {
    for (const blocks of blockLists) {
      for (const block of examinedBlocks(blocks).blocks) {
        const lower = this.lowerText(block);
        if (block.kind === 'code') continue;
        // Close to its length as shown (which depends on the layout): its text, URLs and markers.
        const long = splitsSentences(lower.length, maxChars);
        if (block.prefix) this.stemsOf(block.prefix);
        for (const segment of block.segments) {
          if (isMark(segment)) this.stemsOf(segment);
          else {
            this.wordsOf(segment);
            if (long) this.sentenceEnds(segment);
          }
        }
      }
    }
  }
}

/** A unit with what windowing needs: its size in the layout's form and its distinct matched terms. */
interface SizedUnit {
  unit: ExcerptUnit;
  /** The unit in the layout's form, untrimmed. */
  shown: string;
  hits: number;
}

/**
 * Cheap relevance of a block: how many query stems occur in its text. Stems are word prefixes,
 * and matching them anywhere is deliberately loose ("admin" finds "administrative").
 */
function blockHits(texts: ExcerptTexts, block: Block, terms: ReadonlySet<string>): number {
  const lower = texts.lowerText(block);
  let hits = 0;
  for (const term of terms) if (lower.includes(term)) hits++;
  return hits;
}

/** First word starting at or after offset (binary search over the word bounds). */
function firstWordFrom(words: Words, offset: number): number {
  let low = 0;
  let high = words.stems.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (words.bounds[2 * mid]! < offset) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** text[from, to) as a piece, with the offsets of the words whose stem is a query term. */
function pieceOf(
  text: string,
  words: Words,
  from: number,
  to: number,
  terms: ReadonlySet<string>,
  matched: Set<string>,
): ExcerptPiece {
  const highlights: [number, number][] = [];
  for (let i = firstWordFrom(words, from); i < words.stems.length && words.bounds[2 * i]! < to; i++) {
    const s = words.stems[i]!;
    if (!terms.has(s)) continue;
    matched.add(s);
    highlights.push([words.bounds[2 * i]! - from, words.bounds[2 * i + 1]! - from]);
  }
  return { text: text.slice(from, to), highlights };
}

const isBlank = (pieces: ExcerptPiece[]): boolean => pieces.every((p) => !isMark(p) && !p.text.trim());

/** Splits a block into units an excerpt may start or stop at: sentences of text, whole marks. */
function unitsOf(
  texts: ExcerptTexts,
  block: Block,
  terms: ReadonlySet<string>,
  splitSentences: boolean,
  layout: ExcerptLayout,
): SizedUnit[] {
  const units: SizedUnit[] = [];
  const first = block.segments[0];
  const blockStartsWithText = !block.prefix && first !== undefined && !isMark(first);
  let pieces: ExcerptPiece[] = [];
  let matched = new Set<string>();
  if (block.prefix) for (const s of texts.stemsOf(block.prefix)) if (terms.has(s)) matched.add(s);
  const push = (): void => {
    const startsBlock = units.length === 0;
    const prefix = startsBlock ? block.prefix : undefined;
    if (prefix || !isBlank(pieces)) {
      const unit: ExcerptUnit = prefix
        ? { kind: block.kind, startsBlock, blockStartsWithText, prefix, pieces }
        : { kind: block.kind, startsBlock, blockStartsWithText, pieces };
      units.push({ unit, shown: layout(unit), hits: matched.size });
    }
    pieces = [];
    matched = new Set();
  };
  for (const segment of block.segments) {
    if (isMark(segment)) {
      pieces.push(segment);
      if (block.kind !== 'code') for (const s of texts.stemsOf(segment)) if (terms.has(s)) matched.add(s);
      continue;
    }
    const words = texts.wordsOf(segment);
    let from = 0;
    for (const end of splitSentences ? texts.sentenceEnds(segment) : [segment.text.length]) {
      if (from > 0) push();
      pieces.push(pieceOf(segment.text, words, from, end, terms, matched));
      from = end;
    }
  }
  push();
  return units;
}

/** The usable block with the most query stems (the first of equals). */
function bestBlockOf(texts: ExcerptTexts, usable: Block[], terms: ReadonlySet<string>): number {
  let bestBlock = 0;
  let bestHits = -1;
  usable.forEach((block, i) => {
    const hits = blockHits(texts, block, terms);
    if (hits > bestHits) [bestBlock, bestHits] = [i, hits];
  });
  return bestBlock;
}

/**
 * The units of the blocks that can end up in the window: the window starts inside the best
 * block and holds at most maxChars, so blocks past maxChars beyond it are never shown.
 */
function candidateUnits(
  texts: ExcerptTexts,
  usable: Block[],
  bestBlock: number,
  terms: ReadonlySet<string>,
  maxChars: number,
  layout: ExcerptLayout,
): SizedUnit[] {
  const units: SizedUnit[] = [];
  let rendered = 0;
  let limit = Infinity;
  for (let i = bestBlock; i < usable.length && rendered < limit; i++) {
    const block = usable[i]!;
    const blockUnits = unitsOf(texts, block, terms, splitsSentences(texts.lengthOf(block, layout), maxChars), layout);
    units.push(...blockUnits);
    rendered += blockUnits.reduce((n, u) => n + u.shown.length + 1, 0);
    if (i === bestBlock) limit = rendered + maxChars;
  }
  return units;
}

/** The unit of the best block with the most matched terms. */
function bestUnitOf(units: SizedUnit[]): number {
  const firstBlockUnits = units.findIndex((u, i) => i > 0 && u.unit.startsBlock);
  const inFirst = units.slice(0, firstBlockUnits < 0 ? units.length : firstBlockUnits);
  let best = 0;
  inFirst.forEach((u, i) => {
    if (u.hits > inFirst[best]!.hits) best = i;
  });
  return best;
}

/** Starts at the beginning of the best block when that still leaves room for the best sentence. */
function windowStart(units: SizedUnit[], best: number, maxChars: number): number {
  let start = best;
  let lengthBack = units[best]!.shown.length;
  while (start > 0 && lengthBack + units[start - 1]!.shown.length <= maxChars / 2) {
    start--;
    lengthBack += units[start]!.shown.length;
  }
  return start;
}

/** The units from `start` that fit, and whether the window stops before the section's end. */
function fillWindow(
  units: SizedUnit[],
  start: number,
  moreBlocks: boolean,
  minChars: number,
  maxChars: number,
): { shown: ExcerptUnit[]; endsEarly: boolean } {
  const shown: ExcerptUnit[] = [];
  let length = 0;
  let endsEarly = start > 0 && !units[start]!.unit.startsBlock;
  for (let i = start; i < units.length; i++) {
    const { unit, shown: form } = units[i]!;
    const separator = length === 0 ? 0 : 1;
    if (length + separator + form.length > maxChars) {
      endsEarly = true;
      break;
    }
    shown.push(unit);
    length += separator + form.trim().length;
    endsEarly = false;
    if (length >= minChars && (units[i + 1]?.unit.startsBlock ?? true)) {
      endsEarly = i + 1 < units.length || moreBlocks;
      break;
    }
  }
  return { shown, endsEarly };
}

const withoutHighlights = (unit: ExcerptUnit): ExcerptUnit => ({
  ...unit,
  pieces: unit.pieces.map((p) => (isMark(p) ? p : { text: p.text, highlights: [] })),
});

/**
 * The most relevant window of a section: whole blocks (never cutting a code block, link or
 * table row), about 300–700 characters, with the words whose stems are `terms` highlighted.
 */
export function buildExcerpt(
  texts: ExcerptTexts,
  blocks: Block[],
  terms: ReadonlySet<string>,
  options: ExcerptOptions = {},
): Excerpt {
  const minChars = options.minChars ?? 300;
  const maxChars = options.maxChars ?? defaultMaxChars;
  const layout = options.layout ?? plainLayout;
  // A huge section is examined from its start only (see examined.ts).
  const examined = examinedBlocks(blocks);
  // A code block too long to show whole is left out rather than cut.
  const usable = examined.blocks.filter((b) => !(b.kind === 'code' && texts.lengthOf(b, layout) > maxChars));
  if (usable.length === 0) return { units: [], startsLate: false, endsEarly: false };

  const bestBlock = bestBlockOf(texts, usable, terms);
  const units = candidateUnits(texts, usable, bestBlock, terms, maxChars, layout);
  const best = bestUnitOf(units);
  const start = windowStart(units, best, maxChars);
  const window = fillWindow(units, start, bestBlock + 1 < usable.length, minChars, maxChars);
  const fits = window.shown.length > 0;
  // An excerpt from further into the section says so, as one cut short does.
  const startsLate = !(usable[0] === examined.blocks[0] && bestBlock === 0 && (fits ? start : best) === 0);
  // Even one sentence is too long: the renderer cuts it at a word boundary outside any markup.
  if (!fits) return { units: [withoutHighlights(units[best]!.unit)], startsLate, endsEarly: true, cutTo: maxChars - 4 };
  // A window that reaches the end of the examined part of a longer section stops before its end.
  const reachesCut = examined.cut && start + window.shown.length === units.length;
  return { units: window.shown, startsLate, endsEarly: window.endsEarly || reachesCut };
}

/** A block of an excerpt, as shown: its units (sentences, or the whole block) in order. */
export interface ExcerptBlock {
  kind: Block['kind'];
  /** The block is shown from its start (not from a later sentence). */
  fromStart: boolean;
  units: ExcerptPiece[][];
  /** The block's list marker or quote bar, when the block is shown from its start. */
  prefix?: BlockPrefix;
}

/** The excerpt's units grouped by block, for readers of the data (`nimbus ask --json`). */
export function excerptBlocks(excerpt: Excerpt): ExcerptBlock[] {
  const blocks: ExcerptBlock[] = [];
  for (const unit of excerpt.units) {
    const last = blocks.at(-1);
    if (last && !unit.startsBlock) last.units.push(unit.pieces);
    else if (unit.prefix)
      blocks.push({ kind: unit.kind, fromStart: unit.startsBlock, units: [unit.pieces], prefix: unit.prefix });
    else blocks.push({ kind: unit.kind, fromStart: unit.startsBlock, units: [unit.pieces] });
  }
  return blocks;
}
