import type { Answer } from '../core/ask.js';
import type { Excerpt, ExcerptPiece, ExcerptUnit } from '../search/excerpt.js';
import type { Style } from './style.js';
import { sectionLocation } from '../notes/location.js';

/** Note markup (Discord Markdown, notes/blocks.ts) as terminal text: bold kept as style, escapes undone. */
function markupToTerminal(md: string, style: Style): string {
  return md.replace(/\*\*(.+?)\*\*/g, (_, inner: string) => style.bold(inner)).replace(/\\([\\*_~`|[\]>#.-])/g, '$1');
}

function pieceText(piece: ExcerptPiece, style: Style): string {
  if ('raw' in piece) return markupToTerminal(piece.raw, style);
  let out = '';
  let pos = 0;
  for (const [start, end] of piece.highlights) {
    out += piece.text.slice(pos, start) + style.bold(piece.text.slice(start, end));
    pos = end;
  }
  return out + piece.text.slice(pos);
}

const unitText = (unit: ExcerptUnit, style: Style): string => unit.pieces.map((p) => pieceText(p, style)).join('');

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
