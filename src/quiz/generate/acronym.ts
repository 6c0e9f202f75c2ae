import type { Draft } from './draft.js';
import type { SectionFacts } from './facts.js';
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

/**
 * "What does EBS stand for?" from "Elastic Block Store (EBS)", as a self-graded card. Blind judging
 * (round 3, 0/38) found multiple choice unfair: among other expansions the answer is the only choice
 * whose initials spell the acronym, and an expansion with the same letters that the notes define
 * is a second right answer. So there is nothing fair to choose from.
 */
export function acronymDrafts(facts: SectionFacts, lang: Lang, acronyms: (f: SectionFacts) => Acronym[]): Draft[] {
  return acronyms(facts).map(({ acronym, longName, sentence }) => {
    const question = fill(templates.acronymExpand, lang, { acronym });
    // No tiers: with nothing to choose from, the draft becomes its self-graded card.
    return {
      kind: 'acronym',
      question,
      answer: longName,
      explanation: sentence,
      facts,
      tiers: [],
      selfGraded: { question, answer: longName },
    };
  });
}
