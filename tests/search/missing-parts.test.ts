import { describe, expect, it } from 'vitest';
import { buildIndex } from '../../src/search/index.js';
import { search } from '../../src/search/query.js';
import { libraryFrom } from '../helpers/sections.js';

// "Missing: workflows": a part of a name the best section's heading names ("Ray Workflows"), which
// the section lacks, is what the question asks about, even when the rest of the question matches.
const filler = Array.from({ length: 24 }, (_, i) => `Topic ${i + 1}`);
const library = libraryFrom({
  'ray.md': `---
title: Ray
---
# Ray

## Actor restarts in Ray

When a node dies, Ray restarts the actor if its restart budget allows it. Ray keeps durable state
only for detached actors, and Ray counts each restart.

## Ray Data

Ray reads Parquet files from S3 into a distributed table of blocks.
`,
  'ci.md': `---
title: CI
---
# CI

## Pipelines

CI pipelines run workflows on every commit, and each run keeps a history of its artifacts and
the dataset it tested.

${filler.map((t) => `## ${t}\n\n${t} is covered in its own notes; this page only names it.\n`).join('\n')}`,
});
const index = buildIndex(library.sections);

describe('Missing line: a part of the name the heading names', () => {
  it('names a specific word right after the name that the section lacks', () => {
    const outcome = search(index, 'ray workflows durable restarts', 3);
    expect(outcome.hits[0]?.section.id).toBe('ray#actor-restarts-in-ray');
    expect(outcome.missing).toEqual(['workflows']);
  });

  it('leaves everyday words, and words that run on a heading word, alone', () => {
    // "history" is everyday English: how the question is said. (The comma keeps "ray history" from
    // reading as a noun compound half held: missing-compounds.test.ts.)
    expect(search(index, 'ray, history durable restarts', 3).missing).not.toContain('history');
    // "dataset" is the heading's "Data" run on: the section is about it.
    expect(search(index, 'read parquet from s3 into a ray dataset', 3).missing).not.toContain('dataset');
  });
});
