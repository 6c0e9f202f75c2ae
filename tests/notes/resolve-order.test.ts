import { describe, expect, it } from 'vitest';
import { NoteResolver } from '../../src/notes/resolve.js';

const routeOf = (file: string): string =>
  file
    .replace(/\.mdx?$/, '')
    .replace(/(^|\/)(index|README|readme|page)$/, '')
    .replace(/^$/, 'index');

describe('which note a relative link names', () => {
  const files = [
    'guide.md',
    'guide/index.md',
    'docs/README.md',
    'docs/page.mdx',
    'docs/index.mdx',
    'notes/a.md',
    'notes/a.mdx',
    'notes/b.mdx',
    'notes/sub/c.md',
    'site/d.md',
  ];
  const resolver = new NoteResolver(files, routeOf, 'plain', undefined);
  const fileOf = (from: string, url: string): string | undefined => {
    const result = resolver.resolve(from, url);
    return result && 'file' in result ? result.file : undefined;
  };

  it('prefers the file as named, then a note extension, then the folder page', () => {
    expect(fileOf('notes/a.md', '../guide')).toBe('guide.md');
    expect(fileOf('notes/a.md', '../docs')).toBe('docs/index.mdx');
    expect(fileOf('notes/a.md', './a')).toBe('notes/a.md');
    expect(fileOf('notes/a.md', './b')).toBe('notes/b.mdx');
    expect(fileOf('notes/a.md', './a.mdx')).toBe('notes/a.mdx');
  });

  it('reads a link relative to the file first, then to the page URL, then below the page', () => {
    expect(fileOf('notes/sub/c.md', '../a')).toBe('notes/a.md');
    // From the page route `notes/sub/c`, `sub/c` resolves relative to the URL folder `notes`.
    expect(fileOf('notes/a.md', 'sub/c')).toBe('notes/sub/c.md');
    expect(fileOf('guide/index.md', 'index')).toBe('guide/index.md');
    expect(fileOf('site/d.md', '/guide')).toBe('guide.md');
    expect(resolver.resolve('notes/a.md', './nowhere')).toEqual({ missing: true });
  });
});
