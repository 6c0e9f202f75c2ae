import { describe, expect, it } from 'vitest';
import { isEnglishWord } from '../../src/search/dictionary.js';
import { plainSuperlatives } from '../../src/search/superlatives.js';
import { stem } from '../../src/search/text.js';

describe('plainSuperlatives', () => {
  const known = new Set(['big', 'quick', 'larg', 'easi', 'time', 'start']);
  const plain = (q: string) => plainSuperlatives(q, (t) => known.has(t), stem, isEnglishWord);

  // Porter keeps "biggest" as it is, a word the notes never use at the highest IDF.
  it('reads a superlative the notes never use as its plain form when the notes use that', () => {
    expect(plain('the biggest training runs')).toBe('the big training runs');
    expect(plain('quickest fix')).toBe('quick fix');
    expect(plain('largest object')).toBe('large object');
    expect(plain('easiest way')).toBe('easy way');
  });

  it('leaves comparatives, nouns in -er, unknown plain forms and parts of identifiers alone', () => {
    expect(plain('a timer or a starter')).toBe('a timer or a starter');
    expect(plain('the smallest file')).toBe('the smallest file');
    expect(plain('max_biggest and biggest.py')).toBe('max_biggest and biggest.py');
  });
});
