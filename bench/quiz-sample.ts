/**
 * Generated-question sample for blind judging: `npx tsx bench/quiz-sample.ts`.
 * Draws, seeded, 40 multiple-choice generated questions from each corpus (the bundled notes and
 * the three real-notes folders), spread over the question kinds, and writes them with their
 * source section to tests/fixtures/quiz-judging/sample.json. Also prints the volume: generated
 * questions per corpus and kind, and the notes with ≥ 150 words of prose that yield none.
 * Self-graded cards (no distractors) are counted, not sampled: there is no choice to judge.
 */
import fs from 'node:fs';
import path from 'node:path';
import { loadNotes } from '../src/notes/load.js';
import type { QuizQuestion } from '../src/notes/types.js';
import { sectionFacts } from '../src/quiz/generate/facts.js';
import { allGeneratorKinds, generateQuestions } from '../src/quiz/generate/index.js';
import { seededRandom, shuffled } from '../src/quiz/shuffle.js';

const root = path.resolve(import.meta.dirname, '..');
const realNotes = path.resolve(root, '../shared/corpora/real-notes');
const corpora = [
  { name: 'nimbus-notes', dir: path.join(root, 'notes') },
  { name: 'nextra-docs-app', dir: path.join(realNotes, 'nextra-docs-app') },
  { name: 'nextra-swr-site', dir: path.join(realNotes, 'nextra-swr-site') },
  { name: 'bosh-docusaurus-notes', dir: path.join(realNotes, 'bosh-docusaurus-notes') },
];
const perCorpus = 40;
const seed = 17;
const out = path.join(root, 'tests/fixtures/quiz-judging/sample.json');

const words = new Intl.Segmenter('und', { granularity: 'word' });
/** Words of prose (paragraphs and list items, no code or tables); Chinese counts word by word. */
const proseWords = (sentences: string[]): number =>
  sentences.reduce((n, s) => n + [...words.segment(s)].filter((w) => w.isWordLike).length, 0);

/** Round-robin over the kinds (each shuffled with the seed), so every kind is judged. */
function sample(questions: QuizQuestion[], n: number): QuizQuestion[] {
  const random = seededRandom(seed);
  const byKind = new Map<string, QuizQuestion[]>();
  for (const q of questions) byKind.set(q.kind!, [...(byKind.get(q.kind!) ?? []), q]);
  const queues = [...byKind.keys()].sort().map((k) => shuffled(byKind.get(k)!, random));
  const picked: QuizQuestion[] = [];
  while (picked.length < n && queues.some((q) => q.length))
    for (const q of queues) if (q.length && picked.length < n) picked.push(q.shift()!);
  return picked;
}

const items: unknown[] = [];
for (const corpus of corpora) {
  if (!fs.existsSync(corpus.dir)) {
    console.log(`${corpus.name}: not found at ${corpus.dir}, skipped`);
    continue;
  }
  const library = loadNotes({ root: corpus.dir });
  const questions = generateQuestions(library.notes, allGeneratorKinds);
  const sections = new Map(library.sections.map((s) => [s.id, s]));
  const kinds: Record<string, number> = {};
  for (const q of questions) kinds[q.kind!] = (kinds[q.kind!] ?? 0) + 1;
  const withQuestions = new Set(questions.map((q) => q.noteRoute));
  const silent = library.notes.filter(
    (n) => !withQuestions.has(n.route) && proseWords(n.sections.flatMap((s) => sectionFacts(s, n).sentences)) >= 150,
  );
  console.log(
    `${corpus.name}: ${library.notes.length} notes, ${questions.length} generated questions ${JSON.stringify(kinds)}`,
  );
  console.log(
    `  notes with ≥ 150 words of prose and no question: ${silent.length}${silent.length ? ' — ' + silent.map((n) => n.file).join(', ') : ''}`,
  );
  // Translated pages can repeat a question word for word: judge each text once.
  const texts = new Set<string>();
  const distinctQuestions = questions.filter((q) => !q.reveal && !texts.has(q.question) && texts.add(q.question));
  for (const q of sample(distinctQuestions, perCorpus)) {
    const section = sections.get(q.section ? `${q.noteRoute}#${q.section}` : q.noteRoute)!;
    items.push({
      id: q.id,
      corpus: corpus.name,
      kind: q.kind,
      question: q.question,
      choices: q.choices,
      answer: q.answer,
      explanation: q.explanation,
      section: { id: section.id, file: section.file, headingPath: section.headingPath, text: section.text },
    });
  }
}
fs.mkdirSync(path.dirname(out), { recursive: true });
fs.writeFileSync(out, JSON.stringify(items, null, 2) + '\n');
console.log(`${items.length} questions written to ${path.relative(root, out)}`);
