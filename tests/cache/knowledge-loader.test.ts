import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { answerJson } from '../../src/cli/commands-ask.js';
import { ask } from '../../src/core/ask.js';
import { codeVersion } from '../../src/core/code-version.js';
import { KnowledgeLoader, type LoaderOptions } from '../../src/core/knowledge-loader.js';
import type { Knowledge } from '../../src/core/library.js';

const fixture = path.resolve(import.meta.dirname, '../fixtures/e2e-notes');
const temporary: string[] = [];
afterEach(() => {
  for (const dir of temporary.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

function workspace(): { notes: string; cache: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nimbus-cache-'));
  temporary.push(dir);
  const notes = path.join(dir, 'notes');
  fs.cpSync(fixture, notes, { recursive: true });
  return { notes, cache: path.join(dir, 'cache') };
}

function loader(notes: string, cache: string, extra: Partial<LoaderOptions> = {}) {
  const logs: { message: string; fields: Record<string, unknown> }[] = [];
  const instance = new KnowledgeLoader(
    { NOTES_DIR: notes, NOTES_BASE_URL: undefined, NOTES_LINK_STYLE: 'site' },
    { cacheDir: cache, log: (message, fields) => logs.push({ message, fields }), ...extra },
  );
  return { instance, logs };
}

const questions = ['what is object storage', 'how do I pick an instance type', 'stroage clases', 'welcome'];
const answersOf = (knowledge: Knowledge): string[] => questions.map((q) => answerJson(ask(knowledge.index, q)));

describe('knowledge cache', () => {
  it('a second start uses the saved index, says so, and answers the same', async () => {
    const { notes, cache } = workspace();
    const first = loader(notes, cache);
    const built = await first.instance.load();
    expect(built.source).toBe('built');
    expect(built.reason).toBe('no saved index yet');
    expect(first.logs.map((l) => l.message)).toContain('notes parsed and indexed');

    const second = loader(notes, cache);
    const cached = await second.instance.load();
    expect(cached.source).toBe('cache');
    expect(second.logs.map((l) => l.message)).toEqual(['notes and index loaded from the cache']);
    expect(answersOf(cached.knowledge)).toEqual(answersOf(built.knowledge));
    expect(cached.knowledge.library.problems).toEqual(built.knowledge.library.problems);
    expect(cached.knowledge.library.sections.map((s) => s.id)).toEqual(
      built.knowledge.library.sections.map((s) => s.id),
    );
  });

  it('a changed note is parsed again, the other files come from the parse cache', async () => {
    const { notes, cache } = workspace();
    await loader(notes, cache).instance.load();
    const storage = path.join(notes, 'cloud/storage.md');
    fs.appendFileSync(storage, '\n## Glacier vaults\n\nA vault holds archives for the long term.\n');
    const { instance, logs } = loader(notes, cache);
    const report = await instance.load();
    expect(report.source).toBe('built');
    expect(report.reason).toBe('the notes changed since the index was saved');
    expect(report.parsed).toBe(1);
    expect(report.reused).toBe(report.knowledge.library.files - 1);
    expect(logs[0]!.fields).toMatchObject({ parsed: 1, reason: 'the notes changed since the index was saved' });
    expect(ask(report.knowledge.index, 'glacier vault archives').results[0]!.heading).toBe('Glacier vaults');
  });

  it('adding or removing a note parses only it and the notes whose links now lead elsewhere, exactly as a fresh load', async () => {
    const { notes, cache } = workspace();
    const { instance } = loader(notes, cache);
    await instance.load();
    const { loadNotes } = await import('../../src/notes/load.js');
    // Each load (from the parse cache) gives exactly the notes a load without any cache gives.
    const rebuild = async () => {
      const report = await instance.load(false);
      const { loadMs, ...library } = report.knowledge.library;
      const { loadMs: freshMs, ...fresh } = loadNotes({ root: notes, style: 'site' });
      expect(library).toEqual(fresh);
      return report;
    };
    const linking = path.join(notes, 'cloud/linking.md');
    fs.writeFileSync(linking, '# Linking\n\nSee [the archive note](archive.md) and [storage](storage.md#classes).\n');
    const added = await rebuild();
    expect([added.parsed, added.reused]).toEqual([1, added.knowledge.library.files - 1]);
    expect(added.knowledge.library.problems.map((p) => p.message).join('\n')).toContain(
      'link "archive.md" points to a page',
    );

    // The page linking.md points at appears: it is parsed, and linking.md again (its link resolves now).
    fs.writeFileSync(path.join(notes, 'cloud/archive.md'), '# Archive\n\nArchives are kept for years.\n');
    const target = await rebuild();
    expect(target.parsed).toBe(2);
    expect(target.knowledge.library.problems.map((p) => p.message).join('\n')).not.toContain('archive.md');

    // A page nobody links to: only it is parsed; removed again, nothing is.
    fs.writeFileSync(path.join(notes, 'aaa-first.md'), '# First\n\nA note sorted before the others.\n');
    expect((await rebuild()).parsed).toBe(1);
    fs.rmSync(path.join(notes, 'aaa-first.md'));
    expect((await rebuild()).parsed).toBe(0);

    // The linked page removed: linking.md is parsed again and its link reported once more.
    fs.rmSync(path.join(notes, 'cloud/archive.md'));
    const removed = await rebuild();
    expect(removed.parsed).toBe(1);
    expect(removed.knowledge.library.problems.map((p) => p.message).join('\n')).toContain(
      'link "archive.md" points to a page',
    );
  }, 120_000);

  it('a damaged or truncated saved index is rebuilt, not trusted', async () => {
    const { notes, cache } = workspace();
    const built = await loader(notes, cache).instance.load();
    const file = path.join(cache, 'knowledge.bin');
    const bytes = fs.readFileSync(file);
    fs.writeFileSync(file, bytes.subarray(0, bytes.length >> 1));
    const truncated = await loader(notes, cache).instance.load();
    expect(truncated.source).toBe('built');
    expect(truncated.reason).toMatch(/^saved index is damaged/);
    expect(answersOf(truncated.knowledge)).toEqual(answersOf(built.knowledge));

    fs.writeFileSync(file, 'not a cache at all');
    expect((await loader(notes, cache).instance.load()).reason).toMatch(/^saved index is damaged/);
    fs.writeFileSync(path.join(cache, 'parse-cache.bin'), 'garbage');
    const again = await loader(notes, cache).instance.load();
    expect(again.source).toBe('cache');
  });

  it('another version of Nimbus invalidates both the saved index and the parse cache', async () => {
    const { notes, cache } = workspace();
    await loader(notes, cache, { version: 'v1' }).instance.load();
    expect((await loader(notes, cache, { version: 'v1' }).instance.load()).source).toBe('cache');
    const { instance, logs } = loader(notes, cache, { version: 'v2' });
    const upgraded = await instance.load();
    expect(upgraded.source).toBe('built');
    expect(upgraded.reason).toBe('saved index is from another version of Nimbus');
    expect(upgraded.reused).toBe(0);
    expect(upgraded.parsed).toBe(upgraded.knowledge.library.files);
    expect(logs.map((l) => l.fields.reason)).toContain('parse cache is from another version of Nimbus');
  });

  it('without a cache folder every load parses', async () => {
    const { notes } = workspace();
    const first = await loader(notes, '', { cacheDir: undefined }).instance.load();
    const second = await loader(notes, '', { cacheDir: undefined }).instance.load();
    expect([first.source, second.source]).toEqual(['built', 'built']);
  });

  it("the code version changes with any change to Nimbus's code", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nimbus-code-'));
    temporary.push(dir);
    fs.mkdirSync(path.join(dir, 'src/notes'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'src/notes/types.ts'), 'export interface Section { id: string }\n');
    const before = codeVersion(path.join(dir, 'src'));
    expect(codeVersion(path.join(dir, 'src'))).toBe(before);
    fs.writeFileSync(path.join(dir, 'src/notes/types.ts'), 'export interface Section { id: string; layout: string }\n');
    expect(codeVersion(path.join(dir, 'src'))).not.toBe(before);
  });
});

describe('saved index on the bundled notes', () => {
  it('answers every eval question byte for byte like the index it was saved from', async () => {
    const { loadNotes } = await import('../../src/notes/load.js');
    const { buildIndex, restoreIndex, saveIndex } = await import('../../src/search/index.js');
    const v8 = await import('node:v8');
    const evalQuestions = JSON.parse(
      fs.readFileSync(path.resolve(import.meta.dirname, '../fixtures/eval/notes-questions.json'), 'utf8'),
    ) as { question: string }[];
    const library = loadNotes({ root: path.resolve(import.meta.dirname, '../../notes') });
    const copy = v8.deserialize(v8.serialize(library)) as typeof library;
    const built = buildIndex(library.sections);
    const restored = restoreIndex(
      v8.deserialize(v8.serialize(saveIndex(built))) as ReturnType<typeof saveIndex>,
      copy.sections,
    );
    for (const { question } of evalQuestions)
      expect(answerJson(ask(restored, question))).toBe(answerJson(ask(built, question)));
  }, 180_000);
});
