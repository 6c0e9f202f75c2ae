import { describe, expect, it } from 'vitest';
import { buildIndex } from '../../src/search/index.js';
import { search } from '../../src/search/query.js';
import { fillerSections, libraryFrom } from '../helpers/sections.js';

// A short word typed as people shorten the section's own words ("std" of "Standard", "mgr" of
// "Manager", "lvl" of "levels") is that word: it is not missing.
const library = libraryFrom({
  'sec.md': `---
title: Security
---
# Security

## DDoS protection with Shield Standard and Shield Advanced

Shield Standard protects every customer at no extra cost; Shield Advanced adds a response team.

## Secrets Manager vs Parameter Store

Secrets Manager rotates database passwords on a schedule; Parameter Store keeps configuration.

## MLOps maturity levels

Level 0 is manual; level 1 automates training with pipelines; level 2 automates the pipelines too.

## Machine learning algorithms

Linear learner and XGBoost are supervised algorithms for tabular data.

${fillerSections(['Storage', 'Networking', 'Monitoring', 'Billing'])}`,
});
const index = buildIndex(library.sections);

describe('Missing line: abbreviations of the section’s words', () => {
  it('takes the start of a word or its first letter and some of its consonants for the word', () => {
    expect(search(index, 'does shield std cost extra').missing).toEqual([]);
    expect(search(index, 'secrets mgr vs param store which rotates passwords').missing).toEqual([]);
    expect(search(index, 'mlops lvl 1 vs lvl 2').missing).toEqual([]);
  });

  it('still names a short word that skips most of a section word’s consonants', () => {
    // "arm" is no shortening of "algorithms" (four consonants skipped).
    const outcome = search(index, 'which supervised algorithms for a robot arm');
    expect(outcome.hits[0]!.section.heading).toBe('Machine learning algorithms');
    expect(outcome.missing).toContain('arm');
  });
});
