import type { Draft } from './draft.js';
import type { SectionFacts } from './facts.js';
import { broken, card, firstPerson, trimEnd } from './howto.js';
import type { Lang } from './lang.js';
import { placeholderProse, pointsAway } from './quality.js';
import { placeFor } from './usage.js';

/**
 * Self-graded cards on dated facts a note states plainly (English notes only):
 * - a year: "In 2024 Nextra 3 was released, …", "Nextra was initially created by … in 2020" →
 *   "In which year was Nextra 3 released?" → 2024 (a sentence with one year, a named subject and a
 *   passive verb; the first clause only);
 * - a version: "Since SWR 1.1.0, object-like keys will be serialized …" → "Since which version of
 *   SWR will object-like keys be serialized …?" → SWR 1.1.0.
 * Sentences are split with indexOf and anchored, linear-time regexes.
 */

const yearPattern = /\b(?:1[89]|20)\d\d\b/g;

/** Past participles without "-ed". */
const irregular = new Set([
  'built',
  'written',
  'made',
  'born',
  'begun',
  'given',
  'shown',
  'taken',
  'sold',
  'held',
  'run',
]);
const participle = (word: string): boolean => /^[a-z]+ed$/.test(word) || irregular.has(word);
/** Adverbs before the participle ("was initially created", "was first released"). */
const adverb = (word: string): boolean =>
  word.endsWith('ly') || ['first', 'later', 'also', 'finally', 'then', 'soon'].includes(word);

/** A subject to ask about: a capitalised name of up to six words, not a pronoun. */
function named(subject: string): boolean {
  const words = subject.split(' ');
  if (!subject || words.length > 6 || /[,;:()]/.test(subject)) return false;
  if (/^(?:It|This|That|These|Those|They|There|Here|He|She|We|You|Which|Some|Many|Most|All|Each|Every)\b/.test(subject))
    return false;
  return /^\p{Lu}/u.test(subject);
}

/** "<Subject> was|were [adverb] <participle> …": the subject, the verb and the rest, or undefined. */
function passive(clause: string): { subject: string; be: string; predicate: string } | undefined {
  for (const be of [' was ', ' were ']) {
    const at = clause.indexOf(be);
    if (at < 1) continue;
    const subject = clause.slice(0, at).trim();
    const predicate = clause.slice(at + be.length).trim();
    const [w1 = '', w2 = ''] = predicate.split(' ');
    const verb = adverb(w1) ? w2 : w1;
    if (!named(subject) || !participle(verb)) return undefined;
    return { subject, be: be.trim(), predicate };
  }
  return undefined;
}

function yearQuestion(s: string): { ask: string; answer: string; core?: string } | undefined {
  const years = s.match(yearPattern) ?? [];
  if (years.length !== 1) return undefined;
  const year = years[0]!;
  let clause: string;
  const lead = `In ${year}`;
  if (s.startsWith(lead)) {
    clause = s.slice(lead.length).replace(/^,/, '').trim();
  } else {
    const at = s.indexOf(` in ${year}`);
    if (at < 0) return undefined;
    const after = s.slice(at + ` in ${year}`.length);
    // "in 2020 and 2021", "in 2020s": the year is part of something else.
    if (after && !/^[,.;]?(?:\s|$)/.test(after)) return undefined;
    clause = `${s.slice(0, at)}${after}`;
  }
  const comma = clause.indexOf(', ');
  if (comma >= 0) clause = clause.slice(0, comma);
  const found = passive(trimEnd(clause));
  if (!found || found.predicate.split(' ').length > 16) return undefined;
  return { ask: `in which year ${found.be} ${found.subject} ${found.predicate}`, answer: year };
}

function versionQuestion(s: string): { ask: string; answer: string; core?: string } | undefined {
  if (!s.startsWith('Since ')) return undefined;
  const comma = s.indexOf(', ');
  if (comma < 0) return undefined;
  const since = /^([A-Z][\w.-]*) v?(\d+\.\d+(?:\.\d+)?)$/.exec(s.slice(6, comma));
  if (!since) return undefined;
  const clause = s.slice(comma + 2);
  for (const aux of [' will ', ' can ', ' are ', ' is ']) {
    const at = clause.indexOf(aux);
    if (at < 1) continue;
    const subject = clause.slice(0, at);
    if (subject.split(' ').length > 5 || /[,;]/.test(subject) || /^(?:it|this|they|these)\b/i.test(subject))
      return undefined;
    const rest = clause.slice(at + aux.length);
    return {
      ask: `since which version of ${since[1]} ${aux.trim()} ${subject.charAt(0).toLowerCase()}${subject.slice(1)} ${rest}`,
      answer: `${since[1]} ${since[2]}`,
      // The name is asked ("which version of SWR"): only the number must not be in the question.
      core: since[2]!,
    };
  }
  return undefined;
}

export function datedDrafts(facts: SectionFacts, lang: Lang): Draft[] {
  if (lang !== 'en' || placeholderProse(facts.section.text)) return [];
  const drafts: Draft[] = [];
  for (const sentence of facts.sentences) {
    if (broken(sentence) || pointsAway(sentence) || firstPerson(sentence)) continue;
    const s = trimEnd(sentence);
    const found = yearQuestion(s) ?? versionQuestion(s);
    if (!found || /\b(?:it|this|these|those|they|them)\b/i.test(found.ask)) continue;
    const where = placeFor(facts, found.answer, found.core);
    if (!where) continue;
    const question = `In “${where}”, ${found.ask}?`;
    if (question.includes(found.core ?? found.answer)) continue;
    drafts.push(card('dated', question, found.answer, sentence, facts));
  }
  return drafts;
}
