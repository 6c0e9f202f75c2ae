import { describe, expect, it } from 'vitest';
import { codeNamesOf } from '../../src/search/identifiers.js';
import { buildIndex } from '../../src/search/index.js';
import { search } from '../../src/search/query.js';
import { fillerSections, libraryFrom } from '../helpers/sections.js';

// A setting, function or module typed as code that the notes never write is what the question asks
// about: missing, though the search finds its words ("clip", "param") in other settings.
const index = buildIndex(
  libraryFrom({
    'ray.md': `# Ray

## PPO settings in RLlib

PPO in RLlib is configured with \`lr\`, \`gamma\`, \`train_batch_size\` and a clip parameter for
the value function, \`vf_clip_param\`. Set them on the algorithm config before building it.

## Passing objects between actors

Pass an actor handle to another actor, or put an object once with \`ray.put\` and hand its
reference to every actor; \`ray.get\` returns the value.

## Grid search trials

\`tune.grid_search\` runs every listed value; with \`num_samples\` above one, the whole grid is
repeated that many times, so two values and ten samples make twenty trials.

${fillerSections(['Storage', 'Networking', 'Monitoring', 'Billing'])}`,
  }).sections,
);

describe('codeNamesOf', () => {
  it('reads words joined by "_" or ".", each part two characters or more, and their dotted tails', () => {
    expect(codeNamesOf('use tune.grid_search and num_samples')).toEqual([
      'tune.grid_search',
      'grid_search',
      'num_samples',
    ]);
    expect(codeNamesOf('e.g. f.remote() on python 3.13 in us-east-1a, see docs.ray')).toEqual(['docs.ray']);
  });
});

describe('Missing line: a name written as code', () => {
  it('names a setting or module the notes never write', () => {
    const setting = search(index, "wat's the default clip_param for ppo in rllib", 3);
    expect(setting.hits[0]?.section.id).toBe('ray#ppo-settings-in-rllib');
    expect(setting.missing).toContain('clip_param');
    const module = search(index, 'ray.util.queue how do i pass stuff between actors with it', 3);
    expect(module.hits[0]?.section.id).toBe('ray#passing-objects-between-actors');
    expect(module.missing).toContain('ray.util.queue');
  });

  it('leaves one the notes write, a slip aside, and one named in a long question', () => {
    const typo = search(index, 'grid_serach with 2 values and num_samples=10, how many trials run', 3);
    expect(typo.hits[0]?.section.id).toBe('ray#grid-search-trials');
    expect(typo.missing).not.toContain('grid_serach');
    const swap = search(index, 'does ray.gte return the value of an object passed between actors', 3);
    expect(swap.missing).not.toContain('ray.gte');
    // A long question also names its own code: here a column of the asker's table.
    const long = search(
      index,
      'one of the columns in my table is cancellation_effective_date and I pass it to every actor with ray.put, does each actor get its own copy of the object?',
      3,
    );
    expect(long.missing).not.toContain('cancellation_effective_date');
  });
});
