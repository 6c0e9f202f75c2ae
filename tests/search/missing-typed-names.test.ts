import { describe, expect, it } from 'vitest';
import { buildIndex } from '../../src/search/index.js';
import { typedAsNames } from '../../src/search/missing.js';
import { search } from '../../src/search/query.js';
import { fillerSections, libraryFrom } from '../helpers/sections.js';

// A word the question types as a name (a capital mid-sentence, or camelCase) is neither chat nor a
// typo: when the notes never use it and the best section does not hold it, it is missing.
const library = libraryFrom({
  'iam.md': `---
title: Access
---
# Access

## Policy language

Access policies are JSON documents with an effect, actions and resources. A permission boundary
limits what a role can be granted.

## Mutations

Call mutate to update the cached data after a change, or revalidate it from the server.
`,
  'other.md': `---
title: Other
---
# Other

## Identity verification

Identity verification checks a user's email before the account opens.

## Hooks

Use useSWRImmutable for data that never changes.

${fillerSections(['Storage', 'Networking', 'Monitoring', 'Billing'])}`,
});
const index = buildIndex(library.sections);
const usedByNotes = (t: string) => index.docFreq.has(t);

describe('typedAsNames', () => {
  it('reads capitalised words mid-sentence and camelCase words, not a sentence start', () => {
    const stem = index.terms.stem;
    const names = typedAsNames(
      'What language does Amazon Verified Permissions use? Lovely. I use useSWRMutation',
      index.terms,
      usedByNotes,
    );
    expect(names.has(stem('verified'))).toBe(true);
    expect(names.has(stem('permissions'))).toBe(true);
    expect(names.has(index.terms.queryTerm('useSWRMutation')!)).toBe(true);
    // "What" and "Lovely" start sentences; "I" is one letter.
    expect(names.has(stem('what'))).toBe(false);
    expect(names.has(stem('lovely'))).toBe(false);
    expect(typedAsNames('what language do amazon verified permissions use', index.terms, usedByNotes).size).toBe(0);
  });
});

describe('Missing line: an everyday word typed as a name', () => {
  it('names it when the notes never use it, however little of the question it is', () => {
    // The notes write "verification", close to "verified": a name is no typo of it.
    const named = search(index, 'what policy language do Amazon Verified Permissions use for access policies', 3);
    expect(named.hits[0]?.section.id).toBe('iam#policy-language');
    expect(named.missing).toContain('Verified');
    // Typed as chat, an everyday word that little of the question is not missing.
    const chat = search(index, 'what policy language do amazon verified permissions use for access policies', 3);
    expect(chat.hits[0]?.section.id).toBe('iam#policy-language');
    expect(chat.missing).not.toContain('verified');
  });

  it('names a camelCase name the notes never use even when it resembles a word of theirs', () => {
    // The notes write useSWRImmutable, two edits from useSWRMutation.
    const outcome = search(index, 'update the cached data after a change with useSWRMutation', 3);
    expect(outcome.hits[0]?.section.id).toBe('iam#mutations');
    expect(outcome.missing).toContain('useSWRMutation');
  });
});

describe('Missing line: a word the notes use, typed as a name', () => {
  it('names it wherever the section and its heading path lack it', () => {
    // The notes write "identity" (in two sections), never as a name; typed as one, it is asked about.
    const named = search(index, 'what policy language do access policies use with Identity Boundaries', 3);
    expect(named.hits[0]?.section.id).toBe('iam#policy-language');
    expect(named.missing).toContain('Identity');
    const chat = search(index, 'what policy language do access policies use with identity boundaries', 3);
    expect(chat.hits[0]?.section.id).toBe('iam#policy-language');
    expect(chat.missing).not.toContain('identity');
  });
});

describe('Missing line: an acronym typed in capitals', () => {
  const explain = buildIndex(
    libraryFrom({
      'clarify.md': `# Clarify

## Explanations with SHAP

SHAP gives each feature a share of a single prediction, a local explanation that shows on one
line per feature. JSON reports list them.

${fillerSections(['Bias', 'Drift', 'Reports', 'Monitoring'])}`,
    }).sections,
  );

  it('names one the notes never use, though it is one letter from a word the section holds', () => {
    // "lime" is an everyday word one letter from "line": typed "LIME", it is the name of a method.
    const named = search(explain, 'How does LIME build a local explanation for a single prediction?', 3);
    expect(named.hits[0]?.section.id).toBe('clarify#explanations-with-shap');
    expect(named.missing).toContain('LIME');
    // Typed in lower case it stays an everyday word, and a question all in capitals says nothing.
    expect(search(explain, 'how does lime build a local explanation for a single prediction?', 3).missing).toEqual([]);
    expect(
      typedAsNames('HOW DOES LIME BUILD A LOCAL EXPLANATION', explain.terms, (t) => explain.docFreq.has(t)).size,
    ).toBe(0);
  });

  it('leaves one the notes use to the other rules: "our JSON reports" is context', () => {
    const names = typedAsNames('our JSON reports show LIME values', explain.terms, (t) => explain.docFreq.has(t));
    expect(names.has(explain.terms.queryTerm('LIME')!)).toBe(true);
    expect(names.has(explain.terms.queryTerm('JSON')!)).toBe(false);
  });
});

describe('Missing line: a name held only through a word it resembles', () => {
  const stats = buildIndex(
    libraryFrom({
      'stats.md': `# Statistics

## Z-scores

A z-score says roughly how far a value lies from the mean: it is computed from the mean and the
standard deviation of the values.

${fillerSections(['Bias', 'Drift', 'Reports', 'Monitoring'])}`,
    }).sections,
  );

  it('names an acronym the notes never use that only starts like a word of the section', () => {
    // "ROUGE" is searched through "roughly" (its prefix): the section does not hold it.
    const named = search(stats, 'ROUGE score for summaries how is it computed', 3);
    expect(named.hits[0]?.section.id).toBe('stats#z-scores');
    expect(named.missing).toContain('ROUGE');
  });
});
