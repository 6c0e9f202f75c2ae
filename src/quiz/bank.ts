import type { Note, QuizQuestion } from '../notes/types.js';
import {
  flashcardQuestions,
  generateInSteps,
  generatorKinds,
  runToEnd,
  type GeneratorKind,
  type Steps,
} from './generate/index.js';

/** Which questions /quiz asks; undefined = written where a note has any, generated elsewhere. */
export type QuizSource = 'written' | 'generated' | 'both' | undefined;

/** Front matter questions and flashcards: what people wrote. */
const writtenQuestions = (notes: readonly Note[]): QuizQuestion[] => [
  ...notes.flatMap((n) => n.quiz),
  ...flashcardQuestions(notes),
];

/** The questions of the notes for a QUIZ_SOURCE setting, in notes order. */
export function questionBank(
  notes: readonly Note[],
  source: QuizSource,
  kinds: readonly GeneratorKind[] = generatorKinds,
): QuizQuestion[] {
  return runToEnd(questionBankInSteps(notes, source, kinds));
}

/** `questionBank` a section at a time (see generateInSteps). */
export function* questionBankInSteps(
  notes: readonly Note[],
  source: QuizSource,
  kinds: readonly GeneratorKind[] = generatorKinds,
): Steps<QuizQuestion[]> {
  const written = source === 'generated' ? [] : writtenQuestions(notes);
  if (source === 'written') return written;
  const generated = yield* generateInSteps(notes, kinds);
  if (source === 'generated') return generated;
  const hasWritten = new Set(written.map((q) => q.noteRoute));
  const pool =
    source === 'both'
      ? [...written, ...generated]
      : [...written, ...generated.filter((q) => !hasWritten.has(q.noteRoute))];
  const order = new Map(notes.map((n, i) => [n.route, i]));
  return pool
    .map((q, i) => ({ q, i }))
    .sort((a, b) => (order.get(a.q.noteRoute) ?? 0) - (order.get(b.q.noteRoute) ?? 0) || a.i - b.i)
    .map(({ q }) => q);
}
