/**
 * Speed and memory, side by side in one run: `npm run bench` (`-- --quick` skips 100k sections;
 * bench/run.mjs passes every flag here).
 * For each corpus and engine: index build time, heap growth, serialized index size, and query
 * latency (median, p99) over the same 1,000+ questions. Ratios are against MiniSearch defaults.
 * Nimbus's build includes the warm-up the Discord bot runs when it starts (src/core/warm-up.ts).
 * `-- --only nimbus,flex` measures only some engines; `-- --query-seconds N` (default 120) caps
 * the time an engine spends on questions per corpus.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadNotes } from '../src/notes/load.js';
import type { Section } from '../src/notes/types.js';
import { baselineEngines, nimbusEngine, type Engine } from './engines.js';
import { percentile, readQuestions } from './metrics.js';

const root = path.resolve(import.meta.dirname, '..');
const sagemakerDir = path.resolve(root, '../shared/corpora/sagemaker-developer-guide/doc_source');
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) console.warn('Run with node --expose-gc (npm run bench does) for heap figures.');

/** Realistic questions: the eval sets, then "what is …"/"how does … work" over headings. */
function questionPool(sections: Section[], files: string[], size = 1200): string[] {
  const pool = files.filter((f) => fs.existsSync(f)).flatMap((f) => readQuestions(f).map((q) => q.question));
  const templates = ['what is {h}', 'how does {h} work', 'explain {h}', '{h}?', 'when should i use {h}'];
  for (let i = 0; pool.length < size && i < sections.length * 5; i++) {
    const section = sections[(i * 7919) % sections.length]!;
    if (section.level > 0) pool.push(templates[i % templates.length]!.replace('{h}', section.heading.toLowerCase()));
  }
  return pool.slice(0, size);
}

/** 100k sections: the SageMaker sections repeated with distinct ids and a little varied text. */
function synthetic(sections: Section[], target: number): Section[] {
  const out: Section[] = [];
  for (let copy = 0; out.length < target; copy++) {
    for (const s of sections) {
      if (out.length >= target) break;
      out.push({ ...s, id: `${s.id}~${copy}`, text: copy ? `${s.text} variant ${copy}` : s.text });
    }
  }
  return out;
}

interface Row {
  name: string;
  buildMs: number;
  heapMB: number;
  sizeMB: number;
  medianMs: number;
  p99Ms: number;
  questions: number;
}

// Slow baselines take minutes per 1,000 questions at 100k sections (Orama ~0.5 s a question):
// an engine stops after this many seconds of questions, and its row says how many it answered.
const { values: args } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    only: { type: 'string' },
    'query-seconds': { type: 'string', default: '120' },
  },
});
const querySeconds = Number(args['query-seconds']);

/** Index size as JSON; an index too big for one string (V8 caps strings at ~512 MB) shows as "-". */
function serializedMB(engine: Engine): number {
  try {
    return engine.serializedBytes ? engine.serializedBytes() / 1048576 : NaN;
  } catch {
    return NaN;
  }
}

function measure(engine: Engine, sections: Section[], questions: string[]): Row {
  gc?.();
  const heapBefore = process.memoryUsage().heapUsed;
  const started = performance.now();
  engine.build(sections);
  const buildMs = performance.now() - started;
  gc?.();
  const heapMB = (process.memoryUsage().heapUsed - heapBefore) / 1048576;
  const warmUntil = performance.now() + (querySeconds * 1000) / 6;
  for (const q of questions.slice(0, 100)) {
    engine.query(q, 5); // warm-up
    if (performance.now() > warmUntil) break;
  }
  const times: number[] = [];
  const deadline = performance.now() + querySeconds * 1000;
  for (const q of questions) {
    const t = performance.now();
    engine.query(q, 5);
    times.push(performance.now() - t);
    if (t > deadline) break;
  }
  times.sort((a, b) => a - b);
  const sizeMB = serializedMB(engine);
  return {
    name: engine.name,
    buildMs,
    heapMB,
    sizeMB,
    medianMs: percentile(times, 50),
    p99Ms: percentile(times, 99),
    questions: times.length,
  };
}

const n = (x: number, digits = 2) => (Number.isNaN(x) ? '-' : x.toFixed(digits));
const ratio = (x: number, base: number) => (Number.isNaN(x) || !base ? '-' : `${(x / base).toFixed(2)}×`);

// Rows are printed as each engine finishes: the slow baselines take many minutes at 100k.
// MiniSearch default is measured first so every row can show its ratio against it.
function header(title: string): void {
  console.log(`### ${title}\n`);
  console.log(
    '| engine | build ms | heap MB | index MB | questions | median ms | p99 ms | build × | heap × | median × | p99 × |',
  );
  console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
}

function printRow(r: Row, base: Row): void {
  console.log(
    `| ${r.name} | ${n(r.buildMs, 0)} | ${n(r.heapMB, 1)} | ${n(r.sizeMB, 1)} | ${r.questions} | ${n(r.medianMs, 3)} | ${n(r.p99Ms, 3)} | ${ratio(r.buildMs, base.buildMs)} | ${ratio(r.heapMB, base.heapMB)} | ${ratio(r.medianMs, base.medianMs)} | ${ratio(r.p99Ms, base.p99Ms)} |`,
  );
}

const evalFiles = ['notes-questions.json', 'sagemaker-questions.json'].map((f) =>
  path.join(root, 'tests/fixtures/eval', f),
);
const corpora: { title: string; sections: () => Section[] }[] = [
  { title: 'Our notes', sections: () => loadNotes({ root: path.join(root, 'notes') }).sections },
];
if (fs.existsSync(sagemakerDir)) {
  const sagemaker = () => loadNotes({ root: sagemakerDir }).sections;
  let cached: Section[] | undefined;
  corpora.push({ title: 'SageMaker Developer Guide', sections: () => (cached ??= sagemaker()) });
  if (!args.quick)
    corpora.push({ title: 'Synthetic 100,000 sections', sections: () => synthetic((cached ??= sagemaker()), 100_000) });
}

// `--only NAME,NAME` limits the run to engines whose name contains one of the words (MiniSearch
// default always runs: it is the base of the ratios), e.g. `-- --only nimbus,flex`.
const wanted = (name: string) =>
  !args.only || args.only.split(',').some((w) => name.toLowerCase().includes(w.toLowerCase()));

const order = ['FlexSearch', 'lunr', 'Orama'];

for (const corpus of corpora) {
  const sections = corpus.sections();
  const questions = questionPool(sections, evalFiles);
  const [base, ...rest] = baselineEngines();
  // Slowest last, so a long run shows the interesting rows first.
  const others = [
    nimbusEngine({ withExcerpts: true, warm: true }),
    ...rest.sort((a, b) => order.indexOf(a.name) - order.indexOf(b.name)),
  ];
  header(`${corpus.title}: ${sections.length} sections, ${questions.length} questions`);
  const baseRow = measure(base!, sections, questions);
  for (const engine of others) if (wanted(engine.name)) printRow(measure(engine, sections, questions), baseRow);
  printRow(baseRow, baseRow);
  console.log('');
}
