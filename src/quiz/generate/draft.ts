import { createHash } from 'node:crypto';
import { eng } from 'stopword';
import type { QuizQuestion } from '../../notes/types.js';
import { seededRandom, shuffled } from '../shuffle.js';
import type { SectionFacts } from './facts.js';
import { sameKind, sharesStem } from './quality.js';

/** A question before its distractors are chosen. */
export interface Draft {
  kind: string;
  question: string;
  answer: string;
  /** The source sentence (or row, or list) the answer is read from. */
  explanation: string;
  facts: SectionFacts;
  /** Distractor candidates, nearest first: each tier is shuffled (seeded), then tiers are taken in order. */
  tiers: string[][];
  /** A candidate that would also be a right answer, or otherwise unfit. */
  reject?: (candidate: string) => boolean;
  /** Steps of one list share words by nature: only the answer's whole text may not be in the question. */
  overlapAllowed?: boolean;
  /** Table cells are of one kind already: skip the shape and containment checks. */
  sameColumn?: boolean;
  /** Fewer distractors that still make a fair question (steps: the other steps of a short list). */
  minDistractors?: number;
  /** Without three good distractors: a self-graded card with this question and answer, else dropped. */
  selfGraded?: { question: string; answer: string };
}

const stop = new Set(eng);
export const normal = (s: string): string =>
  s
    .toLowerCase()
    .normalize('NFKC')
    .replace(/[\s\p{P}\p{S}]+/gu, ' ')
    .trim();

/** Words that carry meaning: letters/digits runs of 3+ characters that are not stop words. */
function contentWords(text: string): Set<string> {
  const words = normal(text).match(/[\p{L}\p{N}]{3,}/gu) ?? [];
  return new Set(words.filter((w) => !stop.has(w) && !/\p{Script=Han}/u.test(w)));
}

/**
 * True when the question gives the answer away: its text, one of its words or a word of the same
 * stem (camelCase split), or, for Chinese, two of its characters in a row appear in the question.
 */
export function givesAway(question: string, answer: string): boolean {
  const q = normal(question);
  const a = normal(answer);
  if (a && q.includes(a)) return true;
  if (sharesStem(question, answer)) return true;
  const words = contentWords(question);
  for (const w of contentWords(answer)) if (words.has(w)) return true;
  return false;
}

const han = (s: string): boolean => /\p{Script=Han}/u.test(s);
const capital = (s: string): boolean => /^\P{Ll}*\p{Lu}/u.test(s.replace(/^(?:the|a|an)\s+/i, ''));
/** A number, maybe with a short unit ("5 TB", "99.99%", "12 hours"): figures go with figures. */
export const isFigure = (s: string): boolean => /^[~≈<>$€£]?\s?\d[\d.,]*\s?(?:%|\p{L}{0,8})?$/u.test(s.trim());
const wordsIn = (s: string): number => s.split(/\s+/).filter(Boolean).length;

/** A distractor of the answer's kind: same script, capitalisation, figures or not, and about its length. */
function similarShape(answer: string, candidate: string): boolean {
  if (!sameKind(answer, candidate)) return false;
  if (han(answer) !== han(candidate) || isFigure(answer) !== isFigure(candidate)) return false;
  if (!han(answer) && capital(answer) !== capital(candidate)) return false;
  const ratio = candidate.length / Math.max(1, answer.length);
  const words = Math.abs(wordsIn(candidate) - wordsIn(answer));
  return ratio <= 2.5 && ratio >= 0.4 && words <= Math.max(2, wordsIn(answer));
}

/** One names the other ("Marketplace" and "AWS Marketplace"): both could be right. */
function contains(a: string, b: string): boolean {
  const x = ` ${normal(a)} `;
  const y = ` ${normal(b)} `;
  return x.includes(y) || y.includes(x);
}

const hash = (text: string): string => createHash('sha1').update(text).digest('hex');

/** Exactly 3 distractors (4 choices, a button row with room to read); with fewer good ones, no multiple choice. */
const wanted = 3;
const maxChoiceChars = 120;

const selfGradedChoices = ['I knew it', "I didn't"];

/**
 * Turns a draft into a question, or undefined when it cannot be asked fairly. The id is a hash
 * of what the question asks, its answer and its source sentence: an edit elsewhere keeps it,
 * an edit of the source sentence retires it. Distractors are drawn with a generator seeded by
 * that id, so the same notes give the same questions.
 */
export function finish(draft: Draft): QuizQuestion | undefined {
  const { section } = draft.facts;
  const id = `${section.noteRoute}?g=${hash([draft.kind, draft.question, draft.answer, draft.explanation].join('\u0000')).slice(0, 10)}`;
  const base = {
    id,
    explanation: draft.explanation,
    section: section.anchor,
    noteRoute: section.noteRoute,
    origin: 'generated' as const,
    kind: draft.kind,
  };
  if (
    draft.overlapAllowed
      ? normal(draft.question).includes(normal(draft.answer))
      : givesAway(draft.question, draft.answer)
  )
    return undefined;
  const random = seededRandom(parseInt(id.slice(-8), 16));
  const answer = normal(draft.answer);
  const seen = new Set([answer]);
  const question = normal(draft.question);
  const picked: string[] = [];
  for (const tier of draft.tiers) {
    for (const candidate of shuffled(tier, random)) {
      if (picked.length >= wanted) break;
      const n = normal(candidate);
      if (!n || seen.has(n) || question.includes(n) || candidate.length > maxChoiceChars) continue;
      if (contains(draft.answer, candidate)) continue;
      if (!draft.sameColumn && !similarShape(draft.answer, candidate)) continue;
      if (draft.reject?.(candidate)) continue;
      seen.add(n);
      picked.push(candidate);
    }
  }
  if (picked.length >= (draft.minDistractors ?? wanted) && draft.answer.length <= maxChoiceChars) {
    return {
      ...base,
      question: draft.question,
      answer: draft.answer,
      choices: shuffled([draft.answer, ...picked], random),
    };
  }
  if (!draft.selfGraded) return undefined;
  return {
    ...base,
    id: `${id}s`,
    kind: `${draft.kind}-reveal`,
    question: draft.selfGraded.question,
    answer: selfGradedChoices[0]!,
    choices: [...selfGradedChoices],
    reveal: draft.selfGraded.answer,
  };
}
