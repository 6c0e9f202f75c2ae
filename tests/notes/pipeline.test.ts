import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/temp-dir.js';
import { loadNotes } from '../../src/notes/load.js';
import type { NoteLibrary } from '../../src/notes/types.js';

const fixture = path.resolve(import.meta.dirname, '../fixtures/pipeline');
const problemLines = (library: NoteLibrary): string[] =>
  library.problems.map((p) => `${p.file}:${p.line}: ${p.message}`);

describe('notes pipeline on the fixture folder', () => {
  const library = loadNotes({ root: fixture, baseUrl: 'https://notes.example.com/docs', style: 'site' });
  const section = (id: string) => library.sections.find((s) => s.id === id);

  it('finds .md and .mdx files in _meta.json order, ignoring hidden folders, node_modules and other files', () => {
    expect(library.notes.map((n) => n.route)).toEqual([
      'intro',
      'guide',
      'guide/page',
      'guide/bad-front',
      'guide/bad-quiz',
      'guide/empty',
      'guide/no-headings',
    ]);
    expect(library.files).toBe(7);
  });

  it('takes titles from front matter, then _meta.json, then the first H1, then the file name', () => {
    const titles = Object.fromEntries(library.notes.map((n) => [n.route, n.title]));
    expect(titles.intro).toBe('Introduction to Widgets');
    expect(titles['guide/page']).toBe('A page (meta title)');
    expect(titles['guide/no-headings']).toBe('No headings');
    expect(library.notes.find((n) => n.route === 'guide')!.breadcrumb).toEqual(['The Guide']);
  });

  it('uses the first H1 as title when neither front matter nor _meta.json name the note', () => {
    const dir = tempDir('nimbus-h1');
    fs.writeFileSync(path.join(dir, 'a.md'), '# Heading One Title\n\nBody text.\n');
    expect(loadNotes({ root: dir }).notes[0]!.title).toBe('Heading One Title');
  });

  it('splits at headings, with content before the first heading as the intro section', () => {
    expect(library.notes[0]!.sections.map((s) => s.id)).toEqual([
      'intro',
      'intro#-launch-step-1',
      'intro#setup',
      'intro#setup-1',
      'intro#cable-colours',
      'intro#my-anchor',
      'intro#thing-anchor',
    ]);
    expect(section('intro')!.text).toBe(
      'Widgets are small open-source gadgets. This intro paragraph belongs to the intro section.',
    );
    expect(section('guide/page')!.text).toContain('Intro text of an MDX page');
    expect(section('guide/no-headings')!.text).toContain('about gears');
  });

  it('does not split at headings inside code fences and keeps code as text', () => {
    const launch = section('intro#-launch-step-1')!;
    expect(launch.text).toContain('widget launch --fast');
    expect(launch.text).toContain('# Not a heading: inside a code fence');
    expect(launch.heading).toBe('🚀 Launch: step 1!');
  });

  it('gives duplicate headings -1, -2 anchors and honours [#custom-id] and <a name> anchors', () => {
    expect(section('intro#setup')!.text).toContain('First setup');
    expect(section('intro#setup-1')!.text).toContain('Second setup');
    expect(section('intro#my-anchor')!.heading).toBe('Custom anchor');
    const html = section('intro#thing-anchor')!;
    expect(html.heading).toBe('Thing with an HTML anchor');
    expect(html.text).not.toContain('<a');
  });

  it('records heading path, level, start line and the original Markdown', () => {
    const cables = section('intro#cable-colours')!;
    expect(cables.headingPath).toEqual(['Introduction to Widgets', 'Setup', 'Cable colours']);
    expect(cables.level).toBe(3);
    expect(cables.line).toBe(34);
    expect(cables.markdown).toContain('[the guide](/guide)');
    expect(section('intro#setup-1')!.children).toEqual(['cable-colours']);
  });

  it('removes markup and undoes escapes in plain text', () => {
    const html = section('intro#thing-anchor')!;
    expect(html.text).toContain('Escaped * star and open-source tools.');
    expect(html.text).toContain('fast launches quickly');
    expect(section('intro#cable-colours')!.text).toContain('See the guide and a page section.');
    const htmlTable = section('guide#reading-the-guide')!.text;
    expect(htmlTable).toContain('alpha gear');
    expect(htmlTable).toContain('beta spring');
    expect(htmlTable).not.toMatch(/<\/?t[rdh]/);
  });

  it('reads MDX: drops import/export and expressions, keeps JSX text, indented lines are not code', () => {
    const callout = section('guide/page#callouts-keep-text')!;
    expect(callout.text).toContain('Callout text must be kept for search.');
    expect(callout.text).toContain('tab-indented list item two');
    expect(callout.text).toContain('This indented line is not code in MDX.');
    expect(callout.blocks.some((b) => b.kind === 'code')).toBe(false);
    expect(section('guide/page')!.text).not.toMatch(/import|export|1 \+ 1/);
  });

  it('builds site links from NOTES_BASE_URL, route and anchor', () => {
    expect(section('intro#cable-colours')!.url).toBe('https://notes.example.com/docs/intro#cable-colours');
    expect(section('guide')!.url).toBe('https://notes.example.com/docs/guide');
    expect(section('guide/page#callouts-keep-text')!.url).toBe(
      'https://notes.example.com/docs/guide/page#callouts-keep-text',
    );
  });

  it('builds GitHub blob links with the file extension, and no link without a base URL', () => {
    const github = loadNotes({ root: fixture, baseUrl: 'https://github.com/o/r/blob/main/notes', style: 'github' });
    expect(github.sections.find((s) => s.id === 'guide')!.url).toBe(
      'https://github.com/o/r/blob/main/notes/guide/index.md',
    );
    expect(github.sections.find((s) => s.id === 'guide/page')!.url).toBe(
      'https://github.com/o/r/blob/main/notes/guide/page.mdx',
    );
    const none = loadNotes({ root: fixture });
    expect(none.sections.every((s) => s.url === null)).toBe(true);
  });

  it('reads quiz questions and drops only the invalid ones', () => {
    expect(library.notes[0]!.quiz).toHaveLength(1);
    expect(library.notes[0]!.quiz[0]).toMatchObject({
      answer: 'widget launch',
      section: '-launch-step-1',
      noteRoute: 'intro',
    });
    // bad-quiz: answer not among choices and too few choices are dropped; the missing section is loaded but reported.
    expect(library.notes.find((n) => n.route === 'guide/bad-quiz')!.quiz.map((q) => q.question)).toEqual([
      'Which section is missing?',
    ]);
  });

  it('reports every problem as file:line: message while loading the rest', () => {
    expect(problemLines(library)).toEqual([
      'guide/bad-front.md:3: front matter is not valid YAML: unexpected end of the stream within a flow collection',
      'guide/bad-quiz.md:3: unknown front matter key "colour" (expected title, description, tags, quiz)',
      'guide/bad-quiz.md:7: quiz question 1: answer "everywhere" is not among its choices',
      'guide/bad-quiz.md:10: quiz question "Which section is missing?" points at missing section #no-such-section',
      'guide/bad-quiz.md:16: quiz question 3: choices: needs 3 to 5 choices',
      'guide/bad-quiz.md:20: quiz question 4: "explanation" is missing',
      'guide/bad-quiz.md:30: section "Empty section" is empty',
      'guide/empty.md:1: note has no content',
      'intro.md:37: link "/guide/missing" points to a page that does not exist',
      'intro.md:37: link "/guide/page#nope" points to a missing section #nope',
    ]);
    expect(section('guide/bad-front#still-loads')!.text).toContain('still loads');
  });
});

describe('notes pipeline on hostile files', () => {
  let dir: string;
  let library: NoteLibrary;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nimbus-notes-'));
    fs.writeFileSync(path.join(dir, 'latin1.md'), Buffer.from('## Caf\xe9 cr\xe8me\n\nNa\xefve text.\n', 'latin1'));
    fs.writeFileSync(path.join(dir, 'bom.md'), '\ufeff# Saved with a BOM\n\nText after the mark.\n');
    fs.mkdirSync(path.join(dir, 'loop'));
    fs.writeFileSync(path.join(dir, 'loop', 'inside.md'), '## Inside\n\nText in the looped folder.\n');
    fs.symlinkSync('..', path.join(dir, 'loop', 'back'));
    const paragraph = 'Large files still load and are split into sections like any other. ';
    const big = Array.from({ length: 400 }, (_, i) => `## Part ${i}\n\n${paragraph.repeat(190)}\n`).join('\n');
    fs.writeFileSync(path.join(dir, 'big.md'), big);
    library = loadNotes({ root: dir });
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('loads a non-UTF-8 file with a problem line instead of failing', () => {
    expect(library.problems.map((p) => `${p.file}:${p.line}: ${p.message}`)).toContain(
      'latin1.md:1: file is not valid UTF-8; read as Latin-1, so some characters may be wrong',
    );
    expect(library.sections.find((s) => s.id === 'latin1#café-crème')!.text).toBe('Naïve text.');
  });

  it('reads a UTF-8 file that starts with a byte-order mark without the mark', () => {
    const note = library.notes.find((n) => n.file === 'bom.md')!;
    expect(note.title).toBe('Saved with a BOM');
    expect(note.sections.map((s) => s.text).join('')).not.toContain('\ufeff');
    expect(library.problems.filter((p) => p.file === 'bom.md')).toEqual([]);
  });

  it('survives a symlink loop, reading each folder once', () => {
    expect(library.notes.filter((n) => n.route.endsWith('inside'))).toHaveLength(1);
    expect(library.problems.some((p) => p.file === 'loop/back' && /loops back/.test(p.message))).toBe(true);
  });

  it('loads a 5 MB file into its sections', () => {
    expect(fs.statSync(path.join(dir, 'big.md')).size).toBeGreaterThan(5_000_000);
    const big = library.notes.find((n) => n.route === 'big')!;
    expect(big.sections).toHaveLength(400);
    expect(big.sections[399]!.heading).toBe('Part 399');
  });

  it('reports a missing notes folder instead of throwing', () => {
    const missing = loadNotes({ root: path.join(dir, 'does-not-exist') });
    expect(missing.notes).toEqual([]);
    expect(missing.problems[0]!.message).toBe('notes folder not found');
  });
});
