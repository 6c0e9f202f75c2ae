import { describe, expect, it } from 'vitest';
import { buildIndex, documentOf } from '../../src/search/index.js';
import { search } from '../../src/search/query.js';
import { englishTerms } from '../../src/search/text.js';
import { libraryFrom } from '../helpers/sections.js';

// A section whose heading restates its note's title (repeats two or more of its words) leaves
// those words out of its breadcrumb (the `context` field), so they do not count twice and outrank
// the page's intro, which names them once. A heading that shares one word with the title keeps
// the whole breadcrumb: that word ties it to its page.
const library = libraryFrom({
  'fine-tune.md': `# Fine-Tune a Model

It tunes a pretrained model again on examples of your own task. Start a job from the
hub and choose how many epochs to train. Training runs on the instance type you
pick: larger instances finish sooner but cost more per hour, and the job stops when its time limit is
reached.

## Fine-Tuning data source

Put the examples for the model in a bucket and give its location when you start the job. One example
per line.

## Deploy to an endpoint

After the job ends, deploy the result to an endpoint.
`,
  'hub.md': `# Model hub

The hub lists pretrained models you can deploy as they are.
`,
  'cache.md': `# Cache

Every hook keeps its data in a cache, shared by all hooks of the app. The cache is a map from
keys to data: every mutate writes to it, the global mutate too. A custom cache starts from your
own map and works the same, and so does the global mutate, global to every hook.

## Create Cache Provider

Pass a provider function to the configuration to start from your own map. Mutate then
writes to the map you passed, not to the default one, so keep the provider for the app's life.
`,
  'mutate.md': `# Mutate

## Global mutate

The global mutate function changes the data of a key from anywhere in the app, and every hook
reading that key shows the new data. Pass a custom function to compute the new data from the old.
`,
});

const sectionNamed = (heading: string) => library.sections.find((s) => s.heading === heading)!;
const contextOf = (heading: string) => {
  const section = sectionNamed(heading);
  return documentOf(section, library.sections.indexOf(section), englishTerms).context;
};

describe('breadcrumb of a heading that restates the note title', () => {
  const index = buildIndex(library.sections);

  it('leaves out the words a heading restating the title says', () => {
    expect(contextOf('Fine-Tuning data source').split(' ')).toEqual(['a', 'Model']);
  });

  it('keeps the whole breadcrumb of the intro, of other subsections and of a heading sharing one title word', () => {
    const intro = library.sections.find((s) => s.level === 0 && s.noteTitle === 'Fine-Tune a Model')!;
    expect(documentOf(intro, 0, englishTerms).context).toBe('Fine-Tune a Model');
    expect(contextOf('Deploy to an endpoint')).toBe('Fine-Tune a Model');
    expect(contextOf('Create Cache Provider')).toBe('Cache');
  });

  // Fails with the breadcrumb whole: the subsection "Fine-Tuning data source" ranks first (95.4 against 76.0).
  it("ranks the page's intro first for a question its title asks", () => {
    expect(search(index, 'how do i fine tune a model', 3).hits[0]?.section.id).toBe('fine-tune');
  });

  // Fails when one shared word is enough to cut the breadcrumb: the intro "Cache" ranks first.
  it('ranks a subsection that names one title word first for a question about it', () => {
    expect(search(index, 'cache provider with global mutate', 3).hits[0]?.section.id).toBe(
      'cache#create-cache-provider',
    );
  });
});
