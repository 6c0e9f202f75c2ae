import matter from 'gray-matter';
import { describe, expect, it } from 'vitest';
import { readFrontMatter } from '../../src/notes/frontmatter.js';

describe('a note without front matter', () => {
  it('reads as gray-matter reads it (no data, the text without its BOM), with gray-matter left out', () => {
    for (const source of [
      '',
      '# Title\n\nText.\n',
      '\uFEFF# Title\n',
      ' ---\ntitle: Not front matter\n---\n',
      '- - -\n',
    ]) {
      const read = readFrontMatter(source);
      expect(read).toEqual({
        data: { tags: [], quiz: [] },
        content: matter(source, { language: 'yaml' }).content,
        problems: [],
      });
    }
  });

  it('with a BOM before its front matter still has it read', () => {
    const read = readFrontMatter('\uFEFF---\ntitle: Kept\n---\n# Body\n');
    expect(read.data.title).toBe('Kept');
    expect(read.content).toBe('# Body\n');
  });
});
