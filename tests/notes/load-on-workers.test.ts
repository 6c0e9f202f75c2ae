import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { libraryContext, loadNote, loadNoteJob, noteJobOf, type ReadNote } from '../../src/notes/load-note.js';
import { loadNotes, type LoadOptions } from '../../src/notes/load.js';
import { ParseCache } from '../../src/notes/parse-cache.js';
import { bytesPerWorker, ParsePool, workersFor } from '../../src/notes/parse-pool.js';
import type { NoteLibrary } from '../../src/notes/types.js';

const root = path.resolve(import.meta.dirname, '../..');
const fixtures = path.join(root, 'tests/fixtures');

/** Everything a load gives but its timing. */
const content = ({ loadMs, ...rest }: NoteLibrary): Omit<NoteLibrary, 'loadMs'> => rest;

// One pool for every load, as the reload worker keeps one: each load sends its own library. One
// worker whatever the cores here: it and this thread share the notes.
const pool = new ParsePool({ ms: 600_000, bytes: 20 * 1024 * 1024 }, 1);
const onPool = (options: LoadOptions): NoteLibrary => loadNotes({ ...options, parsePool: pool });

const odd = fs.mkdtempSync(path.join(os.tmpdir(), 'nimbus-workers-'));
afterAll(() => {
  pool.close();
  fs.rmSync(odd, { recursive: true, force: true });
});
// What crosses threads besides sections: problems found while loading, links, anchors, flashcards.
fs.writeFileSync(
  path.join(odd, 'broken.mdx'),
  '---\ntitle: Broken MDX\nsidebar_label: Side\n---\n\n# Broken\n\n<div>\n\n## Part {#own-id}\n\nSee [the other](./other.md#missing) and <a name="here"></a>.\n',
);
fs.writeFileSync(
  path.join(odd, 'other.md'),
  '---\ntags: [a, b]\nquiz:\n  - question: Which?\n    choices: [One, Two]\n    answer: One\n    explanation: Because.\n    section: cards\n---\n# Other\n\n## Cards #flashcards\n\nWhat is one::One\n\nA `code` line with $x^2$ math, ~~gone~~ and a [link](https://example.com).\n\n| a | b |\n|---|---|\n| 1 | 2 |\n',
);

describe('notes loaded on the parse pool', () => {
  for (const [name, options] of [
    ['the bundled notes', { root: path.join(root, 'notes') }],
    ['an Obsidian vault', { root: path.join(fixtures, 'layouts/obsidian') }],
    ['a Docusaurus site', { root: path.join(fixtures, 'layouts/docusaurus') }],
    ['flashcards with bold cloze', { root: path.join(fixtures, 'flashcards'), boldCloze: true }],
    ['MDX errors, quizzes and links between notes', { root: odd, baseUrl: 'https://notes.example/' }],
  ] as [string, LoadOptions][]) {
    it(`equal what this thread loads: ${name}`, () => {
      const here = loadNotes(options);
      const there = onPool(options);
      expect(there.notes.length).toBeGreaterThan(0);
      expect(content(there)).toEqual(content(here));
      // The first load waits for the workers to start (tsx compiles their code on a busy machine).
    }, 180_000);
  }

  it('a note job copied across threads loads exactly as the note it was made from', () => {
    const library = loadNotes({ root: odd });
    expect(library.problems.map((p) => p.message)).toEqual(
      expect.arrayContaining([expect.stringMatching(/^MDX syntax error/)]),
    );
    const shape = {
      settings: { baseUrl: 'https://notes.example/', style: 'site' as const },
      layout: { name: 'github' as const, appRouter: false },
      routes: [
        ['broken.mdx', 'broken'],
        ['other.md', 'other'],
      ] as [string, string][],
      libraryKey: 'key',
      boldCloze: false,
    };
    const base = libraryContext(structuredClone(shape));
    const read: ReadNote = {
      entry: { file: 'broken.mdx', absolute: path.join(odd, 'broken.mdx'), order: 0 },
      source: fs.readFileSync(path.join(odd, 'broken.mdx'), 'utf8'),
      front: { data: { title: 'Broken MDX', sidebarLabel: 'Side', tags: [], quiz: [] }, content: '', problems: [] },
      problems: [],
    };
    const context = { ...libraryContext(shape), metaTitle: 'Meta', breadcrumb: [] };
    const job = structuredClone(noteJobOf(read, context, false));
    const there = structuredClone(loadNoteJob(job, base));
    const here = loadNote(read, context);
    expect(there.loaded).toEqual(here);
    // What the note asked of the others is recorded only for a parse cache, which keeps it.
    expect(there.questions).toEqual({ resolved: [], routes: [] });
    const recorded = loadNoteJob(structuredClone(noteJobOf(read, context, true)), base);
    expect(recorded.loaded).toEqual(here);
    expect(recorded.questions.resolved.map(([, url]) => url)).toContain('./other.md#missing');
    expect(there.loaded.anchors).toEqual(new Set(['broken', 'part', 'own-id', 'here']));
    expect(there.problems).toEqual(read.problems);
    expect(there.problems.map((p) => p.message)).toEqual([expect.stringMatching(/^MDX syntax error/)]);
  });

  it('with a parse cache, notes loaded on workers record their link answers: a note whose link now resolves elsewhere is loaded again', () => {
    const folder = path.join(odd, 'linked');
    fs.mkdirSync(folder);
    fs.writeFileSync(path.join(folder, 'from.md'), '# From\n\nSee [the target](./target.md).\n');
    fs.writeFileSync(path.join(folder, 'other.md'), '# Other\n\nNo links here.\n');
    const cache = new ParseCache('test');
    const cached = (): NoteLibrary => {
      cache.begin();
      return onPool({ root: folder, parseCache: cache.load, isCached: cache.has });
    };
    cached();
    expect(cache.misses).toBe(2);
    // The link's target appears: from.md's answer changes, other.md asked nothing that did.
    fs.writeFileSync(path.join(folder, 'target.md'), '# Target\n\nHere.\n');
    const after = cached();
    expect(cache.misses).toBe(2);
    expect(cache.hits).toBe(1);
    expect(content(after)).toEqual(content(loadNotes({ root: folder })));
  });
});

describe('how many workers the parse pool runs', () => {
  it('none on 2 cores (one parsing thread keeps V8 busy on the other), one per core beyond them, at most four', () => {
    expect([1, 2, 3, 4, 8, 64].map(workersFor)).toEqual([0, 0, 1, 2, 4, 4]);
  });

  it('without workers, this thread parses every note, exactly as loading without a pool', () => {
    const own = new ParsePool({ ms: 600_000, bytes: 20 * 1024 * 1024 }, 0);
    const options = { root: path.join(root, 'notes') };
    const here = loadNotes({ ...options, parsePool: own });
    expect(own.workers).toBe(0);
    expect(here.notes.length).toBe(69);
    expect(content(here)).toEqual(content(loadNotes(options)));
  });

  it('one for a whole folder to parse, then one per 2 MB of Markdown beyond the first 2 MB, which this thread parses', () => {
    const own = new ParsePool({ ms: 600_000, bytes: 20 * 1024 * 1024 }, 3);
    try {
      const small = loadNotes({ root: path.join(root, 'notes'), parsePool: own });
      expect(small.notes.length).toBe(69);
      expect(own.workers).toBe(1);
      own.expect(2 * bytesPerWorker - 1);
      expect(own.workers).toBe(1);
      own.expect(2 * bytesPerWorker);
      own.start();
      expect(own.workers).toBe(2);
      // Never more than its threads, and never fewer than it runs already.
      own.expect(100 * bytesPerWorker);
      own.start();
      own.expect(1);
      own.start();
      expect(own.workers).toBe(3);
    } finally {
      own.close();
    }
    expect(own.workers).toBe(0);
  }, 180_000);

  it('none for a reload of a few edited files: this thread parses them', () => {
    const folder = path.join(odd, 'reloaded');
    fs.cpSync(path.join(fixtures, 'layouts/obsidian'), folder, { recursive: true });
    const cache = new ParseCache('test');
    const cached = (parsePool: ParsePool): NoteLibrary => {
      cache.begin();
      return loadNotes({ root: folder, parseCache: cache.load, isCached: cache.has, parsePool });
    };
    const first = new ParsePool({ ms: 600_000, bytes: 20 * 1024 * 1024 }, 3);
    const own = new ParsePool({ ms: 600_000, bytes: 20 * 1024 * 1024 }, 3);
    try {
      const before = cached(first);
      const [file] = before.notes.map((n) => n.file);
      fs.appendFileSync(path.join(folder, file!), '\n## Added gizmo part\n\nNew text.\n');
      const after = cached(own);
      expect(cache.misses).toBe(1);
      expect(own.workers).toBe(0);
      expect(after.sections.map((s) => s.heading)).toContain('Added gizmo part');
    } finally {
      first.close();
      own.close();
    }
  });
});

describe('notes only micromark reads', () => {
  it('are loaded by the first worker (the others hand them back), exactly as this thread loads them', () => {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'nimbus-micromark-'));
    // Footnotes and tabs send a note to micromark; the plain ones stay on the fast path.
    for (let i = 0; i < 6; i++) {
      fs.writeFileSync(path.join(folder, `foot-${i}.md`), `# Foot ${i}\n\nA claim[^${i}].\n\n[^${i}]: Its source.\n`);
      fs.writeFileSync(path.join(folder, `tab-${i}.md`), `# Tab ${i}\n\n-\tone\n-\ttwo [link](./plain-${i}.md)\n`);
      fs.writeFileSync(path.join(folder, `plain-${i}.md`), `# Plain ${i}\n\nJust *text* and \`code\`.\n`);
    }
    fs.writeFileSync(path.join(folder, 'page.mdx'), '# Page\n\n<Tabs>\n\nIn MDX.\n\n</Tabs>\n');
    const own = new ParsePool({ ms: 600_000, bytes: 20 * 1024 * 1024 }, 2);
    try {
      own.expect(2 * bytesPerWorker);
      const there = loadNotes({ root: folder, parsePool: own });
      expect(own.workers).toBe(2);
      expect(own.handedBack).toBeGreaterThan(0);
      expect(there.notes.length).toBe(19);
      expect(content(there)).toEqual(content(loadNotes({ root: folder })));
    } finally {
      own.close();
      fs.rmSync(folder, { recursive: true, force: true });
    }
  }, 180_000);
});
