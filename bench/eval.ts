/**
 * Answer-quality eval: `npm run eval` (add `--misses` to list Nimbus's misses on the tune split).
 * Same sections, same questions, every engine, one table per corpus and split.
 */
import fs from 'node:fs';
import path from 'node:path';
import { loadNotes } from '../src/notes/load.js';
import { baselineEngines, nimbusEngine, type Engine } from './engines.js';
import { readQuestions, score, table, type EvalQuestion } from './metrics.js';

const root = path.resolve(import.meta.dirname, '..');
const corpora = [
  { name: 'Our notes', dir: path.join(root, 'notes'), questions: path.join(root, 'tests/fixtures/eval/notes-questions.json') },
  {
    name: 'SageMaker Developer Guide',
    dir: path.resolve(root, '../shared/corpora/sagemaker-developer-guide/doc_source'),
    questions: path.join(root, 'tests/fixtures/eval/sagemaker-questions.json'),
  },
];
const showMisses = process.argv.includes('--misses');

for (const corpus of corpora) {
  if (!fs.existsSync(corpus.dir) || !fs.existsSync(corpus.questions)) {
    console.log(`### ${corpus.name}: skipped (${fs.existsSync(corpus.dir) ? corpus.questions : corpus.dir} is absent)\n`);
    continue;
  }
  const library = loadNotes({ root: corpus.dir });
  const questions = readQuestions(corpus.questions);
  const engines: Engine[] = [nimbusEngine({ withExcerpts: false }), ...baselineEngines()];
  for (const engine of engines) engine.build(library.sections);
  const splits: [string, EvalQuestion[]][] = [
    ['tune', questions.filter((q) => q.split === 'tune')],
    ['holdout', questions.filter((q) => q.split === 'holdout')],
    ['all', questions],
  ];
  const inScope = questions.filter((q) => !q.outOfScope).length;
  console.log(`## ${corpus.name}: ${library.sections.length} sections, ${inScope} in-scope + ${questions.length - inScope} out-of-scope questions\n`);
  for (const [split, subset] of splits) {
    const rows = engines.map((engine) => ({ name: engine.name, scores: score(engine, subset) }));
    console.log(table(`${corpus.name}, ${split} (${subset.length} questions)`, rows));
    if (showMisses && split === 'tune') {
      for (const miss of rows[0]!.scores.misses) console.log(`MISS ${miss.question}\n     expected ${miss.expected.join(', ')}\n     got      ${miss.got.join(', ')}`);
    }
  }
}
