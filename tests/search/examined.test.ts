import { describe, expect, it } from 'vitest';
import { ask } from '../../src/core/ask.js';
import { type Block, plainTextOf } from '../../src/notes/blocks.js';
import { findAnswerLine } from '../../src/search/answer-line.js';
import { examinedBlocks, sectionBudget } from '../../src/search/examined.js';
import { buildExcerpt, type ExcerptLayout, ExcerptTexts } from '../../src/search/excerpt.js';
import { buildIndex } from '../../src/search/index.js';
import { stem } from '../../src/search/text.js';
import { libraryFrom } from '../helpers/sections.js';

const vocabulary = ['storage', 'bucket', 'object', 'region', 'replica', 'policy', 'archive', 'tier', 'cost', 'access'];
/** `count` words of filler, a full stop every 15 words; `rare` is placed once, at word `rareAt`. */
function words(count: number, rare?: { word: string; at: number }): string[] {
  return Array.from({ length: count }, (_, i) => {
    const w = rare && i === rare.at ? rare.word : vocabulary[(i * 7 + (i >> 3)) % vocabulary.length]!;
    return i % 15 === 14 ? `${w}.` : w;
  });
}
const charsOf = (blocks: Block[]) => blocks.reduce((n, b) => n + plainTextOf(b.segments).length, 0);

// One note, three sections: 100,000 words in 1,000 paragraphs; 100,000 words in one paragraph;
// a normal one. A rare word sits past the examined part of the first.
const hugeWords = words(100_000, { word: 'quokka', at: 90_000 });
const library = libraryFrom({
  'huge.md': [
    '# Huge',
    '## Paragraphs',
    Array.from({ length: 1000 }, (_, p) => hugeWords.slice(p * 100, p * 100 + 100).join(' ')).join('\n\n'),
    '## One paragraph',
    words(100_000).join(' '),
    '## Glacier',
    'Glacier is an archive storage class for data read rarely, at a low cost per gigabyte.',
  ].join('\n\n'),
});
const section = (heading: string) => library.sections.find((s) => s.heading === heading)!;
const paragraphs = section('Paragraphs');
const onePara = section('One paragraph');
const normal = section('Glacier');
const terms = new Set(['storage', 'cost'].map(stem));

describe('the work per answer on a huge section is bounded', () => {
  it('examines a normal section whole, the same blocks', () => {
    expect(examinedBlocks(normal.blocks)).toEqual({ blocks: normal.blocks, cut: false });
    expect(examinedBlocks(normal.blocks).blocks).toBe(normal.blocks);
  });

  it('examines only the start of a 100,000-word section, cut at a space, whether in many blocks or one', () => {
    for (const s of [paragraphs, onePara]) {
      expect(charsOf(s.blocks)).toBeGreaterThan(sectionBudget.wholeSectionChars);
      const { blocks, cut } = examinedBlocks(s.blocks);
      expect(cut).toBe(true);
      const chars = charsOf(blocks);
      expect(chars).toBeLessThanOrEqual(sectionBudget.examinedChars);
      expect(chars).toBeGreaterThan(sectionBudget.examinedChars - 100);
      const text = blocks.map((b) => plainTextOf(b.segments)).join(' ');
      const whole = s.blocks.map((b) => plainTextOf(b.segments)).join(' ');
      expect(whole.startsWith(text)).toBe(true);
      expect(whole[text.length]).toMatch(/\s/);
    }
  });

  it('gives the excerpt of the capped prefix, marked as stopping before the end', () => {
    for (const s of [paragraphs, onePara]) {
      const prefix = examinedBlocks(s.blocks).blocks.map((b) => ({ ...b, segments: [...b.segments] }));
      const texts = new ExcerptTexts();
      const huge = buildExcerpt(texts, s.blocks, terms);
      const capped = buildExcerpt(texts, prefix, terms);
      expect(huge.units).toEqual(capped.units);
      expect(huge.startsLate).toBe(capped.startsLate);
      expect(huge.endsEarly).toBe(true);
    }
  });

  it('lays out and stems no more than the examined characters (counted, not timed)', () => {
    for (const s of [paragraphs, onePara]) {
      let laidOut = 0;
      const counting: ExcerptLayout = (unit) => {
        const text = unit.pieces.map((p) => ('mark' in p ? plainTextOf([p]) : p.text)).join('');
        laidOut += text.length;
        return text;
      };
      const excerpt = buildExcerpt(new ExcerptTexts(), s.blocks, terms, { layout: counting });
      expect(excerpt.units.length).toBeGreaterThan(0);
      expect(laidOut).toBeLessThanOrEqual(sectionBudget.examinedChars);

      let stemmed = 0;
      const countingStem = (word: string) => {
        stemmed++;
        return stem(word);
      };
      const searched = new Map([[stem('archive'), { source: stem('archive'), weight: 1 }]]);
      const line = findAnswerLine(s.blocks, searched, countingStem);
      expect(line?.text).toMatch(/archive/);
      // The examined 20,000 characters hold about 3,000 words of the section's 100,000.
      expect(stemmed).toBeGreaterThan(1000);
      expect(stemmed).toBeLessThan(4000);
    }
  });

  it('answers a question that reaches a huge section with a non-empty excerpt and answer line', () => {
    const index = buildIndex(library.sections);
    const answer = ask(index, 'archive tier policy', { limit: 5 });
    const top = answer.results.find((r) => r.heading === 'Paragraphs' || r.heading === 'One paragraph');
    expect(top?.excerpt.units.length).toBeGreaterThan(0);
    expect(answer.answerLine).toBeTruthy();
    // A word that only occurs past the examined part still finds the section; its excerpt is its start.
    const rare = ask(index, 'quokka', { limit: 5 });
    expect(rare.results[0]?.heading).toBe('Paragraphs');
    const excerpt = rare.results[0]!.excerpt;
    expect(excerpt.units.length).toBeGreaterThan(0);
    expect(excerpt.startsLate).toBe(false);
    expect(excerpt.endsEarly).toBe(true);
  });
});
