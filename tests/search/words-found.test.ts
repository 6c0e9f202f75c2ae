import { describe, expect, it } from 'vitest';
import { buildIndex, headingFields } from '../../src/search/index.js';
import { search } from '../../src/search/query.js';
import { WordScores } from '../../src/search/wordScores.js';
import { libraryFrom } from '../helpers/sections.js';

// The OR query multiplies a section's summed scores by the number of question words it holds.
// A word searched in headings only, or a small number, adds its score but is not counted there
// (DESIGN.md §2.7): a heading that happens to say a common word, or a text that happens to hold
// a "2", must not outrank the section about the question.

describe('words found: uncounted words', () => {
  it('an uncounted word adds its score but not to the number of words found', () => {
    const library = libraryFrom({
      'a.md': '# Alpha\n\nSpot instances cost less. Spot capacity can be taken back.\n',
      'b.md': '# Beta\n\nSpot instances and on-demand instances, compared.\n',
      'c.md': '# Gamma\n\nOn-demand instances cost more.\n',
    });
    const index = buildIndex(library.sections);
    const scores = new WordScores(
      index.mini,
      headingFields,
      index.sections.length,
      index.docFreq,
      index.headingDocFreq,
    );
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

  const notes = libraryFrom({
    'agent.md': `# The Edge Agent

The edge agent runs the compiled models on your devices and reports their health. There are
two ways to install the agent on devices: with the fleet service, or by hand from the release
bucket.
`,
    'greengrass.md': `# Deploy the Edge Agent with Greengrass

Step 2 deploys the agent package to your devices as a Greengrass component. Devices in a group
get the same version.
`,
    'setup.md': `# Set up devices

1. Register the devices.
2. Create a role.
3. Install the certificates.
`,
    'limits.md': `# Limits

Each fleet holds up to 2 000 devices, and a job may run for 2 days.
`,
  });

  it('a small number in the question does not count as a word found ("the 2 ways")', () => {
    const index = buildIndex(notes.sections);
    const hits = search(index, 'whats the 2 ways to get the edge agent onto my devices', 3).hits;
    expect(hits[0]!.section.noteTitle).toBe('The Edge Agent');
    expect(hits.map((h) => h.section.noteTitle)).toContain('Deploy the Edge Agent with Greengrass');
  });

  it('a longer number still counts: it names something ("RFC 1918")', () => {
    const index = buildIndex(
      libraryFrom({
        'private.md': '# Private ranges\n\nRFC 1918 sets aside three ranges.\n',
        'shared.md': '# Shared ranges\n\nRFC 6598 reserves a range for carriers on the internet.\n',
        ...Object.fromEntries(
          ['Routing', 'Subnets', 'Gateways', 'Peering', 'Firewalls'].map((t) => [
            `${t}.md`,
            `# ${t}\n\nAbout ${t.toLowerCase()}.\n`,
          ]),
        ),
      }).sections,
    );
    expect(search(index, 'which ranges does rfc 1918 reserve', 1).hits[0]!.section.noteTitle).toBe('Private ranges');
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
