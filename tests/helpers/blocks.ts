import { type Block, isMark, prefixText } from '../../src/notes/blocks.js';
import { markMarkdown } from '../../src/render/markdown-excerpt.js';

/** A block as it reads in Markdown: its prefix, its text as written and its marks as Discord writes them. */
export const blockMarkdown = (block: Block): string =>
  (block.prefix ? prefixText(block.prefix) : '') +
  block.segments.map((s) => (isMark(s) ? markMarkdown(s) : s.text)).join('');
