import { normal, type Draft } from './draft.js';
import type { SectionFacts } from './facts.js';
import { generic, withoutNumbering } from './heading.js';
import { fill, templates, type Lang } from './lang.js';
import { pointsAway, shapeOf, wordsOf } from './quality.js';

/**
 * Self-graded cards on what a section teaches you to do, in the notes' own words:
 * - howto: "You can <goal> by <method>", "To <goal>, <method>", "If you want to <goal>, you can
 *   <method>", "可以使用 X 來 <goal>", "使用 X 可以 <goal>" → "How do you <goal>?" / "要怎麼<goal>？";
 * - purpose: "X lets you <y>", "X is used to <y>", "X 用來 <y>" → "What does X let you do?" /
 *   "X 用來做什麼？";
 * - meaning: "X 是 <y>" (a Chinese definition, which the English "X is a …" definitions miss) →
 *   "X 是什麼？".
 * All split sentences with indexOf at fixed words (no backtracking regexes over note text).
 */

const han = (s: string): number => s.match(/\p{Script=Han}/gu)?.length ?? 0;
export const capitalise = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);
const trailing = new Set([...' \t\n\r\u00a0\u3000.:：。！!；;，,']);
/** The text without closing punctuation or spaces (a loop: `/[…]+$/` backtracks on long runs). */
export const trimEnd = (s: string): string => {
  let end = s.length;
  while (end > 0 && trailing.has(s[end - 1]!)) end--;
  return s.slice(0, end).trim();
};

/** Markup the plain text lost ("adding a {} attribute", "![]()"), math, links: the fact is not all there. */
export const broken = (s: string): boolean => /\{\s*\}|!\[\]|\s\/\/\s|\$|https?:\/\/|\]\(|\.\.\.|…/.test(s);

/** "I", "my", 我 (not 我們): the author's story, not a fact to learn. */
export const firstPerson = (s: string): boolean => /\b(?:I|I'm|I've|my|me)\b/.test(s) || /我(?!們)/u.test(s);

/** Words that make a goal or method point at text the card cannot show, or say nothing. */
const vagueMethod =
  /^(?:check|see|refer|read|visit|follow|look|do (?:this|that|so|the same)|doing (?:this|that|so)|the following|one of)\b|\b(?:the following|below|above|as follows|this example|the example)\b/i;
const vagueGoal =
  /^(?:do (?:this|that|so|the same(?: thing)?)|achieve this|get started|start|learn more|find out more|benefit)\b|\b(?:the following|below|above)\b/i;

/** A goal whose object is a pronoun ("disable it") names nothing by itself. */
const pronounObject = /^(\S+)\s+(?:it|this(?: \w+)?|that|them|these(?: \w+)?|those)(?=$|\s)/i;

/** The heading names a feature the sentence calls "it" ("Edit Link": "To disable it, …"). */
function headingFeature(facts: SectionFacts): string | undefined {
  const heading = withoutNumbering(facts.section.heading);
  if (facts.section.level < 2 || !heading || generic.test(heading) || heading.length > 40) return undefined;
  if (heading.split(/\s+/).length > 5 || /[?？:：]/.test(heading)) return undefined;
  return heading;
}

/**
 * The goal as the question asks it: "disable it" becomes "disable “Edit Link”" where the section's
 * heading is what "it" stands for; other pronouns, and vague goals, are not asked.
 */
export function askedGoal(goal: string, facts: SectionFacts): string | undefined {
  const g = trimEnd(goal);
  if (g.split(/\s+/).length < 2 || g.length > 110 || vagueGoal.test(g)) return undefined;
  if (!/^\p{Ll}/u.test(g)) return undefined;
  const m = pronounObject.exec(g);
  if (m) {
    const feature = headingFeature(facts);
    if (!feature || !/^(?:enable|disable|change|customi[sz]e|override|configure|turn off|turn on|set)$/i.test(m[1]!))
      return undefined;
    const named = /^(\S+)\s+(?:it|this (feature|behaviou?r|option))(?=$|\s)/i.exec(g);
    if (!named) return undefined;
    const what = named[2] ? `the “${feature}” ${named[2].replace('behavior', 'behaviour')}` : `“${feature}”`;
    return `${named[1]} ${what}${g.slice(named[0].length)}`;
  }
  // "it"/"this" later in the goal ("display $ instead of rendering it") refers inside the goal.
  if (/\b(?:this|these|those|that \w+|such)\b/i.test(g)) return undefined;
  return g;
}

/** A method worth recalling: a few words, not a pointer elsewhere. */
export function method(text: string): string | undefined {
  // "… via the compare option if you want to change the behavior": the condition is no part of the method.
  const cut = text.search(/\s(?:if|when|so that|unless|because)\s/);
  const m = trimEnd(cut > 0 ? text.slice(0, cut) : text).replace(/^(?:also|simply|instead|just|now|easily)\s+/i, '');
  if (m.split(/\s+/).length < 2 || m.length > 160 || vagueMethod.test(m)) return undefined;
  if (/\b(?:it|them)$/i.test(m) || /\b(?:this|these|those|such)\b/i.test(m)) return undefined;
  return m;
}

/**
 * The identifier the answer turns on ("editLink", "revalidateOnFocus"): given away when the
 * question names all its words ("How do you disable “Revalidate on Focus”?").
 */
export function namesIdentifier(question: string, answer: string, facts: SectionFacts): boolean {
  const asked = new Set(wordsOf(question));
  const codes = facts.terms.filter((t) => t.mark === 'code' && answer.includes(t.term)).map((t) => t.term);
  for (const code of codes) {
    // A one-word term ("content", "search") is the topic the question must name, not a giveaway.
    const words = wordsOf(code).filter((w) => w.length >= 3);
    if (words.length >= 2 && words.every((w) => asked.has(w) || [...asked].some((a) => a.startsWith(w)))) return true;
  }
  return normal(question).includes(normal(answer));
}

/**
 * Where the card's sentence comes from ("Prefetching Data › Pre-fill Data"): the note's title and
 * the section's heading. The answer is a method or a purpose, not a name, so sharing a word with
 * the heading gives nothing away; only naming the answer's identifier does (namesIdentifier).
 */
export function whereFor(facts: SectionFacts, answer = ''): string | undefined {
  const title = facts.section.noteTitle.trim();
  const heading = withoutNumbering(facts.section.heading);
  const where =
    heading &&
    facts.section.level >= 2 &&
    !generic.test(heading) &&
    normal(heading) !== normal(title) &&
    // A heading that asks the question ("什麼是 Scope?") would make the card ask it twice.
    !/[?？]$/.test(heading) &&
    !paraphrases(heading, answer)
      ? `${title} › ${heading}`
      : title;
  // A heading with markup or a draft marker ("Quick Start $latex$", "[!TODO]") names no topic.
  return /[$[\]{}<>]/.test(where) || !where ? undefined : where;
}

/** Runs of two Han characters ("陣列", "執行"), the unit a Chinese reader matches by eye. */
const hanPairs = (text: string): Set<string> => {
  const out = new Set<string>();
  for (const run of text.match(/\p{Script=Han}{2,}/gu) ?? [])
    for (let i = 0; i + 2 <= run.length; i++) out.add(run.slice(i, i + 2));
  return out;
};

/**
 * A heading that says what the answer says ("forEach() - 迭代陣列並執行指定操作" for "遍歷陣列，並對每個
 * 元素執行指定的回調函式"): two content words, or two Han pairs, in common.
 */
function paraphrases(heading: string, answer: string): boolean {
  if (!answer) return false;
  const pairs = hanPairs(heading);
  if ([...hanPairs(answer)].filter((p) => pairs.has(p)).length >= 2) return true;
  const words = new Set(wordsOf(heading).filter((w) => w.length >= 4));
  return wordsOf(answer).filter((w) => w.length >= 4 && words.has(w)).length >= 2;
}

/** An acronym the question spells out ("GSC" in "Google Search Console"). */
function spelledOut(acronym: string, text: string): boolean {
  if (!/^[A-Z]{2,6}$/.test(acronym)) return false;
  const words = text.match(/\p{Lu}[\p{L}\d]*/gu) ?? [];
  for (let i = 0; i + acronym.length <= words.length; i++)
    if (words.slice(i, i + acronym.length).every((w, k) => w[0] === acronym[k])) return true;
  return false;
}

interface Split {
  goal: string;
  answer: string;
}

// Capital "You": a sentence, not the tail of a list item or a clause cut at a colon.
const canPrefix = /^You can (?:also |now |still |simply |easily |directly |always |instead )?/;
const toPrefix = /^to /i;
const wantPrefix = /^if you (?:want|need|would like|'d like) to /i;

/** The text after the first of the words that come first in it, or undefined. */
function splitAt(text: string, words: readonly string[]): [string, string, string] | undefined {
  let best: [string, string, string] | undefined;
  for (const w of words) {
    const at = text.indexOf(w);
    if (at > 0 && (!best || at < best[0].length)) best = [text.slice(0, at), w.trim(), text.slice(at + w.length)];
  }
  return best;
}

/** English how-to sentences: the goal and the method, or undefined. */
export function englishHowto(sentence: string): Split | undefined {
  const s = sentence.trim();
  if (canPrefix.test(s)) {
    const rest = s.replace(canPrefix, '');
    const parts = splitAt(rest, [' by ', ' via ', ' using ']);
    if (!parts) return undefined;
    const [goal, word, how] = parts;
    // "filter and group by service, account …" is a phrasal verb; a method "by" names an action ("by setting …").
    if (word === 'by' && !/^\p{Ll}+ing\b/u.test(how)) return undefined;
    // "…, if you don't want to host it via public": the condition is part of the goal, not the method.
    if (/,/.test(goal)) return undefined;
    const m = method(how);
    return m ? { goal, answer: `${capitalise(word)} ${m}` } : undefined;
  }
  const lead = toPrefix.test(s) ? s.replace(toPrefix, '') : wantPrefix.test(s) ? s.replace(wantPrefix, '') : undefined;
  if (lead === undefined) return undefined;
  const comma = lead.indexOf(', ');
  if (comma < 0) return undefined;
  const goal = lead.slice(0, comma);
  let how = lead.slice(comma + 2);
  const you = /^(?:you|we) (?:can|could|need to|must|should|have to|may)(?: also| instead| simply| just)? /i.exec(how);
  if (you) how = how.slice(you[0].length);
  else if (
    !toPrefix.test(s) ||
    !/^(?:use|set|add|pass|run|call|import|install|wrap|put|create|replace|provide)\b/i.test(how)
  )
    return undefined;
  const m = method(how);
  return m ? { goal, answer: capitalise(m) } : undefined;
}

const zhTools = ['使用', '透過', '通過', '藉由', '利用', '用'];

/** "使用 GSC", "通過設置 HTTP Header": a space only before a Latin word. */
const toolAnswer = (tool: string, x: string): string =>
  `${tool === '用' ? '使用' : tool}${/^\p{Script=Han}/u.test(x) ? '' : ' '}${x}`;

/** Chinese how-to sentences: "可以使用 X 來 Y" and "使用 X 可以 Y". */
function chineseHowto(sentence: string): (Split & { lead?: string }) | undefined {
  const s = trimEnd(sentence);
  const can = s.indexOf('可以');
  if (can < 0) return undefined;
  const before = s.slice(0, can);
  const after = s.slice(can + 2);
  // "使用 X 可以 Y": the tool leads the sentence.
  const tool = zhTools.find((t) => before.startsWith(t));
  if (tool && !/[，,。；]/.test(before)) {
    const x = before.slice(tool.length).trim();
    const goal = after.replace(/^(?:讓你|讓我們|讓使用者|幫助你|幫你|輕鬆地?|快速地?|更好地)/, '');
    return { goal: goal.split(/[，,；]/)[0]!, answer: toolAnswer(tool, x) };
  }
  // "(在…中，)(我們)可以使用 X 來 Y".
  const t = zhTools.find((w) => after.startsWith(w));
  if (!t) return undefined;
  const come = after.indexOf('來');
  if (come < 0) return undefined;
  const x = after.slice(t.length, come).trim();
  const goal = after.slice(come + 1).replace(/^(?:幫助我們|幫我們|讓我們|幫助你|讓你)/, '');
  const lead = before.replace(/(?:我們|你|您)?(?:也|還|就)?$/, '').replace(/[，,]$/, '');
  if (/[，,。；]/.test(lead) || /(?:我們|你|您)$/.test(lead)) return undefined;
  // Only a setting ("在 ES6 中", "在 tsconfig.json 中") may lead the question; "除此之外" or "這種方式" lean on context.
  if (lead && (!/^在.+(?:中|裡|內|上|時)$/u.test(lead) || /(?:這|此|該|上述)/.test(lead))) return undefined;
  return { goal: goal.split(/[，,；]/)[0]!, answer: toolAnswer(t, x), lead: lead || undefined };
}

/** A Chinese goal to ask: a verb phrase of four or more characters that names what it does. */
const zhGoal = (g: string): boolean =>
  han(g) >= 4 &&
  g.length <= 40 &&
  !/^(?:這|它|此|其|達到|做到|實現這|完成這)/.test(g) &&
  !/(?:這個|這些|它|此)/.test(g);

/** A Chinese tool to name: a short term, not a pronoun or a clause. */
const zhTerm = (x: string): boolean =>
  x.length >= 2 && x.length <= 40 && !/[，,。；：:]/.test(x) && !/^(?:這|它|此|其|他|那|該|以下|上述|下列)/.test(x);

export function howtoDrafts(facts: SectionFacts, lang: Lang): Draft[] {
  const drafts: Draft[] = [];
  for (const sentence of facts.sentences) {
    if (broken(sentence) || pointsAway(sentence.replace(/<\/?[A-Za-z][\w.]*\s*\/?>/g, 'X')) || firstPerson(sentence))
      continue;
    if (lang === 'zh') {
      const split = chineseHowto(sentence);
      if (!split || !zhGoal(split.goal) || !zhTerm(split.answer.slice(2).trim())) continue;
      const where = whereFor(facts, split.answer);
      if (!where) continue;
      const goal = split.lead ? `${split.lead}，要怎麼${split.goal}` : `要怎麼${split.goal}`;
      const question = fill(templates.howto, lang, { where, goal });
      // The heading names the tool ("squash": "要怎麼將提交合併到前一個提交中？" → "使用 squash 指令").
      const tool = split.answer.slice(2).trim();
      const latin = tool.match(/[A-Za-z][\w.@/-]{2,}/g) ?? [];
      if (namesIdentifier(question, split.answer, facts) || normal(question).includes(normal(tool))) continue;
      if (latin.some((w) => normal(question).includes(normal(w)) || spelledOut(w, question))) continue;
      drafts.push(card('howto', question, split.answer, sentence, facts));
      continue;
    }
    const split = englishHowto(sentence);
    if (!split) continue;
    const goal = askedGoal(split.goal, facts);
    if (!goal) continue;
    const where = whereFor(facts, split.answer);
    if (!where) continue;
    const question = fill(templates.howto, lang, { where, goal });
    if (namesIdentifier(question, split.answer, facts)) continue;
    drafts.push(card('howto', question, split.answer, sentence, facts));
  }
  return drafts;
}

/** "X lets you Y" and friends: the words, how the question asks, and how the answer starts. */
const englishPurpose: readonly { word: string; ask: (x: string) => string; lead: string }[] = [
  { word: ' lets you ', ask: (x) => `what does ${x} let you do`, lead: '' },
  { word: ' allows you to ', ask: (x) => `what does ${x} allow you to do`, lead: '' },
  { word: ' enables you to ', ask: (x) => `what does ${x} enable you to do`, lead: '' },
  { word: ' helps you ', ask: (x) => `what does ${x} help you do`, lead: '' },
  { word: ' is used to ', ask: (x) => `what is ${x} used for`, lead: 'To ' },
  { word: ' is used for ', ask: (x) => `what is ${x} used for`, lead: 'For ' },
  { word: ' are used to ', ask: (x) => `what are ${x} used for`, lead: 'To ' },
  { word: ' are used for ', ask: (x) => `what are ${x} used for`, lead: 'For ' },
];

/** "rehype-katex", "next.config": lower case, word characters, with a "-", "_" or "." inside. */
function dottedIdentifier(s: string): boolean {
  if (!/^[a-z]/.test(s) || !/^[\w.-]+$/.test(s)) return false;
  const inner = s.slice(1).search(/[-_.]/);
  return inner >= 0 && inner + 1 < s.length - 1;
}

/** A subject to ask about: a name or identifier of up to six words, not a pronoun or common noun. */
export function englishSubject(x: string): boolean {
  const s = x.trim();
  if (!s || s.split(/\s+/).length > 6 || /[,;:]/.test(s)) return false;
  if (
    /^(?:it|this|that|these|those|they|which|there|here|you|we|one|each|every|any|most|many|no|both|all|some|such)\b/i.test(
      s,
    )
  )
    return false;
  // "Adding @ray.remote to a function lets you …": a gerund is an action, not a thing to ask about.
  if (/^\p{Lu}\p{Ll}+ing\b/u.test(s)) return false;
  // A name ("Pagefind", "AWS Budgets", "Next.js Image") or an identifier ("rehype-katex", "useSWRImmutable").
  const core = s.replace(/^(?:the|a|an)\s+/i, '');
  const shape = shapeOf(core);
  return shape === 'name' || shape === 'code' || dottedIdentifier(core);
}

const zhPurpose = ['是用來', '主要用於', '主要用來', '可以用來', '常用於', '常用來', '用來', '用於'];

export function purposeDrafts(facts: SectionFacts, lang: Lang): Draft[] {
  const drafts: Draft[] = [];
  for (const sentence of facts.sentences) {
    if (broken(sentence) || pointsAway(sentence.replace(/<\/?[A-Za-z][\w.]*\s*\/?>/g, 'X')) || firstPerson(sentence))
      continue;
    const s = trimEnd(sentence);
    if (lang === 'zh') {
      const parts = splitAt(s, zhPurpose);
      if (!parts) continue;
      const [x, , y] = parts;
      const subject = x
        .trim()
        .replace(/[:：]$/, '')
        .trim();
      if (!zhTerm(subject) || han(y) < 4 || /^(?:在|當|如果|若|而|但|因為|所以|並|也|就|則|[(（])/.test(subject))
        continue;
      // "parameters: 用來稱…" names what a word means: no purpose to ask about.
      if (/^(?:稱|指|表示|代表)/.test(y) || /^[\p{P}\p{S}]/u.test(y)) continue;
      // A subject of more than a few Han characters is a clause ("演算法的優劣我們會"), not a term.
      if (han(subject) > 8 || /(?:我們|你|會|要|的|是|是一個|是一種)$/.test(subject)) continue;
      // The author's plans for the site ("Bosh's Blog 部落格未來規劃") are no fact to learn.
      if (/(?:未來|規劃|部落格|本站)/.test(subject)) continue;
      const where = whereFor(facts, y);
      if (!where) continue;
      const question = fill(templates.purpose, lang, {
        where,
        subject: /\p{Script=Han}$/u.test(subject) ? subject : `${subject} `,
        ask: '',
      });
      if (normal(question).includes(normal(y))) continue;
      drafts.push(card('purpose', question, y, sentence, facts));
      continue;
    }
    const parts = splitAt(
      s,
      englishPurpose.map((p) => p.word),
    );
    if (!parts) continue;
    const [said, word, all] = parts;
    const x = said.replace(/\s+(?:also|often|only|even)$/, '');
    // "…, and AWS Backup Audit Manager reports on …" starts another fact.
    const y = all.split(/, and (?=\p{Lu})|; /u)[0]!;
    if (!englishSubject(x) || y.split(/\s+/).length < 3 || vagueMethod.test(y) || y.length > 200) continue;
    if (/\b(?:this|these|those|such)\b/i.test(y)) continue;
    const form = englishPurpose.find((p) => p.word.trim() === word)!;
    const where = whereFor(facts, y);
    if (!where) continue;
    const subject = x.trim().replace(/^The /, 'the ');
    const question = fill(templates.purpose, lang, { where, ask: form.ask(subject), subject });
    const answer = form.lead ? `${form.lead}${y}` : capitalise(y);
    if (normal(question).includes(normal(y))) continue;
    drafts.push(card('purpose', question, answer, sentence, facts));
  }
  return drafts;
}

/** Chinese words that end in 是 and mean something else ("就是", "但是", "或是", "是否"). */
const notCopula =
  /(?:就|也|還|但|可|於|總|或|像|都|只|正|而|不|算|即|應|又|更|便|並|若|要|先|則|才|仍|真|倒|凡|乃|實|硬)$/;

/** Words that label a point rather than name a term. */
const label =
  /(?:原因|優點|缺點|方法|做法|作法|方案|目的|重點|問題|結果|差異|不同|區別|好處|關鍵|作用|功能|本身|部分|步驟|概念|看起來|上方|下方|左邊|右邊|橫軸|縱軸|通常|常|也|都|只)$|^(?:第|另一|注意|無論|其中|[(（]|Note |Tip |Info |Warning )/u;

/** "X 是 Y": a Chinese term and what the notes say it is. */
export function meaningDrafts(facts: SectionFacts, lang: Lang): Draft[] {
  if (lang !== 'zh') return [];
  const drafts: Draft[] = [];
  for (const sentence of facts.sentences) {
    if (broken(sentence) || firstPerson(sentence)) continue;
    if (pointsAway(sentence.replace(/<\/?[A-Za-z][\w.]*\s*\/?>/g, 'X'))) continue;
    const s = trimEnd(sentence);
    const at = s.indexOf('是');
    if (at < 1 || s.startsWith('是否', at)) continue;
    const term = s
      .slice(0, at)
      .trim()
      .replace(/^(?:而|但|所以|因此|其實|簡單來說)[，,]?/, '');
    const y = s.slice(at + 1).trim();
    // "標準做法是：…" introduces a list or a formula, not a definition.
    if (/^[\p{P}\p{S}]/u.test(y)) continue;
    if (!zhTerm(term) || notCopula.test(term) || han(y) < 12 || y.length > 200) continue;
    // "X 是用來 …" is a purpose card; a label ("原因", "另一個優點", "第一種方法", "Note Array") names no term.
    if (/^(?:用來|用於)/.test(y) || label.test(term) || /的/.test(term)) continue;
    // A term is a name ("Scope", "SEO (Search Engine Optimization)") or a short noun (up to six characters).
    if (han(term) > 6 || /^(?:在|當|如果|若|這|那|我|你|他|它|因為|由於|其中|另外|此外|而|但)/.test(term)) continue;
    if (/(?:的|了|會|就|都|也)$/.test(term) || /\s(?:的|是)\s/.test(term)) continue;
    // "一種…" or "一個…" is what most definitions start with; a sentence about an example is not one.
    if (/^(?:因為|所以|為了|指|說)/.test(y)) continue;
    const where = whereFor(facts, y);
    if (!where) continue;
    const question = fill(templates.definitionRevealIn, lang, { where, term });
    drafts.push(card('meaning', question, y, sentence, facts));
  }
  return drafts;
}

export function card(kind: string, question: string, answer: string, sentence: string, facts: SectionFacts): Draft {
  return {
    kind,
    question,
    answer,
    explanation: sentence,
    facts,
    tiers: [],
    overlapAllowed: true,
    minDistractors: Number.POSITIVE_INFINITY,
    selfGraded: { question, answer },
  };
}
