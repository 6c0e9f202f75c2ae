import type { QuizQuestion, Section } from '../notes/types.js';
import type { StoredRound } from './quiz-store.js';

export const letters = ['A', 'B', 'C', 'D', 'E'] as const;
export type Letter = (typeof letters)[number];

/** A choice by letter ("b" works) or 0-based index; -1 when it is neither. */
export function choiceIndex(choice: string | number): number {
  if (typeof choice === 'number') return Number.isInteger(choice) ? choice : -1;
  return letters.indexOf(choice.trim().toUpperCase() as Letter);
}

/** What the service needs to know about a section to link to it. */
export type SectionLink = Pick<Section, 'url' | 'headingPath'> & Partial<Pick<Section, 'file' | 'line'>>;

/** A round as the renderers show it: everything plain, nothing Discord-specific. */
export interface RoundView {
  /** Short (8 characters): fits in a custom_id with a prefix and a letter. */
  id: string;
  questionId: string;
  question: string;
  choices: { letter: Letter; text: string }[];
  /** A self-graded card's answer, to show on request before "I knew it" / "I didn't". */
  reveal?: string;
  closesAt: number;
  topic?: string;
  noteTitle: string;
  noteRoute: string;
  /** Note route + "#" + anchor of the section that teaches the answer. */
  sectionId: string;
  /** Link details when the section is known; `file` is "path:line" for a link-less setup. */
  section?: { url: string | null; headingPath: string[]; file: string };
  private: boolean;
  reviewAll: boolean;
  askerId: string;
  channelId: string;
  messageId?: string;
  revealed: boolean;
}

export interface ViewLookups {
  noteTitle: (route: string) => string | undefined;
  noteFile: (route: string) => string | undefined;
  sectionsById?: (id: string) => SectionLink | undefined;
}

const sectionIdOf = (question: QuizQuestion): string =>
  question.section ? `${question.noteRoute}#${question.section}` : question.noteRoute;

export function roundView(round: StoredRound, question: QuizQuestion, lookups: ViewLookups): RoundView {
  const sectionId = sectionIdOf(question);
  const section = lookups.sectionsById?.(sectionId);
  const file = section?.file ?? lookups.noteFile(question.noteRoute);
  return {
    id: round.id,
    questionId: question.id,
    question: question.question,
    choices: round.choices.map((text, i) => ({ letter: letters[i]!, text })),
    ...(question.reveal ? { reveal: question.reveal } : {}),
    closesAt: round.closesAt,
    topic: round.topic ?? undefined,
    noteTitle: lookups.noteTitle(question.noteRoute) ?? question.noteRoute,
    noteRoute: question.noteRoute,
    sectionId,
    section: section && {
      url: section.url,
      headingPath: section.headingPath,
      file: file ? (section.line ? `${file}:${section.line}` : file) : sectionId,
    },
    private: round.private,
    reviewAll: round.reviewAll,
    askerId: round.askerId,
    channelId: round.channelId,
    messageId: round.messageId ?? undefined,
    revealed: round.revealedAt !== null,
  };
}
