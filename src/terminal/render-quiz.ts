import type { AnswerResult, RoundView } from '../quiz/quiz-service.js';
import type { Style } from './style.js';
import { sectionLocation } from '../notes/location.js';

export function renderQuizRound(round: RoundView, style: Style): string {
  if (round.reveal !== undefined) return [style.bold(`Quiz · ${round.noteTitle}`), round.question].join('\n');
  const choices = round.choices.map((c, i) => `  ${i + 1}) ${c.letter}. ${c.text}`);
  return [style.bold(`Quiz · ${round.noteTitle}`), round.question, ...choices].join('\n');
}

export function renderQuizResult(result: Extract<AnswerResult, { status: 'recorded' }>, style: Style): string {
  const verdict = result.correct
    ? style.accent('Correct!')
    : style.warn(`Not quite: the answer is ${result.correctLetter}. ${result.correctText}`);
  const source = result.round.section
    ? style.dim(`${result.round.section.headingPath.join(' › ')} · ${sectionLocation(result.round.section)}`)
    : '';
  return [verdict, result.explanation, source].filter(Boolean).join('\n');
}
