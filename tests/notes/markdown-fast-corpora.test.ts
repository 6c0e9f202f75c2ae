import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fastParse } from '../../src/notes/markdown-fast.js';
import { parseWithMicromark } from '../../src/notes/markdown.js';
import { splitSections } from '../../src/notes/sections.js';
import { hasRealNotes, hasSagemaker, realNotesDir, sagemakerDir } from '../helpers/corpus.js';

const markdownFiles = (dir: string): string[] =>
  fs
    .readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.md$/i.test(e.name))
    .map((e) => path.join(e.parentPath, e.name));

const resolve = (url: string): string | null => `https://example.com/${url}`;

/** Every note the fast path reads, split into sections exactly as micromark's tree splits; the files it declined. */
function compare(
  dir: string,
  only = (_source: string): boolean => true,
): { read: number; declined: number; differ: string[] } {
  let read = 0;
  let declined = 0;
  const differ: string[] = [];
  for (const file of markdownFiles(dir)) {
    const source = fs.readFileSync(file, 'utf8');
    if (!only(source)) continue;
    const tree = fastParse(source);
    if (!tree) {
      declined++;
      continue;
    }
    read++;
    const now = JSON.stringify(splitSections(tree, source, resolve));
    if (now !== JSON.stringify(splitSections(parseWithMicromark(source), source, resolve)))
      differ.push(path.relative(dir, file));
  }
  return { read, declined, differ };
}

describe('fast path and micromark split whole notes folders into the same sections', () => {
  it('the bundled notes', () => {
    const result = compare(path.resolve(import.meta.dirname, '../../notes'));
    expect(result.differ).toEqual([]);
    expect(result.declined).toBe(0);
  });

  it.skipIf(!hasSagemaker)(
    'the SageMaker guide (paths like ~/.aws, s3://a\\-b, tabs and code after an indented list read on the fast path)',
    () => {
      // The files single tildes, s3:// escapes, tabs or code after a list sent to micromark before
      // (micromark reads 9 MB slowly); of those with tabs, none is declined now.
      const result = compare(
        sagemakerDir,
        (source) => source.includes('~') || /s3:\/\/\S*\\/.test(source) || /^ {1,3}(?:\d+\.|[-*+]) {2}/m.test(source),
      );
      expect(result.differ).toEqual([]);
      expect(result.read).toBeGreaterThanOrEqual(30);
      const tabs = compare(sagemakerDir, (source) => source.includes('\t'));
      expect(tabs).toEqual({ read: 8, declined: 0, differ: [] });
    },
    180_000,
  );

  it.skipIf(!hasRealNotes)(
    'the three real notes folders',
    () => {
      for (const folder of ['bosh-docusaurus-notes', 'nextra-docs-app', 'nextra-swr-site'])
        expect(compare(path.join(realNotesDir, folder)).differ).toEqual([]);
    },
    180_000,
  );
});
