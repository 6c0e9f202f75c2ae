import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isMark, type Segment } from '../../src/notes/blocks.js';
import { loadNotes, type LoadOptions } from '../../src/notes/load.js';
import type { NoteLibrary, Section } from '../../src/notes/types.js';

// Golden files for the notes pipeline: each fixture folder → its notes, sections and problems as
// JSON under tests/fixtures/golden/. A change to parsing shows up as a diff of those files.
// After an intended change: `UPDATE_GOLDEN=1 npx vitest run tests/notes/golden.test.ts`, then
// read the diff before committing it.

const fixtures = path.resolve(import.meta.dirname, '../fixtures');
const goldenDir = path.join(fixtures, 'golden');
const update = process.env.UPDATE_GOLDEN === '1';

const cases: { name: string; options: Omit<LoadOptions, 'root'>; folder: string }[] = [
  { name: 'pipeline', folder: 'pipeline', options: { baseUrl: 'https://notes.example.com/docs', style: 'site' } },
  { name: 'pipeline-github-links', folder: 'pipeline', options: {} },
  { name: 'layout-docusaurus', folder: 'layouts/docusaurus', options: {} },
  { name: 'layout-github', folder: 'layouts/github', options: {} },
  { name: 'layout-obsidian', folder: 'layouts/obsidian', options: {} },
  { name: 'flashcards', folder: 'flashcards', options: {} },
];

/** The targets of the links in a section's blocks, inside bold and italics too. */
const linksOf = (section: Section): string[] => {
  const targets = (segments: Segment[]): string[] =>
    segments.flatMap((s) => {
      if (!isMark(s)) return [];
      if (s.mark === 'link') return [s.url, ...targets(s.children)];
      return s.mark === 'strong' || s.mark === 'emphasis' ? targets(s.children) : [];
    });
  return section.blocks.flatMap((b) => targets(b.segments));
};

/** What the pipeline makes of a folder, without timings or absolute paths. */
const snapshotOf = (library: NoteLibrary) => ({
  layout: library.layout ?? null,
  notes: library.notes.map((n) => ({
    file: n.file,
    route: n.route,
    title: n.title,
    breadcrumb: n.breadcrumb,
    tags: n.tags,
    quiz: n.quiz.map((q) => q.id),
    flashcards: n.flashcards.map((c) => ({ front: c.front, back: c.back })),
  })),
  sections: library.sections.map((s) => ({
    id: s.id,
    file: s.file,
    line: s.line,
    level: s.level,
    headingPath: s.headingPath,
    anchor: s.anchor,
    url: s.url,
    children: s.children,
    answerable: s.answerable ?? true,
    links: linksOf(s),
    text: s.text,
  })),
  problems: library.problems.map((p) => ({
    file: p.file,
    line: p.line,
    severity: p.severity ?? 'error',
    message: p.message,
  })),
});

describe('notes pipeline golden files', () => {
  for (const { name, folder, options } of cases) {
    it(`${folder} parses to golden/${name}.json`, () => {
      const actual = snapshotOf(loadNotes({ root: path.join(fixtures, folder), ...options }));
      const file = path.join(goldenDir, `${name}.json`);
      if (update) {
        fs.mkdirSync(goldenDir, { recursive: true });
        fs.writeFileSync(file, `${JSON.stringify(actual, null, 2)}\n`);
        return;
      }
      expect(
        fs.existsSync(file),
        `${file} is missing: run UPDATE_GOLDEN=1 npx vitest run tests/notes/golden.test.ts`,
      ).toBe(true);
      expect(actual).toEqual(JSON.parse(fs.readFileSync(file, 'utf8')));
    });
  }

  it('finds no absolute path of this machine in the golden files', () => {
    for (const name of cases.map((c) => c.name)) {
      const file = path.join(goldenDir, `${name}.json`);
      if (fs.existsSync(file)) expect(fs.readFileSync(file, 'utf8')).not.toContain(fixtures);
    }
  });
});
