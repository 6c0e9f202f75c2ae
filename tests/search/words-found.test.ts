import { describe, expect, it } from 'vitest';
import { buildIndex } from '../../src/search/index.js';
import { search } from '../../src/search/query.js';
import { libraryFrom } from '../helpers/sections.js';

// The OR query multiplies a section's summed scores by the number of question words it holds.
// A word searched in headings only adds its score but is not counted there (DESIGN.md §2.7): a
// heading that happens to say a common word must not outrank the section about the question.

describe('words found: uncounted words', () => {
  it('an uncounted word adds its score but not to the number of words found', () => {
    const library = libraryFrom({
      'a.md': '# Alpha\n\nSpot instances cost less. Spot capacity can be taken back.\n',
      'b.md': '# Beta\n\nSpot instances and on-demand instances, compared.\n',
      'c.md': '# Gamma\n\nOn-demand instances cost more.\n',
    });
    const index = buildIndex(library.sections);
    const { scores } = index;
    const counted = scores.rank(
      [
        { term: 'spot', weight: 1, headingsOnly: false },
        { term: 'instanc', weight: 1, headingsOnly: false },
      ],
      10,
    );
    const uncounted = scores.rank(
      [
        { term: 'spot', weight: 1, headingsOnly: false },
        { term: 'instanc', weight: 1, headingsOnly: false, uncounted: true },
      ],
      10,
    );
    const byId = (list: typeof counted) => new Map(list.map((r) => [r.id, r]));
    const before = byId(counted);
    const after = byId(uncounted);
    expect(after.size).toBe(3);
    for (const [id, r] of after) {
      const same = before.get(id)!;
      expect(r.terms).toEqual(same.terms);
      // Both words: the sum once instead of twice; only the uncounted one: its score, as one word.
      const n = same.terms.length;
      expect(r.score).toBeCloseTo(same.terms.includes('spot') ? same.score / n : same.score, 9);
    }
  });

  it('a word searched in headings only does not count as a word found ("step types")', () => {
    // Six sections: a budget of 9 postings, so "step" and "type" (in every section) are searched in
    // headings only, where the subsection's heading says "types" and the page intro's does not.
    const filler = ['Routing', 'Subnets', 'Gateways', 'Peering'].map((name) => [
      `${name}.md`,
      `# ${name}\n\nStep types of ${name.toLowerCase()}: each type has steps.\n`,
    ]);
    const index = buildIndex(
      libraryFrom({
        'retry.md': `# Retry Policy for Pipeline Steps

A retry policy retries a pipeline step after a failure. Every step type that runs a job can have
one: the training, processing and transform step types.

## Supported exception types for the retry policy

The policy lists the exception types the pipeline retries on, with an interval and a maximum number of attempts.
`,
        ...Object.fromEntries(filler),
      }).sections,
    );
    const hits = search(index, 'which pipeline step types can have a retry policy', 2).hits;
    expect(hits.map((h) => h.section.heading)).toEqual([
      'Retry Policy for Pipeline Steps',
      'Supported exception types for the retry policy',
    ]);
  });
  it('"instead" shapes a comparison, as "vs" does: it names no topic', () => {
    const index = buildIndex(
      libraryFrom({
        'latex.md': `# LaTeX

## Setup

LaTeX is off by default. Set the latex option to render formulas with KaTeX, or you may instead
pick MathJax. Put formulas between dollar signs.

## KaTeX vs. MathJax

KaTeX renders at build time and is faster. MathJax renders in the browser and knows more macros.
`,
        'code.md': '# Code blocks\n\nHighlight lines in code blocks, or instead copy them with a button.\n',
      }).sections,
    );
    const question = 'What is the main drawback of using KaTeX instead of MathJax for math?';
    expect(search(index, question, 1).hits[0]!.section.heading).toBe('KaTeX vs. MathJax');
  });
});
