import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'vitest';
import type { Note, QuizQuestion } from '../../../src/notes/types.js';
import { normal } from '../../../src/quiz/generate/draft.js';

/** Every card a self-graded one whose question never shows its answer, explained by its source and linked to its section. */
export function expectSelfGradedCards(
  cards: readonly QuizQuestion[],
  notes: readonly Note[],
  shownAnswer: (reveal: string) => string = (reveal) => reveal,
): void {
  for (const q of cards) {
    expect(q.choices, q.question).toEqual(['I knew it', "I didn't"]);
    expect(normal(q.question), q.question).not.toContain(normal(shownAnswer(q.reveal!)));
    expect(q.explanation.length, q.id).toBeGreaterThan(0);
    const note = notes.find((n) => n.route === q.noteRoute);
    expect(
      note?.sections.find((s) => s.anchor === q.section),
      q.id,
    ).toBeDefined();
  }
}

/** How a card follows its source: an unrelated edit keeps every id, an edit of one card's source retires that card. */
export interface SourceEdit {
  /** The notes folder, copied to a temp folder before it is edited. */
  fixture: string;
  /** The note edited, relative to the fixture. */
  file: string;
  cards: (root: string) => QuizQuestion[];
  /** Text replaced by an edit no card is drawn from. */
  unrelated: [from: string, to: string];
  /** Text replaced in the source of the card `retired` finds. */
  source: [from: string, to: string];
  retired: (q: QuizQuestion) => boolean;
  /** The card drawn from the edited source. */
  replacement: (q: QuizQuestion) => boolean;
}

export function expectIdsFollowSource(edit: SourceEdit): void {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nimbus-card-edit-'));
  try {
    fs.cpSync(edit.fixture, dir, { recursive: true });
    const before = edit.cards(dir);
    const file = path.join(dir, edit.file);
    const text = fs.readFileSync(file, 'utf8');
    const replaced = ([from, to]: [string, string]) => {
      expect(text, `the fixture holds "${from}"`).toContain(from);
      return text.replace(from, to);
    };
    fs.writeFileSync(file, replaced(edit.unrelated));
    const ids = (cards: QuizQuestion[]) => cards.map((q) => q.id).sort();
    expect(ids(edit.cards(dir))).toEqual(ids(before));
    fs.writeFileSync(file, replaced(edit.source));
    const edited = edit.cards(dir);
    const old = before.find(edit.retired);
    expect(old).toBeDefined();
    expect(edited.map((q) => q.id)).not.toContain(old!.id);
    expect(edited.find(edit.replacement)).toBeDefined();
    expect(edited).toHaveLength(before.length);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
