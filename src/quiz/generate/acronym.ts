import { givesAway, type Draft } from './draft.js';
import type { SectionFacts } from './facts.js';
import { generic } from './heading.js';
import { fill, templates, type Lang } from './lang.js';
import { acronymDefinitions } from '../../search/acronym-definitions.js';
import { initialsOf } from '../../search/acronyms.js';

export interface Acronym {
  acronym: string;
  longName: string;
  sentence: string;
}

const connector = new Set(['of', 'and', 'for', 'the', 'to', 'as', 'a', 'on', 'in', '&', 'de', 'del', 'la', 'el']);

/** A plural "s" ("AMIs") is no letter of the acronym. */
const initialsOfTerm = (acronym: string): string | null => initialsOf(acronym.replace(/s$/, ''));

/** The shortest run of words ending the phrase whose initials spell the acronym. */
function longNameOf(phrase: string, acronym: string): string | null {
  const initials = initialsOfTerm(acronym);
  if (!initials) return null;
  const words = phrase.split(/\s+/).flatMap((w) => w.split(/(?<=-)/));
  for (let start = words.length - 1; start >= 0 && words.length - start <= initials.length + 4; start--) {
    const run = words.slice(start);
    const letters = run
      .filter((w) => !connector.has(w.toLowerCase().replace(/-$/, '')))
      .map((w) => w[0]!.toLowerCase())
      .join('');
    if (letters === initials && /^\p{Lu}/u.test(run[0]!) === /^\p{Lu}/u.test(run.at(-1)!))
      return run.join(' ').replace(/- /g, '-');
  }
  return null;
}

/** Notes that use an acronym undefined, at least this many (and as many as define it): the notes take it as known. */
const commonAcronymNotes = 5;

/** The acronym a plural names ("DLLs" → "DLL"), or the acronym itself. */
const singular = (acronym: string): string => acronym.replace(/(?<=[A-Z0-9])s$/, '');

/**
 * Acronyms too common to ask about (round 7's judge: "What does ML stand for?" in ML notes is
 * trivially known): ones the notes take as known, used without a definition in at least
 * `commonAcronymNotes` notes and in at least as many notes as define them ("ML" in 15 ML notes,
 * defined in 10; "AWS", "API", "CPU" in cloud notes). An everyday-words list was tried and
 * dropped: it read "RDS", "KMS", "MAP" as words.
 */
export function commonAcronyms(
  notes: readonly { facts: SectionFacts[] }[],
  acronyms: (f: SectionFacts) => Acronym[],
): Set<string> {
  const undefinedIn = new Map<string, number>();
  const definedIn = new Map<string, number>();
  const out = new Set<string>();
  for (const { facts } of notes) {
    const defined = new Set(facts.flatMap((f) => acronyms(f).map((a) => singular(a.acronym))));
    const used = new Set<string>();
    for (const f of facts)
      for (const word of f.section.text.match(/\b[A-Z][A-Z0-9]{1,7}s?\b/g) ?? []) used.add(singular(word));
    for (const word of defined) definedIn.set(word, (definedIn.get(word) ?? 0) + 1);
    for (const word of used) if (!defined.has(word)) undefinedIn.set(word, (undefinedIn.get(word) ?? 0) + 1);
  }
  for (const [word, n] of undefinedIn) if (n >= commonAcronymNotes && n >= (definedIn.get(word) ?? 0)) out.add(word);
  return out;
}

export function acronymsOf(facts: SectionFacts): Acronym[] {
  const out: Acronym[] = [];
  for (const sentence of facts.sentences) {
    if (!sentence.includes('(') && !sentence.includes('（')) continue;
    // "Long Name (ACRONYM)", with ASCII or full-width brackets.
    for (const { phrase, acronym } of acronymDefinitions(sentence, { fullWidth: true, spaceRequired: false })) {
      if (acronym.replace(/[^A-Z]/g, '').length < 2) continue;
      const longName = longNameOf(phrase, acronym);
      if (longName) out.push({ acronym, longName, sentence });
    }
  }
  return out;
}

const latinOrDigit = /[A-Za-z0-9]/;
const hasHan = (text: string): boolean => /\p{Script=Han}/u.test(text);

/** The text names the acronym as a word of its own ("Next.js SSG and SSR", "priority_queue(STL)", "DLLs"). */
function namesAcronym(text: string, acronym: string): boolean {
  const bare = singular(acronym);
  for (let at = text.indexOf(bare); at >= 0; at = text.indexOf(bare, at + 1)) {
    let end = at + bare.length;
    if (text[end] === 's') end++;
    if (!latinOrDigit.test(text[at - 1] ?? '') && !latinOrDigit.test(text[end] ?? '')) return true;
  }
  return false;
}

/**
 * The note's title, as the card's context ("In “Ray Tune”, what does ASHA stand for?"), or
 * undefined when no card should be asked. Without context an acronym reads as its better-known
 * meaning (rounds 6 and 8: ALS, GCD, REF, CDD, TBB). Round 7 named "Title › Heading" and failed
 * 27/40: a heading can be the wrong place (the acronym came from a stray note under it) and
 * numbered headings were cut to "› 3 原子變數", so only the title is named, whole. A title that
 * holds a word of the expansion gives its answer away, and so does a Chinese title that names the
 * acronym (「同源政策（SOP）與跨來源資源共享（CORS）」, 「走進 STL：…標準模板庫…」: the acronym
 * beside its translation, round 7's only such rejections), so neither asks a card. A Latin title
 * that only names the acronym ("Next.js SSG and SSR") gives nothing away and is kept. Nor does a
 * title that says nothing ("Introduction") or holds markup ask a card.
 */
function acronymContext(facts: SectionFacts, acronym: string, longName: string): string | undefined {
  const title = facts.section.noteTitle.trim();
  if (!title || generic.test(title) || /[$[\]{}<>]/.test(title)) return undefined;
  if ((namesAcronym(title, acronym) && hasHan(title)) || givesAway(title, longName)) return undefined;
  return title;
}

/**
 * "In “AWS storage”, what does EBS stand for?" from "Elastic Block Store (EBS)", as a self-graded
 * card named by its note's title (acronymContext). Blind judging (round 3, 0/38) found multiple
 * choice unfair: among other expansions the answer is the only choice whose initials spell the
 * acronym, and an expansion with the same letters that the notes define is a second right
 * answer. So there is nothing fair to choose from. The draft's own question (the multiple-choice
 * form, and with it the id) stays "What does EBS stand for?".
 */
export function acronymDrafts(
  facts: SectionFacts,
  lang: Lang,
  acronyms: (f: SectionFacts) => Acronym[],
  common: ReadonlySet<string> = new Set(),
): Draft[] {
  // A plural ("DLLs", "HRIs") reads wrongly in "What does DLLs stand for?" and its expansion is
  // plural too: not asked (asking "DLL" would need a singular expansion the notes do not write).
  // Nor is an acronym the notes take as known (commonAcronyms).
  // Two letters ("FP", "CT", "JS") name too many things to ask without context (round 6's judge).
  const asked = acronyms(facts).filter(
    ({ acronym }) => !/[A-Z0-9]s$/.test(acronym) && !common.has(acronym) && acronym.length > 2,
  );
  return asked.flatMap(({ acronym, longName, sentence }) => {
    const note = acronymContext(facts, acronym, longName);
    if (!note) return [];
    // No tiers: with nothing to choose from, the draft becomes its self-graded card.
    return [
      {
        kind: 'acronym',
        question: fill(templates.acronymExpand, lang, { acronym }),
        answer: longName,
        explanation: sentence,
        facts,
        tiers: [],
        selfGraded: { question: fill(templates.acronymExpandIn, lang, { note, acronym }), answer: longName },
      },
    ];
  });
}
