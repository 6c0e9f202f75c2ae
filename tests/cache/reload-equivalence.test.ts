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
});
