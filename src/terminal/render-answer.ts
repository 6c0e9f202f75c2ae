import type { Answer } from '../core/ask.js';
import type { Style } from './style.js';
import { sectionLocation } from '../notes/location.js';

/** Discord Markdown excerpt → terminal text: bold kept as style, escapes undone. */
function markdownToTerminal(md: string, style: Style): string {
  return md.replace(/\*\*(.+?)\*\*/g, (_, inner: string) => style.bold(inner)).replace(/\\([\\*_~`|[\]>#.-])/g, '$1');
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
    markdownToTerminal(best.excerpt, style),
  ];
  if (answer.missing?.length) lines.push('', style.dim(`Missing: ${answer.missing.join(', ')}`));
  if (others.length) {
    lines.push('', 'See also:');
    for (const r of others) lines.push(`  - ${r.headingPath.join(' › ')} ${style.dim(sectionLocation(r))}`);
  }
  return lines.join('\n');
}
