import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ask } from '../../src/core/ask.js';
import { KnowledgeLoader } from '../../src/core/knowledge-loader.js';
import { LiveNotes } from '../../src/core/live-notes.js';

const fixture = path.resolve(import.meta.dirname, '../fixtures/e2e-notes');
const cleanup: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const step of cleanup.splice(0)) await step();
});

async function live(cacheDir?: string, budgetMs?: number) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nimbus-live-'));
  const notes = path.join(dir, 'notes');
  fs.cpSync(fixture, notes, { recursive: true });
  const cache = cacheDir === 'off' ? undefined : path.join(dir, 'cache');
  const config = {
    NOTES_DIR: notes,
    NOTES_BASE_URL: undefined,
    NOTES_LINK_STYLE: 'site' as const,
    ...(budgetMs ? { NOTES_PARSE_BUDGET_MS: budgetMs } : {}),
  };
  const logs: { message: string; fields: Record<string, unknown> }[] = [];
  const log = (message: string, fields: Record<string, unknown>) => void logs.push({ message, fields });
  const first = await new KnowledgeLoader(config, { cacheDir: cache, log }).load();
  const notesLive = new LiveNotes(first.knowledge, first.fingerprint, { config, cacheDir: cache, log });
  cleanup.push(
    () => notesLive.close(),
    () => fs.rmSync(dir, { recursive: true, force: true }),
  );
  return { notes, live: notesLive, logs, config };
}

const topHeading = (l: LiveNotes, q: string) => ask(l.current.index, q).results[0]?.heading;

describe('live notes reload', () => {
  it('an edited note is parsed alone, swapped in, and answers reflect it; readers holding the old index keep it', async () => {
    const { notes, live: l } = await live();
    const before = l.current;
    fs.appendFileSync(
      path.join(notes, 'cloud/storage.md'),
      '\n## Glacier vaults\n\nA vault holds archives for the long term.\n',
    );
    const record = await l.reload('test');
    expect(record).toMatchObject({ outcome: 'swapped', parsed: 1, trigger: 'test' });
    expect(record.reused).toBeGreaterThan(0);
    expect(topHeading(l, 'glacier vault archives')).toBe('Glacier vaults');
    expect(l.current).not.toBe(before);
    expect(ask(before.index, 'glacier vault archives').results[0]?.heading).not.toBe('Glacier vaults');
    expect(l.getStatus()).toMatchObject({
      sections: l.current.library.sections.length,
      lastReload: { outcome: 'swapped' },
    });
  });

  it('an edit made after start-up read the notes, before anything watched them, is reloaded by the preparation', async () => {
    const { notes, live: l } = await live();
    fs.appendFileSync(path.join(notes, 'cloud/storage.md'), '\n## Glacier vaults\n\nA vault holds archives.\n');
    await l.prepare();
    expect(l.getStatus().lastReload).toMatchObject({ outcome: 'swapped', trigger: 'notes changed during start-up' });
    expect(topHeading(l, 'glacier vault archives')).toBe('Glacier vaults');
  });

  it('prepared at start, a reload hands over only the changed notes and keeps the objects in use for the others', async () => {
    const { notes, live: l, logs, config } = await live();
    await l.prepare();
    expect(logs.map((entry) => entry.message)).toContain('reload worker ready');
    const { loadNotes } = await import('../../src/notes/load.js');
    const sameAsFresh = () => {
      const { loadMs, ...library } = l.current.library;
      const { loadMs: freshMs, ...fresh } = loadNotes({ root: config.NOTES_DIR, style: 'site' });
      expect(library).toEqual(fresh);
    };
    const before = l.current.library;
    fs.appendFileSync(path.join(notes, 'cloud/storage.md'), '\n## Glacier vaults\n\nA vault holds archives.\n');
    expect(await l.reload('test')).toMatchObject({ outcome: 'swapped', parsed: 1, sent: 1 });
    for (const note of l.current.library.notes) {
      const old = before.notes.find((n) => n.file === note.file);
      if (note.file === 'cloud/storage.md') expect(note).not.toBe(old);
      else expect(note).toBe(old);
    }
    expect(topHeading(l, 'glacier vault archives')).toBe('Glacier vaults');
    sameAsFresh();

    // A note added first in its folder's sidebar moves the notes after it: it alone is sent, and
    // the others keep their parsed content (their sections are the objects in use).
    const moved = l.current.library;
    const meta = path.join(notes, 'cloud/_meta.json');
    const metaText = fs.readFileSync(meta, 'utf8');
    fs.writeFileSync(meta, metaText.replace('{', '{ "aardvarks": "Aardvarks",'));
    fs.writeFileSync(path.join(notes, 'cloud/aardvarks.md'), '# Aardvarks\n\nAardvarks dig burrows at night.\n');
    expect(await l.reload('test')).toMatchObject({ outcome: 'swapped', parsed: 1, sent: 1 });
    const files = l.current.library.notes.map((n) => n.file);
    expect(files).toEqual(['welcome.md', 'cloud/aardvarks.md', 'cloud/storage.md', 'cloud/compute.md']);
    expect(l.current.library.notes.map((n) => n.order)).toEqual([0, 1, 2, 3]);
    const storage = l.current.library.notes[2]!;
    expect(storage.sections[0]).toBe(moved.notes.find((n) => n.file === 'cloud/storage.md')!.sections[0]);
    expect(topHeading(l, 'aardvark burrows')).toBe('Aardvarks');
    sameAsFresh();

    // Removed: nothing is parsed or sent.
    fs.rmSync(path.join(notes, 'cloud/aardvarks.md'));
    fs.writeFileSync(meta, metaText);
    expect(await l.reload('test')).toMatchObject({ outcome: 'swapped', parsed: 0, sent: 0 });
    expect(l.current.library.notes.map((n) => n.order)).toEqual([0, 1, 2]);
    expect(topHeading(l, 'aardvark burrows')).not.toBe('Aardvarks');
    sameAsFresh();
  });

  it('after a refused reload the next one sends the notes whole', async () => {
    const { notes, live: l } = await live();
    await l.prepare();
    const file = path.join(notes, 'cloud/compute.md');
    const text = fs.readFileSync(file, 'utf8');
    fs.writeFileSync(file, `---\ntitle: [Compute\n---\n${text}`);
    expect((await l.reload('test')).outcome).toBe('kept-old');
    fs.writeFileSync(file, `${text}\n## Spot capacity\n\nSpot instances use spare capacity.\n`);
    const record = await l.reload('test');
    expect(record).toMatchObject({ outcome: 'swapped', sent: l.current.library.notes.length });
    expect(topHeading(l, 'spot capacity spare')).toBe('Spot capacity');
  });

  it('reloading unchanged notes builds nothing', async () => {
    const { live: l } = await live();
    const before = l.current;
    expect((await l.reload('test')).outcome).toBe('unchanged');
    expect(l.current).toBe(before);
  });

  it('a broken edit keeps the old notes and the status names the file and line', async () => {
    const { notes, live: l, logs } = await live();
    const before = l.current;
    const file = path.join(notes, 'cloud/compute.md');
    fs.writeFileSync(file, `---\ntitle: [Compute\n---\n${fs.readFileSync(file, 'utf8')}`);
    const record = await l.reload('test');
    expect(record.outcome).toBe('kept-old');
    expect(record.problems[0]).toMatch(/^cloud\/compute\.md:\d+: /);
    expect(record.reason).toContain('cloud/compute.md:');
    expect(l.current).toBe(before);
    expect(l.getStatus().lastReload?.problems[0]).toMatch(/^cloud\/compute\.md:\d+:/);
    expect(logs.at(-1)).toMatchObject({ message: 'notes reload refused, old notes kept' });

    // Fixed: the next reload takes it.
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('title: [Compute', 'title: Compute'));
    expect((await l.reload('test')).outcome).toBe('swapped');
  });

  it('an edit that takes the parser past its budget is stopped during a live reload and named; the old notes stay', async () => {
    const { notes, live: l } = await live(undefined, 300);
    const before = l.current;
    // 80 KB of `[` takes micromark (the `~one~` strikethrough sends the note there) seconds.
    fs.writeFileSync(path.join(notes, 'cloud/compute.md'), `# Compute\n\n~one~\n\n${'['.repeat(80_000)}\n`);
    const started = performance.now();
    const record = await l.reload('test');
    expect(performance.now() - started).toBeLessThan(30_000);
    expect(record.problems).toEqual([
      expect.stringMatching(/^cloud\/compute\.md:1: warning: skipped: parsing took more than 0\.3 s/),
    ]);
    expect(l.getStatus().lastReload?.problems).toEqual(record.problems);
    expect(topHeading(l, 'glacier archives storage')).toBe(
      topHeading({ current: before } as LiveNotes, 'glacier archives storage'),
    );
  });

  it('an emptied folder keeps the old notes', async () => {
    const { notes, live: l } = await live('off');
    const before = l.current;
    for (const entry of fs.readdirSync(notes)) fs.rmSync(path.join(notes, entry), { recursive: true });
    const record = await l.reload('test');
    expect(record).toMatchObject({ outcome: 'kept-old', reason: 'the notes folder is missing or has no notes now' });
    expect(l.current).toBe(before);
  });

  it('reloads asked for while one runs are merged into one more', async () => {
    const { notes, live: l } = await live();
    fs.appendFileSync(path.join(notes, 'welcome.md'), '\nMore welcome text about orientation.\n');
    const first = l.reload('a');
    const second = l.reload('b');
    const third = l.reload('c');
    expect(second).toBe(third);
    expect((await first).outcome).toBe('swapped');
    expect(await second).toMatchObject({ outcome: 'unchanged', trigger: 'c' });
  });
});
