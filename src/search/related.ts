import { stemPhrase, type SearchIndex } from './index.js';

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
  const words = stemPhrase(question, index.terms);
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

export interface NearTerm {
  /** The question word it may stand for. */
  source: string;
  weight: number;
  /** The closest spelling of a typo, taken as what was meant (see candidatesOf). */
  correction: boolean;
}

/**
 * Words of the notes an unknown question word may stand for: longer words it starts
 * ("hyperparam" → "hyperparamet") and typos within two edits, weighted as MiniSearch weighs its
 * own prefix (0.375) and fuzzy (0.45) matches, closest first. Looked up here rather than by
 * MiniSearch so that they count against the work budget: "exam" would otherwise pull in every
 * "example" of the SageMaker guide.
 */
export function nearTermsOf(
  index: SearchIndex,
  unknown: string[],
  taken: (t: string) => boolean,
  isWord: (term: string) => boolean,
  correctionWeight = 1,
): Map<string, NearTerm> {
  const near = new Map<string, NearTerm>();
  for (const term of unknown) {
    const closest = candidatesOf(index, term)
      .filter(([t]) => !taken(t) && !near.has(t))
      .slice(0, maxNearTerms);
    // A real word the notes never use ("rugby") is not a typo of one they do ("ruby").
    const mayCorrect = !isWord(term);
    for (const [t, weight, closestSpelling] of closest) {
      const correction = closestSpelling && mayCorrect;
      if (term.length <= 4 && !correction && !t.startsWith(term)) continue;
      near.set(t, { source: term, weight: correction ? correctionWeight : weight, correction });
    }
  }
  return near;
}

// A word of letters of an alphabet, any language's ("устаов" for "установ"): one edit makes
// another word of a script such as Chinese ("正向代理", "反向代理"), never a typo.
const alphabetic = /^[\p{Script=Latin}\p{Script=Cyrillic}\p{Script=Greek}\p{Script=Armenian}]+$/u;

// The same unknown words come back in question after question.
const maxRemembered = 20_000;
const remembered = new WeakMap<SearchIndex, Map<string, [string, number, boolean][]>>();

/** Words one swap of neighbouring letters away ("trian" → "train"), a typo Levenshtein counts as two edits. */
function swapsOf(index: SearchIndex, term: string): string[] {
  const found: string[] = [];
  for (let i = 0; i + 1 < term.length; i++) {
    if (term[i] === term[i + 1]) continue;
    const swapped = term.slice(0, i) + term[i + 1] + term[i] + term.slice(i + 2);
    if (index.docFreq.has(swapped)) found.push(swapped);
  }
  return found;
}

/**
 * The notes' words `term` may stand for, closest first (remembered per index), each with its weight
 * and whether it is a correction: a typo one edit (or one swap) away from exactly one word is what the student meant ("cloudfrnt" → "cloudfront") and counts as the word
 * itself: the key term of a question is the one typed fastest, so it is often the misspelt one.
 */
function candidatesOf(index: SearchIndex, term: string): [string, number, boolean][] {
  let known = remembered.get(index);
  if (!known) remembered.set(index, (known = new Map()));
  let found = known.get(term);
  if (found === undefined) {
    const weights = new Map<string, number>();
    if (term.length > 3) {
      for (const [t] of index.vocabulary.atPrefix(term))
        weights.set(t, (0.375 * t.length) / (t.length + 0.3 * (t.length - term.length)));
    }
    const distances = new Map<string, number>();
    const swaps = term.length > 3 ? swapsOf(index, term) : [];
    if (term.length > 3) {
      for (const [t, distance] of index.typos.near(term, Math.min(2, Math.round(term.length * 0.2))))
        distances.set(t, distance);
      for (const t of swaps) distances.set(t, 1);
    }
    const closest = [...distances].filter(([, d]) => d === 1).map(([t]) => t);
    // Words with digits are names ("int8", "24xlarge"), not typos. People seldom slip on the letter
    // a word starts with: "umap" is not "map" mistyped, nor "focal" "local" (as in typos.ts); a
    // swap of the first two letters is a slip.
    const [only] = closest.length === 1 ? closest : [];
    const corrected = only !== undefined && alphabetic.test(term) && (only[0] === term[0] || swaps.includes(only));
    const corrections = new Set(corrected ? [only] : []);
    // Four-letter words are too short for loose fuzzy matches; only their corrections count.
    for (const [t, distance] of distances) {
      if (term.length > 4 || corrections.has(t))
        weights.set(t, Math.max(weights.get(t) ?? 0, (0.45 * t.length) / (t.length + distance)));
    }
    found = [...weights]
      .map(([t, w]): [string, number, boolean] => [t, w, corrections.has(t)])
      .sort((a, b) => Number(b[2]) - Number(a[2]) || b[1] - a[1]);
    if (known.size >= maxRemembered) known.clear();
    known.set(term, found);
  }
  return found;
}
