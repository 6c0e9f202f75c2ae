/**
 * Markdown parse speed, side by side in one process (part of `npm run bench`): every note file of
 * the bundled notes and of the SageMaker guide parsed to mdast by micromark (remark-parse, the
 * reader before the fast path) and by `parseMarkdown` (markdown-it with micromark for MDX and the
 * notes it declines), one thread, best of three passes. Sections are not split: only the parse.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fastParse } from '../src/notes/markdown-fast.js';
import { parseMarkdown, parseWithMicromark } from '../src/notes/markdown.js';
import { isNoteFile } from '../src/notes/note-file.js';

const root = path.resolve(import.meta.dirname, '..');
const corpora: [string, string][] = [
  ['notes', path.join(root, 'notes')],
  ['SageMaker guide', path.resolve(root, '../shared/corpora/sagemaker-developer-guide/doc_source')],
];

function read(dir: string): { source: string; mdx: boolean }[] {
  return fs
    .readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && isNoteFile(e.name))
    .map((e) => ({ source: fs.readFileSync(path.join(e.parentPath, e.name), 'utf8'), mdx: /\.mdx$/i.test(e.name) }));
}

function best(run: () => void): number {
  let ms = Infinity;
  for (let pass = 0; pass < 3; pass++) {
    const started = performance.now();
    run();
    ms = Math.min(ms, performance.now() - started);
  }
  return ms;
}

console.log(
  '\nMarkdown parse, one thread (best of 3)\n| notes | MB | micromark MB/s | now MB/s | now / micromark | files on the fast path |\n|---|---:|---:|---:|---:|---:|',
);
for (const [name, dir] of corpora) {
  if (!fs.existsSync(dir)) continue;
  const files = read(dir);
  const mb = files.reduce((sum, f) => sum + Buffer.byteLength(f.source), 0) / 1048576;
  const old = best(() => {
    for (const f of files)
      if (f.mdx) parseMarkdown(f.source, true);
      else parseWithMicromark(f.source);
  });
  const now = best(() => {
    for (const f of files) parseMarkdown(f.source, f.mdx);
  });
  const fast = files.filter((f) => !f.mdx && fastParse(f.source)).length;
  const rate = (ms: number): string => (mb / (ms / 1000)).toFixed(2);
  console.log(
    `| ${name} | ${mb.toFixed(1)} | ${rate(old)} | ${rate(now)} | ${(old / now).toFixed(1)}× | ${fast} of ${files.length} |`,
  );
}
