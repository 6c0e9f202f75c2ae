import type { Draft } from './draft.js';
import type { SectionFacts } from './facts.js';
import { generic } from './heading.js';
import { whereFor } from './howto.js';
import { fill, templates, type Lang } from './lang.js';
import { wordsOf } from './quality.js';
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

/** Words of the expansion a text names ("Block Storage" for "Elastic Block Store"): a giveaway. */
function namesExpansion(text: string, longName: string): boolean {
  const named = wordsOf(text).filter((w) => w.length >= 3 && !connector.has(w));
  // "Service" and "Services" are one word; "Store" and "Storage" are not.
  const same = (a: string, b: string): boolean => a === b || (b.startsWith(a) && b.length - a.length <= 2);
  return wordsOf(longName).some((w) => !connector.has(w) && named.some((n) => same(w, n) || same(n, w)));
}

/** The section's own heading, where it names a topic ("Amazon EKS", not "Overview" or "Why?"). */
function headingAlone(facts: SectionFacts): string | undefined {
  const heading = facts.section.heading.replace(/^(?:\d+[.)]\s*)+/, '').trim();
  if (facts.section.level < 2 || !heading || generic.test(heading)) return undefined;
  return /[?？]$/.test(heading) || /[$[\]{}<>]/.test(heading) ? undefined : heading;
}

/** Where the card comes from, in none of the expansion's words: "Title › Heading", the title, or the heading. */
function sourceOf(facts: SectionFacts, longName: string): string | undefined {
  const where = whereFor(facts, longName, namesExpansion);
  if (where && !namesExpansion(where, longName)) return where;
  const heading = headingAlone(facts);
  return heading && !namesExpansion(heading, longName) ? heading : undefined;
}

/**
 * "In “AWS › Storage”, what does EBS stand for?" from "Elastic Block Store (EBS)", as a self-graded
 * card. Blind judging (round 3, 0/38) found multiple choice unfair: among other expansions the
 * answer is the only choice whose initials spell the acronym, and an expansion with the same
 * letters that the notes define is a second right answer. So there is nothing fair to choose from.
 * Round 6 rejected 5 of 35 cards as ambiguous ("What does CT stand for?" could mean several
 * things), so the card names where it comes from, as the other cards do; a heading (or title) with
 * a word of the expansion is left out (the heading alone is named where the title has one), and a
 * card with no such place asks without one.
 */
export function acronymDrafts(facts: SectionFacts, lang: Lang, acronyms: (f: SectionFacts) => Acronym[]): Draft[] {
  return acronyms(facts).map(({ acronym, longName, sentence }) => {
    const question = fill(templates.acronymExpand, lang, { acronym });
    const where = sourceOf(facts, longName);
    const card = where ? fill(templates.acronymExpandIn, lang, { where, acronym }) : question;
    // No tiers: with nothing to choose from, the draft becomes its self-graded card.
    return {
      kind: 'acronym',
      question,
      answer: longName,
      explanation: sentence,
      facts,
      tiers: [],
      selfGraded: { question: card, answer: longName },
    };
  });
}
