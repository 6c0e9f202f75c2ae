import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadNotes } from '../../src/notes/load.js';
import { IndexUpkeep } from '../../src/search/index-upkeep.js';
import { buildIndex, saveIndex, type SavedIndex } from '../../src/search/index.js';

/**
 * Plain data with the order of every Map and Set kept and every number as is (JSON writes a
 * double so that it reads back to the same bits): toEqual alone ignores Map order, and the order
 * of docFreq, names and the postings is what the typo, prefix and name steps iterate.
 */
function canonical(value: unknown): unknown {
  if (value instanceof Map) return ['Map', ...[...value].map(canonical)];
  if (value instanceof Set) return ['Set', ...[...value].map(canonical)];
  if (ArrayBuffer.isView(value)) return [value.constructor.name, ...Array.from(value as Uint32Array)];
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, canonical(v)]));
  return value;
}
const asText = (saved: SavedIndex | undefined) => JSON.stringify(canonical(saved));

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nimbus-upkeep-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
const notes = path.join(dir, 'notes');
fs.cpSync(path.resolve(import.meta.dirname, '../../notes/mlops'), notes, { recursive: true });
const file = (name: string) => path.join(notes, name);
const edit = (name: string, change: (text: string) => string) =>
  fs.writeFileSync(file(name), change(fs.readFileSync(file(name), 'utf8')));

describe('IndexUpkeep', () => {
  it('gives exactly the saved form of a fresh build after every kind of edit, reload after reload', () => {
    const upkeep = new IndexUpkeep();
    const steps: [string, () => void][] = [
      ['unchanged', () => {}],
      [
        'a section added to one note',
        () => edit('ray-data.md', (t) => `${t}\n## Zanzibarite probe\n\nThe Zanzibarite shard (ZSH) lives in S3.\n`),
      ],
      ['a heading renamed', () => edit('ray-data.md', (t) => t.replace('## Zanzibarite probe', '## Quokka probe'))],
      [
        'common words in many more sections (docFreq, average lengths)',
        () => {
          for (const name of ['ray-tune.md', 'ray-serve.md', 'rllib.md'])
            edit(name, (t) => t.replace(/\n## /g, '\nThe model and the data and the cluster.\n\n## '));
        },
      ],
      [
        'a note added',
        () =>
          fs.writeFileSync(
            file('aaa-new.md'),
            '# Brand new note\n\nElastic Wombat Service (EWS) runs the Google wombats.\n\n## Scaling\n\nMore Google wombats.\n',
          ),
      ],
      ['a note renamed (moved in the order)', () => fs.renameSync(file('aaa-new.md'), file('zzz-moved.md'))],
      ['a note deleted', () => fs.rmSync(file('ray-llm.md'))],
      ['a section removed', () => edit('ray-data.md', (t) => t.slice(0, t.indexOf('## Quokka probe')))],
    ];
    let reused = 0;
    for (const [what, change] of steps) {
      change();
      const { sections } = loadNotes({ root: notes });
      const fresh = saveIndex(buildIndex(sections, undefined, { prepareExcerpts: false }));
      // A collection this size has every word scored: no MiniSearch JSON is kept at all.
      expect(fresh.mini, what).toBeUndefined();
      const upkept = upkeep.save(sections, undefined);
      expect(asText(upkept), what).toBe(asText(fresh));
      if (what !== 'unchanged') reused += sections.length - upkeep.lastAnalysed;
      // Only what changed is read again: a one-file edit analyses a few sections, not all.
      if (what === 'a heading renamed') expect(upkeep.lastAnalysed).toBeLessThan(5);
    }
    expect(reused).toBeGreaterThan(0);
  }, 300_000);

  it('starts over when the notes change language', () => {
    const upkeep = new IndexUpkeep();
    const { sections } = loadNotes({ root: notes });
    upkeep.save(sections, undefined);
    const german = upkeep.save(sections, 'de');
    expect(upkeep.lastAnalysed).toBe(sections.length);
    expect(asText(german)).toBe(asText(saveIndex(buildIndex(sections, 'de', { prepareExcerpts: false }))));
  }, 120_000);
});
