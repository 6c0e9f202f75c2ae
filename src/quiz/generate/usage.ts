import { givesAway, type Draft } from './draft.js';
import type { SectionFacts } from './facts.js';
import {
  askedGoal,
  broken,
  capitalise,
  card,
  englishHowto,
  firstPerson,
  method,
  namesIdentifier,
  trimEnd,
  whereFor,
} from './howto.js';
import type { Lang } from './lang.js';
import { placeholderProse, pointsAway } from './quality.js';

/**
 * Self-graded cards on the library docs the how-to kinds leave silent (English notes only), in the
 * notes' own words:
 * - usage: an imperative with its purpose ("Add `_pagefind/` to your `.gitignore` file to avoid
 *   committing generated index files", "You can use X to Y", "To Y set X" without a comma), a
 *   condition and a goal ("When zoom is enabled globally, and you want to disable zoom for a
 *   specific image, you can simply use the `<Image>` component"), and a how-to led by the code it
 *   is for ("For `nextra-docs-theme`, you can disable image zoom by replacing …") → "How do you Y?";
 * (Identifier cards: identifier.ts.)
 * Sentences are split with indexOf and anchored, linear-time regexes.
 */

/** Verbs an instruction starts with: what you do with the thing it names. */
const actions = new Set([
  'add',
  'run',
  'use',
  'set',
  'pass',
  'wrap',
  'put',
  'call',
  'import',
  'install',
  'replace',
  'include',
  'insert',
  'enable',
  'disable',
  'configure',
  'create',
  'specify',
  'provide',
  'define',
  'register',
  'export',
  'append',
]);

/** Words after "to" that make it a place ("to your file"), a value ("to true") or a person, not a purpose. */
const notPurpose = new Set([
  'the',
  'a',
  'an',
  'your',
  'my',
  'our',
  'their',
  'its',
  'his',
  'her',
  'this',
  'that',
  'these',
  'those',
  'any',
  'every',
  'each',
  'all',
  'some',
  'it',
  'them',
  'you',
  'us',
  'true',
  'false',
  'null',
  'undefined',
  'none',
  'be',
  'one',
  'two',
  'other',
  'another',
  'both',
  'which',
  'what',
  'where',
]);

/** The word of `text` starting at `from`, lower case (indexOf, no slicing of the whole text). */
function wordAt(text: string, from: number): string {
  const end = text.indexOf(' ', from);
  return text.slice(from, end < 0 ? text.length : end).toLowerCase();
}

/** Words before "to" that make it a degree or a state ("long enough to", "equal to", "used to"), not a purpose. */
const notBeforePurpose = new Set([
  'enough',
  'equal',
  'equals',
  'due',
  'able',
  'unable',
  'used',
  'similar',
  'close',
  'related',
  'according',
  'up',
  'back',
  'next',
  'how',
  'need',
  'want',
  'order',
]);
/** Verbs whose first "to" gives the value ("Set output_layer to softmax"). */
const valueVerbs = new Set(['set', 'change', 'update', 'switch']);

/** The first clause's end: "…, and return the UI" or "…; it replaced …" asks the first goal only. */
function firstClause(text: string): string {
  const ends = [', ', '; '].map((p) => text.indexOf(p)).filter((i) => i > 0);
  return ends.length ? text.slice(0, Math.min(...ends)) : text;
}

/** "<action> <thing> to <goal>": the method and the goal, split at the first " to " that starts a purpose. */
function imperativePurpose(text: string): { method: string; goal: string } | undefined {
  const verb = wordAt(text, 0);
  if (!actions.has(verb)) return undefined;
  // "Use the scores as a feature, to trigger MFA, or to alert …": one method, a list of purposes.
  const comma = text.indexOf(',');
  let first = true;
  for (let at = text.indexOf(' to '); at > 0; at = text.indexOf(' to ', at + 1)) {
    if (comma >= 0 && comma < at) return undefined;
    const skipValue = first && valueVerbs.has(verb);
    first = false;
    if (skipValue) continue;
    const next = wordAt(text, at + 4);
    const previous = text.slice(text.lastIndexOf(' ', at - 1) + 1, at).toLowerCase();
    if (!/^[a-z]{3,}$/.test(next) || notPurpose.has(next) || notBeforePurpose.has(previous)) continue;
    return { method: text.slice(0, at), goal: firstClause(text.slice(at + 4)) };
  }
  return undefined;
}

/** "To <goal> set <thing>" with no comma after the goal: split at the first action word. */
function toWithoutComma(text: string): { method: string; goal: string } | undefined {
  if (!text.startsWith('To ') || text.includes(', ')) return undefined;
  const rest = text.slice(3);
  let best = -1;
  for (const verb of actions) {
    const at = rest.indexOf(` ${verb} `);
    if (at > 0 && (best < 0 || at < best)) best = at;
  }
  if (best < 0) return undefined;
  const goal = rest.slice(0, best);
  // "To let other accounts use a model package group": the verb belongs to the goal.
  if (/^(?:let|help|allow|make|have|get)\b/.test(goal)) return undefined;
  return { goal, method: rest.slice(best + 1) };
}

/** "Use it for …", "Use any library": the method names nothing by itself. */
const vagueObject = /^\S+ (?:it|them|this|these|those|that|one)\b|\b(?:any|some|whatever|other)\b/i;

/** "do so by using X" → "By using X"; "simply use X" → "Use X". */
function answerOf(how: string): string | undefined {
  // "…; the training function stays the same": the method is the first clause.
  const semicolon = how.indexOf('; ');
  if (semicolon > 0) how = how.slice(0, semicolon);
  if (vagueObject.test(how) || how.includes(', ')) return undefined;
  const so = /^(?:do (?:so|this|that) )by /i.exec(how);
  if (so) {
    const m = method(how.slice(so[0].length));
    return m ? `By ${m}` : undefined;
  }
  const m = method(how);
  return m ? capitalise(m) : undefined;
}

interface Usage {
  goal: string;
  answer: string;
  /** What the question says before "how do you" ("when zoom is enabled globally", "for nextra-docs-theme"). */
  lead?: string;
  /** The lead already asks ("how is it preferable to"): the goal follows it. */
  asked?: boolean;
}

/** "When <condition>, (and|but) you want to <goal>, you can <method>". */
function conditional(s: string): Usage | undefined {
  if (!s.startsWith('When ')) return undefined;
  const can = s.indexOf(', you can ');
  if (can < 0) return undefined;
  const before = s.slice(5, can);
  const want = before.indexOf(' you want to ');
  if (want < 0) return undefined;
  const condition = before
    .slice(0, want)
    .replace(/,?\s(?:and|but)$/, '')
    .replace(/,$/, '')
    .trim();
  const goal = before.slice(want + ' you want to '.length);
  if (!condition || condition.includes(',') || goal.includes(',')) return undefined;
  const answer = answerOf(s.slice(can + ', you can '.length).replace(/^(?:also|simply|just) /, ''));
  return answer ? { goal, answer, lead: `when ${condition}` } : undefined;
}

/** "For <code term>, you can <goal> by <method>": a how-to for the named thing. */
function forCode(s: string, facts: SectionFacts): Usage | undefined {
  if (!s.startsWith('For ')) return undefined;
  const can = s.indexOf(', you can ');
  if (can < 0) return undefined;
  const lead = s.slice(4, can);
  if (lead.includes(',') || lead.split(' ').length > 8) return undefined;
  // The lead names the code it is for ("For `nextra-docs-theme`"), not a reason ("For example").
  if (!facts.terms.some((t) => t.mark === 'code' && lead.includes(t.term))) return undefined;
  const split = englishHowto(`You can ${s.slice(can + ', you can '.length)}`);
  return split ? { ...split, lead: `for ${lead}` } : undefined;
}

/** "(In <setting>, )it is preferable to <goal> via <method>": the way the notes recommend. */
function recommended(s: string): Usage | undefined {
  const m = /^(?:In ([^,]{1,40}), )?it is (preferable|recommended|best|better) to /.exec(s);
  if (!m) return undefined;
  const rest = s.slice(m[0].length);
  let best: [number, string] | undefined;
  for (const word of [' via ', ' using ', ' with ', ' by ']) {
    const at = rest.indexOf(word);
    if (at > 0 && (!best || at < best[0])) best = [at, word];
  }
  if (!best) return undefined;
  const how = rest.slice(best[0] + best[1].length);
  if (best[1] === ' by ' && !/^\p{Ll}+ing\b/u.test(how)) return undefined;
  const m2 = method(how);
  if (!m2 || m2.split(' ').length < 2) return undefined;
  const lead = `${m[1] ? `in ${m[1]}, ` : ''}how is it ${m[2]} to`;
  return { goal: rest.slice(0, best[0]), answer: `${capitalise(best[1].trim())} ${m2}`, lead, asked: true };
}

/** What a "with the …" method must end with to name a thing to use, not company ("with the team"). */
const withThing =
  /^the (?:\S+ ){1,3}(?:option|attribute|prop|component|key|hook|setting|configuration|flag|parameter|field|function|method)$/;

/** "You can <goal> with the <X> option": the option is the method. */
function withOption(s: string): Usage | undefined {
  const you = /^You can (?:also |simply |just |easily )?/.exec(s);
  if (!you) return undefined;
  const rest = s.slice(you[0].length);
  const at = rest.lastIndexOf(' with the ');
  if (at < 1) return undefined;
  const how = rest.slice(at + ' with '.length);
  return withThing.test(how) ? { goal: rest.slice(0, at), answer: `With ${how}` } : undefined;
}

/** Verbs a "To <goal>, <verb> …" instruction starts with that the howto kind does not read. */
const moreVerbs = new Set([
  'move',
  'update',
  'enable',
  'disable',
  'specify',
  'include',
  'insert',
  'rename',
  'configure',
  'register',
  'export',
  'append',
  'remove',
  'delete',
  'change',
  'define',
  'wrap',
]);

/** "To use the src directory, move the content directory … to src/content". */
function toThenVerb(s: string): Usage | undefined {
  if (!s.startsWith('To ')) return undefined;
  const comma = s.indexOf(', ');
  if (comma < 0) return undefined;
  const how = s.slice(comma + 2);
  if (!moreVerbs.has(wordAt(how, 0))) return undefined;
  const answer = answerOf(how);
  return answer ? { goal: s.slice(3, comma), answer } : undefined;
}

function usageOf(sentence: string, facts: SectionFacts): Usage | undefined {
  const s = trimEnd(sentence);
  const found = conditional(s) ?? forCode(s, facts) ?? recommended(s) ?? withOption(s) ?? toThenVerb(s);
  if (found) return found;
  const you = /^You can (?:also |simply |just |easily )?/.exec(s);
  const split = imperativePurpose(you ? s.slice(you[0].length) : s) ?? toWithoutComma(s);
  if (!split) return undefined;
  const answer = answerOf(split.method);
  return answer ? { goal: split.goal, answer } : undefined;
}

/**
 * Where the card's sentence comes from, without a heading that names the answer's words ("GFM
 * syntax" for "Via GFM syntax"): then the note's title alone.
 */
export function placeFor(facts: SectionFacts, answer: string, asked = answer): string | undefined {
  const where = whereFor(facts, answer);
  const core = asked.replace(/^(?:Use|Via|By|With|Using|Add|Set|Pass|Run|Enable)\s+/, '');
  if (!where || !givesAway(where, core)) return where;
  const title = facts.section.noteTitle.trim();
  return givesAway(title, core) || /[$[\]{}<>]/.test(title) ? undefined : title;
}

/** Sentences that cannot stand alone: markup left over, pointers elsewhere, the author's story. */
export const unfit = (sentence: string): boolean =>
  broken(sentence) ||
  pointsAway(sentence.replace(/<\/?[A-Za-z][\w.]*\s*\/?>/g, 'X')) ||
  firstPerson(sentence) ||
  doubled(sentence);

/** "whatever the the data": a slip the card would repeat word for word. */
function doubled(sentence: string): boolean {
  const words = sentence.toLowerCase().split(' ');
  return words.some((w, i) => i > 0 && /^[a-z]+$/.test(w) && w === words[i - 1]);
}

export function usageDrafts(facts: SectionFacts, lang: Lang): Draft[] {
  if (lang !== 'en' || placeholderProse(facts.section.text)) return [];
  const drafts: Draft[] = [];
  for (const sentence of facts.sentences) {
    // An English kind: a sentence with Chinese in it is read by the Chinese kinds.
    if (unfit(sentence) || /\p{Script=Han}/u.test(sentence)) continue;
    const usage = usageOf(sentence, facts);
    if (!usage) continue;
    const goal = askedGoal(usage.goal, facts);
    // "apply the styles": a bare "the <noun>" points back at what the section talked about.
    if (goal && !usage.lead && /^\S+ the \S+$/.test(goal)) continue;
    if (!goal || (usage.lead && !usage.asked && /\b(?:it|this|that|these|those|they|them)\b/i.test(usage.lead)))
      continue;
    const where = placeFor(facts, usage.answer);
    if (!where) continue;
    const ask = usage.asked ? `${usage.lead} ${goal}` : `${usage.lead ? `${usage.lead}, ` : ''}how do you ${goal}`;
    const question = `In “${where}”, ${ask}?`;
    if (namesIdentifier(question, usage.answer, facts)) continue;
    drafts.push(card('usage', question, usage.answer, sentence, facts));
  }
  return drafts;
}
