import { describe, expect, it } from 'vitest';
import { type Block, plainTextOf } from '../../src/notes/blocks.js';
import { buildExcerpt, type ExcerptPiece, ExcerptTexts, excerptBlocks } from '../../src/search/excerpt.js';
import { stem } from '../../src/search/text.js';
import { libraryFrom } from '../helpers/sections.js';

const terms = (...words: string[]) => new Set(words.map(stem));
const blocksOf = (markdown: string): Block[] =>
  libraryFrom({ 'a.md': `## Section\n\n${markdown}` }).sections[0]!.blocks;
const textPieces = (pieces: ExcerptPiece[]) => pieces.filter((p) => 'text' in p);

describe('excerpts as data', () => {
  it('highlights exactly the words whose stem was searched, by offset in the piece', () => {
    const excerpt = buildExcerpt(
      new ExcerptTexts(),
      blocksOf('Launching a widget is quick. Widgets launch in seconds; relaunch is slower.'),
      terms('launch'),
    );
    const [piece] = textPieces(excerpt.units.flatMap((u) => u.pieces));
    if (!piece || !('text' in piece)) throw new Error('expected a text piece');
    expect(piece.highlights.map(([s, e]) => piece.text.slice(s, e))).toEqual(['Launching', 'launch']);
    for (const [s, e] of piece.highlights) expect(terms('launch').has(stem(piece.text.slice(s, e)))).toBe(true);
  });

  it('keeps highlight offsets relative to each sentence when a long block is split', () => {
    const filler = Array.from({ length: 20 }, (_, i) => `Filler sentence ${i} says nothing much at all.`).join(' ');
    const excerpt = buildExcerpt(
      new ExcerptTexts(),
      blocksOf(`${filler} The glacier tier is cold. ${filler}`),
      terms('glacier'),
    );
    const highlighted = excerpt.units
      .flatMap((u) => textPieces(u.pieces))
      .flatMap((p) => ('text' in p ? p.highlights.map(([s, e]) => p.text.slice(s, e)) : []));
    expect(highlighted).toEqual(['glacier']);
    expect(excerpt.startsLate).toBe(true);
  });

  it('returns the note text as written: no Markdown, bold or escapes added', () => {
    const note = 'Use income_missing and 2 * 3 for storage | keys.';
    const excerpt = buildExcerpt(new ExcerptTexts(), blocksOf(note.replace(/[_*|]/g, '\\$&')), terms('storage'));
    const text = plainTextOf(excerpt.units.flatMap((u) => u.pieces));
    expect(text).toBe(note);
  });

  it('groups units by block for readers of the data', () => {
    const excerpt = buildExcerpt(
      new ExcerptTexts(),
      blocksOf('Storage intro.\n\n- storage tier one\n- storage tier two'),
      terms('storage'),
    );
    expect(excerptBlocks(excerpt).map((b) => b.kind)).toEqual(['text', 'item', 'item']);
  });

  it('sizes the window in the caller’s layout', () => {
    const blocks = blocksOf(Array.from({ length: 30 }, (_, i) => `Storage sentence ${i} is here.`).join(' '));
    const plain = buildExcerpt(new ExcerptTexts(), blocks, terms('storage'));
    const doubled = buildExcerpt(new ExcerptTexts(), blocks, terms('storage'), {
      layout: (unit) => plainTextOf(unit.pieces).repeat(2),
    });
    expect(doubled.units.length).toBeLessThan(plain.units.length);
  });
});
