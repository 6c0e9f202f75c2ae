import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { QuizQuestion } from '../../../src/notes/types.js';
import type { NewRound } from '../../../src/quiz/quiz-store.js';

/** A database path inside a fresh temp folder, in a subfolder that does not exist yet. */
export function tempDbPath(): { dir: string; file: string; cleanup: () => void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nimbus-quiz-'));
  return {
    dir,
    file: path.join(dir, 'nested', 'data', 'nimbus.db'),
    cleanup: () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}

export const question = (id: string, noteRoute = 'area/note'): QuizQuestion => ({
  id,
  question: `Question ${id}?`,
  choices: ['right', 'wrong', 'other'],
  answer: 'right',
  explanation: `Because ${id}.`,
  section: 'why',
  noteRoute,
});

/** A public round whose right answer is choice 0 ("right"). */
export const newRound = (id: string, extra: Partial<NewRound> = {}): NewRound => ({
  id,
  guildId: 'g',
  channelId: 'c',
  askerId: 'asker',
  topic: null,
  private: false,
  reviewAll: false,
  question: question('q1'),
  choices: ['right', 'wrong', 'other'],
  answerIndex: 0,
  openedAt: 0,
  closesAt: 30_000,
  ...extra,
});
