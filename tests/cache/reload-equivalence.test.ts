import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { answerJson } from '../../src/cli/commands-ask.js';
import { ask } from '../../src/core/ask.js';
import { KnowledgeLoader } from '../../src/core/knowledge-loader.js';
import { loadKnowledge } from '../../src/core/library.js';
import { LiveNotes } from '../../src/core/live-notes.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nimbus-reload-same-'));
const notes = path.join(dir, 'notes');
// A part of the bundled notes (17 files), so that the test stays quick.
fs.cpSync(path.resolve(import.meta.dirname, '../../notes/mlops'), notes, { recursive: true });
const config = { NOTES_DIR: notes, NOTES_BASE_URL: undefined, NOTES_LINK_STYLE: 'site' as const };
const live: LiveNotes[] = [];
afterAll(async () => {
  for (const l of live) await l.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('a reload after edits', () => {
  it('answers every question exactly as a full rebuild of the edited notes does (ask --json)', async () => {
    const options = { cacheDir: path.join(dir, 'cache'), log: () => {} };
    const first = await new KnowledgeLoader(config, options).load();
    const notesLive = new LiveNotes(first.knowledge, first.fingerprint, { config, ...options });
    live.push(notesLive);
    // Two reloads: the second finds the worker, its parse cache and front matter from the first.
    const files = first.knowledge.library.notes.map((n) => n.file);
    for (const [i, word] of ['zanzibarite', 'quokkaphone'].entries()) {
      const file = path.join(notes, files[(i * 7 + 3) % files.length]!);
      fs.appendFileSync(file, `\n## Probe ${word}\n\nThe ${word} paragraph mentions S3 buckets and IAM roles.\n`);
      const record = await notesLive.reload('test');
      expect(record, record.reason).toMatchObject({ outcome: 'swapped' });
    }
    const rebuilt = loadKnowledge(config);
    // Questions from the notes' own headings (every 25th section) plus the probes and typos.
    const questions = [
      ...rebuilt.library.sections.filter((_, i) => i % 6 === 0).map((s) => s.heading),
      'zanzibarite',
      'quokkaphone s3',
      'what is mlflow',
      'feature stor',
      'how do i monitor model drift',
    ];
    expect(questions.length).toBeGreaterThan(30);
    const asked = (index: typeof rebuilt.index) => questions.map((q) => answerJson(ask(index, q)));
    expect(asked(notesLive.current.index)).toEqual(asked(rebuilt.index));
    expect(ask(notesLive.current.index, 'zanzibarite').results[0]?.heading).toBe('Probe zanzibarite');
  }, 240_000);

  it('stays exact through added, renamed and deleted notes, heading and common-word edits, reload after reload', async () => {
    const options = { cacheDir: path.join(dir, 'cache-many'), log: () => {} };
    const first = await new KnowledgeLoader(config, options).load();
    const notesLive = new LiveNotes(first.knowledge, first.fingerprint, { config, ...options });
    live.push(notesLive);
    const file = (name: string) => path.join(notes, name);
    const edit = (name: string, change: (text: string) => string) =>
      fs.writeFileSync(file(name), change(fs.readFileSync(file(name), 'utf8')));
    const questions = [
      'what is ray data',
      'how does ray tune pick trials',
      'ray serve autoscaling',
      'kuberay scheduling',
      'wombat shard',
      'what is EWS',
      'what does WSR stand for',
      'elastic wombat service',
      'wombt shrad', // typos
      'raay serv',
      'google wombats',
      'the model and the data',
      'zanzibarite',
    ];
    const edits: [string, () => void][] = [
      [
        'a note added, with an acronym and a name',
        () =>
          fs.writeFileSync(
            file('aaa-wombats.md'),
            '# Wombats\n\nElastic Wombat Service (EWS) runs the wombat shard. Wombat Shard Replicas (WSR) copy it.\n\n## Scaling wombats\n\nThe Google wombats scale out.\n',
          ),
      ],
      ['a heading edited', () => edit('aaa-wombats.md', (t) => t.replace('## Scaling wombats', '## Growing wombats'))],
      [
        'common words added to many sections',
        () => {
          for (const name of ['ray-tune.md', 'ray-serve.md', 'rllib.md'])
            edit(name, (t) => t.replace(/\n## /g, '\nThe model and the data and the cluster.\n\n## '));
        },
      ],
      ['a note renamed', () => fs.renameSync(file('aaa-wombats.md'), file('zzz-wombats.md'))],
      ['a note deleted', () => fs.rmSync(file('ray-llm.md'))],
      ['a probe appended', () => fs.appendFileSync(file('ray-data.md'), '\n## Zanzibarite\n\nZanzibarite shards.\n')],
    ];
    for (const [what, change] of edits) {
      change();
      const record = await notesLive.reload('test');
      expect(record.outcome, `${what}: ${record.reason}`).toBe('swapped');
      // Compared with a fresh load after the first edit and after the last (tests/search/index-upkeep.test.ts
      // compares the index itself after every kind of edit).
      if (what !== edits[0]![0] && what !== edits.at(-1)![0]) continue;
      const rebuilt = loadKnowledge(config);
      const asked = (index: typeof rebuilt.index) => questions.map((q) => answerJson(ask(index, q)));
      expect(asked(notesLive.current.index), what).toEqual(asked(rebuilt.index));
    }
    const now = notesLive.current.index;
    // The acronym learned from the added note, its typo correction and the name are in use.
    expect([...(now.acronyms.get('ew') ?? now.acronyms.get('ews') ?? [])].flat()).toContain('wombat');
    expect(ask(now, 'zanzibarite').results[0]?.heading).toBe('Zanzibarite');
    // Every fifth heading of the edited notes answers as a fresh load does.
    const rebuilt = loadKnowledge(config);
    const headings = rebuilt.library.sections.filter((_, i) => i % 5 === 0).map((s) => s.heading);
    expect(headings.map((q) => answerJson(ask(now, q)))).toEqual(
      headings.map((q) => answerJson(ask(rebuilt.index, q))),
    );
  }, 600_000);

  it('lets a question in flight during a swap finish on the old index, untouched', async () => {
    const options = { cacheDir: path.join(dir, 'cache-flight'), log: () => {} };
    const first = await new KnowledgeLoader(config, options).load();
    const notesLive = new LiveNotes(first.knowledge, first.fingerprint, { config, ...options });
    live.push(notesLive);
    // An interaction takes the notes in use when it starts (as the bot's handlers do) …
    const inFlight = notesLive.current;
    const before = answerJson(ask(inFlight.index, 'ray data'));
    const docFreqBefore = JSON.stringify([...inFlight.index.docFreq]);
    fs.appendFileSync(path.join(notes, 'ray-data.md'), '\n## Ray data probe\n\nRay data ray data ray data.\n');
    const reload = notesLive.reload('test');
    // While the new index is built, the interaction still answers from what it took.
    expect(answerJson(ask(inFlight.index, 'ray data'))).toEqual(before);
    const record = await reload;
    expect(record.outcome, record.reason).toBe('swapped');
    expect(notesLive.current).not.toBe(inFlight);
    // … and finishes on it after the swap: same answer, same tables, while new ones see the edit.
    expect(answerJson(ask(inFlight.index, 'ray data'))).toEqual(before);
    expect(JSON.stringify([...inFlight.index.docFreq])).toBe(docFreqBefore);
    expect(ask(notesLive.current.index, 'ray data probe').results[0]?.heading).toBe('Ray data probe');
  }, 240_000);
});
