import { normal, type Draft } from './draft.js';
import type { SectionFacts } from './facts.js';
import { card, firstPerson, trimEnd, whereFor } from './howto.js';
import { fill, templates, type Lang } from './lang.js';
import { proseOf, readableMath } from './math.js';
import { balanced, placeholderProse, pointsAway } from './quality.js';

/**
 * Self-graded cards on the statements math and course notes are made of: a theorem, property or
 * rule written "若 <condition>，則 <conclusion>" / "If <condition>, then <conclusion>" (the
 * conclusion may be the formula shown right after "則：") → "若 <condition>，會得到什麼結論？";
 * and a definition "…若 <condition> … 則稱 <X> 為**<term>**" → "什麼情況下稱 <X> 為「<term>」？".
 * LaTeX is shown as plain text (math.ts); a statement whose formula stays LaTeX is not asked.
 * Read from the section's parsed paragraphs; sentences split with indexOf at fixed words.
 */

/** Sections that prove, derive or work an example: their "if … then" are steps, not statements to learn. */
const workedSection = /證明|推導|範例|例題|練習|反例|比喻|proof|derivation|example|exercise/iu;

const label =
  /^(?:定義|定义|定理|性質|性质|推論|推论|引理|定理陳述|基本定義|definitions?|theorems?|propert(?:y|ies)|corollary|lemma)$/iu;

/** Display math on its own ("$$ … $$"), which a statement ending "則：" / "then:" continues with. */
const displayMath = (p: string): boolean => p.startsWith('$$') && p.endsWith('$$');
const endsWithColon = (p: string): boolean => /[:：]$/.test(p.trim());

/**
 * The section's statements: a paragraph, joined with the display formula it introduces ("…則：" +
 * "$$…$$") and, for a definition, with the paragraph after the formula ("則稱 A 為 …").
 */
function statementsOf(paragraphs: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < paragraphs.length; i++) {
    let text = paragraphs[i]!;
    if (!text || displayMath(text)) continue;
    while (endsWithColon(text) && i + 1 < paragraphs.length && displayMath(paragraphs[i + 1]!)) {
      text = `${text} ${paragraphs[i + 1]}`;
      i++;
      const next = paragraphs[i + 1];
      if (next && /^(?:則|则|then\b)/iu.test(next)) {
        text = `${text} ${next}`;
        i++;
      }
    }
    out.push(text);
  }
  return out;
}

/** Sentences of a statement: split after 。 or ". " (formulas have no such stop inside). */
function sentencesOf(text: string): string[] {
  const out: string[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '。' || (c === '.' && (text[i + 1] === ' ' || i + 1 === text.length) && !/\d/.test(text[i - 1] ?? ''))) {
      out.push(text.slice(start, i + 1).trim());
      start = i + 1;
    }
  }
  if (start < text.length) out.push(text.slice(start).trim());
  return out.filter(Boolean);
}

interface Statement {
  condition: string;
  conclusion: string;
  /** "稱 A 為**可逆的**": the conclusion names a term, so the card asks when it applies. */
  defines?: { subject: string; term: string };
}

/** A lead that sets up the objects ("設 A 為 n × n 方陣", "對於一個 n × n 的方陣 A", "Let A be …"). */
const setupLead = /^(?:設|令|假設|對於|对于|给定|給定|let\b|suppose\b|given\b|for (?:an?|any|every|each)\b)/iu;

/** "則" ending a word ("規則", "否則", "原則"): no conclusion starts there. */
const thenWord = /(?:^|[，,：:\s])(?:則|则|那麼|那么)/u;
/** Analogies, narration and second cases: "如果把 X 比作…", "如果說…", "如果你…", "否則…". */
const notAStatement =
  /比作|比喻|好比|想像|如果說|如果说|是「|你|我們|我们|否則|否则|\b(?:you|we|otherwise)\b|\((?:[a-h]|i{1,3}|iv|v)\)/iu;

/** "若 X，則 Y" / "如果 X，那麼 Y" / "If X, then Y", with an optional setup before the condition. */
export function splitStatement(sentence: string): Statement | undefined {
  const raw = sentence.trim();
  // "則我們說：" with no formula after it: the conclusion is missing.
  if (/[:：]$/.test(raw)) return undefined;
  const s = trimEnd(
    raw.replace(/^(?:定理|定義|性質|推論|引理|theorem|definition|property|corollary|lemma)\s*[\d.]*\s*[:：]\s*/iu, ''),
  );
  // Two cases in one sentence ("若…；若…", "若…，驗證成功；否則…") ask two things.
  if (/[;；]/.test(s)) return undefined;
  let condition: string | undefined;
  let conclusion: string | undefined;
  const after = definedAfter(s);
  if (after) return after;
  const zhIf = /(?:^|[，,。]\s?)(?:若|如果|假如)/u.exec(s);
  if (zhIf) {
    const setup = s.slice(0, zhIf.index);
    if (setup && !setupLead.test(setup)) return undefined;
    const rest = s.slice(zhIf.index).replace(/^[，,。]\s*/u, '');
    const then = thenWord.exec(rest);
    if (!then || then.index === 0) return undefined;
    condition = `${setup ? `${setup}，` : ''}${rest.slice(0, then.index)}`.trim();
    conclusion = rest.slice(then.index + then[0].length).replace(/^\s*[:：]?\s*/u, '');
    // A second "若" in the conclusion is a second case.
    if (/若|如果/u.test(conclusion)) return undefined;
  } else {
    const en = /^(?:(?:let|suppose) [^,]{3,80},\s*)?if\s/i.exec(s);
    if (!en) return undefined;
    const then = s.search(/,\s*then\s/i);
    if (then < 0) return undefined;
    condition = s.slice(0, then);
    // "If X, first do Y, then Z": a sequence of steps, not a condition and its consequence.
    if (condition.slice(en[0].length).includes(',')) return undefined;
    conclusion = s.slice(then).replace(/^,\s*then\s*[:：]?\s*/i, '');
  }
  if (!condition || !conclusion || notAStatement.test(condition) || notAStatement.test(conclusion)) return undefined;
  // "如果放在函式的區域變數中", "若將 T₄ 和 T₅ 的順序對調": a condition without its subject leans on the sentence before.
  if (/^(?:若|如果|假如)\s*(?:放|將|将|把|改用|改成)/u.test(condition)) return undefined;
  // "如果 TypedArray 是…，那麼 DataView 就是…": a comparison of two things, not a consequence.
  if (/是/u.test(condition) && /就是|便是/u.test(conclusion)) return undefined;
  // "為 true", "是「…」": a conclusion without its subject reads only with the sentence before.
  if (/^(?:為|为|是|is|are)\b|^(?:為|为|是)/u.test(conclusion) || /^[\p{P}]/u.test(conclusion)) return undefined;
  const named = /^(?:稱|称)\s*(.{1,20}?)\s*(?:為|为|是)\s*(.+)$/u.exec(conclusion);
  if (named) {
    const term = trimEnd(named[2]!.split(/[，,。；]/u)[0]!);
    if (term.length < 2 || term.length > 60) return undefined;
    return { condition, conclusion, defines: { subject: named[1]!.trim(), term } };
  }
  return { condition, conclusion };
}

/**
 * "一個 n × n 方陣 A 稱為**可逆的**（或…），若存在…使得：$$…$$": the term first, its condition after
 * (split with indexOf).
 */
function definedAfter(s: string): Statement | undefined {
  const called = s.search(/稱為|称为/u);
  if (called < 1 || called > 60) return undefined;
  const cut = s.slice(called + 2).search(/[，,]\s*(?:若|如果)/u);
  if (cut < 0) return undefined;
  const term = trimEnd(s.slice(called + 2, called + 2 + cut).replace(/[（(][^（()）]*[)）]\s*$/u, ''));
  // "若且唯若" (if and only if) leads the condition, which is then the whole of it.
  const condition = s
    .slice(called + 2 + cut)
    .replace(/^[，,]\s*/u, '')
    .replace(/^(?:若且唯若|當且僅當|当且仅当)\s*/u, '');
  const subject = s
    .slice(0, called)
    .trim()
    .replace(/^(?:一個|一个|an?)\s*/u, '');
  if (!term || term.length > 60 || !subject || subject.length > 30 || !condition) return undefined;
  return { condition, conclusion: s.slice(called), defines: { subject, term } };
}

/** A side of a statement worth showing: readable math, no pointer elsewhere, no pronoun standing for text the card lacks. */
function readable(text: string): string | undefined {
  const plain = readableMath(text);
  if (plain === undefined || plain.length < 2) return undefined;
  // Prose only: a formula's "I" (the identity matrix) is no first person.
  const prose = proseOf(text);
  if (pointsAway(prose) || firstPerson(prose)) return undefined;
  if (/這|这|此|該|该|那個|那些|上述|前述|上式|下式|such\b|this\b|these\b|that\b|above\b/iu.test(prose))
    return undefined;
  return plain;
}

export function statementDrafts(facts: SectionFacts, lang: Lang): Draft[] {
  const drafts: Draft[] = [];
  if (placeholderProse(facts.section.text)) return drafts;
  if (facts.section.headingPath.some((h) => workedSection.test(h))) return drafts;
  for (const paragraph of statementsOf(facts.paragraphs)) {
    for (const sentence of sentencesOf(paragraph)) {
      const statement = splitStatement(sentence);
      if (!statement) continue;
      const condition = readable(statement.condition);
      const conclusion = readable(statement.conclusion);
      const source = readableMath(sentence);
      if (
        !condition ||
        !conclusion ||
        !source ||
        !balanced(condition, '(（「', ')）」') ||
        !balanced(conclusion, '(（「', ')）」')
      )
        continue;
      // A condition or conclusion too short to say anything, or too long to recall.
      if (
        conclusion.length > 160 ||
        condition.length > 160 ||
        condition.replace(/\s/g, '').length < 6 ||
        conclusion.length < 4
      )
        continue;
      // A heading that only labels the statement ("定義", "Theorem") names nothing: the note's title does.
      const where = label.test(facts.section.heading.trim())
        ? facts.section.noteTitle.trim()
        : whereFor(facts, conclusion);
      if (!where) continue;
      let question: string;
      let answer: string;
      if (statement.defines) {
        const term = readableMath(statement.defines.term);
        const subject = readableMath(statement.defines.subject);
        if (!term || subject === undefined) continue;
        question = fill(templates.statementDefines, lang, { where, subject, term });
        answer = condition.replace(/^(?:若且唯若|當且僅當|若|如果|假如|if and only if|if)\s*/iu, '');
      } else {
        // The condition keeps its own "若"/"如果"; an English one is asked as "what holds if …".
        const asked = lang === 'zh' ? trimEnd(condition) : trimEnd(condition).replace(/^(?:if)\s+/i, '');
        question = fill(templates.statementIf, lang, { where, condition: asked });
        answer = conclusion;
      }
      if (normal(question).includes(normal(answer))) continue;
      drafts.push(card('statement', question, answer, source, facts));
    }
  }
  return drafts;
}
