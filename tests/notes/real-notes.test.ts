import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadNotes } from '../../src/notes/load.js';
import type { NoteLibrary } from '../../src/notes/types.js';
import { hasRealNotes, realNotesDir } from '../helpers/corpus.js';
import { blockMarkdown } from '../helpers/blocks.js';

const load = (name: string, options: { language?: string } = {}): NoteLibrary =>
  loadNotes({ root: path.join(realNotesDir, name), baseUrl: 'https://site.example', ...options });
const problems = (library: NoteLibrary): string[] =>
  library.problems.map((p) => `${p.file}:${p.line}: ${p.severity ?? 'error'}: ${p.message}`);
const note = (library: NoteLibrary, file: string) => library.notes.find((n) => n.file === file)!;

// Every problem check still reports on these folders was looked at by hand: each is real (links to
// pages this copy of the site does not have, headings with nothing under them, empty pages).
describe.skipIf(!hasRealNotes)('real notes: Nextra 4 app router (nextra-docs-app)', () => {
  const library = hasRealNotes ? load('nextra-docs-app') : undefined!;

  it('is read as Nextra, every page.mdx standing for its folder', () => {
    expect(library.layout).toBe('nextra');
    expect(library.notes).toHaveLength(53);
    expect(library.notes.some((n) => /(^|\/)page$/.test(n.route))).toBe(false);
    expect(note(library, 'docs/advanced/latex/page.mdx').route).toBe('docs/advanced/latex');
    expect(library.sections.find((s) => s.file === 'docs/guide/search/page.mdx' && s.anchor === 'setup')!.url).toBe(
      'https://site.example/docs/guide/search#setup',
    );
  });

  it('titles and order come from _meta.global.tsx, read statically (JSX titles as their text)', () => {
    expect(library.notes.slice(0, 4).map((n) => [n.route, n.title])).toEqual([
      ['docs', 'Documentation'],
      ['docs/file-conventions', 'File Conventions'],
      ['docs/file-conventions/page-file', 'page.mdx'],
      ['docs/file-conventions/meta-file', '_meta.js'],
    ]);
    expect(note(library, 'docs/guide/search/ai/page.mdx').title).toBe('Ask AI');
    expect(note(library, 'docs/blog-theme/posts/page.mdx').title).toBe('/posts Page');
    expect(note(library, 'docs/guide/search/ai/page.mdx').breadcrumb).toEqual([
      'Documentation',
      'Guide',
      'Search Engine',
      'Ask AI',
    ]);
    const guide = library.notes
      .filter((n) => n.route.startsWith('docs/guide/'))
      .map((n) => n.route.slice('docs/guide/'.length));
    expect(guide).toEqual([
      'markdown',
      'syntax-highlighting',
      'link',
      'image',
      'ssg',
      'i18n',
      'custom-css',
      'static-exports',
      'search',
      'search/ai',
      'github-alert-syntax',
      'turbopack',
    ]);
    expect(library.problems.filter((p) => p.file.includes('_meta'))).toEqual([]);
  });

  it('check: site-route links and anchors in <Steps> resolve; only real problems remain', () => {
    expect(problems(library)).toEqual([
      'api/page.mdx:10: error: link "/docs/built-ins/tsdoc" points to a page that does not exist',
      'docs/advanced/npm2yarn/page.mdx:14: error: link "/docs/built-ins/tabs" points to a page that does not exist',
      'docs/advanced/table/page.mdx:39: error: link "/docs/built-ins/table" points to a page that does not exist',
      'docs/built-ins/page.mdx:22: error: link "/docs/built-ins/tsdoc" points to a page that does not exist',
      'docs/docs-theme/api/page.mdx:6: error: link "/docs/docs-theme/theme-configuration" points to a page that does not exist',
      'docs/docs-theme/built-ins/layout/page.mdx:45: warning: section "Props" is empty',
      'docs/docs-theme/built-ins/layout/page.mdx:181: error: link "/docs/docs-theme/page-configuration#separators" points to a page that does not exist',
      'docs/docs-theme/built-ins/navbar/page.mdx:87: error: link "/docs/docs-theme/page-configuration#navbar-items" points to a page that does not exist',
      'docs/file-conventions/mdx-components-file/page.mdx:18: error: link "/api/usemdxcomponents" points to a page that does not exist',
      'docs/page.mdx:60: error: link "/docs/guide/tailwind-css" points to a page that does not exist',
    ]);
  });
});

describe.skipIf(!hasRealNotes)('real notes: Nextra 4 content/ with locale folders (nextra-swr-site)', () => {
  const library = hasRealNotes ? load('nextra-swr-site') : undefined!;

  it('indexes one language, the largest (en/) by default, another when asked', () => {
    expect(library.language).toBe('en');
    expect(library.notes).toHaveLength(49);
    expect(library.notes.every((n) => n.file.startsWith('en/'))).toBe(true);
    const spanish = load('nextra-swr-site', { language: 'es' });
    expect(spanish.language).toBe('es');
    expect(spanish.notes.every((n) => n.file.startsWith('es/'))).toBe(true);
  });

  it('titles from _meta.ts / _meta.tsx, routes with the locale prefix, locale folder left out of breadcrumbs', () => {
    expect(note(library, 'en/docs/revalidation.mdx').title).toBe('Auto Revalidation');
    expect(note(library, 'en/docs/with-nextjs.mdx').title).toBe('Next.js SSG and SSR');
    expect(note(library, 'en/docs/advanced/file-name.with.DOTS.mdx').title).toBe('Filenames with Dots');
    expect(note(library, 'en/docs/advanced/more/tree/one.mdx').breadcrumb).toEqual([
      'Documentation',
      'Advanced features!',
      'More: A Super Super Super Super Long Directory',
      'Tree',
    ]);
    expect(note(library, 'en/index.mdx').route).toBe('en');
    expect(library.notes.slice(0, 4).map((n) => n.route)).toEqual([
      'en',
      'en/docs/getting-started',
      'en/docs/options',
      'en/docs/global-configuration',
    ]);
  });

  it('check: links without the locale prefix resolve inside it; only real problems remain', () => {
    expect(problems(library)).toEqual([
      'en/about/a-page.mdx:1: warning: note has no content',
      'en/about/acknowledgement.mdx:1: warning: note has no content',
      'en/docs/advanced/file-name.with.DOTS.mdx:1: warning: note has no content',
      'en/docs/advanced/more/loooooooooooooooooooong-title.mdx:5: warning: section "loooooooooooooooooooong Heading 3" is empty',
      'en/docs/advanced/more/tree/one.mdx:1: warning: note has no content',
      'en/docs/advanced/more/tree/three.mdx:1: warning: note has no content',
      'en/docs/advanced/more/tree/two.mdx:1: warning: note has no content',
      'en/docs/getting-started.mdx:129: warning: section "Da" is empty',
      'en/docs/getting-started.mdx:131: warning: section "MaChina" is empty',
      'en/docs/global-configuration.md:46: error: link "/docs/cache" points to a page that does not exist',
      'en/docs/mutation.md:38: error: link "/docs/cache" points to a page that does not exist',
    ]);
  });
});

describe.skipIf(!hasRealNotes)('real notes: Docusaurus in Traditional Chinese (bosh-docusaurus-notes)', () => {
  const library = hasRealNotes ? load('bosh-docusaurus-notes') : undefined!;

  it('routes drop number prefixes and follow slug:', () => {
    expect(library.layout).toBe('docusaurus');
    expect(library.notes).toHaveLength(219);
    expect(note(library, '01-Docusaurus/03-docs.md').route).toBe('Docusaurus/docs');
    expect(note(library, '08-React/05-npm-packages/01-zustand.md').route).toBe('React/zustand');
    expect(library.notes.some((n) => /(^|\/)\d+-/.test(n.route))).toBe(false);
  });

  it('titles from front matter, folders from _category_.json, natural order (1, 2, … 10, 11, 12)', () => {
    expect(library.notes[0]!.title).toBe('Bosh 的技術筆記');
    expect(note(library, '01-Docusaurus/03-docs.md').title).toBe(
      'Docusaurus Docs 簡易筆記：組織文件時你該注意的重要事項',
    );
    expect(note(library, '02-Hexo/01-Basic/01-hexo-from-scratch-1.md').breadcrumb).toEqual([
      'Hexo',
      '從零開始使用 Hexo + Github Page 搭建個人技術筆記網站',
    ]);
    const hexo = library.notes
      .filter((n) => n.file.startsWith('02-Hexo/01-Basic/'))
      .map((n) => n.route.split('-').pop());
    expect(hexo).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11', '12']);
  });

  it('renders :::tip admonitions as a labelled quote in excerpts', () => {
    const quotes = library.sections
      .flatMap((s) => s.blocks)
      .filter((b) => b.kind === 'quote')
      .map(blockMarkdown);
    expect(quotes.some((q) => /^> \*\*(Tip|Info|Note|Warning|Caution|Danger)/.test(q))).toBe(true);
    // Outside code (06-markdown-features.md shows the syntax in a code block), no ::: is left.
    const prose = library.sections
      .flatMap((s) => s.blocks)
      .filter((b) => b.kind !== 'code')
      .map(blockMarkdown);
    expect(prose.filter((t) => /^[>\s]*:::/m.test(t))).toEqual([]);
  });

  it('check: Chinese anchors and {#custom-id} headings resolve; only real problems remain', () => {
    expect(problems(library)).toEqual(['01-Docusaurus/02-configuration.md:54: warning: heading has no text']);
  });
});
