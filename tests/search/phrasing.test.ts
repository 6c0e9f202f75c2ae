import { describe, expect, it } from 'vitest';
import { buildIndex } from '../../src/search/index.js';
import { phrasingWords } from '../../src/search/phrasing.js';
import { defaultTuning, search } from '../../src/search/query.js';
import { libraryFrom } from '../helpers/sections.js';

// A small docs folder: the words someone asks with ("turn off", "bring") are not in it, and a word
// the notes never use weighs as much as their rarest one.
const library = libraryFrom({
  'search.md': `# Search

## Configuration

Set \`search: false\` in the theme configuration to disable the search box entirely.

## Indexing

Pages are indexed after the build by Pagefind.
`,
  'guide.md': `# Guide

${['Markdown', 'Images', 'Links', 'Tables', 'Themes', 'Layouts', 'Deploying', 'Routing']
  .map((t) => `## ${t}\n\n${t} in the docs theme are covered on this page.\n`)
  .join('\n')}`,
});
const index = buildIndex(library.sections);
const usedByNotes = (t: string) => index.docFreq.has(t);
const phrasing = (question: string, names: Set<string> = new Set()) =>
  phrasingWords(question, index.terms.queryTerms(question), index.terms, usedByNotes, names);

describe('phrasingWords', () => {
  it('takes everyday verbs and adverbs the notes never use', () => {
    expect([...phrasing('how do i turn off search in the theme')].sort()).toEqual(
      ['turn', 'off'].map((w) => index.terms.queryTerm(w)!).sort(),
    );
  });

  it('leaves nouns, words the notes use and words typed as names', () => {
    // "pizza" and "weekend" are what an unrelated question is about.
    const unrelated = phrasing('best pizza topping for the weekend');
    for (const noun of ['pizza', 'weekend']) expect(unrelated.has(index.terms.queryTerm(noun)!)).toBe(false);
    expect(phrasing('how do i disable search').size).toBe(0);
    const verified = index.terms.queryTerm('Verified')!;
    expect(phrasing('what does Amazon Verified Permissions do', new Set([verified])).has(verified)).toBe(false);
  });
});

describe('the gate weighs phrasing words less', () => {
  it('answers a question whose only unknown words are how it is asked', () => {
    const outcome = search(index, 'how do i turn off the search box', 3);
    expect(outcome.hits[0]?.section.id).toBe('search#configuration');
    expect(outcome.confident).toBe(true);
    // At full weight "turn off" outweighs "search" and the right section is declined.
    const full = search(index, 'how do i turn off the search box', 3, { ...defaultTuning, phrasingWeight: 1 });
    expect(full.hits[0]?.section.id).toBe('search#configuration');
    expect(full.confident).toBe(false);
  });

  it('still declines a question about something else', () => {
    expect(search(index, 'best pizza topping for the weekend', 3).confident).toBe(false);
  });
});
