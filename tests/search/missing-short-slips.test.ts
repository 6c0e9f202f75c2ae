import { describe, expect, it } from 'vitest';
import { buildIndex } from '../../src/search/index.js';
import { search } from '../../src/search/query.js';
import { fillerSections, libraryFrom } from '../helpers/sections.js';

// Chat drops letters from short words and swaps them in longer ones: such a slip of a word the
// section holds, or of a function word, is not something the section lacks.
const index = buildIndex(
  libraryFrom({
    'ml.md': `# ML

## Point-in-time joins

A point-in-time join matches each label with the feature values as they were at that time, so
no future data leaks into training.

## Out-of-memory kills

The memory monitor kills the worker that started most recently when a node runs low on memory.

## Task granularity

Tasks that are too small spend more time on scheduling than on work: batch tiny tasks together.

${fillerSections(['Storage', 'Networking', 'Monitoring', 'Billing'])}`,
  }).sections,
);

describe('Missing line: slips of short words', () => {
  it('takes a short word a letter short of a word the section holds for that word', () => {
    const outcome = search(index, 'what does a point in tme join do for training data', 3);
    expect(outcome.hits[0]?.section.id).toBe('ml#point-in-time-joins');
    expect(outcome.missing).not.toContain('tme');
  });

  it('takes a slip of a function word for that word', () => {
    const outcome = search(index, 'memory monitor kills workers, how does it decide wich worker', 3);
    expect(outcome.hits[0]?.section.id).toBe('ml#out-of-memory-kills');
    expect(outcome.missing).not.toContain('wich');
  });

  it('reads a swap as typed where the stem hides it', () => {
    // "taks" stems to "tak", no swap of "task"; as typed it is one.
    const outcome = search(index, 'ray taks too small, batch tiny tasks for scheduling?', 3);
    expect(outcome.hits[0]?.section.id).toBe('ml#task-granularity');
    expect(outcome.missing).not.toContain('taks');
  });
});
