import { describe, expect, it } from 'vitest';
import { buildIndex } from '../../src/search/index.js';
import { search } from '../../src/search/query.js';
import { respace } from '../../src/search/spacing.js';
import { libraryFrom } from '../helpers/sections.js';

// Chat drops spaces ("tradeoff", "timeseries"): a word the notes never use is respaced the way
// the notes write it before the question is split into terms.
const library = libraryFrom({
  'models.md': `# Models

## The bias-variance trade-off

A simple model underfits (high bias), a complex one overfits (high variance).

## Validating time series models

Keep the order of the rows: never shuffle a time series before splitting it. A test policy
keeps it honest.

## DeepAR input data

DeepAR reads JSON Lines, one series per line.
`,
  'ray.md':
    '# Ray\n\nA ReplicaSet is not in these notes; Ray replicas are.\n\n## Replicas\n\nA deployment runs a set of replicas.\n',
});

describe('respace', () => {
  const index = buildIndex(library.sections);

  it('splits a word the notes never use into the two words they write side by side', () => {
    expect(respace(index, 'bias variance tradeoff')).toBe('bias variance trade off');
    expect(respace(index, 'can i shuffle timeseries data')).toBe('can i shuffle time series data');
    expect(respace(index, 'Timeseries data')).toBe('time series data');
  });

  it('leaves words the notes use, names typed with capitals and parts of identifiers alone', () => {
    expect(respace(index, 'variance of a model')).toBe('variance of a model');
    // "replica set" is never written side by side here, and "ReplicaSet" is typed as a name.
    expect(respace(index, 'ReplicaSet vs deployment')).toBe('ReplicaSet vs deployment');
    expect(respace(index, 'my_tradeoff and tradeoff.py')).toBe('my_tradeoff and tradeoff.py');
    // Whole words only: "test policy" holds "st po" but not the words "st" and "po".
    expect(respace(index, 'stpo')).toBe('stpo');
    // "shuffl" is a word of the notes: no split of a known word ("shuf fle").
    expect(respace(index, 'shuffle')).toBe('shuffle');
  });

  // Fails without respacing: "tradeoff" is a word the notes never use, at the highest IDF, and
  // the best section covered too little of the question to answer it.
  it('lets a question with a run-together word be answered by the section that writes it apart', () => {
    const outcome = search(index, 'bias variance tradeoff explained simply', 3);
    expect(outcome.hits[0]?.section.id).toBe('models#the-bias-variance-trade-off');
    expect(outcome.terms).toEqual(expect.arrayContaining(['trade', 'off']));
    expect(outcome.confident).toBe(true);
  });
});
