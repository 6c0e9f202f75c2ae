/**
 * Answer-quality eval: `npm run eval` or `npm run -s nimbus -- eval` (`--misses` lists Nimbus's
 * misses on the tune split, `--json` prints one object per corpus, split and engine).
 * Same sections, same questions, every engine, one table per corpus and split.
 */
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { loadNotes } from '../src/notes/load.js';
import { baselineEngines, nimbusEngine, type Engine } from './engines.js';
import {
  casualBlind10,
  casualBlind11,
  casualBlind12,
  casualBlind13,
  casualBlind14,
  casualBlind15,
  casualBlind16,
  casualBlind17,
  casualBlind7,
  casualBlind8,
  casualBlind9,
  casualFresh,
  casualHeldOut,
  casualTune,
  questionsInLanguage,
  readFileHeadingQuestions,
  readQuestions,
  score,
  splits as splitNames,
  table,
  type EvalQuestion,
} from './metrics.js';

const root = path.resolve(import.meta.dirname, '..');

export interface EvalOptions {
  misses?: boolean;
  json?: boolean;
  /** Only the corpora whose name contains this text (`--only Real`). */
  only?: string;
  out?: (line: string) => void;
}

export function runEval(options: EvalOptions = {}): void {
  const out = options.out ?? ((line: string) => console.log(line));
  const corpora = [
    {
      name: 'Our notes',
      dir: path.join(root, 'notes'),
      questions: path.join(root, 'tests/fixtures/eval/notes-questions.json'),
      casual: path.join(root, 'tests/fixtures/eval/casual-questions.json'),
    },
    {
      name: 'SageMaker Developer Guide',
      dir: path.resolve(root, '../shared/corpora/sagemaker-developer-guide/doc_source'),
      questions: path.join(root, 'tests/fixtures/eval/sagemaker-questions.json'),
    },
    // Real notes folders other people wrote; questions written blind, naming files and headings.
    // The i18n folder is indexed one language at a time (as NOTES_LANGUAGE does): each question
    // is asked of the language its expected sections are in; out-of-scope ones of the default.
    ...(
      [
        ['Real: Nextra 4 app router (nextra-docs-app)', 'nextra-docs-app', 'real-nextra-docs-app.json', undefined],
        ['Real: Nextra 4 content/ + i18n (nextra-swr-site), en', 'nextra-swr-site', 'real-nextra-swr-site.json', 'en'],
        ['Real: Nextra 4 content/ + i18n (nextra-swr-site), es', 'nextra-swr-site', 'real-nextra-swr-site.json', 'es'],
        ['Real: Nextra 4 content/ + i18n (nextra-swr-site), ru', 'nextra-swr-site', 'real-nextra-swr-site.json', 'ru'],
        [
          'Real: Docusaurus, Traditional Chinese (bosh-docusaurus-notes)',
          'bosh-docusaurus-notes',
          'real-bosh-docusaurus.json',
          undefined,
        ],
      ] as const
    ).map(([name, folder, questions, language]) => ({
      name,
      dir: path.resolve(root, '../shared/corpora/real-notes', folder),
      questions: path.join(root, 'tests/fixtures/eval', questions),
      byFile: true,
      language,
    })),
  ];
  for (const corpus of corpora as {
    name: string;
    dir: string;
    questions: string;
    casual?: string;
    language?: string;
  }[]) {
    if (options.only && !corpus.name.includes(options.only)) continue;
    if (!fs.existsSync(corpus.dir) || !fs.existsSync(corpus.questions)) {
      if (!options.json)
        out(`### ${corpus.name}: skipped (${fs.existsSync(corpus.dir) ? corpus.questions : corpus.dir} is absent)\n`);
      continue;
    }
    const language = 'language' in corpus ? corpus.language : undefined;
    const library = loadNotes({ root: corpus.dir, language });
    let questions: EvalQuestion[];
    if ('byFile' in corpus) {
      const read = readFileHeadingQuestions(corpus.questions, library.sections, corpus.dir);
      questions = read.questions;
      if (language) {
        questions = questionsInLanguage(read, language);
        read.unresolved = read.unresolved.filter((u) => u.startsWith(`${language}/`));
      }
      if (read.unresolved.length && !options.json)
        out(
          `${corpus.name}: ${read.unresolved.length} expected section(s) not found, counted as misses: ${read.unresolved.join('; ')}\n`,
        );
    } else questions = readQuestions(corpus.questions);
    // Sets with answer strings are asked through ask(), which renders excerpts, to see whether they show the answer.
    const withExcerpts = questions.some((q) => q.answer !== undefined);
    const engines: Engine[] = [nimbusEngine({ withExcerpts }), ...baselineEngines()];
    for (const engine of engines) engine.build(library.sections, library.language);
    const bySplit = splitNames.map((split): [string, EvalQuestion[]] => [
      split,
      questions.filter((q) => q.split === split),
    ]);
    const splits: [string, EvalQuestion[]][] = [
      ...bySplit.filter(([, subset]) => subset.length > 0),
      ['all', questions],
    ];
    const inScope = questions.filter((q) => !q.outOfScope).length;
    if (!options.json)
      out(
        `## ${corpus.name}: ${library.sections.length} sections, ${inScope} in-scope + ${questions.length - inScope} out-of-scope questions\n`,
      );
    for (const [split, subset] of splits) {
      const rows = engines.map((engine) => ({ name: engine.name, scores: score(engine, subset) }));
      if (options.json) {
        for (const {
          name,
          scores: { misses, ...figures },
        } of rows)
          out(JSON.stringify({ corpus: corpus.name, split, engine: name, ...figures }));
        continue;
      }
      out(table(`${corpus.name}, ${split} (${subset.length} questions)`, rows));
      if (options.misses && split === 'tune') {
        for (const miss of rows[0]!.scores.misses)
          out(`MISS ${miss.question}\n     expected ${miss.expected.join(', ')}\n     got      ${miss.got.join(', ')}`);
      }
    }
    if (corpus.casual && fs.existsSync(corpus.casual)) {
      const casual = readQuestions(corpus.casual);
      const groups: [string, readonly string[]][] = [
        ['casual tune', casualTune],
        ['casual held-out', casualHeldOut],
        ['casual fresh', casualFresh],
        ['casual blind7', casualBlind7],
        ['casual blind8', casualBlind8],
        ['casual blind9', casualBlind9],
        ['casual blind10', casualBlind10],
        ['casual blind11', casualBlind11],
        ['casual blind12', casualBlind12],
        ['casual blind13', casualBlind13],
        ['casual blind14', casualBlind14],
        ['casual blind15', casualBlind15],
        ['casual blind16', casualBlind16],
        ['casual blind17', casualBlind17],
      ];
      for (const [group, groupSplits] of groups) {
        const subset = casual.filter((q) => groupSplits.includes(q.split));
        if (subset.length === 0) continue;
        // The same questions as their clean originals (the casual-only out-of-scope ones have none).
        const originals = subset.filter((q) => q.original !== undefined).map((q) => ({ ...q, question: q.original! }));
        const rows = [
          ...engines.map((engine) => ({ name: engine.name, scores: score(engine, subset) })),
          // The blind sets from the fifth stop on were written casual, with no clean originals.
          ...(originals.length > 0 ? [{ name: 'Nimbus, originals', scores: score(engines[0]!, originals) }] : []),
        ];
        const title = `${corpus.name}, ${group}: ${groupSplits.join(', ')}`;
        if (options.json) {
          for (const {
            name,
            scores: { misses, ...figures },
          } of rows)
            out(JSON.stringify({ corpus: corpus.name, split: group, engine: name, ...figures }));
          continue;
        }
        out(table(`${title} (${subset.length} questions)`, rows));
      }
    }
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const only = process.argv.indexOf('--only');
  runEval({
    misses: process.argv.includes('--misses'),
    json: process.argv.includes('--json'),
    only: only > 0 ? process.argv[only + 1] : undefined,
  });
}
