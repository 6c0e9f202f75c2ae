import { describe, expect, it } from 'vitest';
import { buildIndex, headingFields } from '../../src/search/index.js';
import { WordScores, type WeightedWord } from '../../src/search/wordScores.js';
import { loadNotes } from '../../src/notes/load.js';

const index = buildIndex(loadNotes({ root: 'notes' }).sections);
const identity = { tokenize: (text: string) => [text], processTerm: (term: string) => term };

/** The same words asked of MiniSearch directly, as one OR query. */
function miniSearchRanking(words: WeightedWord[]) {
  const weight = new Map(words.map((w) => [w.term, w.weight]));
  const full = words.filter((w) => !w.headingsOnly).map((w) => w.term);
  const headings = words.filter((w) => w.headingsOnly).map((w) => w.term);
  const queries = [
    ...(full.length ? [{ combineWith: 'OR' as const, queries: full }] : []),
    ...(headings.length ? [{ combineWith: 'OR' as const, queries: headings, fields: headingFields }] : []),
  ];
  return index.mini.search({ combineWith: 'OR', queries }, { ...identity, boostTerm: (t) => weight.get(t) ?? 1 });
}

const cases: WeightedWord[][] = [
  [
    { term: 'spot', weight: 1, headingsOnly: false },
    { term: 'instanc', weight: 1, headingsOnly: false },
  ],
  [
    { term: 'encrypt', weight: 1, headingsOnly: false },
    { term: 'kms', weight: 1, headingsOnly: false },
    { term: 'kei', weight: 0.5, headingsOnly: false },
    { term: 'manag', weight: 0.5, headingsOnly: false },
    { term: 's3', weight: 1, headingsOnly: true },
  ],
  [
    { term: 'ml', weight: 1, headingsOnly: true },
    { term: 'pipelin', weight: 0.45, headingsOnly: false },
    { term: 'nosuchword', weight: 1, headingsOnly: false },
  ],
];

describe('word scores', () => {
  const caches = {
    'scored at build': {},
    'scored when first asked': { eagerPostings: 0 },
    'never kept': { eagerPostings: 0, maxPostings: 0 },
  };
  for (const [name, options] of Object.entries(caches)) {
    it(`rank the same sections, with the same scores, as a MiniSearch OR query (words ${name})`, () => {
      const scores = new WordScores(
        index.mini,
        headingFields,
        index.sections.length,
        index.docFreq,
        index.headingDocFreq,
        options,
      );
      // Twice: the second round reads whatever the first one kept.
      for (const words of [...cases, ...cases]) {
        const expected = miniSearchRanking(words).slice(0, 40);
        const ranked = scores.rank(words, 40);
        expect(expected.length).toBeGreaterThan(10);
        expect(ranked.map((r) => r.score)).toEqual(expected.map((r) => expect.closeTo(r.score, 9)));
        // Sections with equal scores may come in another order; compare the sets at each score.
        const byScore = (list: { id: unknown; score: number }[]) =>
          list.map((r) => `${r.score.toFixed(9)} ${String(r.id)}`).sort();
        expect(byScore(ranked)).toEqual(byScore(expected));
        for (const r of ranked) {
          const same = expected.find((e) => e.id === r.id)!;
          expect([...r.terms].sort()).toEqual([...same.queryTerms].sort());
        }
      }
    });
  }

  it('counts the words that stand for one question word as one word found', () => {
    // "EKS" spelled out: three words standing for one, next to the question's own "ek".
    const words: WeightedWord[] = [
      { term: 'ek', weight: 1, headingsOnly: false },
      { term: 'elast', weight: 0.5, headingsOnly: false, source: 'ek' },
      { term: 'kubernet', weight: 0.5, headingsOnly: false, source: 'ek' },
      { term: 'node', weight: 1, headingsOnly: false },
    ];
    const all = index.sections.length;
    const alone = words.map((w) => new Map(index.scores.rank([{ ...w, weight: 1 }], all).map((r) => [r.id, r.score])));
    const expected = new Map<number, number>();
    for (const id of new Set(alone.flatMap((scores) => [...scores.keys()]))) {
      const sources = new Set(words.filter((_, k) => alone[k]!.has(id)).map((w) => w.source ?? w.term));
      const sum = words.reduce((total, w, k) => total + w.weight * (alone[k]!.get(id) ?? 0), 0);
      expected.set(id, sum * sources.size);
    }
    const ranked = index.scores.rank(words, 40);
    expect(ranked.length).toBe(40);
    const best = [...expected.values()].sort((a, b) => b - a).slice(0, 40);
    expect(ranked.map((r) => r.score)).toEqual(best.map((score) => expect.closeTo(score, 9)));
    for (const r of ranked) expect(r.score).toBeCloseTo(expected.get(r.id)!, 9);
    // A section with all three "EKS" words and "node" counts two question words, not four.
    const both = ranked.find((r) => r.terms.length === 4);
    expect(both).toBeDefined();
    const sum = words.reduce((total, w, k) => total + w.weight * alone[k]!.get(both!.id)!, 0);
    expect(both!.score).toBeCloseTo(sum * 2, 9);
  });

  it('clears its per-question totals: asking twice gives the same answer', () => {
    const grouped: WeightedWord[] = [
      { term: 'kms', weight: 1, headingsOnly: false },
      { term: 'kei', weight: 0.5, headingsOnly: false, source: 'kms' },
    ];
    const first = index.scores.rank(cases[1]!, 40);
    const firstGrouped = index.scores.rank(grouped, 40);
    index.scores.rank(cases[0]!, 40);
    expect(index.scores.rank(cases[1]!, 40)).toEqual(first);
    expect(index.scores.rank(grouped, 40)).toEqual(firstGrouped);
  });

  it('returns nothing for words no section has', () => {
    expect(index.scores.rank([{ term: 'nosuchword', weight: 1, headingsOnly: false }], 40)).toEqual([]);
  });
});
