import { describe, expect, it } from 'vitest';
import { buildIndex } from '../../src/search/index.js';
import { search } from '../../src/search/query.js';
import { fillerSections, libraryFrom } from '../helpers/sections.js';

// An English word the notes never use, matched only loosely to another of their words ("focal" to
// "local", "bisect" to "dissect"), is no typo of it: outside everyday English it names something
// the notes do not teach. A short form ("cert" of "certification") or a derived one ("reappearing"
// of "appearing") is the notes' own word.
const library = libraryFrom({
  'ml.md': `---
title: Training
---
# Training

## Loss functions for imbalanced data

Weighted cross-entropy loss gives rare classes more weight, so imbalanced data trains a useful
classifier.

## Local development

Train locally on a sample before you launch a training job.

## Certification exam

The certification exam has 65 questions; certification lasts three years.

## Queues

A message appearing again in the queue was not deleted before its visibility timeout ended.

${fillerSections(['Storage', 'Networking', 'Monitoring', 'Billing'])}`,
});
const index = buildIndex(library.sections);

describe('Missing line: a word matched only loosely', () => {
  it('names an English word outside everyday English that only resembles the notes’ words', () => {
    const outcome = search(index, 'focal loss for imbalanced data how does it work');
    expect(outcome.hits[0]!.section.heading).toBe('Loss functions for imbalanced data');
    expect(outcome.missing).toContain('focal');
  });

  it('names it also when the best section holds the word it resembles ("focal" where "local" is written)', () => {
    const outcome = search(index, 'focal training on a sample before i launch a job, worth it?');
    expect(outcome.hits[0]!.section.heading).toBe('Local development');
    expect(outcome.missing).toContain('focal');
  });

  it('does not name a short form the notes write in full, nor a derived form of their word', () => {
    expect(search(index, 'how many questions on the cert exam').missing).not.toContain('cert');
    expect(search(index, 'message keeps reappearing in the queue, why').missing).not.toContain('reappearing');
  });

  it('does not name a typo the search corrects', () => {
    const outcome = search(index, 'imbalanced data lossfunctions wieghted');
    expect(outcome.missing).not.toContain('wieghted');
  });
});

// People seldom slip on a word's first letter: a name one edit from a notes word only there
// ("umap" from "map") is a name the notes lack, not that word mistyped.
describe('Missing line: a word one edit away only at its first letter', () => {
  const maps = libraryFrom({
    'viz.md': `---
title: Visualising
---
# Visualising

## Embedding maps

A 2D map of the embeddings, made with t-SNE, shows which documents cluster together.

## Clustering

k-means groups documents by distance.

${fillerSections(['Storage', 'Networking', 'Monitoring', 'Billing'])}`,
  });
  const mapsIndex = buildIndex(maps.sections);

  it('names it, while a slip inside a word is still read as the word', () => {
    const outcome = search(mapsIndex, 'umap of my embeddings, how do i make one');
    expect(outcome.hits[0]!.section.heading).toBe('Embedding maps');
    expect(outcome.missing).toContain('umap');
    expect(search(mapsIndex, 'how do i make a 2d mpa of embeddings').missing).toEqual([]);
  });
});
