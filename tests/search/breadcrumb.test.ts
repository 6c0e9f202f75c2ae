import { describe, expect, it } from 'vitest';
import { buildIndex, documentOf } from '../../src/search/index.js';
import { search } from '../../src/search/query.js';
import { libraryFrom } from '../helpers/sections.js';

// A section's breadcrumb (the `context` field) leaves out the words its own heading says: a
// subsection whose heading repeats the page title must not match the title's words twice and so
// outrank the page's intro, which names them once.
const library = libraryFrom({
  'fine-tune.md': `# Fine-Tune a Model

Fine-tuning trains a pretrained model again on examples of your own task. Start a job from the
hub and choose how many epochs to train. Training runs on the instance type you
pick: larger instances finish sooner but cost more per hour, and the job stops when its time limit is
reached.

## Fine-Tuning data source

Put the examples for the model in a bucket and give its location when you start the job. One example per line.

## Deploy to an endpoint

After the job ends, deploy the result to an endpoint.
`,
  'hub.md': `# Model hub

The hub lists pretrained models you can deploy as they are.
`,
});

describe('breadcrumb without the words of the own heading', () => {
  const index = buildIndex(library.sections);
  const sectionNamed = (heading: string) => library.sections.find((s) => s.heading === heading)!;

  it('leaves the title words a subsection heading repeats out of its context', () => {
    const i = library.sections.indexOf(sectionNamed('Fine-Tuning data source'));
    const doc = documentOf(library.sections[i]!, i);
    expect(doc.heading).toBe('Fine-Tuning data source');
    expect(doc.context.split(' ')).toEqual(['a', 'Model']);
  });

  it('keeps the whole title as the context of the intro and of subsections that do not repeat it', () => {
    const intro = library.sections.find((s) => s.level === 0 && s.noteTitle === 'Fine-Tune a Model')!;
    expect(documentOf(intro, 0).context).toBe('Fine-Tune a Model');
    expect(documentOf(sectionNamed('Deploy to an endpoint'), 0).context).toBe('Fine-Tune a Model');
  });

  // Without the rule the subsection "Fine-Tuning data source" ranks first (32.7 against 32.1).
  it("ranks the page's intro first for a question its title asks", () => {
    const outcome = search(index, 'how do i fine tune a model', 3);
    expect(outcome.hits[0]?.section.id).toBe('fine-tune');
  });
});
