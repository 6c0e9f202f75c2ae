/**
 * An answer that reaches a 100,000-word section against one that reaches a normal section, side by
 * side, in one index (part of `npm run bench`; `-- --unbounded` examines huge sections whole, as
 * before src/search/examined.ts, for the comparison). Each question's answer is the full `ask()`
 * as the bot runs it: ranking, answer line, Missing line, five Discord-sized excerpts.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ask } from '../src/core/ask.js';
import { loadNotes } from '../src/notes/load.js';
import { markdownLayout } from '../src/render/markdown-excerpt.js';
import { sectionBudget } from '../src/search/examined.js';
import { buildIndex } from '../src/search/index.js';
import { percentile } from './metrics.js';

const unbounded = process.argv.includes('--unbounded');
if (unbounded) sectionBudget.wholeSectionChars = Number.POSITIVE_INFINITY;

const root = path.resolve(import.meta.dirname, '..');
const vocabulary = fs
  .readFileSync(path.join(root, 'notes/aws/cloud-practitioner/billing-and-pricing.md'), 'utf8')
  .toLowerCase()
  .match(/[a-z]{4,}/g)!;
let seed = 7;
const random = () => {
  seed = (seed * 1103515245 + 12345) % 2147483648;
  return seed / 2147483648;
};
const words = (count: number) =>
  Array.from(
    { length: count },
    (_, i) => vocabulary[Math.floor(random() * vocabulary.length)]! + (i % 15 === 14 ? '.' : ''),
  );

// Our notes plus one note holding a 100,000-word section in paragraphs and one in a single paragraph.
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nimbus-huge-'));
fs.cpSync(path.join(root, 'notes'), dir, { recursive: true });
const paragraphs = Array.from({ length: 1000 }, () => words(100).join(' ')).join('\n\n');
fs.writeFileSync(
  path.join(dir, 'zz-huge.md'),
  `# Pricing dump\n\n## Paragraphs\n\n${paragraphs}\n\n## One paragraph\n\n${words(100_000).join(' ')}\n`,
);
const library = loadNotes({ root: dir });
fs.rmSync(dir, { recursive: true, force: true });
const index = buildIndex(library.sections, library.language);

const hugeHeadings = new Set(['Paragraphs', 'One paragraph']);
const cases = [
  // Questions whose first answer is a huge section (its own words, so it ranks first).
  {
    name: 'answer reaches a 100,000-word section',
    questions: ['pricing dump paragraphs', 'pricing dump one paragraph'],
  },
  {
    name: 'normal answer (same index)',
    questions: ['what is a bucket', 'how do lifecycle rules work', 'spot capacity?'],
  },
];

const rows: { name: string; median: number; p99: number; huge: number }[] = [];
for (const { name, questions } of cases) {
  for (const q of questions) ask(index, q, { limit: 5, layout: markdownLayout }); // warm-up
  const times: number[] = [];
  let huge = 0;
  for (let round = 0; round < 100; round++) {
    for (const q of questions) {
      const started = performance.now();
      const answer = ask(index, q, { limit: 5, layout: markdownLayout });
      times.push(performance.now() - started);
      if (round === 0 && hugeHeadings.has(answer.results[0]?.heading ?? '')) huge++;
    }
  }
  times.sort((a, b) => a - b);
  rows.push({ name, median: percentile(times, 50), p99: percentile(times, 99), huge });
}

const [hugeRow, normalRow] = rows as [(typeof rows)[0], (typeof rows)[0]];
console.log(
  `### One answer over a 100,000-word section vs a normal one (${unbounded ? 'UNBOUNDED: huge sections examined whole' : 'bounded: src/search/examined.ts'})\n`,
);
console.log('| case | questions answered by a huge section first | median ms | p99 ms | median × normal |');
console.log('|---|---:|---:|---:|---:|');
for (const r of rows)
  console.log(
    `| ${r.name} | ${r.huge} | ${r.median.toFixed(3)} | ${r.p99.toFixed(3)} | ${(r.median / normalRow.median).toFixed(2)}× |`,
  );
console.log(`\nratio (huge / normal), median: ${(hugeRow.median / normalRow.median).toFixed(2)}×\n`);
