import { escapeDiscord, escapeLineStart, type Block } from '../notes/blocks.js';
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

const blockLength = (block: Block): number => block.segments.reduce((n, s) => n + ('raw' in s ? s.raw.length : s.text.length), 0);

// Lower-cased block text, computed the first time a block is a candidate.
const lowerCache = new WeakMap<Block, string>();
function lowerText(block: Block): string {
  let lower = lowerCache.get(block);
  if (lower === undefined) {
    lower = block.segments.map((s) => ('raw' in s ? s.raw : s.text)).join(' ').toLowerCase();
    lowerCache.set(block, lower);
  }
  return lower;
}

/** A run of plain text split into words (with their stems) and the escaped text between them. */
interface Piece {
  /** gaps[i] comes before words[i]; the last gap follows the last word. */
  gaps: string[];
  words: string[];
  stems: string[];
}

function pieceOf(text: string): Piece {
  const piece: Piece = { gaps: [], words: [], stems: [] };
  let last = 0;
  for (const match of text.matchAll(word)) {
    piece.gaps.push(escapeDiscord(text.slice(last, match.index)));
    piece.words.push(match[0]);
    piece.stems.push(stem(match[0]));
    last = match.index + match[0].length;
  }
  piece.gaps.push(escapeDiscord(text.slice(last)));
  return piece;
}

// Splitting sentences and stemming words are the slow steps of an excerpt, and a section's
// text never changes: both are done once per text segment, the first time it is excerpted.
const pieceCache = new WeakMap<object, { sentences: Piece[]; whole: Piece }>();
function piecesOf(segment: { text: string }, splitSentences: boolean): Piece[] {
  let cached = pieceCache.get(segment);
  if (cached === undefined) {
    const sentences = Array.from(sentenceSegmenter.segment(segment.text), (s) => pieceOf(s.segment));
    cached = { sentences, whole: sentences.length === 1 ? sentences[0]! : pieceOf(segment.text) };
    pieceCache.set(segment, cached);
  }
  return splitSentences ? cached.sentences : [cached.whole];
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

/** Cheap relevance of a block: how many query stems occur in it (stems are word prefixes). */
function blockHits(block: Block, terms: ReadonlySet<string>): number {
  const lower = lowerText(block);
  let hits = 0;
  for (const term of terms) if (lower.includes(term)) hits++;
  return hits;
}

/** Escaped text with the words whose stem is a query term in bold. */
function renderPiece(piece: Piece, terms: ReadonlySet<string>, matched: Set<string>): string {
  let md = '';
  for (let i = 0; i < piece.words.length; i++) {
    md += piece.gaps[i]!;
    const s = piece.stems[i]!;
    if (terms.has(s)) {
      matched.add(s);
      md += `**${piece.words[i]!}**`;
    } else md += piece.words[i]!;
  }
  return md + piece.gaps[piece.words.length]!;
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
      units.push({ md: startsBlock && first && 'text' in first ? escapeLineStart(md) : md, hits: matched.size, startsBlock });
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
    piecesOf(segment, splitSentences).forEach((piece, index) => {
      if (index > 0) push();
      md += renderPiece(piece, terms, matched);
    });
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
  const maxChars = options.maxChars ?? 700;
  // A code block too long to show whole is left out rather than cut.
  const usable = blocks.filter((b) => !(b.kind === 'code' && blockLength(b) > maxChars));
  if (usable.length === 0) return '';

  let bestBlock = 0;
  let bestHits = -1;
  usable.forEach((block, i) => {
    const hits = blockHits(block, terms);
    if (hits > bestHits) [bestBlock, bestHits] = [i, hits];
  });

  // Render only the blocks that can end up in the window.
  const units: Unit[] = [];
  let rendered = 0;
  for (let i = bestBlock; i < usable.length && rendered < maxChars * 2; i++) {
    const block = usable[i]!;
    const blockUnits = unitsOf(block, terms, blockLength(block) > maxChars / 2);
    units.push(...blockUnits);
    rendered += blockUnits.reduce((n, u) => n + u.md.length, 0);
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
    out = safeCut(units[best]!.md.replace(/\*\*/g, ''), maxChars - 2);
    truncated = true;
  }
  return truncated ? `${out} …` : out;
}

/** Cuts at a space so that no link, code span or escape is left open. */
function safeCut(md: string, limit: number): string {
  let cut = md.slice(0, limit).replace(/\s+\S*$/, '');
  const openLink = cut.lastIndexOf('[');
  if (openLink >= 0 && !/\]\([^)]*\)/.test(cut.slice(openLink))) cut = cut.slice(0, openLink);
  if ((cut.match(/(?<!\\)`/g)?.length ?? 0) % 2 === 1) cut = cut.slice(0, cut.lastIndexOf('`'));
  return cut.replace(/\\$/, '').trimEnd();
}
