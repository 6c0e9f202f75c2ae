import { givesAway, normal, type Draft } from './draft.js';
import type { SectionFacts } from './facts.js';
import { broken, capitalise, card, englishSubject, firstPerson, trimEnd, whereFor } from './howto.js';
import type { Lang } from './lang.js';
import { placeholderProse, pointsAway } from './quality.js';
import { namesAnswer } from './asked.js';
import { withoutNumbering } from './heading.js';

/**
 * Self-graded cards on the purpose sentences course notes are written in, which `purpose` (a named
 * subject: "X lets you Y") and `usage` (an imperative: "Use X to Y") do not read:
 * - a pronoun subject: "typedef is the abbreviation of … . It allows us to create a new data type
 *   …", "`Async` 是一個關鍵字，它可以讓普通的同步函式變成異步函式" → "What does typedef let you do?" /
 *   "Async 的作用是什麼？", "It"/"它" resolved to the subject of the sentence before (or of the same
 *   sentence, or to a heading that names a term), else skipped;
 * - "we use": "We use srand to determine the seed", "If we want to search for a substring, we use
 *   `strstr`", "We want to X. In C, we do so by using `struct`" → "Which function do we use to
 *   determine the seed?" / "In C, how do we X?".
 * Sentences are split with indexOf and anchored regexes without nested repetition (linear-time).
 */

const templates = {
  enPurpose: 'In “{where}”, {ask}?',
  enWhich: 'In “{where}”, {lead}which {noun} do we use to {goal}?',
  enWhat: 'In “{where}”, {lead}what do we use to {goal}?',
  enHow: 'In “{where}”, {lead}how do we {goal}?',
  zhPurpose: '在「{where}」中，{subject}的作用是什麼？',
} as const;

const fill = (t: string, v: Record<string, string>): string => t.replace(/\{(\w+)\}/g, (_, k: string) => v[k] ?? '');

/** "It allows us to …", "This lets you …", "You use it to …": how the question asks, and the answer's lead. */
const enPronoun: readonly { re: RegExp; ask: (x: string) => string; lead: string }[] = [
  {
    re: /^(?:It|This) (?:also )?allows (?:us|you|users|programmers|developers|teams|customers|people) to /,
    ask: (x) => `what does ${x} allow you to do`,
    lead: '',
  },
  {
    re: /^(?:It|This) (?:also )?lets (?:us|you|users|programmers|developers|teams|customers|people) /,
    ask: (x) => `what does ${x} let you do`,
    lead: '',
  },
  {
    re: /^(?:It|This) (?:also )?enables (?:us|you|users|programmers|developers|teams|customers|people) to /,
    ask: (x) => `what does ${x} enable you to do`,
    lead: '',
  },
  { re: /^(?:It|This) (?:also )?helps (?:us|you) (?:to )?/, ask: (x) => `what does ${x} help you do`, lead: '' },
  { re: /^(?:It|This) is (?:mainly |often |commonly )?used to /, ask: (x) => `what is ${x} used for`, lead: 'To ' },
  { re: /^(?:We|You) use (?:it|this) to /, ask: (x) => `what do you use ${x} for`, lead: 'To ' },
];

/** Words that start no purpose ("to be the argument of …", "to this end"). */
const notAGoal = /^(?:be|this|that|the|a|an|it|them|do so)\b/i;

/** C and C++ keywords a course names ("we use struct", "static_cast"): a keyword, not a function. */
const keywords = new Set([
  'struct',
  'typedef',
  'class',
  'enum',
  'union',
  'const',
  'static',
  'static_cast',
  'dynamic_cast',
  'reinterpret_cast',
  'const_cast',
  'new',
  'delete',
  'template',
  'virtual',
  'namespace',
  'auto',
  'extern',
  'inline',
  'friend',
]);

/** The subject a sentence opens with ("typedef is …", "A Local Zone is …"), or undefined. */
function openingSubject(sentence: string, facts: SectionFacts): string | undefined {
  // "`ray.put(value)` stores a value …": inline code opening the sentence is its subject.
  const code = facts.terms.find((t) => t.mark === 'code' && t.term.length >= 3 && sentence.startsWith(`${t.term} `));
  if (code && /[._(]|\p{Ll}\p{Lu}/u.test(code.term)) return code.term;
  let at = -1;
  for (const w of [' is ', ' are ']) {
    const i = sentence.indexOf(w);
    if (i > 0 && (at < 0 || i < at)) at = i;
  }
  if (at < 0) return undefined;
  const subject = sentence
    .slice(0, at)
    .replace(/^(?:A|An|The) /, (m) => m.toLowerCase())
    .trim();
  return namesThing(subject, facts) ? subject : undefined;
}

/** A thing to ask about: a name or identifier, or a term the section marks or is headed by. */
function namesThing(subject: string, facts: SectionFacts): boolean {
  if (!subject || subject.split(' ').length > 6 || /[,;:]/.test(subject)) return false;
  if (englishSubject(subject)) return true;
  const bare = subject.replace(/^(?:a|an|the) /, '');
  if (!/^[A-Za-z_][\w.:+-]*(?:\(\))?$/.test(bare)) return false;
  return (
    normal(bare) === normal(headingOf(facts)) ||
    facts.terms.some((t) => t.mark === 'code' && normal(t.term).replace(/ $/, '') === normal(bare))
  );
}

const headingOf = (facts: SectionFacts): string => withoutNumbering(facts.section.heading);

/** Where the card comes from, without a heading or title that names the answer (by default: shares a word with it). */
function placeFor(
  facts: SectionFacts,
  answer: string,
  names: (where: string) => boolean = (w) => givesAway(w, answer) || normal(w).includes(normal(answer)),
): string | undefined {
  const title = facts.section.noteTitle.trim();
  const path = facts.section.headingPath;
  const candidates = [whereFor(facts, answer)];
  // The heading names the answer ("srand()"): its parent heading may still place the card.
  if (facts.section.level >= 3 && path.length >= 2) candidates.push(`${title} › ${path[path.length - 2]}`);
  candidates.push(title);
  return candidates.find((w) => w && !/[$[\]{}<>]/.test(w) && !names(w));
}

/** The noun a "which … do we use" question asks for. */
function nounOf(x: string, facts: SectionFacts): string | undefined {
  const bare = x.replace(/^(?:the|a|an) /i, '');
  if (/\boperator\b/i.test(bare)) return 'operator';
  if (keywords.has(bare)) return 'keyword';
  if (/^[A-Za-z_]\w*\(\)$/.test(bare) || (/^[A-Za-z_]\w*$/.test(bare) && facts.section.text.includes(`${bare}(`)))
    return 'function';
  return undefined;
}

/** "a variable’s address(取址)" → "a variable’s address": bracketed Chinese glosses go (one pass, no backtracking). */
function withoutGlosses(text: string): string {
  let out = '';
  let open = -1;
  let kept = 0;
  for (let k = 0; k < text.length; k++) {
    const c = text[k]!;
    if (c === '(' || c === '（') open = k;
    else if ((c === ')' || c === '）') && open >= 0) {
      if (hanIn(text.slice(open + 1, k))) {
        out += text.slice(kept, open).trimEnd();
        kept = k + 1;
      }
      open = -1;
    }
  }
  return out + text.slice(kept);
}

const hanIn = (s: string): boolean => /\p{Script=Han}/u.test(s);

function englishDrafts(facts: SectionFacts): Draft[] {
  const drafts: Draft[] = [];
  const sentences = facts.sentences;
  for (let i = 0; i < sentences.length; i++) {
    // "…a variable’s address(取址)": a Chinese gloss on an English slide is left out.
    const raw = withoutGlosses(sentences[i]!);
    if (broken(raw) || pointsAway(raw) || firstPerson(raw) || hanIn(raw)) continue;
    const s = trimEnd(raw);
    const before = i > 0 ? sentences[i - 1]! : undefined;
    const previous = before && !hanIn(before) ? trimEnd(before) : undefined;
    // 1. A pronoun subject, resolved to the subject of the sentence before, or to a heading that names a term.
    const form = enPronoun.find((p) => p.re.test(s));
    if (form) {
      const goal = firstClause(s.replace(form.re, ''));
      const subject =
        (previous && openingSubject(previous, facts)) ??
        (i === 0 && namesThing(headingOf(facts), facts) ? headingOf(facts) : undefined);
      if (!subject || !goodGoal(goal)) continue;
      const answer = `${form.lead}${form.lead ? goal : capitalise(goal)}`;
      const where = placeFor(facts, goal) ?? facts.section.noteTitle.trim();
      const question = fill(templates.enPurpose, {
        where: normal(where) === normal(subject) ? facts.section.noteTitle.trim() : where,
        ask: form.ask(subject),
      });
      if (normal(question).includes(normal(goal))) continue;
      drafts.push(card('uses', question, answer, `${before ?? ''} ${sentences[i]}`.trim(), facts));
      continue;
    }
    // 2. "We use X to Y", "(If we want to Y|To Y), we use X".
    const used = weUse(s);
    if (used) {
      const noun = nounOf(used.x, facts);
      // Without a noun for it, a thing named with an article ("a character array") is asked with "what".
      const thing = /^(?:a|an|the) [a-z][\w+-]*(?: [\w+-]+){0,3}$/i.test(used.x);
      if ((!noun && !thing) || !goodGoal(used.goal)) continue;
      const where = placeFor(facts, used.x);
      if (!where) continue;
      const lead = used.lead ? `${used.lead.replace(/^In /, 'in ')}, ` : '';
      const question = fill(noun ? templates.enWhich : templates.enWhat, {
        where,
        lead,
        noun: noun ?? '',
        goal: used.goal,
      });
      if (givesAway(question, used.x)) continue;
      drafts.push(card('uses', question, noun ? used.x : capitalise(used.x), sentences[i]!, facts));
      continue;
    }
    // 3. "We want to X. In C, we do so by using Y."
    const so = /^(?:(In [A-Z][\w+#]*), )?(?:we|you) (?:can )?do so by (?:using )?/.exec(s);
    const want = previous && /^(?:We|You) (?:want|need) to /.exec(previous);
    if (so && want) {
      const goal = firstClause(previous.slice(want[0].length));
      const x = s
        .slice(so[0].length)
        .replace(/\s*\([^()]*\)$/, '')
        .trim();
      if (!goodGoal(goal) || !x || x.split(' ').length > 4) continue;
      const answer = `By using ${x}`;
      const where = placeFor(facts, x);
      if (!where) continue;
      const question = fill(templates.enHow, { where, lead: so[1] ? `${so[1].replace(/^In /, 'in ')}, ` : '', goal });
      if (givesAway(question, x)) continue;
      drafts.push(card('uses', question, answer, `${before} ${sentences[i]}`, facts));
    }
  }
  return drafts;
}

/** The first clause: "; …", ", and it …" or ", such as …" says a second thing; a list ("X, Y and Z") stays. */
const clauseEnds = [
  '; ',
  ' — ',
  ': ',
  ', and it ',
  ', and they ',
  ', which ',
  ', such as ',
  ', so ',
  ', but ',
  ', while ',
  ', instead of ',
  ', with ',
];
function firstClause(text: string): string {
  text = withoutExamples(text);
  const ends = clauseEnds.map((p) => text.indexOf(p)).filter((i) => i > 0);
  return trimEnd(ends.length ? text.slice(0, Math.min(...ends)) : text);
}

/**
 * "run X, such as A, B or C, very close to end users": the examples go, what follows the list
 * stays (cutting at ", such as" would lose it).
 */
function withoutExamples(text: string): string {
  const at = text.indexOf(', such as ');
  if (at < 0) return text;
  const rest = text.slice(at + ', such as '.length);
  const last = Math.max(rest.indexOf(' or '), rest.indexOf(' and '));
  const end = last < 0 ? -1 : rest.indexOf(', ', last);
  return end < 0 ? text : `${text.slice(0, at)} ${rest.slice(end + 2)}`;
}

const goodGoal = (goal: string): boolean =>
  goal.split(' ').length >= 2 &&
  goal.length <= 120 &&
  /^\p{Ll}/u.test(goal) &&
  !notAGoal.test(goal) &&
  !/\b(?:this|these|those|such|above|below|following)\b/i.test(goal);

/** "We use X to Y", "If we want to Y, we use X", "To Y, we use X": X and Y, or undefined. */
function weUse(s: string): { x: string; goal: string; lead?: string } | undefined {
  const lead = /^(?:(In [A-Z][\w+#]*), )?(?:we|We) (?:can |often |usually |typically |always )?use /.exec(s);
  if (lead) {
    const rest = s.slice(lead[0].length);
    const to = rest.indexOf(' to ');
    if (to < 1) return undefined;
    return { x: rest.slice(0, to).trim(), goal: firstClause(rest.slice(to + 4)), lead: lead[1] };
  }
  const first = /^(?:If we want to |To )/.exec(s);
  if (!first) return undefined;
  const comma = s.indexOf(', we use ');
  if (comma < 0) return undefined;
  const x = s.slice(comma + ', we use '.length).trim();
  return { x, goal: s.slice(first[0].length, comma) };
}

/** "它可以讓…", "它允許…", "它讓…": what the subject does, and the Chinese subject it stands for. */
const zhPronoun = /^(?:而|並且|并且|且)?(?:它|其)(?:也)?(?:可以|能夠|能)?(允許|讓|让|使(?!用))/u;

/** "`Async` 是一個關鍵字", "**Paging（分頁）** 就是這個想法": the subject a Chinese sentence opens with. */
function zhSubject(text: string): string | undefined {
  const at = text.search(/(?:就是|是|為)/u);
  if (at < 1) return undefined;
  const subject = text
    .slice(0, at)
    .replace(/(?:在[^，,。]{1,20}中)$/u, '')
    .trim();
  if (subject.length < 2 || subject.length > 40 || /[，,。；：:]/.test(subject)) return undefined;
  if (/^(?:這|这|它|此|其|那|他|我|你|而|但|所以|因此|如果|若|當|在)/u.test(subject)) return undefined;
  // A name or term, not a clause: Latin letters, or at most eight Han characters.
  const hanCount = subject.match(/\p{Script=Han}/gu)?.length ?? 0;
  if (!/[A-Za-z]/.test(subject) && hanCount > 8) return undefined;
  if (/的|(?:了|會|要|也|都)$|^(?:Tip|Note|Info|Warning|Caution|Danger)\b/u.test(subject)) return undefined;
  return subject;
}

/** "指令允許我們…", "函式可以讓…": a direct subject's verb, after an optional word for what it is. */
const zhDirect =
  /^\s*(?:指令|命令|函式|函數|方法|關鍵字|语法|語法|屬性|選項|參數|機制|工具|套件|元件|API)?\s*(?:還|也)?(?:可以|能夠|能)?(允許|讓|让)/u;

/** The code or bold term a sentence opens with ("COPY --from=<stage>"), or undefined. */
function markedOpening(s: string, facts: SectionFacts): string | undefined {
  const term = facts.terms
    .filter((t) => t.term.length >= 2 && t.term.length <= 40 && s.startsWith(t.term))
    .sort((a, b) => b.term.length - a.term.length)[0]?.term;
  // "其他人持有的投件權限": a phrase, not a name.
  return term && !/^[\p{P}\s]/u.test(term) && !/的/u.test(term) ? term : undefined;
}

function chineseDrafts(facts: SectionFacts): Draft[] {
  const drafts: Draft[] = [];
  const sentences = facts.sentences;
  for (let i = 0; i < sentences.length; i++) {
    const raw = sentences[i]!;
    // "你" is the author talking to the reader, except in "讓你" (lets you).
    if (broken(raw) || pointsAway(raw) || firstPerson(raw) || /你/u.test(raw.replaceAll('讓你', ''))) continue;
    // "簡單來說，FileReader 是…": a discourse lead is no part of the subject.
    const s = trimEnd(raw).replace(
      /^(?:簡單來說|简单来说|簡言之|换句话说|換句話說|總之|总之|事實上|其實)[，,：:]\s*/u,
      '',
    );
    // "X 是…，它可以讓 Y" in one sentence, or "X 就是…。它允許 Y" over two.
    const comma = s.search(/[，,]\s*(?:而|並且|且)?(?:它|其)/u);
    let subject: string | undefined;
    let clause: string;
    if (comma > 0) {
      // "最底層是…；其上是 VMM，它讓…": with more than one clause before, "它" may stand for any of them.
      subject = /[，,；;]/.test(s.slice(0, comma)) ? undefined : zhSubject(s.slice(0, comma));
      clause = s.slice(comma + 1).trim();
    } else {
      const previous = i > 0 ? trimEnd(sentences[i - 1]!) : '';
      subject =
        previous && !/[，,]/.test(previous.slice(0, previous.search(/是|為/u))) ? zhSubject(previous) : undefined;
      clause = s;
    }
    let m = zhPronoun.exec(clause);
    // "`COPY --from=<stage>` 指令允許我們…": a marked term opening the sentence is its own subject.
    if (!m) {
      const named = markedOpening(s, facts);
      const direct = named && zhDirect.exec(s.slice(named.length));
      if (!named || !direct) continue;
      subject = named;
      clause = s.slice(named.length);
      m = direct;
    }
    if (!subject || !m) continue;
    // What it lets happen, up to the end of the clause; a comma not followed by a new clause cuts a list or an object in half.
    const rest = clause.slice(m[0].length).trim();
    const cut = rest.search(/[，,；;。]/u);
    const newClause = /^[，,]\s*(?:因此|所以|而|並|并|且|但|同時|例如|讓|使|如此|也|這|这|進而|从而|從而)/u.test(
      rest.slice(cut),
    );
    // One comma inside a short purpose ("從之前的建構階段中，將文件複製到當前階段") is part of it; more is a list.
    const whole = cut >= 0 && !newClause && rest.length <= 50 && !/[，,；;。]/u.test(rest.slice(cut + 1));
    if (cut >= 0 && rest[cut] !== '；' && !newClause && !whole) continue;
    const verb = m[1] === '让' ? '讓' : m[1]!;
    const body = cut < 0 || whole ? rest : rest.slice(0, cut).trim();
    const does = `${verb}${/^[A-Za-z0-9`]/.test(body) ? ' ' : ''}${body}`;
    const hanCount = does.match(/\p{Script=Han}/gu)?.length ?? 0;
    // "精確控制要暴露什麼": an answer that asks back says nothing checkable.
    if (hanCount < 6 || does.length > 80 || /(?:這|这|此|上述|以下|下列|他|她|什麼|什么|哪些|如何)/u.test(does))
      continue;
    const subjectText = subject.replace(/[*`]/g, '').trim();
    // A clause shares words with most titles ("非同步" and "同步函式"): only a key term or a four-character run names it.
    const where = placeFor(facts, does, (w) => namesAnswer(w, does, subject));
    if (!where) continue;
    const question = fill(templates.zhPurpose, {
      where,
      subject: /\p{Script=Han}$/u.test(subjectText) ? subjectText : `${subjectText} `,
    });
    if (normal(question).includes(normal(does))) continue;
    drafts.push(card('uses', question, does, raw, facts));
  }
  return drafts;
}

/** Chinese notes quote English course slides: each sentence is read by the patterns of its own script. */
export function usesDrafts(facts: SectionFacts, lang: Lang): Draft[] {
  if (placeholderProse(facts.section.text) || (lang !== 'zh' && lang !== 'en')) return [];
  return [...englishDrafts(facts), ...(lang === 'zh' ? chineseDrafts(facts) : [])];
}
