import type { Config } from '../config.js';
import type { Knowledge } from '../core/library.js';
import { questionBank } from '../quiz/bank.js';
import { createQuizService, type QuizService } from '../quiz/quiz-service.js';
import { openQuizStore, type QuizStore } from '../quiz/quiz-store.js';
import { describeStorageProblem, type QuizStorageError } from '../quiz/storage-problem.js';
import type { Logger } from './logger.js';

/**
 * The quiz database and service, or why they are unavailable. A bad file never stops the bot:
 * quiz features answer "unavailable" and /ask and /topic keep serving.
 */
export interface QuizStorage {
  /** The problem while storage is down; undefined when it works. */
  readonly problem: QuizStorageError | undefined;
  /** Throws the QuizStorageError while storage is down. */
  readonly quiz: QuizService;
  readonly store: QuizStore;
  /** Questions from these notes from now on (after a reload); the database stays open. */
  useNotes(knowledge: Knowledge): void;
  /** A query found the file unusable after start-up: log it once and turn quizzes off. */
  fail(error: unknown): QuizStorageError;
  close(): void;
}

export function openQuizStorage(config: Config, knowledge: Knowledge, logger: Logger): QuizStorage {
  const serviceFor = (open: QuizStore, notes: Knowledge): QuizService =>
    createQuizService({
      store: open,
      notes: notes.library.notes,
      questions: questionBank(notes.library.notes, config.QUIZ_SOURCE, config.QUIZ_GENERATED_KINDS),
      sectionsById: (id) => notes.sectionById.get(id),
      quizSeconds: config.QUIZ_SECONDS,
    });
  let store: QuizStore | undefined;
  let quiz: QuizService | undefined;
  // Generating questions takes a while on large notes: done at the first quiz after a start or reload.
  let notesInUse = knowledge;
  let problem: QuizStorageError | undefined;

  const report = (error: unknown): QuizStorageError => {
    problem = describeStorageProblem(config.QUIZ_DB, error);
    logger.error(
      { file: problem.file, problem: problem.problem, fix: problem.fix, code: problem.code },
      `quiz storage unavailable: ${problem.file} ${problem.problem}. Quizzes, scores and feedback are off until it is fixed; /ask and /topic keep working. ${problem.fix}`,
    );
    return problem;
  };

  try {
    // Short: a lock held by another process must not freeze the bot; callers retry asynchronously.
    store = openQuizStore(config.QUIZ_DB, { busyTimeoutMs: 100 });
  } catch (error) {
    report(error);
  }

  return {
    get problem() {
      return problem;
    },
    get quiz() {
      if (problem || !store) throw problem;
      quiz ??= serviceFor(store, notesInUse);
      return quiz;
    },
    get store() {
      if (problem || !store) throw problem;
      return store;
    },
    useNotes(next) {
      notesInUse = next;
      quiz = undefined;
    },
    fail(error) {
      if (problem) return problem;
      const reported = report(error);
      try {
        store?.close();
      } catch {
        // Closing a broken file may fail too; it is already reported.
      }
      return reported;
    },
    close() {
      if (!problem) store?.close();
    },
  };
}
