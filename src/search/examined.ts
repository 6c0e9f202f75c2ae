import { type Block, isMark, plainTextOf, type Segment } from '../notes/blocks.js';

// How much of a section the per-answer steps (the excerpt's best block, the answer line) and the
// excerpt's per-text work at index build examine. Each of them walks every word of a section, so a
// note with one 100,000-word section (~700,000 characters) cost 15–40 ms per answer that reached it.
//
// Why a prefix, and these figures:
// - A section up to `wholeSectionChars` is examined whole, so every normal section answers exactly
//   as before: the longest we know is 57,668 characters (the SageMaker guide's table of contents,
//   1,283 blocks); our notes and the real notes folders stay under 5,000.
// - Past that, the section is not a teaching section but a dump (a log, a book pasted whole), and
//   only its first `examinedChars` characters are examined: the excerpt and the answer line come
//   from its start, where a reader opening it starts too. The section still ranks on all its words
//   (the search index holds them); only the work of showing it is bounded, at about the cost of a
//   normal long section. Blocks that hold query hits further in are not looked for: finding them
//   means reading the whole section again on every answer, the cost this bound exists to remove.
// - The block that crosses the budget is cut at a space (its text segments; markup kept whole or
//   left out; a code block that does not fit is left out), so one 100,000-word paragraph is bounded too.

export const sectionBudget = {
  /** Sections up to this many characters are examined whole. */
  wholeSectionChars: 100_000,
  /** How many characters of a longer section are examined, from its start. */
  examinedChars: 20_000,
};

/** The blocks an answer examines, and whether the section goes on past them. */
export interface ExaminedBlocks {
  blocks: Block[];
  /** Part of the section is left out: an excerpt that reaches the end of `blocks` ends early. */
  cut: boolean;
}

const segmentLength = (s: Segment): number => (isMark(s) ? plainTextOf([s]).length : s.text.length);

/** The start of a text, cut at the last space within `chars` (or at `chars` if there is none). */
function cutText(text: string, chars: number): string {
  const space = text.lastIndexOf(' ', chars);
  return text.slice(0, space > 0 ? space : chars);
}

/** The segments of a block that fit in `chars`, the last text segment cut at a space. */
function cutBlock(block: Block, chars: number): Block | null {
  const segments: Segment[] = [];
  let left = chars;
  for (const segment of block.segments) {
    const length = segmentLength(segment);
    if (length <= left) {
      segments.push(segment);
      left -= length;
      continue;
    }
    if (!isMark(segment) && left > 0) segments.push({ text: cutText(segment.text, left) });
    break;
  }
  return segments.length > 0 ? { ...block, segments } : null;
}

function examine(blocks: Block[]): ExaminedBlocks {
  let total = 0;
  for (const block of blocks) for (const s of block.segments) total += segmentLength(s);
  if (total <= sectionBudget.wholeSectionChars) return { blocks, cut: false };
  const kept: Block[] = [];
  let used = 0;
  for (const block of blocks) {
    const length = block.segments.reduce((n, s) => n + segmentLength(s), 0);
    if (used + length <= sectionBudget.examinedChars) {
      kept.push(block);
      used += length;
      continue;
    }
    // A code block is shown whole or not at all: it is left out, and the next block may fit.
    if (block.kind === 'code') continue;
    const cut = cutBlock(block, sectionBudget.examinedChars - used);
    if (cut) kept.push(cut);
    break;
  }
  return { blocks: kept, cut: true };
}

// Keyed by the section's blocks: the cut blocks keep their identity from one answer to the next,
// so the per-text caches (ExcerptTexts, the answer line's units) hold them like any other block.
const examinedCache = new WeakMap<Block[], ExaminedBlocks>();

/** The part of a section's blocks the per-answer steps examine (see sectionBudget). */
export function examinedBlocks(blocks: Block[]): ExaminedBlocks {
  let examined = examinedCache.get(blocks);
  if (examined === undefined) {
    examined = examine(blocks);
    examinedCache.set(blocks, examined);
  }
  return examined;
}
