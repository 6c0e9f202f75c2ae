import { describe, expect, it } from 'vitest';
import { buildIndex } from '../../src/search/index.js';
import { search } from '../../src/search/query.js';
import { libraryFrom } from '../helpers/sections.js';

// Code blocks weigh less than prose: the section that explains an option beats the one whose
// code uses it many times, and a word only code holds is still found.
const library = libraryFrom({
  'options.md': `# Options

## Revalidation

The refreshInterval option polls the key again every few milliseconds while the page is open.

## Full example

Set up the hook with a fetcher and a few options.

\`\`\`js
const a = useData(key, fetcher, { refreshInterval: 1000 })
const b = useData(other, fetcher, { refreshInterval: 2000 })
const c = useData(third, fetcher, { refreshInterval: 3000 })
\`\`\`
`,
});

describe('code weighs less than prose', () => {
  const index = buildIndex(library.sections);

  it('ranks the prose that explains a word above code that repeats it', () => {
    const outcome = search(index, 'what does refreshInterval do', 2);
    expect(outcome.hits.map((h) => h.section.heading)).toEqual(['Revalidation', 'Full example']);
  });

  it('still finds a word that only code holds', () => {
    expect(search(index, 'useData', 1).hits[0]?.section.heading).toBe('Full example');
  });
});
