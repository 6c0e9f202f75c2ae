import { type Block, isMark, plainTextOf } from '../notes/blocks.js';

// "f1 formula pls", "what's the equation for recall": the question asks for a formula, which a
// section states as one ("F1 = 2 × precision × recall / (precision + recall)") without ever
// writing the word. Such a section holds what "formula" asks for; one that states none lacks it.

/** Words that ask for a formula rather than name the topic. */
const formulaWords = ['formula', 'formulas', 'formulae', 'equation', 'equations'];

/** The question's terms (as the index stems them) that ask for a formula. */
export function formulaTerms(measured: string[], stemOf: (word: string) => string | null): string[] {
  const asking = new Set(formulaWords.map(stemOf).filter((t): t is string => !!t));
  return measured.filter((t) => asking.has(t));
}

// A name, "=", then within the line an operator: one only maths uses (×, ÷, √, ∑, ^), or +, -, *,
// / between spaces ("Specificity = TN / (TN + FP)"; not "s3://bucket" or "a=b-c" in a flag).
// One bounded gap between fixed characters: linear time.
const formula = /[\p{L}\p{N})\]}]\s*=(?![=>])[^=\n]{0,200}?(?:[×÷·√∑^]|\s[-−+*/]\s)/u;

/** Whether a section states a formula: TeX, or one written out in its prose (code is not a formula). */
export function statesFormula(blocks: readonly Block[]): boolean {
  return blocks.some(
    (block) =>
      block.kind !== 'code' &&
      (block.segments.some((s) => isMark(s) && s.mark === 'math') ||
        formula.test(plainTextOf(block.segments.filter((s) => !isMark(s) || s.mark !== 'code')))),
  );
}
