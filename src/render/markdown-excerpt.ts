import { escapeDiscord, escapeLineStart } from '../notes/escape.js';
import type { Excerpt, ExcerptLayout, ExcerptPiece } from '../search/excerpt.js';

/**
 * Excerpts as Discord Markdown: highlighted words in bold, note text escaped. This is the
 * `excerpt` of `nimbus ask --json` and of Discord's embeds, and the form every excerpt window is
 * sized in, so the bot, the shell and `nimbus ask` show the same window.
 */

/** Note text escaped, its highlighted words in bold (words hold no character that needs escaping). */
function textMarkdown(piece: Extract<ExcerptPiece, { text: string }>): string {
  let md = '';
  let pos = 0;
  for (const [start, end] of piece.highlights) {
    md += `${escapeDiscord(piece.text.slice(pos, start))}**${piece.text.slice(start, end)}**`;
    pos = end;
  }
  return md + escapeDiscord(piece.text.slice(pos));
}

/** One unit as Discord Markdown; markup pieces are Markdown already (notes/blocks.ts). */
export const markdownLayout: ExcerptLayout = (unit) => {
  const md = unit.pieces.map((p) => ('raw' in p ? p.raw : textMarkdown(p))).join('');
  // Markup (list markers, quotes) is written as meant; only a block's own leading text needs escaping.
  return unit.startsBlock && unit.blockStartsWithText ? escapeLineStart(md) : md;
};

export function excerptMarkdown(excerpt: Excerpt): string {
  if (excerpt.units.length === 0) return '';
  let out = '';
  if (excerpt.cutTo !== undefined) out = safeCut(markdownLayout(excerpt.units[0]!).replace(/\*\*/g, ''), excerpt.cutTo);
  else
    for (const unit of excerpt.units)
      out += (out === '' ? '' : unit.startsBlock ? '\n' : ' ') + markdownLayout(unit).trim();
  return `${excerpt.startsLate ? '… ' : ''}${out}${excerpt.endsEarly ? ' …' : ''}`;
}

/** Cuts at a space so that no link, code span or escape is left open. */
function safeCut(md: string, limit: number): string {
  let cut = withoutLastWord(md.slice(0, limit));
  const openLink = cut.lastIndexOf('[');
  if (openLink >= 0 && !hasLinkTarget(cut.slice(openLink))) cut = cut.slice(0, openLink);
  if ((cut.match(/(?<!\\)`/g)?.length ?? 0) % 2 === 1) cut = cut.slice(0, cut.lastIndexOf('`'));
  return cut.replace(/\\$/, '').trimEnd();
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
