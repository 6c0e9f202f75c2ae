import type { SearchIndex } from './index.js';
import { indexTerm, tokenize } from './text.js';

// What else a question's words may stand for: acronyms and their long names, and for words the
// notes never use, the notes' words they may be a prefix or a typo of.

/** Acronym ↔ long-name expansions of the question, both ways. Maps each added term to its source. */
export function expansionsOf(index: SearchIndex, question: string, terms: string[]): Map<string, string> {
  const added = new Map<string, string>();
  for (const term of terms) {
    for (const longName of index.acronyms.get(term) ?? []) {
      for (const t of longName) if (!terms.includes(t) && !added.has(t)) added.set(t, term);
    }
  }
  // Long names spelled out in the question: look for runs of its stemmed words.
  const words = tokenize(question).map(indexTerm).filter((t): t is string => t !== null);
  for (let start = 0; start < words.length; start++) {
    for (let end = Math.min(words.length, start + 6); end >= start + 2; end--) {
      const acronym = index.longNames.get(words.slice(start, end).join(' '));
      if (acronym && !terms.includes(acronym)) added.set(acronym, words[start]!);
    }
  }
  return added;
}

/** How many of the notes' words an unknown question word may stand for. */
const maxNearTerms = 8;

/**
 * Words of the notes an unknown question word may stand for: longer words it starts
 * ("hyperparam" → "hyperparamet") and typos within two edits, weighted as MiniSearch weighs its
 * own prefix (0.375) and fuzzy (0.45) matches, closest first. Looked up here rather than by
 * MiniSearch so that they count against the work budget: "exam" would otherwise pull in every
 * "example" of the SageMaker guide.
 */
export function nearTermsOf(index: SearchIndex, unknown: string[], taken: (t: string) => boolean): Map<string, { source: string; weight: number }> {
  const near = new Map<string, { source: string; weight: number }>();
  for (const term of unknown) {
    const closest = candidatesOf(index, term).filter(([t]) => !taken(t) && !near.has(t)).slice(0, maxNearTerms);
    for (const [t, weight] of closest) near.set(t, { source: term, weight });
  }
  return near;
}

// The same unknown words come back in question after question.
const maxRemembered = 20_000;
const remembered = new WeakMap<SearchIndex, Map<string, [string, number][]>>();

/** The notes' words `term` may stand for, closest first (remembered per index). */
function candidatesOf(index: SearchIndex, term: string): [string, number][] {
  let known = remembered.get(index);
  if (!known) remembered.set(index, (known = new Map()));
  let found = known.get(term);
  if (found === undefined) {
    const weights = new Map<string, number>();
    if (term.length > 3) {
      for (const [t] of index.vocabulary.atPrefix(term)) weights.set(t, (0.375 * t.length) / (t.length + 0.3 * (t.length - term.length)));
    }
    if (term.length > 4) {
      for (const [t, distance] of index.typos.near(term, Math.min(2, Math.round(term.length * 0.2)))) {
        weights.set(t, Math.max(weights.get(t) ?? 0, (0.45 * t.length) / (t.length + distance)));
      }
    }
    found = [...weights].sort((a, b) => b[1] - a[1]);
    if (known.size >= maxRemembered) known.clear();
    known.set(term, found);
  }
  return found;
}
