import { isMark, type Mark, prefixText, type Segment } from '../notes/blocks.js';
import type { Excerpt, ExcerptLayout, ExcerptPiece, ExcerptUnit } from '../search/excerpt.js';
import { escapeDiscord, escapeLineStart } from './escape.js';

/**
 * Excerpts as Discord Markdown: highlighted words in bold, note text escaped, marks written as
 * Markdown. This is the `excerpt` of `nimbus ask --json` and of Discord's embeds, and the form
 * every excerpt window is sized in, so the bot, the shell and `nimbus ask` show the same window.
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

export function codeFence(lang: string | null, code: string): string {
  const fence = code.includes('```') ? '~~~' : '```';
  return `${fence}${lang ?? ''}\n${code}\n${fence}`;
}

/**
 * The text inside bold, italics or a link label. Discord shows no markup inside those, so inner
 * marks are written as their Markdown and then escaped: `**\`/ask\`**` shows the backticks.
 */
const innerMarkdown = (segments: Segment[]): string =>
  escapeDiscord(
    segments
      .map((s) => (isMark(s) ? markMarkdown(s) : s.text))
      .join('')
      .trim(),
  );

/** A URL with its parentheses and white space percent-encoded, so that `(…)` cannot end early. */
export const linkTarget = (url: string): string =>
  url.replace(/[()\s]/g, (c) => (c === '(' ? '%28' : c === ')' ? '%29' : encodeURIComponent(c)));

// A mark is written the same way every time it is shown: remember it (it sizes every window).
const written = new WeakMap<Mark, string>();

/** One mark as Discord Markdown. */
export function markMarkdown(mark: Mark): string {
  let md = written.get(mark);
  if (md !== undefined) return md;
  switch (mark.mark) {
    case 'code':
      md = mark.code.includes('`') ? `\`\` ${mark.code} \`\`` : `\`${mark.code}\``;
      break;
    case 'math':
      md = mark.tex;
      break;
    case 'strong':
      md = `**${innerMarkdown(mark.children)}**`;
      break;
    case 'emphasis':
      md = `*${innerMarkdown(mark.children)}*`;
      break;
    case 'link':
      md = `[${innerMarkdown(mark.children).replace(/[[\]]/g, '')}](${linkTarget(mark.url)})`;
      break;
    case 'codeBlock':
      md = codeFence(mark.lang, mark.code);
  }
  written.set(mark, md);
  return md;
}

const pieceMarkdown = (piece: ExcerptPiece): string => (isMark(piece) ? markMarkdown(piece) : textMarkdown(piece));

/** One unit as Discord Markdown. */
export const markdownLayout: ExcerptLayout = (unit) => {
  const md = (unit.prefix ? prefixText(unit.prefix) : '') + unit.pieces.map(pieceMarkdown).join('');
  // Prefixes and marks are written as meant; only a block's own leading text needs escaping.
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

/**
 * A unit's pieces for `nimbus ask --json`: text pieces as they are, each mark with its Discord
 * Markdown as `raw` (the key readers had before marks were data), a block's prefix as a first
 * `raw` piece.
 */
export function jsonPieces(unit: Pick<ExcerptUnit, 'prefix' | 'pieces'>): object[] {
  const pieces: object[] = unit.pieces.map((p) => (isMark(p) ? { raw: markMarkdown(p), ...p } : p));
  if (unit.prefix) pieces.unshift({ raw: prefixText(unit.prefix) });
  return pieces;
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
