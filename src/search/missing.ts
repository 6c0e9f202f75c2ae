import { askedFigure, holdsFigure, namesAsked } from './asked-figure.js';
import { isEnglishWord } from './dictionary.js';
import { isEverydayWord } from './everyday.js';
import type { SearchIndex } from './index.js';
import { type Terms, tokenize } from './text.js';

// "Missing: max size": what the question asks that the best section does not hold. Without a
// reader model the honest signal is the question's own words: a near miss ("max size of an SQS
// message" answered by Amazon MQ) lacks its most specific words, a right answer lacks at most a
// few common ones ("use", "work").

export interface MissingOptions {
  /** A question word counts as specific when the notes use it in at most this share of their sections. */
  missingMaxDocShare: number;
  /** Shown when the specific words the section lacks carry at least this share of the question's IDF. */
  missingMinShare: number;
  idf: (term: string) => number;
  /** Whether a word of the question was searched through another word (an expansion: "prem" → "premises"). */
  hasStandIn: (term: string) => boolean;
}

/**
 * What the question asks that the best section does not hold, as typed: names the notes never use
 * (not English words, or English words outside everyday English, nor close to any of the notes'
 * words: "slurm", "azure"); the figure asked for when
 * the answer line states none of its kind ("max size" and no "256 KB");
 * and, when they carry enough of the
 * question's information (IDF), the specific words the section lacks, words the notes never use
 * included ("salary"). `terms` are the stemmed question words with no typo correction pending,
 * `found` those the section holds (directly, through an expansion or a correction).
 */
export function missingWords(
  index: SearchIndex,
  question: string,
  terms: string[],
  found: ReadonlyMap<string, number>,
  answerLine: string,
  sectionText: string,
  options: MissingOptions,
): string[] {
  const isWord = typedAsWord(question, index.terms);
  const typed = (t: string) => typedWords(question, [t], index.terms)[0]!;
  // Neither the notes nor everyday English use it: a name ("kubeflow", "azure"), not chat.
  const names = terms.filter(
    (t) =>
      !index.docFreq.has(t) &&
      !found.has(t) &&
      !options.hasStandIn(t) &&
      /^[a-z]+$/.test(t) &&
      (!isWord(t) || !isEverydayWord(typed(t))),
  );
  const figure = missingFigure(question, answerLine, sectionText);
  const total = terms.reduce((sum, t) => sum + options.idf(t), 0) || 1;
  const specific = (t: string): boolean =>
    (index.docFreq.get(t) ?? 0) <= options.missingMaxDocShare * index.sections.length;
  const absent = terms.filter((t) => !found.has(t) && specific(t));
  const share = absent.reduce((sum, t) => sum + options.idf(t), 0) / total;
  const lacking = share >= options.missingMinShare ? absent : [];
  const words = typedWords(question, [...names, ...lacking], index.terms).filter((w) => !inFigure(w, figure));
  return [...new Set([...figure, ...words])];
}

/**
 * The figure asked for ("max size"), when the answer line states none of its kind (the answer
 * line is the section's best unit stating one, if any comes close: see findAnswerLine), and the
 * section does not name the asked words as a setting it describes ("maximum run time").
 */
function missingFigure(question: string, answerLine: string, sectionText: string): string[] {
  const asked = askedFigure(question);
  if (asked === null || holdsFigure(answerLine, asked, question) || namesAsked(sectionText, asked)) return [];
  return [asked.asked];
}

/** Whether a typed word is part of the figure shown ("size" of "max size"). */
const inFigure = (word: string, figure: string[]): boolean =>
  figure.some((f) => f.split(' ').includes(word.toLowerCase()));

/** The words of the question that stand for these stemmed terms, as typed. */
function typedWords(question: string, terms: string[], { queryTerm }: Terms): string[] {
  const tokens = tokenize(question);
  return terms.map((term) => tokens.find((token) => queryTerm(token) === term) ?? term);
}

/** Whether a stemmed question term was typed as an English word (then it is no typo). */
export function typedAsWord(question: string, { queryTerm }: Terms): (term: string) => boolean {
  const tokens = tokenize(question);
  return (term) => tokens.some((token) => queryTerm(token) === term && isEnglishWord(token.toLowerCase()));
}
