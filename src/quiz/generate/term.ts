import { normal, type Draft } from './draft.js';
import type { SectionFacts } from './facts.js';
import { generic, withoutNumbering } from './heading.js';
import { broken, card, firstPerson, trimEnd } from './howto.js';
import { fill, templates, type Lang } from './lang.js';
import { leansOnContext, placeholderProse, pointsAway } from './quality.js';
import { missesTermWord, onlySwitchesACheck, repeatsPhrase, restatesTerm } from './term-answer.js';

/**
 * Self-graded cards on the terms course notes explain, in their own words:
 * - "*Term*: definition" list items (emphasis where other notes use bold, which `definition` reads):
 *   "*Compile*: 編譯器將C語言程式碼編譯成機器語言程式碼。";
 * - a heading that is a term (`sizeof`, "overflow", "Ternary if operator") over a section that opens
 *   with one short sentence saying what it is or does: "回傳一資料型態佔有的空間大小(byte)".
 * Asked as "In “<note>”, what do the notes say about “<term>”?", the answer the sentence.
 */

const han = (s: string): number => s.match(/\p{Script=Han}/gu)?.length ?? 0;

/** Headings that name a part of a page or an example, not a term. */
const notATerm = /^(?:example|exp|ex|demo|reference|references|licen[cs]e|問題|方法|範例|參考|結論|補充)\b/i;

/** A term: a short name, identifier or Chinese noun, not a sentence or a question. */
function termLike(term: string): boolean {
  const t = term.trim();
  if (!t || t.length > 40 || /[?？。!！,，:：]/.test(t) || /[$[\]{}]/.test(t)) return false;
  if (generic.test(t) || notATerm.test(t) || /\bv\.?s\.?\b/i.test(t)) return false;
  if (han(t) > 0) return han(t) <= 8 && t.split(/\s+/).length <= 4;
  return t.split(/\s+/).length <= 4;
}

/**
 * A heading that names a term: Latin words or an identifier ("sizeof", "Time complexity",
 * "strictNullChecks"). A heading with Chinese in it is as often a task or a topic ("分類與標籤",
 * "建立 Page", "連結 Algolia") as a term, so it is not asked.
 */
function termHeading(heading: string): boolean {
  if (!termLike(heading) || han(heading) > 0 || heading.split(/\s+/).length > 3) return false;
  // "The first example", "An RPG game", "Revising the classes": an article or a gerund leads a topic, not a term.
  if (/^(?:the|a|an|my|our|using|revising|adding|creating|making|comparing)\b/i.test(heading)) return false;
  return /^[\p{L}_#<]/u.test(heading);
}

/**
 * Openings that set the scene ("在深入範例前", "當網站可以被正常打開", "Let's revise …") instead of
 * saying what the term is; so do openings on the old way the term replaces ("傳統的 Java 執行緒建立方式…"
 * under "Java Executor Framework", round 10).
 */
const sceneSetting =
  /^(?:當|如果|若|除了|有些|為了支持|在深入|在繼續|在之前|接下來|我們先|先來|傳統|過去|早期|given|let|let's|in most cases|most|to |traditionally|in the past|previously|historically|before )|(?:之前寫的|筆記|下一個|先來了解|先理解)/iu;

/** An English opening about the term names it ("A constructor is …" under "constructor"); else it is about something else. */
function namesTerm(answer: string, term: string): boolean {
  if (han(answer) > 0) return true;
  const words = new Set((answer.toLowerCase().match(/[a-z]+/g) ?? []).map((w) => w.replace(/s$/, '')));
  return (term.toLowerCase().match(/[a-z]+/g) ?? []).some((w) => w.length >= 3 && words.has(w.replace(/s$/, '')));
}

/**
 * A term worth a card: an identifier or code word as written in code (`sizeof`, `bool`,
 * `strictNullChecks`, `#include`), a name of two words or more ("Time complexity", "header file")
 * or a Chinese term; not a task ("Copying an object"). A single capitalised word ("Edit", "Execution") names a plain step or
 * everyday idea whose explanation is self-evident, so it is not asked.
 */
function worthAsking(term: string): boolean {
  const t = withoutNumbering(term);
  // "Copying an object", "Overloading an operator": a task or topic, answered by a sentence that restates it.
  if (/^\p{L}+ing\s+(?:an?|the)\s/iu.test(t)) return false;
  if (han(t) > 0 || /\s/.test(t)) return true;
  return !/^\p{Lu}\p{Ll}+$/u.test(t);
}

/** "typedef is the abbreviation of type definition", "X stands for …", "…的縮寫": the name spelled out, not what it is. */
const expandsName = /\b(?:abbreviation|abbreviated|stands for|short for|acronym)\b|縮寫|全名|全稱|簡稱/iu;

/** What the notes say: a clause that stands alone, long enough to recall, short enough to check. */
function saying(text: string, term: string): string | undefined {
  // "… 參考4_3.cpp": a pointer to the course's code file, not part of what the notes say.
  const cut = text.search(/\s參考\S*$/u);
  const s = trimEnd(cut > 0 ? text.slice(0, cut) : text);
  if (broken(s) || pointsAway(s) || firstPerson(s)) return undefined;
  if (s.length > 140 || /^[\p{P}\p{S}]/u.test(s)) return undefined;
  if (han(s) < 6 && s.split(/\s+/).length < 5) return undefined;
  // "用上面程式碼舉例", "如下": leans on what the card cannot show.
  if (/(?:上面|下面|以下|如下|這|此|它)/.test(s)) return undefined;
  // "宣告方式： data_type …", "parameters: 用來…": a label and what follows it, not a statement about the term.
  if (/^[^：:\s]{1,10}[：:]\s/u.test(s) || /^[A-Za-z][\w ]*[:：]/.test(s)) return undefined;
  // "We want to …", "You may …": the lecture's narration, not a fact about the term.
  if (/^(?:we|you|let's|let us)\b/i.test(s)) return undefined;
  // "…還有一個相當實用的關鍵字：yield*": the sentence introduces the term rather than saying what it is.
  // "…Linux 核心提供 mutex lock（互斥鎖）": the same, with the term's translation after it.
  const bare = s.replace(/[（(][^（()）]*[)）]$/u, '').trimEnd();
  if (normal(s).endsWith(normal(term)) || normal(bare).endsWith(normal(term))) return undefined;
  if (/^我們/u.test(s)) return undefined;
  // Only the term's name again ("標頭檔" for "header file") teaches nothing.
  if (normal(s) === normal(term)) return undefined;
  return s;
}

/** Where the card comes from: the note's title, and the section's heading when it is not the term. */
function whereOf(facts: SectionFacts, term: string): string | undefined {
  const title = facts.section.noteTitle.trim();
  const heading = withoutNumbering(facts.section.heading);
  const where =
    facts.section.level >= 2 &&
    heading &&
    !generic.test(heading) &&
    normal(heading) !== normal(title) &&
    !normal(heading).includes(normal(term))
      ? `${title} › ${heading}`
      : title;
  return /[$[\]{}<>]/.test(where) ? undefined : where;
}

export function termDrafts(facts: SectionFacts, lang: Lang): Draft[] {
  const drafts: Draft[] = [];
  if (placeholderProse(facts.section.text)) return drafts;
  const ask = (term: string, answer: string, source: string): void => {
    const where = whereOf(facts, term);
    if (!where) return;
    if (!worthAsking(term) || expandsName.test(answer)) return;
    // The term's name said again, a switch that only turns on its own check, a garbled line (round 10).
    if (restatesTerm(answer, term) || onlySwitchesACheck(answer) || repeatsPhrase(answer)) return;
    const question = fill(templates.definitionSays, lang, { heading: where, term });
    if (normal(question).includes(normal(answer))) return;
    drafts.push(card('term', question, answer, source, facts));
  };
  for (const d of facts.emphasised ?? []) {
    if (!termLike(d.term)) continue;
    const answer = saying(d.definition, d.term);
    if (answer) ask(d.term, answer, d.source);
  }
  // A section named by a term and opening with what it is: only when its first block is that sentence.
  const heading = withoutNumbering(facts.section.heading);
  const first = facts.section.markdown.trimStart();
  // In Chinese notes a Latin heading names a term ("sizeof", "Time complexity"); in English notes
  // only an identifier does ("typedef"): other headings are as often tasks or topics ("Disable image zoom", "Team").
  const identifier = /^[a-z_][\w]*(?:\(\))?$/.test(heading);
  if (
    (lang === 'zh' || identifier) &&
    facts.section.level >= 2 &&
    facts.opening &&
    termHeading(heading) &&
    !/^[`~|>*+-]|^\d+\./.test(first)
  ) {
    // An opening that introduces what follows ("…的指令是：", "…舉例來說：") or asks is no statement.
    const raw = facts.opening.trim();
    if (/[:：?？]$/.test(raw) || /(?:舉例來說|例如|如下)$/.test(trimEnd(raw))) return drafts;
    const answer = saying(facts.opening, heading);
    if (
      answer &&
      !leansOnContext(answer.replace(/`/g, '')) &&
      !sceneSetting.test(answer) &&
      namesTerm(answer, heading) &&
      !missesTermWord(answer, heading)
    )
      ask(heading, answer, facts.opening);
  }
  return drafts;
}
