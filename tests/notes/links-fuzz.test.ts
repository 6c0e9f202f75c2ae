import { describe, expect, it } from 'vitest';
import { NoteResolver, safeDecode } from '../../src/notes/resolve.js';
import { readMetaModule } from '../../src/notes/meta-module.js';
import { rewriteAdmonitions } from '../../src/notes/syntax.js';
import { random } from '../helpers/hostile.js';
import { libraryFrom } from '../helpers/sections.js';

const pieces = [
  '%',
  '%2',
  '%E4',
  '%zz',
  '%25',
  '#',
  '##',
  '/',
  '//',
  '../',
  './',
  '..',
  '.md',
  '.mdx',
  '.png',
  '?',
  '[[',
  ']]',
  '|',
  '^',
  ' ',
  'a',
  'Ü',
  '反向',
  '\u0000',
  '\uD800',
  'index',
  'README',
  'page',
  '{#',
  '}',
  ':',
  'http:',
  'wikilink:',
  '(',
  ')',
  '<',
  '>',
  '"',
  "'",
  '\\',
];
const noise = (next: () => number, length: number): string =>
  Array.from({ length }, () => pieces[Math.floor(next() * pieces.length)]!).join('');

describe('links and anchors never throw, whatever the input', () => {
  it('a stray % in a link loads and is checked like any other link', () => {
    const library = libraryFrom({
      'deals.md': '# Deals\n\n[50%](50%-off) and [half](#50%) and [ok](other.md#a%20b)\n',
      'other.md': '# Other\n\n## A b\n\nText.\n',
    });
    expect(library.notes).toHaveLength(2);
    expect(library.problems.map((p) => p.message)).toEqual([
      'link "50%-off" points to a page that does not exist',
      'link "#50%" points to a missing section #50%',
    ]);
  });

  it('safeDecode and the resolver survive 20,000 random URLs', () => {
    const next = random(16);
    const resolver = new NoteResolver(
      ['index.md', 'a/README.md', 'a/b.md', 'c/page.mdx', '反向/代理.md'],
      (f) => f.replace(/\.mdx?$/, ''),
      'plain',
      'en',
    );
    for (let i = 0; i < 20_000; i++) {
      const url = noise(next, 1 + Math.floor(next() * 12));
      expect(() => safeDecode(url)).not.toThrow();
      const result = resolver.resolve('a/b.md', url);
      expect(result === null || 'missing' in result || typeof result.file === 'string').toBe(true);
    }
  });

  it('whole notes of random link, wikilink, anchor and admonition syntax load in every layout', () => {
    const next = random(42);
    for (const layout of ['obsidian', 'docusaurus', 'nextra', 'github', 'plain'] as const) {
      const files: Record<string, string> = {};
      for (let i = 0; i < 12; i++) {
        const lines = Array.from({ length: 8 }, () => {
          const kind = Math.floor(next() * 6);
          const text = noise(next, 6);
          return [
            `[${text}](${noise(next, 4)})`,
            `[[${text}]]`,
            `## ${text} {#${noise(next, 2)}}`,
            `:::tip ${text}`,
            `<a name="${text}"></a>`,
            `> [!${text}] ${text}`,
          ][kind];
        });
        files[`n${i}.md`] = `# Note ${i}\n\n${lines.join('\n\n')}\n`;
      }
      const library = libraryFrom(files, 'https://notes.example.com', { layout });
      expect(library.layout).toBe(layout);
      expect(library.notes.length).toBe(12);
      for (const p of library.problems) expect(typeof p.message).toBe('string');
    }
  });

  it('admonition rewriting and _meta module reading survive random text', () => {
    const next = random(7);
    for (let i = 0; i < 2_000; i++) {
      const text = Array.from({ length: 6 }, () => (next() < 0.3 ? ':::' : '') + noise(next, 3)).join('\n');
      expect(rewriteAdmonitions(text).split('\n')).toHaveLength(text.split('\n').length);
      expect(() => readMetaModule(`export default { a: ${noise(next, 5)} }`, '_meta.tsx')).not.toThrow();
    }
  });
});
