import type { Answer } from '../core/ask.js';
import type { Excerpt, ExcerptPiece, ExcerptUnit } from '../search/excerpt.js';
import type { Style } from './style.js';
import { isMark, type Mark, prefixText, type Segment } from '../notes/blocks.js';
import { sectionLocation } from '../notes/location.js';
import { codeFence, linkTarget } from '../render/markdown-excerpt.js';

/** Inline code between backticks (two, spaced, when the code holds one), as Markdown readers know it. */
const codeSpan = (code: string): string => (code.includes('`') ? `\`\` ${code} \`\`` : `\`${code}\``);

/** A link as `[label](url)`: the label without brackets, spaces and parentheses in the URL encoded. */
const linkText = (label: string, url: string): string => `[${label.replace(/[[\]]/g, '')}](${linkTarget(url)})`;

/** A mark as terminal text: bold as the style's bold, code and links as they read in Markdown. */
function markText(mark: Mark, style: Style): string {
  switch (mark.mark) {
    case 'code':
      return codeSpan(mark.code);
    case 'math':
      return mark.tex;
    case 'strong':
      return style.bold(segmentsText(mark.children, style).trim());
    case 'emphasis':
      return `*${segmentsText(mark.children, style).trim()}*`;
    case 'link':
      return linkText(segmentsText(mark.children, style).trim(), mark.url);
    case 'codeBlock':
      return codeFence(mark.lang, mark.code);
  }
}

const segmentsText = (segments: Segment[], style: Style): string =>
  segments.map((s) => (isMark(s) ? markText(s, style) : s.text)).join('');

function pieceText(piece: ExcerptPiece, style: Style): string {
  if (isMark(piece)) return markText(piece, style);
  let out = '';
  let pos = 0;
  for (const [start, end] of piece.highlights) {
    out += piece.text.slice(pos, start) + style.bold(piece.text.slice(start, end));
    pos = end;
  }
  return out + piece.text.slice(pos);
}

const unitText = (unit: ExcerptUnit, style: Style): string =>
  (unit.prefix ? prefixText(unit.prefix) : '') + unit.pieces.map((p) => pieceText(p, style)).join('');

/** An excerpt as terminal text: the question's words in bold, blocks on their own lines. */
export function excerptText(excerpt: Excerpt, style: Style): string {
  if (excerpt.units.length === 0) return '';
  let out = '';
  if (excerpt.cutTo !== undefined)
    out = unitText(excerpt.units[0]!, style)
      .slice(0, excerpt.cutTo)
      .replace(/\s+\S*$/, '')
      .trimEnd();
  else
    for (const unit of excerpt.units)
      out += (out === '' ? '' : unit.startsBlock ? '\n' : ' ') + unitText(unit, style).trim();
  return `${excerpt.startsLate ? '… ' : ''}${out}${excerpt.endsEarly ? ' …' : ''}`;
}

export function renderAnswer(answer: Answer, style: Style): string {
  if (answer.reason === 'empty-question')
    return 'Ask a question about the notes, for example: what is an S3 storage class?';
  if (!answer.confident) {
    const lines = [style.warn("The notes don't cover that.")];
    if (answer.results.length) {
      lines.push('Did you mean:');
      for (const r of answer.results.slice(0, 3)) lines.push(`  - ${r.headingPath.join(' › ')}`);
    }
    return lines.join('\n');
  }
  const [best, ...others] = answer.results;
  if (!best) return '';
  const lines = [
    style.bold(best.headingPath.join(' › ')),
    style.dim(sectionLocation(best)),
    '',
    ...(answer.answerLine ? [style.bold(answer.answerLine), ''] : []),
    excerptText(best.excerpt, style),
  ];
  if (answer.missing?.length) lines.push('', style.dim(`Missing: ${answer.missing.join(', ')}`));
  if (others.length) {
    lines.push('', 'See also:');
    for (const r of others) lines.push(`  - ${r.headingPath.join(' › ')} ${style.dim(sectionLocation(r))}`);
  }
  return lines.join('\n');
}
