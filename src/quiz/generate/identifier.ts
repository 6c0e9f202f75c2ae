import { givesAway, normal, type Draft } from './draft.js';
import type { SectionFacts } from './facts.js';
import { card, trimEnd } from './howto.js';
import type { Lang } from './lang.js';
import { placeholderProse } from './quality.js';
import { placeFor, unfit } from './usage.js';

/**
 * Identifier cards (English notes only, self-graded): a sentence or list item about an identifier
 * written as inline code, asked for that identifier.
 * - "`isOnline` and `isVisible` are functions that return …" → "Which functions return …?";
 * - "`getline()` reads multiple characters …" → "Which function reads multiple characters …?";
 * - "`argv[0]` is the name of the executable file" (under "Main function arguments") → "Which
 *   argument holds the name of the executable file?": the identifier holds the thing, it is not it;
 * - "`loadingTimeout = 3000`: timeout to trigger …" under "Options" → "Which option holds the
 *   timeout to trigger …?";
 * - "The function `time(0)`, defined in …, returns …" → "Which function returns …?";
 * - "By default, `key` will be passed to `fetcher` as the argument" → "… what will be passed …?".
 * The question names what the identifier is (its role: from the notes' own words beside it, its
 * shape, or the heading over a list of them) and never leaves a bare "the function" without a
 * referent. Sentences are split with indexOf and anchored, linear-time regexes.
 */

/** What an identifier can be, as the notes name it ("the `suspend` option", "function `time(0)`"). */
const roles = [
  'option',
  'parameter',
  'argument',
  'hyperparameter',
  'prop',
  'field',
  'setting',
  'flag',
  'hook',
  'component',
  'function',
  'method',
  'class',
  'variable',
  'property',
  'attribute',
  'operator',
];

/** A heading over a list of identifiers ("Options", "Return Values"): what each item is. */
const headingRoles: readonly [RegExp, string][] = [
  [/\bhyperparameters\b/i, 'hyperparameter'],
  [/\boptions\b/i, 'option'],
  [/\bparameters\b/i, 'parameter'],
  [/\barguments\b/i, 'argument'],
  [/\bprops\b/i, 'prop'],
  [/\bfields\b/i, 'field'],
  [/\bsettings\b/i, 'setting'],
  [/\breturn values\b/i, 'return value'],
];

/** Written as code, not a word in code font ("Declare", "scheduler"): camelCase, snake_case, a call, a path, a key. */
const codeLike = (term: string): boolean => /[_.()[\]:/<]|\p{Ll}\p{Lu}/u.test(term);

/** The identifier's role from its shape alone, or undefined. */
function shapeRole(term: string): string | undefined {
  if (/^--?[a-z]/.test(term)) return 'flag';
  if (/^<[A-Z]/.test(term)) return 'component';
  if (/^use[A-Z]\w*(?:\(|$)/.test(term)) return 'hook';
  const open = term.indexOf('(');
  if (open > 0 && term.endsWith(')')) {
    const name = term.slice(0, open);
    const last = name.slice(name.lastIndexOf('.') + 1);
    // "ScalingConfig(num_workers=0)": a configuration value; "Result(…)": a class; "get()": a function.
    if (/^[A-Z]/.test(last)) return term.slice(open).includes('=') ? 'setting' : 'class';
    return /^[a-z_]\w*$/i.test(last) ? 'function' : undefined;
  }
  if (/^[\w-]+\s?[:=]\s?\S/.test(term)) return 'setting';
  if (/^[a-z_]\w*(?:\.[a-z_]\w*)*\.[A-Z]\w*$/.test(term)) return 'class';
  return undefined;
}

/**
 * The identifier's role: the notes' own word beside it ("the `max_restarts` option"), its shape
 * (a call is a function, `--x` a flag, `useX` a hook), or the heading over it ("Main function
 * arguments", "Options"). Undefined when nothing says.
 */
function roleOf(term: string, facts: SectionFacts): string | undefined {
  const name = term.replace(/\s?[:=].*$/, '');
  const text = ` ${facts.section.text.toLowerCase()} `;
  const lower = name.toLowerCase();
  const besides = roles.filter((r) => text.includes(` ${lower} ${r} `) || text.includes(` ${r} ${lower} `));
  if (besides.length === 1) return besides[0];
  return shapeRole(term) ?? headingRole(facts);
}

/** What the items of a list under "Options", "Return Values", … are. */
function headingRole(facts: SectionFacts): string | undefined {
  const heading = facts.section.headingPath.slice(1).join(' ');
  return headingRoles.find(([re]) => re.test(heading))?.[1];
}

/** The inline-code terms a sentence opens with ("isOnline and isVisible"), and the text after them. */
function codeSubject(s: string, codes: readonly string[]): { subject: string[]; rest: string } | undefined {
  const subject: string[] = [];
  const termAt = (at: number): string | undefined =>
    codes.filter((c) => s.startsWith(c, at)).sort((a, b) => b.length - a.length)[0];
  let at = 0;
  for (let term = termAt(0); term; ) {
    subject.push(term);
    at += term.length;
    // ", defined in …": a comma not followed by another identifier ends the subject.
    const joint = [' and ', ', and ', ', '].find((j) => s.startsWith(j, at));
    term = joint && termAt(at + joint.length);
    if (term) at += joint!.length;
  }
  return subject.length ? { subject, rest: s.slice(at) } : undefined;
}

/** The first clause: "…, and return the UI" or "…; it replaced …" asks the first fact only. */
function firstClause(text: string): string {
  const ends = [', ', '; ', ': ', '. '].map((p) => text.indexOf(p)).filter((i) => i > 0);
  const clause = ends.length ? text.slice(0, Math.min(...ends)) : text;
  // 'compare the last reported value ("last"': cut inside an aside, so nothing to ask.
  return clause.lastIndexOf('(') > clause.lastIndexOf(')') ? '' : clause;
}

/** "By default, " and the like: a lead that may open the question too. */
const leadIn = /^(?:By default|Normally|Usually|In this case|Internally), /;

interface Asked {
  ask: string;
  answer: string;
  /** The question states what the identifier does: a word of its name in it gives it away. */
  strict?: boolean;
}

const listAnswer = (subject: string[]): string =>
  subject.length === 1 ? subject[0]! : `${subject.slice(0, -1).join(', ')} and ${subject.at(-1)}`;

/** "`X` is a function that …", "`X` and `Y` are functions that …": which function(s) …? */
function namedNoun(lead: string, subject: string[], rest: string): Asked | undefined {
  const noun = /^(?:is (?:a|an|the)|are) ([a-z]+(?: [a-z]+)?) (?:that|which) /.exec(rest);
  if (!noun || (subject.length === 1) !== rest.startsWith('is ')) return undefined;
  // "…return a boolean, to determine …": the purpose reads on without the comma.
  return {
    ask: `${lead}which ${noun[1]} ${rest.slice(noun[0].length).replace(', to ', ' to ')}`,
    answer: listAnswer(subject),
  };
}

/** "`key` will be passed to `fetcher` as the argument": what will be passed …? */
function passive(lead: string, subject: string[], rest: string): Asked | undefined {
  const m = /^(?:will be|is|are|gets|get) ([a-z]+ed) /.exec(rest);
  // "X is used to …" is a purpose card already ("What is X used for?"); a rename has no fact to ask.
  if (!m || m[1] === 'used' || m[1] === 'renamed' || subject.length !== 1) return undefined;
  if (rest.slice(m[0].length).split(' ').length < 3) return undefined;
  const verb = rest.startsWith('are ') ? 'is' : rest.slice(0, rest.indexOf(` ${m[1]}`));
  return {
    ask: `${lead}what ${verb === 'get' ? 'gets' : verb} ${rest.slice(rest.indexOf(m[1]!))}`,
    answer: subject[0]!,
  };
}

/** A verb in the third person ("reads", "controls", "becomes"), not a plural noun after "is". */
const actsVerb = (word: string): boolean => /^[a-z]{2,}[^s\W]s$/.test(word) || word === 'has';

/**
 * "`getline()` reads multiple characters into a character array" → "which function reads …?";
 * "`argv[0]` is the name of the executable file" → "which argument holds the name …?" (only with
 * a role: "what is the name of the executable file" would ask for the name, not argv[0]).
 */
function statement(lead: string, subject: string[], rest: string, facts: SectionFacts): Asked | undefined {
  if (subject.length !== 1) return undefined;
  const term = subject[0]!;
  const clause = firstClause(rest);
  const verb = clause.slice(0, clause.indexOf(' ') >>> 0);
  const role = roleOf(term, facts);
  if (clause.startsWith('is the ') || clause.startsWith('are the ')) {
    const thing = clause.slice(clause.indexOf(' ') + 1);
    // "is the only required section": a role noun again, asked by namedNoun or not at all.
    if (!role || thing.split(' ').length < 4 || /^the (?:only|first|last|same|default)\b/.test(thing)) return undefined;
    return { ask: `${lead}which ${role} holds ${thing}`, answer: term, strict: true };
  }
  // "what returns a list of lists" says too little to point at one identifier; a role narrows it.
  if (!actsVerb(verb) || clause.split(' ').length < (role ? 5 : 6)) return undefined;
  if (!role && !codeLike(term)) return undefined;
  return { ask: `${lead}${role ? `which ${role}` : 'what'} ${clause}`, answer: term, strict: true };
}

/** "The function `time(0)`, defined in <ctime>, returns …": the role is named before the identifier. */
function roleFirst(s: string, codes: readonly string[]): Asked | undefined {
  return roleBefore(s, codes) ?? roleAfter(s, codes);
}

/** "The `compute` argument controls how many actors run a callable class" → "which argument controls …?". */
function roleAfter(s: string, codes: readonly string[]): Asked | undefined {
  if (!s.startsWith('The ')) return undefined;
  const found = codeSubject(s.slice(4), codes);
  const m = found?.subject.length === 1 ? /^ ([a-z]+) /.exec(found.rest) : null;
  if (!found || !m || !roles.includes(m[1]!)) return undefined;
  const clause = firstClause(found.rest.slice(m[0].length));
  if (!actsVerb(clause.slice(0, clause.indexOf(' ') >>> 0)) || clause.split(' ').length < 5) return undefined;
  return { ask: `which ${m[1]} ${clause}`, answer: found.subject[0]!, strict: true };
}

function roleBefore(s: string, codes: readonly string[]): Asked | undefined {
  const m = /^The ([a-z]+) /.exec(s);
  if (!m || !roles.includes(m[1]!)) return undefined;
  // The role named first marks a call as code even without code font ("The function time(0)").
  const call = /^[A-Za-z_][\w.]*\([^()\s]*\)(?=[ ,])/.exec(s.slice(m[0].length))?.[0];
  const found = codeSubject(s.slice(m[0].length), call ? [...codes, call] : codes);
  if (found?.subject.length !== 1) return undefined;
  let rest = found.rest;
  // ", defined in <ctime>, ": an aside about the identifier, left out of the question.
  if (rest.startsWith(', ')) {
    const close = rest.indexOf(', ', 2);
    if (close < 0) return undefined;
    rest = rest.slice(close + 2);
  } else if (rest.startsWith(' ')) rest = rest.slice(1);
  else return undefined;
  const clause = firstClauseAfterVerb(rest);
  if (!actsVerb(clause.slice(0, clause.indexOf(' ') >>> 0)) || clause.split(' ').length < 5) return undefined;
  return { ask: `which ${m[1]} ${clause}`, answer: found.subject[0]!, strict: true };
}

/** "returns the number of seconds that have past since 0:0:0, Jan, 1st, 1970": a date's commas stay. */
function firstClauseAfterVerb(text: string): string {
  return /\d, \w/.test(text) ? text.split('; ')[0]! : firstClause(text);
}

/**
 * "We use `srand` to determine the seed" (under the heading "srand()") → "which function do you
 * use to determine the seed?": the identifier is code font or the section's heading.
 */
function usedTo(s: string, codes: readonly string[], facts: SectionFacts): Asked | undefined {
  const m = /^(?:We|You) (?:can )?use /.exec(s);
  if (!m) return undefined;
  const rest = s.slice(m[0].length);
  const heading = facts.section.heading.trim();
  const name = heading.replace(/\(\)$/, '');
  const named = heading !== name && /^[A-Za-z_]\w*$/.test(name) && rest.startsWith(`${name} `) ? heading : undefined;
  const found = codeSubject(rest, named ? [...codes, name] : codes);
  if (found?.subject.length !== 1 || !found.rest.startsWith(' to ')) return undefined;
  const term = found.subject[0] === name && named ? named : found.subject[0]!;
  const role = roleOf(term, facts);
  const goal = found.rest.slice(4);
  if (!role || goal.split(' ').length < 3 || goal.includes(', ')) return undefined;
  return { ask: `which ${role} do you use to ${goal}`, answer: term, strict: true };
}

/** Words a description of an option starts with when it says what to do, not what the option holds. */
const doing =
  /^(?:enable|disable|automatically|only|retry|dedupe|use|set|return|make|keep|skip|stop|start|show|hide|add|remove|run|allow|force|ignore|override|if|when|whether|how|what|where|which|polling|\S+ly|\S+ing)\b/i;

/** Function-like things are something; other identifiers hold something. */
const functionHead = /^(?:a |an |the )?(?:\S+ )?(?:function|callback|handler|hook)\b/;

/**
 * "`loadingTimeout = 3000`: timeout to trigger the onLoadingSlow event in milliseconds" in a list
 * under "Options" → "which option holds the timeout to trigger …?". Only a description that names
 * a thing (not "enable React Suspense mode"), with the role known.
 */
function listItem(s: string, codes: readonly string[], facts: SectionFacts): Asked | undefined {
  const found = codeSubject(s, codes);
  if (found?.subject.length !== 1) return undefined;
  let rest = found.rest.replace(/^ \((?:required|optional)\)/, '');
  if (!rest.startsWith(': ')) return undefined;
  rest = rest
    .slice(2)
    .replace(/^\(_?optional_?\) /, '')
    // "(note: This is per-hook)", "(see loadingTimeout)": asides, not the thing.
    .replace(/\s\([^()]*\)/g, '');
  const description = rest.split('. ')[0]!.replace(/\.$/, '');
  if (!/^[a-z]/.test(description) || description.includes(', ') || description.split(' ').length < 3) return undefined;
  const term = found.subject[0]!;
  // An item under "Options" is an option, whatever its shape ("onSuccess(data, key, config)").
  const role = headingRole(facts) ?? roleOf(term, facts);
  if (!role) return undefined;
  // "onSuccess(data, key, config)", "loadingTimeout = 3000": asked by name.
  const answer = term.replace(/\s?=.*$/, '').replace(/\(.+\)$/, '');
  // "map(fn): returns one output row per input row": which function returns …?
  if (role === 'function' && actsVerb(description.slice(0, description.indexOf(' '))))
    return { ask: `which function ${description}`, answer, strict: true };
  if (doing.test(description)) return undefined;
  const thing = /^(?:a|an|the) /.test(description) ? description : `the ${description}`;
  return { ask: `which ${role} ${functionHead.test(description) ? 'is' : 'holds'} ${thing}`, answer, strict: true };
}

/** A code subject and what the sentence says of it, as a question, or undefined. */
function identifierQuestion(s: string, codes: readonly string[], facts: SectionFacts): Asked | undefined {
  const item = listItem(s, codes, facts) ?? roleFirst(s, codes) ?? usedTo(s, codes, facts);
  if (item) return item;
  const lead = leadIn.exec(s)?.[0] ?? '';
  const found = codeSubject(s.slice(lead.length), codes);
  if (!found?.rest.startsWith(' ')) return undefined;
  const { subject } = found;
  const rest = found.rest.slice(1);
  return namedNoun(lead, subject, rest) ?? passive(lead, subject, rest) ?? statement(lead, subject, rest, facts);
}

/** Nouns a bare "the …" leaves without a referent ("what type the function receives"). */
const referents = new Set([
  'function',
  'method',
  'hook',
  'component',
  'callback',
  'handler',
  'class',
  'object',
  'udf',
  'instance',
  'module',
  'variable',
  'option',
  'parameter',
  'argument',
  'call',
]);
/** Words after "the <noun>" that say which one ("the function passed to map_batches"). */
const restrictive = new Set([
  'that',
  'which',
  'who',
  'when',
  'of',
  'for',
  'from',
  'passed',
  'given',
  'named',
  'called',
  'returned',
  'defined',
]);

/**
 * "the function" with nothing saying which: not named by code after it, no clause saying which,
 * not the role it plays ("as the argument"), and not named by the card's place ("… › The loader
 * function"). The card is skipped rather than left to guess.
 */
export function dangling(ask: string, place: string): boolean {
  const words = ask.toLowerCase().split(' ');
  for (let i = 0; i + 1 < words.length; i++) {
    if (words[i] !== 'the') continue;
    const noun = words[i + 1]!.replace(/[,;:?.]$/, '');
    if (!referents.has(noun) || words[i - 1] === 'as') continue;
    const next = words[i + 2]?.replace(/[,;:?.]$/, '');
    if (next && (referents.has(next) || restrictive.has(next) || codeLike(next))) continue;
    if (` ${place.toLowerCase()} `.includes(` ${noun}`)) continue;
    return true;
  }
  return false;
}

/**
 * The card's place: the note's title and heading (placeFor); where the heading names the answer
 * ("srand()"), the heading above it ("Randomization"), so "the seed" still has its context.
 */
function placeOf(facts: SectionFacts, answer: string): string | undefined {
  const where = placeFor(facts, answer);
  const title = facts.section.noteTitle.trim();
  const path = facts.section.headingPath;
  if (where !== title || path.length < 3) return where;
  const parent = path.at(-2)!.trim();
  return givesAway(parent, answer) || /[$[\]{}<>?？]/.test(parent) || normal(parent) === normal(title)
    ? where
    : `${title} › ${parent}`;
}

export function identifierDrafts(facts: SectionFacts, lang: Lang): Draft[] {
  if (lang !== 'en' || placeholderProse(facts.section.text)) return [];
  const drafts: Draft[] = [];
  const codes = [...new Set(facts.terms.filter((t) => t.mark === 'code').map((t) => t.term))].filter(
    (c) => c.length >= 2 && /^[A-Za-z_$<@.-]/.test(c),
  );
  for (const sentence of facts.sentences) {
    // "(details)" after a list item is a link's text, not part of the fact.
    const plain = sentence.replace(/ \((?:details|example|advanced usage)\)/g, '');
    if (unfit(plain) || /\p{Script=Han}/u.test(plain)) continue;
    const found = identifierQuestion(trimEnd(plain), codes, facts);
    // "returns the address.(": a sentence cut by markup the question would repeat.
    if (!found || !/[\w)"”]$/.test(found.ask)) continue;
    // A question stating what the identifier does gives it away by a word of its name ("rows per batch" for batch_size).
    if (found.strict && givesAway(found.ask, found.answer)) continue;
    const ask = found.ask.replace(leadIn, (m) => m.toLowerCase());
    if (/\b(?:it|this|these|those|they|them)\b/i.test(ask) || ask.split(' ').length < 5) continue;
    const where = placeOf(facts, found.answer);
    if (!where || dangling(ask, where)) continue;
    const question = `In “${where}”, ${ask}?`;
    // Another subject of the same sentence form in the section would answer as well.
    if (normal(question).includes(normal(found.answer))) continue;
    drafts.push(card('identifier', question, found.answer, sentence, facts));
  }
  return drafts;
}
