import { escapeDiscord, escapeLineStart, type Block, type Segment } from '../notes/blocks.js';
import { stem, tokenize } from './text.js';

export interface ExcerptOptions {
  /** Stop adding blocks once the excerpt is at least this long. */
  minChars?: number;
  /** Never go past this many characters (Discord Markdown included). */
  maxChars?: number;
}

const sentenceSegmenter = new Intl.Segmenter('en', { granularity: 'sentence' });
const wordSegmenter = new Intl.Segmenter('en', { granularity: 'word' });

interface Unit {
  /** Rendered Discord Markdown of this unit. */
  md: string;
  /** Number of distinct query terms in the unit. */
  hits: number;
  startsBlock: boolean;
}

/** Bolds words whose stem is a query term; everything else is escaped. */
function renderText(text: string, terms: ReadonlySet<string>): { md: string; matched: Set<string> } {
  const matched = new Set<string>();
  let md = '';
  for (const { segment, isWordLike } of wordSegmenter.segment(text)) {
    if (isWordLike) {
      const tokenStems = tokenize(segment).map(stem);
      if (tokenStems.some((s) => terms.has(s))) {
        tokenStems.forEach((s) => terms.has(s) && matched.add(s));
        md += `**${escapeDiscord(segment)}**`;
        continue;
      }
    }
    md += escapeDiscord(segment);
  }
  return { md: md.replace(/\*\*\*\*/g, ''), matched };
}

function rawHits(raw: string, terms: ReadonlySet<string>): Set<string> {
  return new Set(tokenize(raw).map(stem).filter((s) => terms.has(s)));
}

/** Splits a block into units an excerpt may start or stop at: whole raw pieces and sentences. */
function unitsOf(block: Block, terms: ReadonlySet<string>, splitSentences: boolean): Unit[] {
  const units: Unit[] = [];
  let current: { md: string; matched: Set<string> } | undefined;
  const push = (): void => {
    if (current && current.md.trim()) {
      const startsBlock = units.length === 0;
      // Prefixes (list markers, quotes) are raw; only a block's own leading text needs escaping.
      const md = startsBlock && 'text' in (block.segments[0] ?? {}) ? escapeLineStart(current.md) : current.md;
      units.push({ md, hits: current.matched.size, startsBlock });
    }
    current = undefined;
  };
  const append = (md: string, matched: Iterable<string>): void => {
    current ??= { md: '', matched: new Set() };
    current.md += md;
    for (const m of matched) current.matched.add(m);
  };
  for (const segment of block.segments as Segment[]) {
    if ('raw' in segment) {
      append(segment.raw, block.kind === 'code' ? [] : rawHits(segment.raw, terms));
      continue;
    }
    const pieces = splitSentences ? [...sentenceSegmenter.segment(segment.text)].map((s) => s.segment) : [segment.text];
    pieces.forEach((piece, index) => {
      if (index > 0) push();
      const { md, matched } = renderText(piece, terms);
      append(md, matched);
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
  const units: Unit[] = [];
  for (const block of blocks) {
    const length = block.segments.reduce((n, s) => n + ('raw' in s ? s.raw.length : s.text.length), 0);
    const blockUnits = unitsOf(block, terms, length > maxChars / 2);
    // A code block too long to show whole is left out rather than cut.
    if (block.kind === 'code' && length > maxChars) continue;
    units.push(...blockUnits);
  }
  if (units.length === 0) return '';

  let best = 0;
  for (let i = 1; i < units.length; i++) if (units[i]!.hits > units[best]!.hits) best = i;
  // Start at the beginning of the block holding the best unit when that still fits.
  let start = best;
  let lengthBack = units[best]!.md.length;
  while (start > 0 && !units[start]!.startsBlock && lengthBack + units[start - 1]!.md.length <= maxChars / 2) {
    start--;
    lengthBack += units[start]!.md.length;
  }

  let out = '';
  let truncated = false;
  for (let i = start; i < units.length; i++) {
    const unit = units[i]!;
    const separator = out === '' ? '' : unit.startsBlock ? '\n' : ' ';
    if (out.length + separator.length + unit.md.length > maxChars) {
      truncated = true;
      break;
    }
    out += separator + unit.md.trim();
    if (out.length >= minChars && (units[i + 1]?.startsBlock ?? true)) {
      truncated = i + 1 < units.length;
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
