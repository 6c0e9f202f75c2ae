import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import v8 from 'node:v8';
import { afterEach, describe, expect, it } from 'vitest';
import { ask } from '../../src/core/ask.js';
import { KnowledgeLoader } from '../../src/core/knowledge-loader.js';
import type { Knowledge } from '../../src/core/library.js';
import { applyChanges } from '../../src/core/notes-handover.js';
import { type BuiltReply, ReloadHandler, type ReloadReply } from '../../src/core/reload-handler.js';
import type { NoteLibrary } from '../../src/notes/types.js';
import { restoreIndex } from '../../src/search/index.js';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

const quiet = () => {};

/** A notes folder, the notes a main thread loaded from it, and a reload handler as the worker runs it. */
async function setUp() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nimbus-reload-handler-'));
  dirs.push(dir);
  const notes = path.join(dir, 'notes');
  fs.mkdirSync(notes);
  fs.writeFileSync(path.join(notes, 'birds.md'), '# Birds\n\n## Puffins\n\nPuffins nest on cliffs by the sea.\n');
  fs.writeFileSync(path.join(notes, 'trees.md'), '# Trees\n\n## Oaks\n\nOaks grow slowly and live for centuries.\n');
  const config = { NOTES_DIR: notes, NOTES_BASE_URL: undefined, NOTES_LINK_STYLE: 'site' as const };
  const main = await new KnowledgeLoader(config, { cacheDir: undefined, log: quiet }).load();
  const loader = new KnowledgeLoader(config, { cacheDir: undefined, log: quiet, reloads: true });
  const replies: ReloadReply[] = [];
  const handler = new ReloadHandler(loader, (reply) => void replies.push(reply));
  return { notes, main, loader, handler, replies };
}

const resultOf = (replies: ReloadReply[], id: number) => {
  const reply = replies.find((r) => r.id === id && !('log' in r));
  if (!reply || !('result' in reply)) throw new Error(`no result for request ${id}: ${JSON.stringify(reply)}`);
  return reply.result;
};

/** What the main thread does with a built reply (live-notes.ts restore). */
function received(held: NoteLibrary, reply: BuiltReply): Knowledge {
  const library =
    'library' in reply ? (v8.deserialize(reply.library) as NoteLibrary) : applyChanges(held, reply.changes);
  return { library, index: restoreIndex(reply.index, library.sections), sectionById: new Map() };
}

const kingfishers = '\n## Kingfishers\n\nKingfishers dive for minnows in rivers.\n';

describe('reload handler', () => {
  it('a note edited while the preparation reads the notes is not taken for the one in use', async () => {
    const { notes, main, loader, handler, replies } = await setUp();
    // The edit lands after the preparation took the fingerprint and before it read the notes.
    const build = loader.build.bind(loader);
    loader.build = (...args) => {
      loader.build = build;
      fs.appendFileSync(path.join(notes, 'birds.md'), kingfishers);
      return build(...args);
    };
    await handler.handle({ id: 1, fingerprint: main.fingerprint, prepare: true });
    expect(resultOf(replies, 1)).toMatchObject({ prepared: true, changed: true });

    await handler.handle({ id: 2, fingerprint: main.fingerprint });
    const knowledge = received(main.knowledge.library, resultOf(replies, 2) as BuiltReply);
    expect(knowledge.library.sections.map((s) => s.heading)).toContain('Kingfishers');
    expect(ask(knowledge.index, 'how do kingfishers fish for minnows').results[0]?.heading).toBe('Kingfishers');
    handler.postponeSave();
  });

  it('a quiet preparation reports no change, and the next edit hands over only the edited note', async () => {
    const { notes, main, handler, replies } = await setUp();
    await handler.handle({ id: 1, fingerprint: main.fingerprint, prepare: true });
    expect(resultOf(replies, 1)).toMatchObject({ prepared: true, changed: false });

    await handler.handle({ id: 2, fingerprint: main.fingerprint });
    expect(resultOf(replies, 2)).toMatchObject({ unchanged: true });

    fs.appendFileSync(path.join(notes, 'birds.md'), kingfishers);
    await handler.handle({ id: 3, fingerprint: main.fingerprint });
    const reply = resultOf(replies, 3) as BuiltReply;
    expect('changes' in reply && reply.changes.notes.map((n) => ('kept' in n ? `kept ${n.kept}` : n.file))).toEqual([
      'birds.md',
      'kept trees.md',
    ]);
    const knowledge = received(main.knowledge.library, reply);
    expect(ask(knowledge.index, 'how do kingfishers fish for minnows').results[0]?.heading).toBe('Kingfishers');
    handler.postponeSave();
  });

  it('a preparation that finds the notes changed since start-up says so', async () => {
    const { notes, main, handler, replies } = await setUp();
    fs.appendFileSync(path.join(notes, 'birds.md'), kingfishers);
    await handler.handle({ id: 1, fingerprint: main.fingerprint, prepare: true });
    expect(resultOf(replies, 1)).toMatchObject({ prepared: true, changed: true });
  });
});
