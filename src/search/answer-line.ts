import { type Block, plainTextOf, prefixText } from '../notes/blocks.js';
import { examinedBlocks } from './examined.js';
import { stem as englishStem } from './text.js';

type Stem = (word: string) => string;

// The answer line: the one sentence, list item or table row of a section that best answers the
// question, shown first. Without a reader model, "best" is the unit holding the most of the
// question's information: the IDF weights of the question words it contains (through their
// expansions and typo corrections too), each question word counted once.

export interface AnswerLine {
  /** Plain text of the unit. */
  text: string;
  /** The question words it contains (stemmed), directly or through a word standing for them. */
  covers: Set<string>;
}

const sentences = new Intl.Segmenter('en', { granularity: 'sentence' });
const word = /[\p{L}\p{N}]+/gu;
const hasWord = /[\p{L}\p{N}]/u;
/** A unit longer than this is split into sentences; a list item or table row usually stays whole. */
const maxWholeUnit = 240;

// Stems depend on the notes' language: each entry remembers the stemmer that made it.
const unitCache = new WeakMap<Block, { text: string; stems: string[]; by: Stem }[]>();
function unitsOf(block: Block, stem: Stem): { text: string; stems: string[] }[] {
  let units = unitCache.get(block);
  if (units === undefined || (units.length > 0 && units[0]!.by !== stem)) {
    const prefix = block.prefix ? prefixText(block.prefix) : '';
    const text = (prefix + plainTextOf(block.segments)).replace(/\s+/g, ' ').trim();
    const whole = block.kind !== 'text' && block.kind !== 'quote' && text.length <= maxWholeUnit;
    const pieces = whole ? [text] : Array.from(sentences.segment(text), (s) => s.segment.trim());
    units = pieces
      .filter((p) => hasWord.test(p))
      .map((p) => ({ text: p, stems: (p.match(word) ?? []).map(stem), by: stem }));
    unitCache.set(block, units);
  }
  return units;
}

/**
 * A question asking for a figure ("max size") is best answered by a unit stating one: such a unit
 * is the answer line when it holds at least this share of what the best unit holds.
 */
const wantedLineShare = 0.5;

/**
 * The best unit of the blocks for the searched words (stem → its question word and weight), or
 * null when no unit holds any of them. `wanted` says which units state what the question asks
 * for (a figure of the asked kind); the best of those wins when it is close enough.
 */
export function findAnswerLine(
  blocks: Block[],
  searched: ReadonlyMap<string, { source: string; weight: number }>,
  stem: Stem = englishStem,
  wanted?: (text: string) => boolean,
): AnswerLine | null {
  let best: AnswerLine | null = null;
  let bestScore = 0;
  let bestWanted: AnswerLine | null = null;
  let bestWantedScore = 0;
  // A huge section is examined from its start only (see examined.ts).
  for (const block of examinedBlocks(blocks).blocks) {
    if (block.kind === 'code') continue;
    for (const unit of unitsOf(block, stem)) {
      const sources = new Map<string, number>();
      for (const s of unit.stems) {
        const match = searched.get(s);
        if (!match) continue;
        sources.set(match.source, Math.max(sources.get(match.source) ?? 0, match.weight));
      }
      let score = 0;
      for (const weight of sources.values()) score += weight;
      if (score > bestScore) {
        bestScore = score;
        best = { text: unit.text, covers: new Set(sources.keys()) };
      }
      if (wanted && score > bestWantedScore && wanted(unit.text)) {
        bestWantedScore = score;
        bestWanted = { text: unit.text, covers: new Set(sources.keys()) };
      }
    }
  }
  return bestWanted && bestWantedScore >= wantedLineShare * bestScore ? bestWanted : best;
}
