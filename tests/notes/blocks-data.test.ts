import { describe, expect, it } from 'vitest';
import { type Block, isMark, type Segment } from '../../src/notes/blocks.js';
import { buildExcerpt, ExcerptTexts } from '../../src/search/excerpt.js';
import { libraryFrom } from '../helpers/sections.js';

// Blocks and excerpts are data in no output syntax: no Markdown or Discord escaping is added by
// src/notes or src/search; each renderer writes the marks in its own syntax.

const note = [
  '# Marks',
  '',
  'Plain text with **bold_text and *star*** and *italic|bars* and `code` and ``a `tick` here``.',
  '',
  'See [the \\[guide\\] x_y|z](<https://docs.example.com/a b(c)>) and [another note](other.md) and $e^{i\\pi}$.',
  '',
  '- first item',
  '  - nested item',
  '',
  '  continued paragraph',
  '',
  '3. third',
  '4. fourth',
  '',
  '> quoted _text_',
  '',
  '| Service | Note |',
  '| --- | --- |',
  '| **Amazon Athena** | runs `SELECT` on S3 |',
  '',
  '```py',
  'print(2 ** 3)  # \\. stays',
  '```',
].join('\n');

const blocks: Block[] = libraryFrom({ 'marks.md': note }).sections[0]!.blocks;

/** Every segment, inside marks too. */
const allSegments = (segments: Segment[]): Segment[] =>
  segments.flatMap((s) => (isMark(s) && 'children' in s ? [s, ...allSegments(s.children)] : [s]));

describe('blocks as data', () => {
  it('gives each mark kind as data, its text as written', () => {
    expect(blocks[0]!.segments).toEqual([
      { text: 'Plain text with ' },
      { mark: 'strong', children: [{ text: 'bold_text and ' }, { mark: 'emphasis', children: [{ text: 'star' }] }] },
      { text: ' and ' },
      { mark: 'emphasis', children: [{ text: 'italic|bars' }] },
      { text: ' and ' },
      { mark: 'code', code: 'code' },
      { text: ' and ' },
      { mark: 'code', code: 'a `tick` here' },
      { text: '.' },
    ]);
  });

  it('keeps a link its label and URL, an unresolved link its label, a formula as written', () => {
    expect(blocks[1]!.segments).toEqual([
      { text: 'See ' },
      { mark: 'link', url: 'https://docs.example.com/a b(c)', children: [{ text: 'the [guide] x_y|z' }] },
      { text: ' and ' },
      { text: 'another note' },
      { text: ' and ' },
      { mark: 'math', tex: '$e^{i\\pi}$' },
      { text: '.' },
    ]);
  });

  it('says where a block sits in a list or quote as a prefix, not as a marker in the text', () => {
    const prefixed = blocks.slice(2, 8).map((b) => [b.kind, b.prefix, (b.segments[0] as { text: string }).text]);
    expect(prefixed).toEqual([
      ['item', { type: 'bullet', depth: 0 }, 'first item'],
      ['item', { type: 'bullet', depth: 1 }, 'nested item'],
      ['item', { type: 'continuation', depth: 0 }, 'continued paragraph'],
      ['item', { type: 'ordered', number: 3, depth: 0 }, 'third'],
      ['item', { type: 'ordered', number: 4, depth: 0 }, 'fourth'],
      ['quote', { type: 'quote' }, 'quoted '],
    ]);
  });

  it('keeps the marks of table cells as marks between " · "', () => {
    const rows = blocks.filter((b) => b.kind === 'row').map((b) => b.segments);
    expect(rows).toEqual([
      [{ text: 'Service · Note' }],
      [
        { mark: 'strong', children: [{ text: 'Amazon Athena' }] },
        { text: ' · runs ' },
        { mark: 'code', code: 'SELECT' },
        { text: ' on S3' },
      ],
    ]);
  });

  it('keeps a code block whole with its language', () => {
    expect(blocks.at(-1)).toEqual({
      kind: 'code',
      segments: [{ mark: 'codeBlock', lang: 'py', code: 'print(2 ** 3)  # \\. stays' }],
    });
  });

  it('adds no Markdown or escapes to any text, and excerpts pass the data through unchanged', () => {
    const texts = blocks.flatMap((b) => allSegments(b.segments)).flatMap((s) => (isMark(s) ? [] : [s.text]));
    for (const text of texts) expect(text).not.toMatch(/\*\*|`|\\|^[•>]|\]\(/);
    const excerpt = buildExcerpt(new ExcerptTexts(), blocks, new Set(['text']), { maxChars: 3000, minChars: 3000 });
    const pieces = excerpt.units.flatMap((u) => u.pieces);
    expect(pieces.filter(isMark)).toEqual(blocks.flatMap((b) => b.segments).filter(isMark));
    for (const piece of pieces) if (!isMark(piece)) expect(piece.text).not.toMatch(/\*\*|`|\\|\]\(/);
  });
});
