import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadNotes } from '../../src/notes/load.js';
import type { NoteLibrary } from '../../src/notes/types.js';
import { blockMarkdown } from '../helpers/blocks.js';
import { libraryFrom } from '../helpers/sections.js';

const fixture = (name: string): string => path.resolve(import.meta.dirname, '../fixtures/layouts', name);
const load = (name: string, options: Partial<Parameters<typeof loadNotes>[0]> = {}): NoteLibrary =>
  loadNotes({ root: fixture(name), baseUrl: 'https://notes.example.com', ...options });
const excerpt = (library: NoteLibrary, id: string): string[] =>
  library.sections.find((s) => s.id === id)!.blocks.map(blockMarkdown);
const problems = (library: NoteLibrary): string[] =>
  library.problems.map((p) => `${p.file}:${p.line}: ${p.severity ?? 'error'}: ${p.message}`);

describe("Obsidian vault (fixture from Obsidian's documented syntax)", () => {
  const library = load('obsidian');

  it('is detected from .obsidian/, which is never read as notes', () => {
    expect(library.layout).toBe('obsidian');
    expect(library.notes.map((n) => n.file)).toEqual(['Math/Linear Algebra.md', 'Study Plan.md', 'Welcome.md']);
  });

  it('titles notes by file name when several H1s make them sections; spaces kept in routes and links', () => {
    const algebra = library.notes[0]!;
    expect(algebra.title).toBe('Linear Algebra');
    expect(algebra.sections.map((s) => s.id)).toEqual([
      'Math/Linear Algebra#vectors',
      'Math/Linear Algebra#eigenvalues',
    ]);
    expect(algebra.sections[0]!.url).toBe('https://notes.example.com/Math/Linear%20Algebra#vectors');
    expect(library.notes.find((n) => n.route === 'Welcome')!.tags).toEqual(['study', 'linear-algebra']);
  });

  it('renders wikilinks as links to the section they name, embeds as their text, callouts as a labelled quote', () => {
    expect(excerpt(library, 'Welcome')).toEqual([
      'This vault collects our study notes. Start with [Linear Algebra](https://notes.example.com/Math/Linear%20Algebra) or jump straight to [eigen stuff](https://notes.example.com/Math/Linear%20Algebra#eigenvalues). The diagram below shows the plan.',
      '> **Tip: Remember** Review each note the day after the lecture. #study',
    ]);
    expect(excerpt(library, 'Study Plan')).toEqual([
      'Week 1 covers [vectors](https://notes.example.com/Math/Linear%20Algebra#vectors), week 2 eigenvalues.',
      '[Linear Algebra › Eigenvalues](https://notes.example.com/Math/Linear%20Algebra#eigenvalues)',
    ]);
    expect(library.sections.find((s) => s.id === 'Welcome')!.text).not.toMatch(/\[\[|\[!tip\]/);
  });

  it('checks wikilinks like Markdown links: only the note nobody wrote is reported, aliases/cssclasses are known keys', () => {
    expect(problems(library)).toEqual([
      'Welcome.md:18: error: link [[Nowhere Note]] points to a page that does not exist',
    ]);
  });
});

describe("Docusaurus docs (fixture from Docusaurus's documented syntax)", () => {
  const library = load('docusaurus');

  it('orders by sidebar_position and _category_ position, then natural number prefixes', () => {
    expect(library.layout).toBe('docusaurus');
    expect(library.notes.map((n) => n.file)).toEqual([
      'intro.md',
      '01-basics/01-install.md',
      '01-basics/02-configuration.md',
      '02-advanced/2-scaling.md',
      '02-advanced/10-tuning.md',
    ]);
  });

  it('routes drop number prefixes and follow id: and slug:', () => {
    expect(library.notes.map((n) => n.route)).toEqual([
      '',
      'basics/setup',
      'basics/configuration',
      'advanced/scaling',
      'tuning-guide',
    ]);
  });

  it('titles: front matter title, then sidebar_label, then H1; folders by _category_ label', () => {
    expect(library.notes.map((n) => n.title)).toEqual([
      'Course overview',
      'Installing the toolkit',
      'Config',
      'Scaling out',
      'Tuning',
    ]);
    expect(library.notes[1]!.breadcrumb).toEqual(['The Basics']);
    expect(library.notes[4]!.breadcrumb).toEqual(['Going further']);
  });

  it('uses {#custom-id} as the anchor and keeps it out of the heading', () => {
    const linux = library.sections.find((s) => s.id === 'basics/setup#linux')!;
    expect(linux.heading).toBe('Install on Linux');
    expect(linux.url).toBe('https://notes.example.com/basics/setup#linux');
  });

  it('renders admonitions as a labelled quote', () => {
    expect(excerpt(library, 'basics/setup#linux')).toEqual([
      'Run the installer script from a terminal.',
      '> **Tip: Pro tip**',
      '> Use the package manager of your distribution when it has the toolkit.',
    ]);
    expect(excerpt(library, 'basics/configuration')).toContain('> **Warning**');
  });

  it('resolves file links and /docs/ site links to the right page and anchor; only the real broken link is reported', () => {
    expect(excerpt(library, '')).toEqual([
      'This site holds the course notes. Start with [installation](https://notes.example.com/basics/setup#linux).',
    ]);
    expect(excerpt(library, 'basics/configuration')[0]).toContain(
      '[Linux notes](https://notes.example.com/basics/setup#linux)',
    );
    expect(problems(library)).toEqual([
      '01-basics/02-configuration.md:17: error: link "./03-missing.md" points to a page that does not exist',
    ]);
  });
});

describe('GitHub-style repository (a README per folder)', () => {
  const library = load('github');

  it('README stands for its folder, titled by its H1 else the folder name, in natural order', () => {
    expect(library.layout).toBe('github');
    expect(library.notes.map((n) => [n.route, n.title])).toEqual([
      ['', 'Networks study group'],
      ['week-1', 'Week 1'],
      ['week-1/notes', 'Layers of the stack'],
      ['week-2', 'Routing'],
      ['week-10', 'Review'],
    ]);
  });

  it('links GitHub style by default, to the file', () => {
    expect(library.sections.find((s) => s.id === 'week-2#topics')!.url).toBe(
      'https://notes.example.com/week-2/README.md#topics',
    );
    expect(load('github', { style: 'site' }).sections.find((s) => s.id === 'week-2#topics')!.url).toBe(
      'https://notes.example.com/week-2#topics',
    );
  });

  it('leaves translated copies (README-ja.md) out unless their language is asked for', () => {
    expect(library.notes.some((n) => n.file === 'README-ja.md')).toBe(false);
    const japanese = load('github', { language: 'ja' });
    expect(japanese.notes.map((n) => n.file)).toContain('README-ja.md');
    expect(japanese.notes.map((n) => n.file)).not.toContain('README.md');
  });

  it('folder links (week-1/, ../week-2/#topics) resolve; only the link to a folder that does not exist is reported', () => {
    expect(problems(library)).toEqual([
      'week-10/README.md:3: error: link "../week-11/README.md" points to a page that does not exist',
    ]);
  });

  it('a forced layout wins over detection; include/exclude globs select files', () => {
    expect(load('github', { layout: 'plain' }).notes.map((n) => n.route)).toContain('week-1/README');
    expect(load('github', { exclude: ['week-1*/**'] }).notes.map((n) => n.file)).toEqual([
      'README.md',
      'week-2/README.md',
    ]);
    expect(load('github', { include: ['week-1/**'] }).notes.map((n) => n.file)).toEqual([
      'week-1/README.md',
      'week-1/notes.md',
    ]);
  });
});

describe('Nextra 4 content/ folder with locales (i18n)', () => {
  const library = libraryFrom(
    {
      'content/en/_meta.json': '{"index": "Home", "guide": "The Guide"}',
      'content/en/index.mdx': '# Welcome\n\nStart with the [guide](/guide#install).\n',
      'content/en/guide.mdx': '# Guide\n\n## Install\n\nRun the installer.\n',
      'content/en/app/setup.mdx': '# Setup\n\nBack to the [guide](/en/guide).\n',
      'content/de/index.mdx': '# Willkommen\n\nLies die [Anleitung](/guide).\n',
      'content/de/guide.mdx': '# Anleitung\n\n## Installation\n\nDas Installationsprogramm ausführen.\n',
    },
    'https://docs.example.com',
  );

  it('drops content/ from routes, keeps the locale, indexes the largest language only', () => {
    expect(library.layout).toBe('nextra');
    expect(library.language).toBe('en');
    expect(library.notes.map((n) => [n.route, n.title, n.breadcrumb.join(' > ')])).toEqual([
      ['en', 'Home', ''],
      ['en/guide', 'The Guide', ''],
      ['en/app/setup', 'Setup', 'App'],
    ]);
    expect(library.sections.find((s) => s.id === 'en/guide#install')!.url).toBe(
      'https://docs.example.com/en/guide#install',
    );
  });

  it('links without the locale resolve inside it, and check finds nothing wrong', () => {
    expect(library.problems).toEqual([]);
  });
});

describe('math in excerpts', () => {
  it('keeps $…$ and $$…$$ formulas whole and unescaped, never bolded inside; prices stay text', async () => {
    const { buildExcerpt, ExcerptTexts } = await import('../../src/search/excerpt.js');
    const { excerptMarkdown, markdownLayout } = await import('../../src/render/markdown-excerpt.js');
    const library = libraryFrom({
      'm.md': '# Euler\n\nThe identity $e^{i\\pi} + 1 = 0$ links e and pi; tickets cost $5 and $10.\n',
    });
    const section = library.sections[0]!;
    expect(section.blocks[0]!.segments).toContainEqual({ mark: 'math', tex: '$e^{i\\pi} + 1 = 0$' });
    const excerpt = excerptMarkdown(
      buildExcerpt(new ExcerptTexts(), section.blocks, new Set(['pi', 'identity']), { layout: markdownLayout }),
    );
    expect(excerpt).toContain('$e^{i\\pi} + 1 = 0$');
    expect(excerpt).toContain('$5 and $10');
  });
});
