import type { Note, QuizQuestion, Section } from '../../notes/types.js';
import { acronymDrafts, acronymsOf, commonAcronyms, type Acronym } from './acronym.js';
import { clozeDrafts, clozeTermsOf } from './cloze.js';
import { definitionDrafts, definitionsOf, type Defined } from './definition.js';
import { finish, type Draft } from './draft.js';
import { noFacts, sectionFacts, type MarkedTerm, type SectionFacts } from './facts.js';
import { headingDrafts } from './heading.js';
import { detectLang } from './lang.js';
import { neighbourhood } from './neighbourhood.js';
import { stepDrafts } from './steps.js';
import { tableDrafts } from './table.js';
import { whereDrafts } from './where.js';
import { cardOnlyKinds, generatorKinds, type GeneratorKind } from './kinds.js';
import { recallDrafts } from './recall.js';
import { howtoDrafts, meaningDrafts, purposeDrafts } from './howto.js';
import { commandCommentDrafts, commandDrafts, configDrafts } from './code.js';
import { termDrafts } from './term.js';
import { statementDrafts } from './statement.js';
import { syntaxDrafts } from './syntax.js';
import { askedDrafts } from './asked.js';
import { usageDrafts } from './usage.js';
import { identifierDrafts } from './identifier.js';
import { licenceDrafts } from './licence.js';
import { datedDrafts } from './dated.js';
import { usesDrafts } from './uses.js';
import { formulaDrafts } from './formula.js';
import { settingDrafts } from './setting.js';

export { flashcardQuestions } from './flashcards.js';

export {
  allGeneratorKinds,
  cardOnlyKinds,
  generatorKinds,
  proposedKinds,
  round6Kinds,
  round8Kinds,
  round10Kinds,
  round12aKinds,
  round12bKinds,
  round13bKinds,
  round13aKinds,
  round13cKinds,
  type GeneratorKind,
} from './kinds.js';

const maxPerSection = 4;

function memo<T>(read: (f: SectionFacts) => T[]): (f: SectionFacts) => T[] {
  const cache = new Map<SectionFacts, T[]>();
  return (f) => {
    let value = cache.get(f);
    if (!value) cache.set(f, (value = read(f)));
    return value;
  };
}

/** A section too deeply nested to read (a hostile note) offers nothing, rather than stopping the bot. */
function readFacts(section: Section, note: Note): SectionFacts {
  try {
    return sectionFacts(section, note);
  } catch {
    return noFacts(section, note);
  }
}

/** A deterministic index in [0, n) from text: the same notes pick the same rows and steps. */
function pick(n: number, salt: string): number {
  let h = 2166136261;
  for (let i = 0; i < salt.length; i++) h = Math.imul(h ^ salt.charCodeAt(i), 16777619);
  return (h >>> 0) % Math.max(1, n);
}

/** Work done in steps (a generator that yields between them); `runToEnd` does them all at once. */
export type Steps<T> = Generator<void, T, void>;

/** Every step of `steps`, then its result. */
export function runToEnd<T>(steps: Steps<T>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** Which kinds to generate, and which of them only as cards. */
interface GenerateOptions {
  // The default kinds ask card-only kinds as cards; kinds chosen by name are asked in every form,
  // unless the caller says otherwise (the volume of the default kinds plus new ones, as they would ship).
  cardOnly?: readonly GeneratorKind[];
}

/**
 * Multiple-choice questions made from the notes' own structure: acronyms they define,
 * term definitions, comparison tables, numbered steps, key terms (cloze) and headings with
 * their opening sentence. Same notes in, same questions out.
 */
export function generateQuestions(
  notes: readonly Note[],
  kinds: readonly GeneratorKind[] = generatorKinds,
  options: GenerateOptions = {},
): QuizQuestion[] {
  return runToEnd(generateInSteps(notes, kinds, options));
}

/**
 * `generateQuestions` one section at a time: it yields after each section it reads and each it
 * drafts questions from, so that a caller can build the questions of large notes (seconds of
 * work) in slices that leave the event loop free in between.
 */
export function* generateInSteps(
  notes: readonly Note[],
  kinds: readonly GeneratorKind[] = generatorKinds,
  options: GenerateOptions = {},
): Steps<QuizQuestion[]> {
  const cardOnly: readonly GeneratorKind[] = options.cardOnly ?? (kinds === generatorKinds ? cardOnlyKinds : []);
  const all: SectionFacts[] = [];
  for (const note of notes)
    for (const section of note.sections) {
      all.push(readFacts(section, note));
      yield;
    }
  const near = neighbourhood(all);
  const acronyms = memo<Acronym>(acronymsOf);
  const defined = memo<Defined>(definitionsOf);
  const terms = memo<MarkedTerm>(clozeTermsOf);
  const common = kinds.includes('acronym')
    ? commonAcronyms(
        notes.map((n) => ({ facts: near.ofNote(n.route) })),
        acronyms,
      )
    : new Set<string>();

  const definitionsByTerm = new Map<string, Defined[]>();
  for (const f of all)
    for (const d of defined(f)) definitionsByTerm.set(d.term, [...(definitionsByTerm.get(d.term) ?? []), d]);
  const definitionsOfTerm = (term: string): Defined[] => definitionsByTerm.get(term) ?? [];

  // A note's language, from its prose (code would make every note look English).
  const langOf = new Map(
    notes.map((n) => [
      n.route,
      detectLang(
        near
          .ofNote(n.route)
          .flatMap((f) => f.sentences)
          .join('\n'),
      ),
    ]),
  );

  const out: QuizQuestion[] = [];
  const seen = new Set<string>();
  const keptIn = new Map<SectionFacts, number>();
  for (const facts of all) {
    const lang = langOf.get(facts.section.noteRoute) ?? 'en';
    const drafts: Draft[] = [];
    if (kinds.includes('acronym')) drafts.push(...acronymDrafts(facts, lang, acronyms, common));
    if (kinds.includes('table')) drafts.push(...tableDrafts(facts, lang, pick));
    if (kinds.includes('definition')) drafts.push(...definitionDrafts(facts, lang, defined, definitionsOfTerm));
    if (kinds.includes('steps')) drafts.push(...stepDrafts(facts, lang, pick));
    if (kinds.includes('heading')) drafts.push(...headingDrafts(facts, near, lang));
    if (kinds.includes('cloze')) drafts.push(...clozeDrafts(facts, lang, terms));
    keep(facts, drafts);
    yield;
  }
  /** Finished questions of a section's drafts, up to maxPerSection per section, one per fact. */
  function keep(facts: SectionFacts, drafts: Draft[]): void {
    let kept = keptIn.get(facts) ?? 0;
    for (const draft of drafts) {
      if (kept >= maxPerSection) break;
      const shaped = asCardIf(cardOnly, draft);
      const question = shaped && finish(shaped);
      // One question per fact: a definition and a heading question may read the same sentence.
      if (!question) continue;
      // "srand()" and "srand" from one sentence (identifier and uses cards) are one fact.
      const fact = `${(question.reveal ?? question.answer).replace(/\(\)$/, '')}\u0000${question.explanation}`;
      // An acronym is asked once across the notes, as before its card named the note.
      const asked = draft.kind === 'acronym' ? draft.question : question.question;
      if (seen.has(question.id) || seen.has(asked) || seen.has(fact)) continue;
      seen.add(question.id);
      seen.add(asked);
      seen.add(fact);
      out.push(question);
      kept++;
    }
    keptIn.set(facts, kept);
  }
  // A note nothing else could be asked about still gets one question: where it says something.
  if (kinds.includes('where')) {
    const asked = new Set(out.map((q) => q.noteRoute));
    for (const note of notes) {
      if (asked.has(note.route)) continue;
      for (const draft of whereDrafts(near.ofNote(note.route), near, langOf.get(note.route) ?? 'en')) {
        const question = finish(draft);
        if (question && !seen.has(question.id)) {
          seen.add(question.id);
          out.push(question);
          break;
        }
      }
    }
  }
  // A note with prose and still no question gets a recall card on its longest section.
  if (kinds.includes('recall')) {
    const asked = new Set(out.map((q) => q.noteRoute));
    for (const note of notes) {
      if (asked.has(note.route)) continue;
      const [draft] = recallDrafts(near.ofNote(note.route), langOf.get(note.route) ?? 'en');
      const question = draft && finish(draft);
      if (question && !seen.has(question.id)) {
        seen.add(question.id);
        out.push(question);
      }
    }
  }
  // Cards for notes the kinds above leave silent come last, so the where and recall fallbacks
  // (multiple choice, which a public round needs) still see those notes as silent.
  for (const facts of all) {
    const lang = langOf.get(facts.section.noteRoute) ?? 'en';
    const drafts: Draft[] = [];
    if (kinds.includes('howto')) drafts.push(...howtoDrafts(facts, lang));
    if (kinds.includes('purpose')) drafts.push(...purposeDrafts(facts, lang));
    if (kinds.includes('meaning')) drafts.push(...meaningDrafts(facts, lang));
    if (kinds.includes('command')) drafts.push(...commandDrafts(facts, lang));
    if (kinds.includes('config')) drafts.push(...configDrafts(facts, lang));
    if (kinds.includes('term')) drafts.push(...termDrafts(facts, lang));
    if (kinds.includes('statement')) drafts.push(...statementDrafts(facts, lang));
    if (kinds.includes('syntax')) drafts.push(...syntaxDrafts(facts, lang));
    if (kinds.includes('asked')) drafts.push(...askedDrafts(facts, lang));
    if (kinds.includes('command-comment')) drafts.push(...commandCommentDrafts(facts, lang));
    if (kinds.includes('usage')) drafts.push(...usageDrafts(facts, lang));
    if (kinds.includes('identifier')) drafts.push(...identifierDrafts(facts, lang));
    if (kinds.includes('dated')) drafts.push(...datedDrafts(facts, lang));
    if (kinds.includes('licence')) drafts.push(...licenceDrafts(facts, lang));
    if (kinds.includes('uses')) drafts.push(...usesDrafts(facts, lang));
    if (kinds.includes('formula')) drafts.push(...formulaDrafts(facts));
    if (kinds.includes('setting')) drafts.push(...settingDrafts(facts));
    keep(facts, drafts);
    yield;
  }
  return out;
}

/** A draft of a card-only kind skips multiple choice, and is not asked without a card form. */
function asCardIf(cardOnly: readonly GeneratorKind[], draft: Draft): Draft | null {
  if (!(cardOnly as readonly string[]).includes(draft.kind)) return draft;
  return draft.selfGraded ? { ...draft, minDistractors: Number.POSITIVE_INFINITY, tiers: [] } : null;
}
