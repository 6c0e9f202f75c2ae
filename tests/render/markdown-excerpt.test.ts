import { describe, expect, it } from 'vitest';
import { excerptMarkdown, jsonPieces, markdownLayout } from '../../src/render/markdown-excerpt.js';
import type { BlockPrefix, Mark } from '../../src/notes/blocks.js';
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

describe('marks as Discord Markdown', () => {
  const shown = (mark: Mark): string => markdownLayout(unit([mark], { blockStartsWithText: false }));

  it('writes inline code between backticks, doubled and spaced when the code holds one', () => {
    expect(shown({ mark: 'code', code: 'a_b*c' })).toBe('`a_b*c`');
    expect(shown({ mark: 'code', code: 'a `tick` b' })).toBe('`` a `tick` b ``');
  });

  it('writes a formula as written, unescaped', () => {
    expect(shown({ mark: 'math', tex: '$a_1 * b_2$' })).toBe('$a_1 * b_2$');
  });

  it('writes bold and italics around escaped text, inner code in its Markdown form escaped', () => {
    expect(shown({ mark: 'strong', children: [{ text: ' snake_case *x* | [y] ~z~ ' }] })).toBe(
      '**snake\\_case \\*x\\* \\| \\[y\\] \\~z\\~**',
    );
    expect(shown({ mark: 'strong', children: [{ mark: 'code', code: '/ask' }] })).toBe('**\\`/ask\\`**');
    expect(shown({ mark: 'emphasis', children: [{ text: 'under_score' }] })).toBe('*under\\_score*');
  });

  it('writes a link with its label escaped and without brackets, its URL encoded where Markdown would end it', () => {
    expect(shown(link('a_b *c* [d]', 'https://e.x/a b(c)'))).toBe('[a\\_b \\*c\\* \\d\\](https://e.x/a%20b%28c%29)');
    expect(shown(link('plain', 'https://e.x/p?q=1#f'))).toBe('[plain](https://e.x/p?q=1#f)');
  });

  it('writes a code block as a fence with its language, a tilde fence when the code holds backtick fences', () => {
    expect(shown({ mark: 'codeBlock', lang: 'py', code: 'x = 2 ** 3  # a_b' })).toBe('```py\nx = 2 ** 3  # a_b\n```');
    expect(shown({ mark: 'codeBlock', lang: null, code: 'say ```hi```' })).toBe('~~~\nsay ```hi```\n~~~');
  });

  it('writes prefixes as bullets, numbers, indents and quote bars', () => {
    const item = (prefix: BlockPrefix): string =>
      markdownLayout(unit([{ text: 'x', highlights: [] }], { kind: 'item', blockStartsWithText: false, prefix }));
    expect(item({ type: 'bullet', depth: 0 })).toBe('• x');
    expect(item({ type: 'bullet', depth: 2 })).toBe('    • x');
    expect(item({ type: 'ordered', number: 7, depth: 1 })).toBe('  7. x');
    expect(item({ type: 'continuation', depth: 0 })).toBe('  x');
    expect(item({ type: 'quote' })).toBe('> x');
  });

  it('gives ask --json each mark with its Markdown as raw and its data, and the prefix as a first raw piece', () => {
    const code: Mark = { mark: 'code', code: 'x' };
    expect(jsonPieces({ prefix: { type: 'ordered', number: 2, depth: 0 }, pieces: [code] })).toEqual([
      { raw: '2. ' },
      { raw: '`x`', mark: 'code', code: 'x' },
    ]);
  });
});
