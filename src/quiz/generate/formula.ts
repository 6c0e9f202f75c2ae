import type { Draft } from './draft.js';
import type { SectionFacts } from './facts.js';
import { card, whereFor } from './howto.js';
import { proseOf, readableMath } from './math.js';
import { balanced, placeholderProse, pointsAway } from './quality.js';

/**
 * Formula cards (self-graded): a formula the notes state as a definition on a bold line of its own,
 * "**$(r-1)'s$ complement of an n-digit number $X = (r^n-1) - X$**" (or a bold name followed by
 * display math, "**Area of a circle** $$A = \pi r^2$$") → "What is the (r-1)'s complement of an
 * n-digit number X?" → "(rⁿ - 1) - X". LaTeX is shown as plain text (math.ts); a formula that stays
 * LaTeX is not asked. Only named formulas (prose words on the left of "=") in terms of variables
 * (a letter on the right): a worked example's numbers ("= 453299") are never asked, nor anything in
 * a section that works an example. Bold lines come from the section's facts (facts.ts `boldLines`).
 */

/** Sections that work an example or prove something: their formulas are steps, not definitions. */
const workedSection = /證明|推導|範例|例題|練習|例子|proof|derivation|example|exercise/iu;

const superscripts: Record<string, string> = Object.fromEntries(
  [...'0123456789nijkmx'].map((c, i) => [c, [...'⁰¹²³⁴⁵⁶⁷⁸⁹ⁿⁱʲᵏᵐˣ'][i]!]),
);

/** "r^n" → "rⁿ" (one-character powers only) and a space either side of a binary operator. */
function tidy(formula: string): string {
  return formula
    .replace(/\^([0-9nijkmx])(?![\w(])/g, (_, c: string) => superscripts[c]!)
    .replace(/\s*([+=×·])\s*/g, ' $1 ')
    .replace(/([\w)ⁿ⁰¹²³⁴⁵⁶⁷⁸⁹ⁱʲᵏᵐˣ])\s*-\s*(?=[\w(])/g, '$1 - ')
    .replace(/\s+/g, ' ')
    .trim();
}

interface Formula {
  name: string;
  formula: string;
}

/** "<name with prose words> = <formula in variables>", or undefined. */
export function namedFormula(bold: string, math = ''): Formula | undefined {
  const raw = math ? `${bold} ${math}` : bold;
  // Every formula in the line must read as text; a line without math is prose, not a formula.
  if (!raw.includes('$')) return undefined;
  const plain = readableMath(raw);
  if (!plain) return undefined;
  const parts = plain.split('=');
  if (parts.length !== 2) return undefined;
  const name = parts[0]!.trim().replace(/[:：]$/, '');
  const formula = parts[1]!.trim();
  // A name is prose: two words or more outside the formulas, with no long number (a worked example's).
  const words = proseOf(math ? bold : raw.slice(0, raw.indexOf('='))).match(/[\p{L}]{2,}/gu) ?? [];
  if (words.length < 2 || /\d{3,}/.test(name) || name.length > 80) return undefined;
  // A formula in variables, not a figure: a letter, and no run of digits a computed result would have.
  if (!/[A-Za-zα-ωΣ]/.test(formula) || /\d{3,}/.test(formula) || formula.length > 80) return undefined;
  // A question, a step or a label ("為什麼 … = 1 時…？", "步驟 2：計算 …") is no named formula; a formula with words is a sentence.
  if (
    /[?？:：]|為什麼|为什么|步驟|步骤|^(?:why|how|step)\b/iu.test(name) ||
    /[?？:：，,。]|\p{Script=Han}/u.test(formula)
  )
    return undefined;
  if (pointsAway(name) || !balanced(name, '(（[', ')）]') || !balanced(formula, '(（[', ')）]')) return undefined;
  return { name, formula: tidy(formula) };
}

export function formulaDrafts(facts: SectionFacts): Draft[] {
  const { section } = facts;
  if (placeholderProse(section.text) || section.headingPath.some((h) => workedSection.test(h))) return [];
  const drafts: Draft[] = [];
  for (const { bold, math } of facts.boldLines) {
    const found = namedFormula(bold, math);
    if (!found) continue;
    const where = whereFor(facts, found.formula);
    if (!where) continue;
    const zh = /\p{Script=Han}/u.test(found.name);
    // "Area of a circle A" reads "what is the area of a circle A"; "RMS voltage" keeps its capitals.
    const name = found.name.replace(/^(?:the|a|an)\s+/i, '').replace(/^[A-Z](?=[a-z]*\b)/, (c) => c.toLowerCase());
    const question = zh ? `在「${where}」中，${name} 等於什麼？` : `In “${where}”, what is the ${name}?`;
    const source = readableMath(math ? `${bold} ${math}` : bold)!;
    drafts.push(card('formula', question, found.formula, source, facts));
  }
  return drafts;
}
