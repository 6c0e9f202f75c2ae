import type { Flashcard, Note, QuizQuestion } from '../../notes/types.js';
import { finish } from './draft.js';
import { tooDifferent } from './definition.js';
import { sectionFacts } from './facts.js';

const isCloze = (card: Flashcard): boolean => card.syntax.startsWith('cloze');
/** Cards asking the same kind of thing start alike ("Which AWS service …", "What does … stand for"). */
const opening = (card: Flashcard): string => card.front.toLowerCase().split(/\s+/).slice(0, 2).join(' ');
const sameKind = (card: Flashcard, other: Flashcard): boolean =>
  isCloze(card) === isCloze(other) && (isCloze(card) || opening(card) === opening(other));

/**
 * A note's flashcards as quiz questions: multiple choice with the answers of cards asking the
 * same kind of thing (same note first, then folder) as distractors, else a self-graded card.
 */
export function flashcardQuestions(notes: readonly Note[]): QuizQuestion[] {
  const folderOf = (route: string): string => (route.includes('/') ? route.slice(0, route.lastIndexOf('/')) : '');
  const byFolder = new Map<string, Flashcard[]>();
  for (const note of notes) {
    const folder = folderOf(note.route);
    byFolder.set(folder, [...(byFolder.get(folder) ?? []), ...(note.flashcards ?? [])]);
  }
  const out: QuizQuestion[] = [];
  for (const note of notes) {
    // A note from a parse cache written before flashcards existed has none.
    for (const card of note.flashcards ?? []) {
      const section = note.sections.find((s) => s.anchor === card.section) ?? note.sections[0];
      if (!section) continue;
      const alike = (others: Flashcard[]) => others.filter((o) => o !== card && sameKind(card, o)).map((o) => o.back);
      const question = finish({
        kind: 'flashcard',
        question: card.front,
        answer: card.back,
        explanation: card.source,
        facts: { ...sectionFacts({ ...section, markdown: '' }, note) },
        tiers: [alike(note.flashcards), alike(byFolder.get(folderOf(note.route)) ?? [])],
        // Another card with the same question would make its answer right too.
        reject: (candidate) =>
          tooDifferent(card.back, candidate) ||
          note.flashcards.some((o) => o.back === candidate && o.front === card.front),
        selfGraded: { question: card.front, answer: card.back },
      });
      if (question)
        out.push({
          ...question,
          id: card.id,
          origin: 'flashcard',
          kind: `flashcard-${card.syntax}${question.reveal ? '-reveal' : ''}`,
        });
    }
  }
  return out;
}
