/**
 * Generated-question sample for blind judging: `npx tsx bench/quiz-sample.ts`.
 * Draws, seeded, 40 multiple-choice generated questions from each corpus (the bundled notes and
 * the three real-notes folders) over the kinds that are on by default (`generatorKinds`), spread
 * over those kinds, and writes them with their source section to
 * tests/fixtures/quiz-judging/sample.json. A corpus with fewer than 40 leaves its share to the
 * others, so the sample still has 160 when the notes have them. Also prints the volume: generated
 * questions per corpus and kind, and the notes with ≥ 150 words of prose that yield none, with
 * the default kinds and with all kinds.
 * Self-graded cards (no distractors) are counted, not sampled: there is no choice to judge.
 * `-- --volume` prints the volume only and leaves sample.json alone.
 * `-- --round4 [--out FILE]` samples the kinds proposed for shipping (`proposedKinds`: cloze,
 * definition, recall), generated together with the default kinds as they would ship, self-graded
 * cards included (their choices empty, their answer the revealed text), to FILE
 * (default tests/fixtures/quiz-judging/proposed-sample.json); the volume then compares the default kinds with
 * the default plus the proposed kinds.
 * `-- --volume --with howto,purpose` prints the volume of the default kinds plus the named ones
 * (and the notes still without a question) instead of all kinds.
 * `-- --round6 [--seed 6] --out FILE` samples, for round 6 of blind judging, up to 100 cards of the
 * round-6 kinds (`round6Kinds`: howto, purpose, meaning) drawn only from notes the default kinds
 * leave without a question (spread over the notes of each corpus), and 35 acronym cards spread
 * over the corpora that have them.
 * `-- --round8 [--seed 8] --out FILE` samples, for round 8, up to 80 cards of the round-8 kinds
 * (`round8Kinds`: command, config, term) drawn only from notes the default kinds leave without a
 * question (spread over those notes), and 20 acronym cards (after the common-acronym and plural
 * filter) spread over the corpora.
 * `-- --round9 [--seed 9] --out FILE` samples, for round 9, 45 acronym cards as they ship (named by
 * their note's title) in fair shares over the corpora (a corpus with fewer gives all it has) and,
 * inside each, spread over its notes.
 * `-- --round10 [--seed 10] --out FILE` samples, for round 10, up to 60 command and term cards
 * (`round10Kinds`), about half of each kind (a kind with fewer leaves the rest to the other), in
 * fair shares over the corpora that have them and, inside each, spread over the notes: notes the
 * default kinds leave silent first, then the others.
 * `-- --round11 [--seed 11] --out FILE` samples, for round 11, up to 40 term cards (after the
 * round-10 rules) in fair shares over the corpora that have them, spread over the notes, and every
 * acronym card (up to 25) that the narrowed title rule brings back: a title without Chinese that
 * names the acronym ("Next.js SSG and SSR").
 * `-- --round12a [--seed 12] --out FILE` samples, for round 12a, up to 50 cards of the round-12a kinds
 * (`round12aKinds`: statement, syntax, asked, command-comment), generated with the default kinds as
 * they would ship: every card from a note the default kinds leave silent first, then the others in
 * fair shares over the corpora, spread over the kinds and, inside each, over the notes.
 * `-- --round12b [--seed 12] --out FILE` samples, for round 12b, up to 40 cards of the round-12b
 * kinds (`round12bKinds`: usage, identifier, dated) as they would ship beside the default kinds:
 * every card from a note the default kinds leave silent, then at least 8 from each English Nextra
 * folder, then fair shares over the corpora, spread over the notes.
 * `-- --round13a [--seed 13] --out FILE` samples, for round 13a, up to 40 cards of the round-13a kinds
 * (`round13aKinds`: uses, asked) as they would ship beside the default kinds: every card from a note
 * the default kinds leave silent, then at least 5 from each corpus where they fire, then fair shares,
 * each part spread over the notes.
 * `-- --round13b [--seed 13] --out FILE` samples, for round 13b, up to 30 cards of the round-13b kinds
 * (`round13bKinds`: identifier, licence) as they would ship beside the default kinds: every card
 * from a note the default kinds leave silent, then at least 5 from each corpus that has them, then
 * fair shares over the corpora, spread over the notes.
 * `-- --round13c [--seed 13] --out FILE` samples, for round 13c, every card (up to 30) of the round-13c
 * kinds (`round13cKinds`: formula, setting) as they would ship beside the default kinds, on all four
 * corpora: those from notes the default kinds leave silent first, then fair shares, spread over the notes.
 * Placeholder text is not prose: a section with "lorem ipsum" in it counts no words (`placeholderProse`).
 */
import fs from 'node:fs';
import path from 'node:path';
import { loadNotes } from '../src/notes/load.js';
import type { Note, QuizQuestion } from '../src/notes/types.js';
import { sectionFacts } from '../src/quiz/generate/facts.js';
import {
  allGeneratorKinds,
  cardOnlyKinds,
  generateQuestions,
  generatorKinds,
  proposedKinds,
  round6Kinds,
  round8Kinds,
  round10Kinds,
  round12aKinds,
  round12bKinds,
  round13aKinds,
  round13bKinds,
  round13cKinds,
  type GeneratorKind,
} from '../src/quiz/generate/index.js';
import { placeholderProse } from '../src/quiz/generate/quality.js';
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
const total = 160;
// `--seed N` draws another sample from the same questions (round 4 used 17).
const seed = Number(process.argv[process.argv.indexOf('--seed') + 1] ?? 17) || 17;
const argValue = (name: string): string | undefined => {
  const at = process.argv.indexOf(name);
  return at >= 0 ? process.argv[at + 1] : undefined;
};
const round4 = process.argv.includes('--round4');
const round6 = process.argv.includes('--round6');
const round8 = process.argv.includes('--round8');
const round9 = process.argv.includes('--round9');
const round10 = process.argv.includes('--round10');
const round11 = process.argv.includes('--round11');
const round12a = process.argv.includes('--round12a');
const round12b = process.argv.includes('--round12b');
const round13a = process.argv.includes('--round13a');
const round13b = process.argv.includes('--round13b');
const round13c = process.argv.includes('--round13c');
// `--with howto,purpose`: the volume of the default kinds plus these.
const withKinds = (argValue('--with') ?? (round6 ? round6Kinds.join(',') : round8 ? round8Kinds.join(',') : ''))
  .split(',')
  .map((k) => k.trim())
  .filter(Boolean);
for (const k of withKinds)
  if (!(allGeneratorKinds as readonly string[]).includes(k)) {
    console.error(`--with: unknown kind "${k}" (kinds: ${allGeneratorKinds.join(', ')})`);
    process.exit(2);
  }
const out = round11
  ? path.resolve(argValue('--out') ?? 'tests/fixtures/quiz-judging/round11-sample.json')
  : round10
    ? path.resolve(argValue('--out') ?? 'tests/fixtures/quiz-judging/round10-sample.json')
    : round9
      ? path.resolve(argValue('--out') ?? 'tests/fixtures/quiz-judging/round9-sample.json')
      : round8
        ? path.resolve(argValue('--out') ?? 'tests/fixtures/quiz-judging/round8-sample.json')
        : round6
          ? path.resolve(argValue('--out') ?? 'tests/fixtures/quiz-judging/round6-sample.json')
          : round4
            ? path.resolve(argValue('--out') ?? 'tests/fixtures/quiz-judging/proposed-sample.json')
            : path.join(root, 'tests/fixtures/quiz-judging/sample.json');
const proposed = [...generatorKinds, ...proposedKinds.filter((k) => !generatorKinds.includes(k))];
/** A question's generator kind: "cloze-reveal" was made by "cloze". */
const generatorKindOf = (q: QuizQuestion): string => q.kind!.replace(/-reveal$/, '');

const words = new Intl.Segmenter('und', { granularity: 'word' });
/** Words of prose (paragraphs and list items, no code or tables); Chinese counts word by word. */
const proseWords = (sentences: string[]): number =>
  sentences.reduce((n, s) => n + [...words.segment(s)].filter((w) => w.isWordLike).length, 0);
/** A note's words of prose; a section of placeholder text ("Lorem ipsum dolor sit amet …") counts none. */
const noteProse = (n: Note): number =>
  n.sections.reduce((sum, s) => sum + (placeholderProse(s.text) ? 0 : proseWords(sectionFacts(s, n).sentences)), 0);

/** Each question text once (translated pages can repeat one word for word). */
function distinctTexts(questions: QuizQuestion[]): QuizQuestion[] {
  const texts = new Set<string>();
  return questions.filter((q) => !texts.has(q.question) && texts.add(q.question));
}

/** Round-robin over the groups (each shuffled with the seed, groups in a seeded order): a spread sample. */
function spread(questions: QuizQuestion[], groupOf: (q: QuizQuestion) => string, n: number): QuizQuestion[] {
  const random = seededRandom(seed);
  const groups = new Map<string, QuizQuestion[]>();
  for (const q of questions) groups.set(groupOf(q), [...(groups.get(groupOf(q)) ?? []), q]);
  const queues = shuffled([...groups.keys()].sort(), random).map((k) => shuffled(groups.get(k)!, random));
  const picked: QuizQuestion[] = [];
  while (picked.length < n && queues.some((q) => q.length))
    for (const q of queues) if (q.length && picked.length < n) picked.push(q.shift()!);
  return picked;
}

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

/** Cards of a proposed kind, those on notes the default kinds leave silent apart. */
interface BySilence {
  silent: QuizQuestion[];
  other: QuizQuestion[];
}

interface Candidates {
  name: string;
  pool: QuizQuestion[];
  /** Round 6: cards of the round-6 kinds on notes the default kinds leave without a question. */
  uncovered: QuizQuestion[];
  acronyms: QuizQuestion[];
  /** Round 10: command and term cards, those on silent notes first. */
  walkthrough: { silent: QuizQuestion[]; other: QuizQuestion[] };
  /** Round 11: term cards, and acronym cards a Latin title naming the acronym no longer rules out. */
  terms: QuizQuestion[];
  titleAcronyms: QuizQuestion[];
  /** Rounds 12a and 12b: cards of the proposed kinds, those on silent notes apart. */
  round12a: BySilence;
  round12b: BySilence;
  round13a: BySilence;
  /** Round 13b: identifier and licence cards, those on silent notes apart. */
  round13b: BySilence;
  /** Round 13c: formula and setting cards, those on silent notes apart. */
  round13c: BySilence;
  sections: Map<string, { id: string; file: string; headingPath: string[]; text: string }>;
}

function volume(name: string, notes: Note[], questions: QuizQuestion[], label: string): Note[] {
  const kinds: Record<string, number> = {};
  for (const q of questions) kinds[q.kind!] = (kinds[q.kind!] ?? 0) + 1;
  const withQuestions = new Set(questions.map((q) => q.noteRoute));
  const silent = notes.filter((n) => !withQuestions.has(n.route) && noteProse(n) >= 150);
  console.log(
    `${name} (${label}): ${notes.length} notes, ${questions.length} generated questions ${JSON.stringify(kinds)}`,
  );
  console.log(
    `  notes with ≥ 150 words of prose and no question: ${silent.length}${silent.length ? ' — ' + silent.map((n) => n.file).join(', ') : ''}`,
  );
  return silent;
}

// `--volume`: print the volume only, leaving the judged sample as it is.
const volumeOnly = process.argv.includes('--volume');
const found: Candidates[] = [];
for (const corpus of corpora) {
  if (!fs.existsSync(corpus.dir)) {
    console.log(`${corpus.name}: not found at ${corpus.dir}, skipped`);
    continue;
  }
  const library = loadNotes({ root: corpus.dir });
  const defaults = generateQuestions(library.notes, generatorKinds);
  const silent = volume(corpus.name, library.notes, defaults, `default kinds: ${generatorKinds.join(', ')}`);
  const added = withKinds as GeneratorKind[];
  const wider: readonly GeneratorKind[] = added.length
    ? [...generatorKinds, ...added.filter((k) => !generatorKinds.includes(k))]
    : round4
      ? proposed
      : allGeneratorKinds;
  // `--with`: the default kinds as they ship (definitions as cards) plus the named ones.
  const widerQuestions = generateQuestions(library.notes, wider, added.length ? { cardOnly: cardOnlyKinds } : {});
  volume(
    corpus.name,
    library.notes,
    widerQuestions,
    added.length
      ? `default kinds + ${added.join(', ')}`
      : round4
        ? `proposed kinds: ${proposed.join(', ')}`
        : 'all kinds',
  );
  // Round 6 judges the new kinds where they matter: notes the default kinds leave silent.
  const silentRoutes = new Set(silent.map((n) => n.route));
  const uncovered =
    round6 || round8
      ? generateQuestions(
          library.notes.filter((n) => silentRoutes.has(n.route)),
          round8 ? round8Kinds : round6Kinds,
        )
      : [];
  const acronyms = defaults.filter((q) => q.kind === 'acronym-reveal');
  const walkthrough = round10 ? distinctTexts(generateQuestions(library.notes, round10Kinds)) : [];
  // Round 4 judges the proposed kinds, cards too; earlier rounds the default multiple-choice ones.
  const questions = round4
    ? widerQuestions.filter((q) => (proposedKinds as readonly string[]).includes(generatorKindOf(q)))
    : defaults.filter((q) => !q.reveal);
  // Translated pages can repeat a question word for word: judge each text once.
  const texts = new Set<string>();
  const distinctQuestions = questions.filter((q) => !texts.has(q.question) && texts.add(q.question));
  // Cards of proposed kinds as they would ship beside the default kinds, those on silent notes apart.
  const proposedCards = (wanted: boolean, kinds: readonly GeneratorKind[]): BySilence => {
    const cards = wanted
      ? distinctTexts(
          generateQuestions(library.notes, [...generatorKinds, ...kinds], { cardOnly: cardOnlyKinds }).filter((q) =>
            (kinds as readonly string[]).includes(generatorKindOf(q)),
          ),
        )
      : [];
    return {
      silent: cards.filter((q) => silentRoutes.has(q.noteRoute)),
      other: cards.filter((q) => !silentRoutes.has(q.noteRoute)),
    };
  };
  found.push({
    name: corpus.name,
    round12a: proposedCards(round12a, round12aKinds),
    round12b: proposedCards(round12b, round12bKinds),
    round13a: proposedCards(round13a, round13aKinds),
    round13b: proposedCards(round13b, round13bKinds),
    round13c: proposedCards(round13c, round13cKinds),
    pool: sample(distinctQuestions, distinctQuestions.length),
    uncovered: distinctTexts(uncovered),
    acronyms: distinctTexts(acronyms),
    walkthrough: {
      silent: walkthrough.filter((q) => silentRoutes.has(q.noteRoute)),
      other: walkthrough.filter((q) => !silentRoutes.has(q.noteRoute)),
    },
    terms: round11 ? distinctTexts(generateQuestions(library.notes, ['term'])) : [],
    titleAcronyms: distinctTexts(acronyms).filter((q) => {
      const title = library.notes.find((n) => n.route === q.noteRoute)?.title ?? '';
      return titleNamesAcronym(title, q.question.replace(title, ''));
    }),
    sections: new Map(library.sections.map((s) => [s.id, s])),
  });
}

if (volumeOnly) process.exit(0);
if (round12a) {
  writeRound12a(50);
  process.exit(0);
}
if (round12b) {
  writeLayered(
    (c) => c.round12b,
    'round12b-sample.json',
    40,
    8,
    (c) => c.name.startsWith('nextra-'),
  );
  process.exit(0);
}
if (round13a) {
  writeLayered((c) => c.round13a, 'round13a-sample.json', 40, 5);
  process.exit(0);
}
if (round13c) {
  writeLayered((c) => c.round13c, 'round13c-sample.json', 30);
  process.exit(0);
}
if (round13b) {
  writeLayered((c) => c.round13b, 'round13b-sample.json', 30, 5);
  process.exit(0);
}
if (round11) {
  // Round 11: 40 term cards, then up to 25 acronym cards a Latin title naming them brought back.
  writePools([
    [(c) => c.terms, 40],
    [(c) => c.titleAcronyms, 25],
  ]);
  process.exit(0);
}
if (round10) {
  writeWalkthroughRound(60);
  process.exit(0);
}
if (round9) {
  // Round 9: 45 acronym cards.
  writePools([[(c) => c.acronyms, 45]]);
  process.exit(0);
}
if (round6 || round8) {
  // Rounds 6 and 8: cards of the round's kinds from silent notes, then acronym cards.
  writePools([
    [(c) => c.uncovered, round8 ? 80 : 100],
    [(c) => c.acronyms, round8 ? 20 : 35],
  ]);
  process.exit(0);
}

// 40 each; what a short corpus cannot fill goes, one at a time, to the corpora that still have questions.
const quota = new Map(found.map((c) => [c.name, Math.min(perCorpus, c.pool.length)]));
let spare = Math.min(total, found.length * perCorpus) - [...quota.values()].reduce((a, b) => a + b, 0);
while (spare > 0 && found.some((c) => c.pool.length > quota.get(c.name)!))
  for (const c of found)
    if (spare > 0 && c.pool.length > quota.get(c.name)!) {
      quota.set(c.name, quota.get(c.name)! + 1);
      spare--;
    }

const items: unknown[] = [];
for (const corpus of found) {
  const picked = corpus.pool.slice(0, quota.get(corpus.name));
  console.log(`${corpus.name}: ${picked.length} sampled`);
  for (const q of picked) items.push(itemOf(corpus, q));
}
fs.mkdirSync(path.dirname(out), { recursive: true });
fs.writeFileSync(out, JSON.stringify(items, null, 2) + '\n');
const perKind: Record<string, number> = {};
for (const item of items as { kind: string; corpus: string }[]) {
  perKind[item.kind] = (perKind[item.kind] ?? 0) + 1;
  perKind[`${item.corpus} ${item.kind}`] = (perKind[`${item.corpus} ${item.kind}`] ?? 0) + 1;
}
console.log(`${items.length} questions written to ${path.relative(root, out)} ${JSON.stringify(perKind)}`);

function itemOf(corpus: Candidates, q: QuizQuestion): unknown {
  const section = corpus.sections.get(q.section ? `${q.noteRoute}#${q.section}` : q.noteRoute)!;
  return {
    id: q.id,
    corpus: corpus.name,
    kind: q.kind,
    question: q.question,
    form: q.reveal === undefined ? 'multiple-choice' : 'self-graded card',
    choices: q.reveal === undefined ? q.choices : [],
    answer: q.reveal ?? q.answer,
    explanation: q.explanation,
    section: { id: section.id, file: section.file, headingPath: section.headingPath, text: section.text },
  };
}

/**
 * Fair shares of n over the corpora, one at a time to each corpus that still has questions, so a
 * small corpus gives all it has and the rest goes to the others.
 */
function shares(available: Map<string, number>, n: number): Map<string, number> {
  const quota = new Map([...available.keys()].map((k) => [k, 0]));
  let left = n;
  while (left > 0 && [...available].some(([k, a]) => a > quota.get(k)!))
    for (const [k, a] of available)
      if (left > 0 && a > quota.get(k)!) {
        quota.set(k, quota.get(k)! + 1);
        left--;
      }
  return quota;
}

/**
 * Writes a judging sample: for each pool, `n` of its cards in fair shares over the corpora, spread
 * over each corpus's notes.
 */
function writePools(pools: [pick: (c: Candidates) => QuizQuestion[], n: number][]): void {
  const sample = newSample();
  for (const [pick, n] of pools) {
    const quota = shares(new Map(found.map((c) => [c.name, pick(c).length])), n);
    for (const c of found)
      sample.add(
        c,
        spread(pick(c), (q) => q.noteRoute, quota.get(c.name)!),
      );
  }
  sample.write();
}

/** The items of a judging sample, counted per corpus and kind, and written to `out`. */
function newSample(file = out) {
  const items: unknown[] = [];
  const counts: Record<string, number> = {};
  return {
    add(c: Candidates, picked: QuizQuestion[]): void {
      for (const q of picked) {
        items.push(itemOf(c, q));
        const key = `${c.name} ${q.kind}`;
        counts[key] = (counts[key] ?? 0) + 1;
      }
    },
    write(): void {
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, JSON.stringify(items, null, 2) + '\n');
      console.log(`${items.length} cards written to ${file} ${JSON.stringify(counts)}`);
    },
  };
}

/** Round 10: up to `cards` command and term cards, half each, fair shares over the corpora, silent notes first. */
function writeWalkthroughRound(cards: number): void {
  const sample = newSample();
  const ofKind = (c: Candidates, kind: string, from: 'silent' | 'other'): QuizQuestion[] =>
    c.walkthrough[from].filter((q) => generatorKindOf(q) === kind);
  const available = (kind: string): number =>
    found.reduce((n, c) => n + ofKind(c, kind, 'silent').length + ofKind(c, kind, 'other').length, 0);
  const [first, second] = round10Kinds;
  const half = Math.ceil(cards / 2);
  const firstCount = Math.min(available(first!), Math.max(half, cards - available(second!)));
  const perKind = new Map([
    [first!, firstCount],
    [second!, Math.min(available(second!), cards - firstCount)],
  ]);
  for (const [kind, n] of perKind) {
    const quota = shares(
      new Map(found.map((c) => [c.name, ofKind(c, kind, 'silent').length + ofKind(c, kind, 'other').length])),
      n,
    );
    for (const c of found) {
      const want = quota.get(c.name)!;
      const silent = spread(ofKind(c, kind, 'silent'), (q) => q.noteRoute, want);
      sample.add(c, [...silent, ...spread(ofKind(c, kind, 'other'), (q) => q.noteRoute, want - silent.length)]);
    }
  }
  sample.write();
}

/**
 * A Latin title naming, as a word of its own, an acronym the card asks about (the card's text
 * without the title): the cards round 11 brings back ("Next.js SSG and SSR" asking SSR).
 */
function titleNamesAcronym(title: string, rest: string): boolean {
  if (/\p{Script=Han}/u.test(title)) return false;
  const asked = new Set(rest.match(/\b[A-Z][A-Z0-9]{1,7}\b/g) ?? []);
  return (title.match(/\b[A-Z][A-Z0-9]{1,7}(?=s?\b)/g) ?? []).some((word) => asked.has(word));
}

/**
 * Round 12a: every card of the round-12a kinds from a silent note, then, up to `cards`, the others
 * in fair shares over the corpora, round-robin over the kinds, each kind spread over its notes.
 */
function writeRound12a(cards: number): void {
  const sample = newSample(path.resolve(argValue('--out') ?? 'tests/fixtures/quiz-judging/round12a-sample.json'));
  let left = cards;
  for (const c of found) {
    const silent = spread(c.round12a.silent, (q) => q.noteRoute, left);
    sample.add(c, silent);
    left -= silent.length;
  }
  const quota = shares(new Map(found.map((c) => [c.name, c.round12a.other.length])), Math.max(0, left));
  for (const c of found) {
    const byKind = new Map<string, QuizQuestion[]>();
    for (const q of c.round12a.other) byKind.set(generatorKindOf(q), [...(byKind.get(generatorKindOf(q)) ?? []), q]);
    const queues = [...byKind.keys()]
      .sort()
      .map((k) => spread(byKind.get(k)!, (q) => q.noteRoute, byKind.get(k)!.length));
    const picked: QuizQuestion[] = [];
    while (picked.length < quota.get(c.name)! && queues.some((q) => q.length))
      for (const q of queues) if (q.length && picked.length < quota.get(c.name)!) picked.push(q.shift()!);
    sample.add(c, picked);
  }
  sample.write();
}

/**
 * Rounds 12b and 13a–c: up to `cards` cards of a round's kinds (`pool`): every one from a silent
 * note, then up to `least` from each corpus `leastIn` names (its silent ones count), then fair
 * shares over the corpora, each part spread over the notes.
 */
function writeLayered(
  pool: (c: Candidates) => BySilence,
  out: string,
  cards: number,
  least = 0,
  leastIn: (c: Candidates) => boolean = () => true,
): void {
  const sample = newSample(path.resolve(argValue('--out') ?? `tests/fixtures/quiz-judging/${out}`));
  const taken = new Map(found.map((c) => [c.name, [] as QuizQuestion[]]));
  const left = (c: Candidates): QuizQuestion[] =>
    [...pool(c).silent, ...pool(c).other].filter((q) => !taken.get(c.name)!.includes(q));
  const count = (): number => [...taken.values()].reduce((n, t) => n + t.length, 0);
  for (const c of found) taken.get(c.name)!.push(...spread(pool(c).silent, (q) => q.noteRoute, cards - count()));
  for (const c of found.filter(leastIn)) {
    const want = Math.max(0, Math.min(least - taken.get(c.name)!.length, cards - count()));
    taken.get(c.name)!.push(...spread(left(c), (q) => q.noteRoute, want));
  }
  const quota = shares(new Map(found.map((c) => [c.name, left(c).length])), Math.max(0, cards - count()));
  for (const c of found) taken.get(c.name)!.push(...spread(left(c), (q) => q.noteRoute, quota.get(c.name)!));
  for (const c of found) sample.add(c, taken.get(c.name)!);
  sample.write();
}
