import { describe, expect, it } from 'vitest';
import { buildIndex } from '../../src/search/index.js';
import { search } from '../../src/search/query.js';
import { libraryFrom } from '../helpers/sections.js';

// Sections are scored with plain BM25, without BM25+'s lower bound `d` (MiniSearch's default 0.5):
// that bound adds `d × idf` for every field a word is found in, whatever its count and the field's
// length. The step section below names "cooldown" and "alarm" in its heading and once in its text,
// and earned the bound in each field; the page about the cooldown, which answers, says the word
// four times in one field (DESIGN.md §2.0).
const library = libraryFrom({
  'cooldown.md': `# Cooldown

After the group scales, the cooldown makes it wait before it scales again, so that new instances can
start taking load first. Alarms that fire before the cooldown ends are ignored. The default cooldown is
300 seconds; set a shorter cooldown for load that changes quickly.
`,
  'alarms.md': `# Alarms and cooldown

An alarm fires when a metric stays past its threshold for a number of periods.

## Cooldown and alarm steps

A step policy reads the alarm's breach size and picks the step it falls into: a small breach adds one
instance, a large one adds several. Each step names its adjustment, and the steps must not overlap or
leave gaps. The cooldown applies after any step.
`,
  'endpoints.md': `# Endpoints

An endpoint serves a model over HTTPS.
`,
  'domains.md': `# Domains

A domain holds the user profiles of a team.
`,
});

describe('plain BM25 (no per-field lower bound)', () => {
  // Fails with d 0.5: "Cooldown and alarm steps" ranks first (22.3 against 19.7 for the page).
  it('ranks the section that explains a word above one that names it in its heading and once in passing', () => {
    const index = buildIndex(library.sections);
    const ids = search(index, 'what happens to alarms during the cooldown', 3).hits.map((h) => h.section.id);
    expect(ids[0]).toBe('cooldown');
    expect(ids).toContain('alarms#cooldown-and-alarm-steps');
  });
});
