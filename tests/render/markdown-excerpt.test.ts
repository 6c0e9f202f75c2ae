import { describe, expect, it } from 'vitest';
import { excerptMarkdown, markdownLayout } from '../../src/render/markdown-excerpt.js';
import type { Mark } from '../../src/notes/blocks.js';
import type { Excerpt, ExcerptUnit } from '../../src/search/excerpt.js';

const unit = (pieces: ExcerptUnit['pieces'], extra: Partial<ExcerptUnit> = {}): ExcerptUnit => ({
  kind: 'text',
  startsBlock: true,
  blockStartsWithText: true,
  pieces,
  ...extra,
});
const link = (label: string, url: string): Mark => ({ mark: 'link', url, children: [{ text: label }] });
const excerpt = (units: ExcerptUnit[], extra: Partial<Excerpt> = {}): Excerpt => ({
  units,
  startsLate: false,
  endsEarly: false,
  ...extra,
});

describe('excerpts as Discord Markdown', () => {
  it('escapes Markdown characters of the note text and bolds the highlighted words', () => {
    const text = 'Set income_missing to 2 * 3 | `x` [y] ~z~ and storage.';
    const at = text.indexOf('storage');
    const md = excerptMarkdown(excerpt([unit([{ text, highlights: [[at, at + 7]] }])]));
    expect(md).toBe('Set income\\_missing to 2 \\* 3 \\| \\`x\\` \\[y\\] \\~z\\~ and **storage**.');
  });

  it('escapes a heading, quote or list marker at the start of a block, not markup', () => {
    expect(markdownLayout(unit([{ text: '# not a heading', highlights: [] }]))).toBe('\\# not a heading');
    expect(markdownLayout(unit([{ text: '1. not a list', highlights: [] }]))).toBe('\\1. not a list');
    const item = unit([{ text: 'an item', highlights: [] }], {
      kind: 'item',
      blockStartsWithText: false,
      prefix: { type: 'bullet', depth: 0 },
    });
    expect(markdownLayout(item)).toBe('• an item');
  });

  it('keeps note markup whole, joins sentences with spaces and blocks with new lines, and marks cuts', () => {
    const md = excerptMarkdown(
      excerpt(
        [
          unit([{ text: 'First. ', highlights: [] }], { startsBlock: false }),
          unit([{ text: 'Second ', highlights: [] }, link('link', 'https://e.x/a')], { startsBlock: false }),
          unit([{ text: 'item', highlights: [] }], {
            kind: 'item',
            blockStartsWithText: false,
            prefix: { type: 'bullet', depth: 0 },
          }),
        ],
        { startsLate: true, endsEarly: true },
      ),
    );
    expect(md).toBe('… First. Second [link](https://e.x/a)\n• item …');
  });

  it('cuts a unit too long for the excerpt at a word, outside any link', () => {
    const text = `${'word '.repeat(10)}`;
    const md = excerptMarkdown(
      excerpt([unit([{ text, highlights: [] }, link('a link', 'https://e.x')])], { endsEarly: true, cutTo: 56 }),
    );
    expect(md).toBe(`${'word '.repeat(10).trim()} …`);
  });
});
