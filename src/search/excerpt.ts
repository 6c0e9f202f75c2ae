import type { Block } from '../notes/blocks.js';
import { escapeDiscord, escapeLineStart } from '../notes/escape.js';
import { stem } from './text.js';

export interface ExcerptOptions {
  /** Stop adding blocks once the excerpt is at least this long. */
  minChars?: number;
  /** Never go past this many characters (Discord Markdown included). */
  maxChars?: number;
}

const sentenceSegmenter = new Intl.Segmenter('en', { granularity: 'sentence' });
const word = /[\p{L}\p{N}]+/gu;

interface Unit {
  /** Rendered Discord Markdown of this unit. */
  md: string;
  /** Number of distinct query terms in the unit. */
  hits: number;
  startsBlock: boolean;
}

/** Longest excerpt, Discord Markdown included ("…" marks too), unless the caller asks otherwise. */
const defaultMaxChars = 700;

const blockLength = (block: Block): number =>
  block.segments.reduce((n, s) => n + ('raw' in s ? s.raw.length : s.text.length), 0);

/** A block longer than half an excerpt may be cut between sentences. */
const splitsSentences = (block: Block, maxChars: number): boolean => blockLength(block) > maxChars / 2;

/** Where a text's words are (start and end offsets, in pairs) and their stems. */
interface Words {
  bounds: Uint32Array;
  stems: string[];
}

// Stemming every word and splitting sentences are the slow steps of an excerpt, and a
// section's text never changes: each is done once per text (see prepareExcerpts) and kept
// compact, as offsets and shared stem strings.
const wordsCache = new WeakMap<object, Words>();
function wordsOf(segment: { text: string }): Words {
  let words = wordsCache.get(segment);
  if (words === undefined) {
    const offsets: number[] = [];
    const stems: string[] = [];
    for (const match of segment.text.matchAll(word)) {
      offsets.push(match.index, match.index + match[0].length);
      stems.push(stem(match[0]));
    }
    words = { bounds: Uint32Array.from(offsets), stems };
    wordsCache.set(segment, words);
  }
  return words;
}

const sentenceCache = new WeakMap<object, Uint32Array>();
/** Offsets where the text's sentences end. */
function sentenceEnds(segment: { text: string }): Uint32Array {
  let ends = sentenceCache.get(segment);
  if (ends === undefined) {
    ends = Uint32Array.from(sentenceSegmenter.segment(segment.text), (s) => s.index + s.segment.length);
    sentenceCache.set(segment, ends);
  }
  return ends;
}

const rawStemCache = new WeakMap<object, string[]>();
function stemsOfRaw(segment: { raw: string }): string[] {
  let stems = rawStemCache.get(segment);
  if (stems === undefined) {
    stems = (segment.raw.match(word) ?? []).map(stem);
    rawStemCache.set(segment, stems);
  }
  return stems;
}

const lowerCache = new WeakMap<Block, string>();
function lowerText(block: Block): string {
  let lower = lowerCache.get(block);
  if (lower === undefined) {
    lower = block.segments
      .map((s) => ('raw' in s ? s.raw : s.text))
      .join(' ')
      .toLowerCase();
    lowerCache.set(block, lower);
  }
  return lower;
}

/**
 * Cheap relevance of a block: how many query stems occur in its text. Stems are word prefixes,
 * and matching them anywhere is deliberately loose ("admin" finds "administrative").
 */
function blockHits(block: Block, terms: ReadonlySet<string>): number {
  const lower = lowerText(block);
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

/**
 * text[from, to) escaped, with the words whose stem is a query term in bold. Words hold no
 * character that needs escaping, so the text between bold words is escaped in one piece.
 */
function renderRange(
  text: string,
  words: Words,
  from: number,
  to: number,
  terms: ReadonlySet<string>,
  matched: Set<string>,
): string {
  let md = '';
  let pos = from;
  for (let i = firstWordFrom(words, from); i < words.stems.length && words.bounds[2 * i]! < to; i++) {
    const s = words.stems[i]!;
    if (!terms.has(s)) continue;
    matched.add(s);
    const start = words.bounds[2 * i]!;
    const end = words.bounds[2 * i + 1]!;
    md += `${escapeDiscord(text.slice(pos, start))}**${text.slice(start, end)}**`;
    pos = end;
  }
  return md + escapeDiscord(text.slice(pos, to));
}

/** Splits a block into units an excerpt may start or stop at: sentences of text, whole raw pieces. */
function unitsOf(block: Block, terms: ReadonlySet<string>, splitSentences: boolean): Unit[] {
  const units: Unit[] = [];
  let md = '';
  let matched = new Set<string>();
  const push = (): void => {
    if (md.trim()) {
      const startsBlock = units.length === 0;
      // Prefixes (list markers, quotes) are raw; only a block's own leading text needs escaping.
      const first = block.segments[0];
      units.push({
        md: startsBlock && first && 'text' in first ? escapeLineStart(md) : md,
        hits: matched.size,
        startsBlock,
      });
    }
    md = '';
    matched = new Set();
  };
  for (const segment of block.segments) {
    if ('raw' in segment) {
      md += segment.raw;
      if (block.kind !== 'code') for (const s of stemsOfRaw(segment)) if (terms.has(s)) matched.add(s);
      continue;
    }
    const words = wordsOf(segment);
    let from = 0;
    for (const end of splitSentences ? sentenceEnds(segment) : [segment.text.length]) {
      if (from > 0) push();
      md += renderRange(segment.text, words, from, end, terms, matched);
      from = end;
    }
  }
  push();
  return units;
}

/**
 * The most relevant window of a section as Discord Markdown: whole blocks (never cutting a
 * code block, link or table row), matched terms in bold, about 300–700 characters.
 */
export function buildExcerpt(blocks: Block[], terms: ReadonlySet<string>, options: ExcerptOptions = {}): string {
  const minChars = options.minChars ?? 300;
  const maxChars = options.maxChars ?? defaultMaxChars;
  // A code block too long to show whole is left out rather than cut.
  const usable = blocks.filter((b) => !(b.kind === 'code' && blockLength(b) > maxChars));
  if (usable.length === 0) return '';

  let bestBlock = 0;
  let bestHits = -1;
  usable.forEach((block, i) => {
    const hits = blockHits(block, terms);
    if (hits > bestHits) [bestBlock, bestHits] = [i, hits];
  });

  // Render only the blocks that can end up in the window: the window starts inside the best
  // block and holds at most maxChars, so blocks past maxChars beyond it are never shown.
  const units: Unit[] = [];
  let rendered = 0;
  let limit = Infinity;
  for (let i = bestBlock; i < usable.length && rendered < limit; i++) {
    const block = usable[i]!;
    const blockUnits = unitsOf(block, terms, splitsSentences(block, maxChars));
    units.push(...blockUnits);
    rendered += blockUnits.reduce((n, u) => n + u.md.length + 1, 0);
    if (i === bestBlock) limit = rendered + maxChars;
  }
  const firstBlockUnits = units.findIndex((u, i) => i > 0 && u.startsBlock);
  const inFirst = units.slice(0, firstBlockUnits < 0 ? units.length : firstBlockUnits);
  let best = 0;
  inFirst.forEach((u, i) => {
    if (u.hits > inFirst[best]!.hits) best = i;
  });
  // Start at the beginning of the best block when that still leaves room for the best sentence.
  let start = best;
  let lengthBack = units[best]!.md.length;
  while (start > 0 && lengthBack + units[start - 1]!.md.length <= maxChars / 2) {
    start--;
    lengthBack += units[start]!.md.length;
  }

  let out = '';
  let truncated = start > 0 && !units[start]!.startsBlock;
  for (let i = start; i < units.length; i++) {
    const unit = units[i]!;
    const separator = out === '' ? '' : unit.startsBlock ? '\n' : ' ';
    if (out.length + separator.length + unit.md.length > maxChars) {
      truncated = true;
      break;
    }
    out += separator + unit.md.trim();
    truncated = false;
    if (out.length >= minChars && (units[i + 1]?.startsBlock ?? true)) {
      truncated = i + 1 < units.length || bestBlock + 1 < usable.length;
      break;
    }
  }
  if (out === '') {
    // Even one sentence is too long: cut at a word boundary outside any markup.
    out = safeCut(units[best]!.md.replace(/\*\*/g, ''), maxChars - 4);
    truncated = true;
    start = best;
  }
  // An excerpt from further into the section says so, as one cut short does.
  const fromStart = usable[0] === blocks[0] && bestBlock === 0 && start === 0;
  return `${fromStart ? '' : '… '}${out}${truncated ? ' …' : ''}`;
}

/** Cuts at a space so that no link, code span or escape is left open. */
function safeCut(md: string, limit: number): string {
  let cut = withoutLastWord(md.slice(0, limit));
  const openLink = cut.lastIndexOf('[');
  if (openLink >= 0 && !hasLinkTarget(cut.slice(openLink))) cut = cut.slice(0, openLink);
  if ((cut.match(/(?<!\\)`/g)?.length ?? 0) % 2 === 1) cut = cut.slice(0, cut.lastIndexOf('`'));
  return cut.replace(/\\$/, '').trimEnd();
}

/**
 * Does the per-text work of excerpts (lower-cased text, word offsets, stems, sentence ends)
 * for every block up front, when the index is built. Filling these caches while answering made
 * the first answers from each section slow: every new cache entry is copied by the young-
 * generation garbage collector, which doubled p99 latency on the SageMaker guide.
 */
export function prepareExcerpts(blockLists: Iterable<Block[]>, maxChars = defaultMaxChars): void {
  for (const blocks of blockLists) {
    for (const block of blocks) {
      lowerText(block);
      if (block.kind === 'code') continue;
      const long = splitsSentences(block, maxChars);
      for (const segment of block.segments) {
        if ('raw' in segment) stemsOfRaw(segment);
        else {
          wordsOf(segment);
          if (long) sentenceEnds(segment);
        }
      }
    }
  }
}

/** Whether `](…)` occurs: the linear form of `/\]\([^)]*\)/.test` (quadratic on runs of `](`). */
export const hasLinkTarget = (md: string): boolean => {
  const open = md.indexOf('](');
  return open >= 0 && md.indexOf(')', open + 2) >= 0;
};

/** Text up to its last whitespace run: the linear form of `.replace(/\s+\S*$/, '')`. */
function withoutLastWord(text: string): string {
  let end = text.length;
  while (end > 0 && !/\s/.test(text[end - 1]!)) end--;
  if (end === 0) return text;
  while (end > 0 && /\s/.test(text[end - 1]!)) end--;
  return text.slice(0, end);
}
