import type { Query, SearchResult as MiniResult } from 'minisearch';
import type { Section } from '../notes/types.js';
import { fieldBoosts, headingFields, type SearchIndex } from './index.js';
import { indexTerm, queryTerms, tokenize } from './text.js';

export interface Hit {
  section: Section;
  score: number;
  /** Stemmed query terms (and expansions) found in the section. */
  matched: string[];
}

export interface SearchOutcome {
  /** Stemmed terms of the question, after stop words. */
  terms: string[];
  /** Every term the search looked for, expansions included (for highlighting). */
  searchedTerms: string[];
  hits: Hit[];
  /** Share of the question's information (IDF-weighted) the best hit covers, 0–1. */
  coverage: number;
  confident: boolean;
}

export interface SearchTuning {
  /** Weight of terms added by acronym expansion, relative to the question's own terms. */
  expansionWeight: number;
  /** At or above this coverage the best section is taken to answer the question. */
  minCoverage: number;
  /**
   * A long question full of words the notes never use can still be answered when the best
   * section matches enough specific terms: IDF mass worth this many of the rarest possible
   * terms, at this lower coverage.
   */
  minEvidence: number;
  minCoverageWithEvidence: number;
  /** Credit for a question term found only by prefix or fuzzy matching. */
  fuzzyCredit: number;
  /** Longer questions keep only this many of their most specific terms. */
  maxTerms: number;
  /**
   * Terms found in more than this share of sections (and more than minCommonDocs of them) are
   * dropped when rarer ones exist; small collections are fast enough to keep every term.
   */
  maxDocFraction: number;
  minCommonDocs: number;
  /**
   * Work budget: the summed document frequency of the terms searched. Over it, the most common
   * terms are left out, rarest first kept, until the rest fit (at least one term is searched).
   */
  maxPostings: number;
  /** Score multiplier is (floor + coverage): 0 ranks purely by coverage, large values ignore it. */
  coordinationFloor: number;
  /** Per-field boosts; see fieldBoosts for why they are equal. */
  boost: Partial<Record<keyof typeof fieldBoosts, number>>;
}

export const defaultTuning: SearchTuning = { expansionWeight: 0.5, minCoverage: 0.55, minEvidence: 1.5, minCoverageWithEvidence: 0.2, fuzzyCredit: 0.6, maxTerms: 24, maxDocFraction: 0.5, minCommonDocs: 200, maxPostings: 3000, coordinationFloor: 0.5, boost: fieldBoosts };

const idf = (index: SearchIndex, term: string): number => {
  const n = index.sections.length || 1;
  const df = index.docFreq.get(term) ?? 0;
  return Math.log(1 + (n - df + 0.5) / (df + 0.5));
};

/** Acronym ↔ long-name expansions of the question, both ways. Maps each added term to its source. */
function expand(index: SearchIndex, question: string, terms: string[]): Map<string, string> {
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

export function search(index: SearchIndex, question: string, limit = 5, tuning: SearchTuning = defaultTuning): SearchOutcome {
  let terms = queryTerms(question);
  if (terms.length > tuning.maxTerms) {
    terms = [...terms].sort((a, b) => idf(index, b) - idf(index, a)).slice(0, tuning.maxTerms);
  }
  const empty: SearchOutcome = { terms, searchedTerms: terms, hits: [], coverage: 0, confident: false };
  if (terms.length === 0) return empty;

  // Words in a large share of all sections ("sagemaker" in the SageMaker guide) barely rank
  // and cost the most to score: leave them out whenever the question has rarer words.
  const commonDf = Math.max(tuning.maxDocFraction * index.sections.length, tuning.minCommonDocs);
  const common = (t: string): boolean => (index.docFreq.get(t) ?? 0) > commonDf;
  if (terms.some((t) => index.docFreq.has(t) && !common(t))) terms = terms.filter((t) => !common(t));
  const df = (t: string) => index.docFreq.get(t) ?? 0;

  // Work budget, the question's own terms first and rarest first; expansions share it ("aws" → "amazon web services" adds
  // three of the commonest words of the SageMaker guide). A term past the budget is searched in
  // headings only: it still says what a section is about there, at a fraction of the cost.
  const expansions = expand(index, question, terms);
  const headingOnly = new Set<string>();
  let postings = 0;
  const byRarity = (list: Iterable<string>) => [...list].sort((a, b) => df(a) - df(b));
  for (const t of [...byRarity(terms), ...byRarity(expansions.keys())]) {
    if (postings > 0 && postings + df(t) > tuning.maxPostings) headingOnly.add(t);
    else postings += df(t);
  }
  terms = terms.filter((t) => !headingOnly.has(t));
  const known = terms.filter((t) => index.docFreq.has(t));
  const unknown = terms.filter((t) => !index.docFreq.has(t));
  const exactTerms = [...known, ...[...expansions.keys()].filter((t) => index.docFreq.has(t) && !common(t) && !headingOnly.has(t))];
  const queries: Query[] = [];
  if (exactTerms.length) queries.push({ combineWith: 'OR', queries: exactTerms });
  if (headingOnly.size) queries.push({ combineWith: 'OR', queries: [...headingOnly], fields: headingFields });
  // Prefix and fuzzy matching only for words the notes never use (typos, plurals of rare words).
  if (unknown.length) queries.push({ combineWith: 'OR', queries: unknown, prefix: (t) => t.length > 3, fuzzy: (t) => (t.length > 4 ? 0.2 : false) });

  const results: MiniResult[] = index.mini.search({ combineWith: 'OR', queries }, {
    boost: tuning.boost,
    // Typos are one or two edits; more makes long unknown words walk much of the vocabulary.
    maxFuzzy: 2,
    boostTerm: (term) => (expansions.has(term) ? tuning.expansionWeight : 1),
    tokenize: (text) => [text],
    processTerm: (term) => term,
  });
  const searchedTerms = [...terms, ...[...expansions.keys()].filter((t) => !headingOnly.has(t))];
  if (results.length === 0) return { ...empty, searchedTerms };

  const weights = new Map(terms.map((t) => [t, idf(index, t) || 0.1]));
  const total = [...weights.values()].reduce((a, b) => a + b, 0);
  const expandedFrom = new Map<string, string[]>();
  for (const [added, source] of expansions) expandedFrom.set(source, [...(expandedFrom.get(source) ?? []), added]);
  const evidenceOf = (result: MiniResult): number => {
    const found = new Set(result.queryTerms);
    let covered = 0;
    for (const [term, weight] of weights) {
      if (found.has(term)) covered += index.docFreq.has(term) ? weight : weight * tuning.fuzzyCredit;
      else if (expandedFrom.get(term)?.some((t) => found.has(t))) covered += weight;
    }
    return covered;
  };
  const coverageOf = (result: MiniResult): number => evidenceOf(result) / total;

  // Coordination: a section that covers more of the question's meaning beats one that only
  // repeats a single term. Re-ranking the head of the list is enough and keeps this cheap.
  const head = results.slice(0, Math.max(limit * 8, 40)).map((r) => {
    const coverage = coverageOf(r);
    return { r, coverage, score: r.score * (tuning.coordinationFloor + coverage) };
  });
  head.sort((a, b) => b.score - a.score);
  const hits: Hit[] = head.slice(0, limit).map(({ r, score }) => ({
    section: index.sections[r.id as number]!,
    score,
    matched: [...new Set([...r.queryTerms, ...r.terms.map((t) => indexTerm(t) ?? t)])],
  }));
  const coverage = head[0]!.coverage;
  const rarest = Math.log(1 + (index.sections.length + 0.5) / 0.5);
  const evidence = (coverage * total) / rarest;
  return {
    terms,
    searchedTerms,
    hits,
    coverage,
    confident: known.length > 0 && (coverage >= tuning.minCoverage || (evidence >= tuning.minEvidence && coverage >= tuning.minCoverageWithEvidence)),
  };
}
