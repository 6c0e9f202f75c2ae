import type { Section } from '../notes/types.js';
import { definitionSubject, putAboutFirst } from './about.js';
import { findAnswerLine } from './answer-line.js';
import { askedFigure, holdsFigure } from './asked-figure.js';
import { formulaTerms, statesFormula } from './formula.js';
import { missingWords, ruledOut, typedAsNames, typedAsWord } from './missing.js';
import { phrasingWords } from './phrasing.js';
import { restoreAccents } from './accents.js';
import { cyrillicScript } from './languages.js';
import { latinLoanwords } from './loanwords.js';
import { uncasual } from './casual.js';
import { plainSuperlatives } from './superlatives.js';
import { stemPhrase, type SearchIndex } from './index.js';
import { opensNames, writtenAsName } from './names.js';
import { isDatedPost } from './posts.js';
import { expansionsOf, type NearTerm, nearTermsOf } from './related.js';
import { respace } from './spacing.js';
import { isEnglishWord } from './dictionary.js';
import { isEverydaySpelling } from './everyday.js';
import { type Terms, tokenize } from './text.js';
import { correctTypedWords } from './typos.js';
import type { RankedSection, WeightedWord } from './wordScores.js';

interface Hit {
  section: Section;
  score: number;
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
  /**
   * The question's specific words the best section does not contain, not even as an expansion or
   * a typo's correction, as typed ("max", "size"): what a near miss asks that the answer lacks.
   */
  missing: string[];
  /** The sentence, list item or table row of the best section that best answers the question. */
  answerLine: string | null;
}

export interface SearchTuning {
  /** Weight of terms added by acronym expansion, relative to the question's own terms. */
  expansionWeight: number;
  /** At or above this coverage the best section is taken to answer the question. */
  minCoverage: number;
  /**
   * The same, over notes not in English. There the verbs and adverbs someone asks with mostly keep
   * their full weight (phrasing.ts tags English, and reads Russian verbs by their endings only), and
   * an inflected word the stemmer leaves apart from the notes' form counts as a word they never
   * use, so an answerable question covers less.
   */
  minCoverageOtherLanguages: number;
  /**
   * A long question full of words the notes never use can still be answered when the best
   * section matches enough specific terms: IDF mass worth this many of the rarest possible
   * terms, at this lower coverage.
   */
  minEvidence: number;
  minCoverageWithEvidence: number;
  /** Credit for a question term found only by prefix or fuzzy matching. */
  fuzzyCredit: number;
  /** Weight of a typo's correction (see related.ts), relative to the question's own terms. */
  correctionWeight: number;
  /** Longer questions keep only this many of their most specific terms. */
  maxTerms: number;
  /**
   * Terms found in more than this share of sections (and more than minCommonDocs of them) are
   * dropped when rarer ones exist; small collections are fast enough to keep every term.
   */
  maxDocFraction: number;
  minCommonDocs: number;
  /**
   * Work budget: the summed document frequency of the terms searched, the question's own terms
   * rarest first, then expansions. A term that does not fit is searched in headings only if its
   * heading frequency fits, else left out (at least one term is always searched).
   */
  maxPostings: number;
  /** The budget is also at most this many postings per section in the collection. */
  maxPostingsPerSection: number;
  /** Score multiplier is (floor + coverage): 0 ranks purely by coverage, large values ignore it. */
  coordinationFloor: number;
  /** Added to that multiplier times the share of the question the section's own heading names. */
  headingBonus: number;
  /**
   * A question word the best section lacks is reported missing when the notes use it in at most
   * this share of their sections: common words ("use", "run") say little about what is asked.
   */
  missingMaxDocShare: number;
  /** …and only when the words the section lacks carry at least this share of the question's information. */
  missingMinShare: number;
  /** A word the notes never use is missing, even an everyday one, when it carries this share of the question's information. */
  missingWordShare: number;
  /** A name the notes use (written with a capital) in at most this share of sections is missing wherever the best section lacks it. */
  nameDocShare: number;
  /** A heading word in more than this share of sections ("AWS") does not change what the heading names. */
  genericDocShare: number;
  /**
   * Weight of a phrasing word (phrasing.ts: an everyday verb, adverb or adjective the notes never
   * use, "turn off", "bring") relative to its IDF, in coverage and at the gate.
   */
  phrasingWeight: number;
}

// The confidence thresholds were chosen by 5-fold cross-validation over the tune, holdout, blind and
// blind2 questions: the most out-of-scope questions declined while at most 5 % of answerable ones
// are. Coordination floors from 0.5 to 100 ranked our notes alike; 2 and 4 ranked the SageMaker
// guide better than 0.5 (hit@1 0.39–0.40 against 0.37), and 2 declined fewer answerable questions.
export const defaultTuning: SearchTuning = {
  expansionWeight: 0.5,
  minCoverage: 0.48,
  minCoverageOtherLanguages: 0.3,
  minEvidence: 1.3,
  minCoverageWithEvidence: 0.2,
  fuzzyCredit: 0.6,
  correctionWeight: 1,
  maxTerms: 24,
  maxDocFraction: 0.5,
  minCommonDocs: 200,
  maxPostings: 3000,
  maxPostingsPerSection: 1.5,
  coordinationFloor: 2,
  headingBonus: 1,
  missingMaxDocShare: 0.05,
  missingMinShare: 0.6,
  missingWordShare: 0.35,
  nameDocShare: 0.01,
  genericDocShare: 0.3,
  phrasingWeight: 0.3,
};

const idf = (index: SearchIndex, term: string): number => {
  const n = index.sections.length || 1;
  const df = index.docFreq.get(term) ?? 0;
  return Math.log(1 + (n - df + 0.5) / (df + 0.5));
};

/** The question's stemmed words, the most specific ones when it is long. */
function specificTerms(index: SearchIndex, question: string, tuning: SearchTuning): string[] {
  const terms = index.terms.queryTerms(question);
  if (terms.length <= tuning.maxTerms) return terms;
  return [...terms].sort((a, b) => idf(index, b) - idf(index, a)).slice(0, tuning.maxTerms);
}

interface WorkPlan {
  /** Searched in the heading fields only. */
  headingOnly: Set<string>;
  /** Not searched at all. */
  left: Set<string>;
}

/**
 * Work budget, the question's own terms first and rarest first; expansions share it ("aws" →
 * "amazon web services" adds three of the commonest words of the SageMaker guide). A term past
 * the budget is searched in headings only while those fit: it still says what a section is
 * about there, at a fraction of the cost. Anything further is left out.
 */
function planWork(index: SearchIndex, byPriority: string[], tuning: SearchTuning): WorkPlan {
  const df = (t: string) => index.docFreq.get(t) ?? 0;
  const headingDf = (t: string) => index.headingDocFreq.get(t) ?? 0;
  const plan: WorkPlan = { headingOnly: new Set(), left: new Set() };
  const budget = Math.min(tuning.maxPostings, tuning.maxPostingsPerSection * index.sections.length);
  let postings = 0;
  for (const t of byPriority) {
    // The first term is always searched, in headings only if it alone is over the budget.
    const first = postings === 0;
    if (postings + df(t) <= budget || (first && headingDf(t) === 0)) postings += df(t);
    else if (headingDf(t) > 0 && (first || postings + headingDf(t) <= budget)) {
      plan.headingOnly.add(t);
      postings += headingDf(t);
    } else plan.left.add(t);
  }
  return plan;
}

/**
 * How much of the question a section covers: the IDF-weighted share of its words found there,
 * directly or through an expansion, or (for less) through a prefix or typo match. `sourceOf`
 * names the question word a searched word stands for.
 */
function coverageMeter(
  index: SearchIndex,
  terms: string[],
  sourceOf: (term: string) => string,
  isNear: (term: string) => boolean,
  tuning: SearchTuning,
  phrasing: ReadonlySet<string>,
) {
  const weights = new Map(
    terms.map((t) => [t, (idf(index, t) || 0.1) * (phrasing.has(t) ? tuning.phrasingWeight : 1)]),
  );
  const total = [...weights.values()].reduce((a, b) => a + b, 0);
  // "formula" is held by a section that states one (formula.ts), when it holds most of what the
  // formula is of: "the quadratic formula" is not held by the F1 score's.
  const asksFormula = formulaTerms(terms, index.terms.queryTerm);
  const topicWeight = total - asksFormula.reduce((sum, t) => sum + weights.get(t)!, 0);
  const creditOf = (result: RankedSection): Map<string, number> => {
    const credit = new Map<string, number>();
    for (const t of result.terms) {
      const source = sourceOf(t);
      credit.set(source, Math.max(credit.get(source) ?? 0, isNear(t) ? tuning.fuzzyCredit : 1));
    }
    if (asksFormula.length > 0 && topicWeight > 0) {
      let topic = 0;
      for (const [term, weight] of weights) if (!asksFormula.includes(term)) topic += weight * (credit.get(term) ?? 0);
      if (topic / topicWeight >= 0.5 && statesFormula(index.sections[result.id]!.blocks))
        for (const t of asksFormula) credit.set(t, 1);
    }
    return credit;
  };
  const coverageOf = (result: RankedSection): number => {
    const credit = creditOf(result);
    let covered = 0;
    for (const [term, weight] of weights) covered += weight * (credit.get(term) ?? 0);
    return covered / total;
  };
  return { total, coverageOf, creditOf };
}

const headingTerms = new WeakMap<Section, Set<string>>();
function headingTermsOf(section: Section, words: Terms): Set<string> {
  let terms = headingTerms.get(section);
  if (!terms)
    headingTerms.set(
      section,
      (terms = new Set(stemPhrase(section.level === 0 ? section.noteTitle : section.heading, words))),
    );
  return terms;
}

/** What the question asks for, once its words are chosen and the work is planned. */
interface PlannedQuery {
  /** The question after chat clean-up. */
  question: string;
  /** The question's own terms coverage is measured over. */
  measured: string[];
  /** Those of them the notes contain. */
  known: string[];
  /** Acronym and long-name expansions: added term → the question term it stands for. */
  expansions: Map<string, string>;
  /** Prefix, typo and correction candidates of unknown terms. */
  near: Map<string, NearTerm>;
  /** Terms searched in the heading fields only. */
  headingOnly: Set<string>;
  /** Expansions and near terms, in that order. */
  added: string[];
  isCommon: (term: string) => boolean;
}

const emptyOutcome = (terms: string[], searchedTerms: string[]): SearchOutcome => ({
  terms,
  searchedTerms,
  hits: [],
  coverage: 0,
  confident: false,
  missing: [],
  answerLine: null,
});

/**
 * The question as it is searched: chat clean-up, typos of English words the notes use corrected,
 * superlatives read as their plain form, words run together split as the notes write them. Typos
 * and superlatives are read against an English word list: in notes of another language, not at all;
 * there the accents a word was typed without are put back (accents.ts).
 */
function readQuestion(index: SearchIndex, typed: string): string {
  const cleaned = uncasual(typed, index.terms.language);
  const known = (term: string) => index.docFreq.has(term);
  const stemOf = index.terms.stem;
  const language = index.terms.language;
  if (language) {
    const accented = restoreAccents(cleaned, index.terms.accentedLetters, known, stemOf);
    return respace(index, cyrillicScript.has(language) ? latinLoanwords(accented, known, stemOf) : accented);
  }
  const corrected = correctTypedWords(cleaned, known, stemOf, isEnglishWord, isEverydaySpelling);
  return respace(index, plainSuperlatives(corrected, known, stemOf, isEnglishWord));
}

export function search(
  index: SearchIndex,
  typed: string,
  limit = 5,
  tuning: SearchTuning = defaultTuning,
): SearchOutcome {
  const question = readQuestion(index, typed);
  const asked = specificTerms(index, question, tuning);
  if (asked.length === 0) return emptyOutcome(asked, asked);
  const query = planQuery(index, question, asked, tuning);
  const results = index.scores.rank(weightedWords(query, tuning), Math.max(limit * 8, 40));
  const searchedTerms = [...query.measured, ...query.added.filter((t) => !query.headingOnly.has(t))];
  // As before planning: no section holds any searched word.
  if (results.length === 0) return emptyOutcome(asked, searchedTerms);
  const usedByNotes = (t: string) => index.docFreq.has(t);
  const names = typedAsNames(query.question, index.terms, usedByNotes);
  const phrasing = phrasingWords(query.question, query.measured, index.terms, usedByNotes, names);
  const meter = coverageMeter(index, query.measured, sourceFor(query), isLooseMatch(query), tuning, phrasing);
  const head = rerank(index, query, results, meter, tuning);
  const line = answerLineOf(index, query, head[0]!.r, tuning);
  return {
    terms: query.measured,
    searchedTerms,
    hits: head.slice(0, limit).map(({ r, score }) => ({ section: index.sections[r.id]!, score })),
    coverage: head[0]!.coverage,
    missing: missingOf(index, query, head[0]!.r, meter.creditOf(head[0]!.r), line, names, tuning),
    answerLine: line,
    confident: isConfident(index, query, head[0]!, meter.total, tuning),
  };
}

/**
 * Words in a large share of all sections ("sagemaker" in the SageMaker guide) barely rank and
 * cost the most to score: leave them out whenever the question has rarer words.
 */
function commonTermFilter(index: SearchIndex, tuning: SearchTuning): (term: string) => boolean {
  const commonDf = Math.max(tuning.maxDocFraction * index.sections.length, tuning.minCommonDocs);
  return (t) => (index.docFreq.get(t) ?? 0) > commonDf;
}

/** The terms to search, what each stands for, and which fit the work budget. */
function planQuery(index: SearchIndex, question: string, asked: string[], tuning: SearchTuning): PlannedQuery {
  const isCommon = commonTermFilter(index, tuning);
  const terms = asked.some((t) => index.docFreq.has(t) && !isCommon(t)) ? asked.filter((t) => !isCommon(t)) : asked;
  const { expansions, near } = relatedTerms(index, question, terms, tuning);
  const byRarity = (list: Iterable<string>) =>
    [...list].sort((a, b) => (index.docFreq.get(a) ?? 0) - (index.docFreq.get(b) ?? 0));
  const { headingOnly, left } = planWork(
    index,
    [...byRarity(terms), ...byRarity(expansions.keys()), ...byRarity(near.keys())],
    tuning,
  );
  for (const t of commonInHeadings(index, asked, terms, tuning)) headingOnly.add(t);
  for (const t of left) {
    expansions.delete(t);
    near.delete(t);
  }
  // Coverage is measured over the words searched in full, or over the headings-only ones when
  // nothing else is left ("explain image" in a collection where most sections show an image).
  const inFull = terms.filter((t) => !headingOnly.has(t) && !left.has(t));
  const measured = inFull.some((t) => index.docFreq.has(t)) ? inFull : terms.filter((t) => !left.has(t));
  return {
    question,
    measured,
    known: measured.filter((t) => index.docFreq.has(t)),
    expansions,
    near,
    headingOnly,
    added: [...expansions.keys(), ...near.keys()],
    isCommon,
  };
}

/**
 * The question's common words (left out of `terms`) that headings still say few enough times to
 * search there: "data" is in half the notes' sections, but "Management events and data events"
 * and "Kinesis Data Streams" name it. Searched in headings only and uncounted, as words past the
 * work budget are (DESIGN.md §2.3); each at most a budget's worth of postings.
 */
function commonInHeadings(index: SearchIndex, asked: string[], terms: string[], tuning: SearchTuning): string[] {
  const budget = Math.min(tuning.maxPostings, tuning.maxPostingsPerSection * index.sections.length);
  return asked.filter((t) => {
    const inHeadings = index.headingDocFreq.get(t) ?? 0;
    return !terms.includes(t) && inHeadings > 0 && inHeadings <= budget;
  });
}

/** Acronym and long-name expansions of the terms, and prefix/typo candidates of the unknown ones. */
function relatedTerms(index: SearchIndex, question: string, terms: string[], tuning: SearchTuning) {
  const expansions = expansionsOf(index, question, terms);
  const unknown = terms.filter((t) => !index.docFreq.has(t));
  const near = nearTermsOf(
    index,
    unknown,
    (t) => terms.includes(t) || expansions.has(t),
    typedAsWord(question, index.terms),
    tuning.correctionWeight,
  );
  return { expansions, near };
}

/** The question word a searched term stands for. */
const sourceFor =
  (query: PlannedQuery) =>
  (term: string): string =>
    query.expansions.get(term) ?? query.near.get(term)?.source ?? term;

/** Whether a term was found only by prefix or a loose typo match (it earns fuzzyCredit). */
const isLooseMatch =
  (query: PlannedQuery) =>
  (term: string): boolean =>
    query.near.has(term) && !query.near.get(term)!.correction;

/**
 * The words to score, each with its weight and the question word it counts as. Words searched in
 * headings only add their scores but are not counted among the words found (`WeightedWord.uncounted`,
 * DESIGN.md §2.7).
 */
function weightedWords(query: PlannedQuery, tuning: SearchTuning): WeightedWord[] {
  const { expansions, near, headingOnly } = query;
  const sourceOf = sourceFor(query);
  const weightOf = (term: string): number =>
    expansions.has(term) ? tuning.expansionWeight : (near.get(term)?.weight ?? 1);
  return [
    ...query.known.filter((t) => !headingOnly.has(t)).map((term) => ({ term, weight: 1, headingsOnly: false })),
    ...query.added
      .filter((t) => !query.isCommon(t) && !headingOnly.has(t))
      .map((term) => ({ term, weight: weightOf(term), headingsOnly: false, source: sourceOf(term) })),
    ...[...headingOnly].map((term) => ({
      term,
      weight: weightOf(term),
      headingsOnly: true,
      source: sourceOf(term),
      uncounted: true,
    })),
  ];
}

type CoverageMeter = ReturnType<typeof coverageMeter>;

interface Reranked {
  r: RankedSection;
  section: Section;
  coverage: number;
  score: number;
}

/**
 * A dated post's score is multiplied by this: when a blog post and a docs page match a question
 * about equally, the page that documents it answers, and the post still answers what only it
 * says ("what was initialData renamed to in v1"). On swr-site English (tune, with code blocks
 * weighed less, index.ts) 0.8 and 0.7 moved one question, 0.6 a second: hit@1 0.686 → 0.725.
 * Our notes, the SageMaker guide and the other real folders have no posts: unchanged.
 */
const datedPostWeight = 0.6;

/**
 * Coordination: a section that covers more of the question's meaning beats one that only
 * repeats a single term. Re-ranking the head of MiniSearch's list is enough and keeps this cheap.
 * A section whose own heading names the question's words is about them ("what is IAM").
 */
function rerank(
  index: SearchIndex,
  query: PlannedQuery,
  results: RankedSection[],
  meter: CoverageMeter,
  tuning: SearchTuning,
): Reranked[] {
  const sourceOf = sourceFor(query);
  const headingShare = (r: RankedSection): number => {
    const named = new Set<string>();
    for (const t of headingTermsOf(index.sections[r.id]!, index.terms)) if (r.terms.includes(t)) named.add(sourceOf(t));
    let share = 0;
    for (const t of named) share += idf(index, t) || 0.1;
    return share / meter.total;
  };
  const head = results.map((r) => {
    const coverage = meter.coverageOf(r);
    const bonus = tuning.headingBonus > 0 ? tuning.headingBonus * headingShare(r) : 0;
    const section = index.sections[r.id]!;
    return {
      r,
      section,
      coverage,
      score: r.score * (tuning.coordinationFloor + coverage + bonus) * (isDatedPost(section) ? datedPostWeight : 1),
    };
  });
  head.sort((a, b) => b.score - a.score);
  // "what is IAM": the section named exactly IAM comes first.
  const subject = definitionSubject(query.question, index.terms)?.filter((t) => query.measured.includes(t)) ?? null;
  putAboutFirst(
    head,
    subject?.length ? subject : null,
    (t) => query.expansions.get(t) ?? query.near.get(t)?.source,
    (t) => (index.docFreq.get(t) ?? 0) > tuning.genericDocShare * index.sections.length,
    index.terms,
  );
  return head;
}

/** The best section's sentence, list item or table row that best answers the question. */
function answerLineOf(index: SearchIndex, query: PlannedQuery, best: RankedSection, tuning: SearchTuning) {
  const sourceOf = sourceFor(query);
  const loose = isLooseMatch(query);
  const searched = new Map<string, { source: string; weight: number }>();
  for (const t of [...query.measured, ...query.added]) {
    const source = sourceOf(t);
    searched.set(t, { source, weight: idf(index, source) * (loose(t) ? tuning.fuzzyCredit : 1) });
  }
  // A question asking for a figure ("how long") is answered by a line stating one ("14 days").
  const asked = askedFigure(query.question);
  const statesFigure = asked ? (text: string) => holdsFigure(text, asked, query.question) : undefined;
  return findAnswerLine(index.sections[best.id]!.blocks, searched, index.terms.stem, statesFigure)?.text ?? null;
}

/** The question words the best section does not hold (see missingWords), typos of known words aside. */
function missingOf(
  index: SearchIndex,
  query: PlannedQuery,
  best: RankedSection,
  found: Map<string, number>,
  answerLine: string | null,
  typedNames: ReadonlySet<string>,
  tuning: SearchTuning,
): string[] {
  const resembled = new Set([...query.near.values()].map((n) => n.source));
  // An English word the notes never use, matched only loosely to other words ("focal" to "local"), is
  // no typo. One its matches extend ("cert" → "certification") or contain ("reappear" → "appear") is
  // a short or derived form of theirs.
  const isWord = typedAsWord(query.question, index.terms);
  const nearOf = (source: string) => [...query.near].filter(([, n]) => n.source === source);
  const looseWords = [...resembled].filter(
    (t) => isWord(t) && nearOf(t).every(([near, n]) => !n.correction && !near.startsWith(t) && !t.includes(near)),
  );
  const expandedSources = new Set(query.expansions.values());
  // A word typed as a name ("Verified", "useSWRMutation") is no typo of the notes' words.
  const names = new Set(typedNames);
  // A word the notes never use after one they open names with ("amazon pinpoint") is a name too,
  // unless it is a typo the search corrected ("sagemaker endpont").
  const corrected = new Set([...query.near.values()].filter((n) => n.correction).map((n) => n.source));
  const words = tokenize(query.question).map((token) => index.terms.queryTerm(token));
  words.forEach((word, i) => {
    const before = words[i - 1];
    if (word && before && !index.docFreq.has(word) && !corrected.has(word) && opensNames(index, before))
      names.add(word);
  });
  const terms = query.measured.filter((t) => !resembled.has(t) || names.has(t));
  const holds = (t: string) => index.docFreq.has(t) && includesSorted(index.scores.sectionsWith(t), best.id);
  const held = wholeExpansions(index, found, best, holds);
  // A name the notes never use is not held through a word it merely resembles ("ROUGE" → "roughly").
  for (const t of typedNames) if (!index.docFreq.has(t) && !corrected.has(t) && !expandedSources.has(t)) held.delete(t);
  return missingWords(index, query.question, terms, held, answerLine ?? '', index.sections[best.id]!, {
    ...tuning,
    idf: (t) => idf(index, t),
    hasStandIn: (t) => expandedSources.has(t),
    isName: (t) => writtenAsName(index, t),
    holds,
    typedNames: names,
    looseWords,
  });
}

/**
 * The question words the best section holds, an acronym only when the section holds it or every
 * word of one of its long names: "storage" alone does not stand for S3 ("simple storage service").
 */
function wholeExpansions(
  index: SearchIndex,
  found: Map<string, number>,
  best: RankedSection,
  holds: (t: string) => boolean,
): Map<string, number> {
  const held = new Map(found);
  for (const source of found.keys()) {
    const longNames = index.acronyms.get(source);
    if (!longNames || best.terms.includes(source)) continue;
    if (!longNames.some((words) => words.every(holds))) held.delete(source);
  }
  return held;
}

/** Whether an ascending list holds a value (binary search). */
function includesSorted(list: Uint32Array, value: number): boolean {
  let low = 0;
  let high = list.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (list[mid] === value) return true;
    if (list[mid]! < value) low = mid + 1;
    else high = mid - 1;
  }
  return false;
}

/** The "not covered" gate (DESIGN.md §2.9). */
function isConfident(
  index: SearchIndex,
  query: PlannedQuery,
  best: Reranked,
  total: number,
  tuning: SearchTuning,
): boolean {
  // A typo's correction stands for a known word ("cloudfrnt" is "cloudfront").
  const corrected = [...query.near.values()].some((n) => n.correction);
  const unasked = ruledOut(query.question, index.terms);
  const namesElsewhere = query.measured.some((t) => index.names.has(t) && !best.r.terms.includes(t) && !unasked.has(t));
  const rarest = Math.log(1 + (index.sections.length + 0.5) / 0.5);
  const evidence = (best.coverage * total) / rarest;
  return (
    (query.known.length > 0 || corrected) &&
    !namesElsewhere &&
    (best.coverage >= (index.terms.language === undefined ? tuning.minCoverage : tuning.minCoverageOtherLanguages) ||
      (evidence >= tuning.minEvidence && best.coverage >= tuning.minCoverageWithEvidence))
  );
}
