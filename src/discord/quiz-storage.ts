import type { Config } from '../config.js';
import type { Knowledge } from '../core/library.js';
import { QuestionBankBuilder } from '../quiz/bank-builder.js';
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
  /**
   * Questions from these notes from now on (after a reload); the database stays open, and their
   * questions are built in the background (`prepareQuestions`).
   */
  useNotes(knowledge: Knowledge): void;
  /**
   * Builds the quiz questions of the notes in use in slices that leave the event loop free, so the
   * first /quiz does not build them (seconds on large notes). Resolves true when they are ready,
   * false when a reload or `stop()` came first, or quizzes are off.
   */
  prepareQuestions(stop?: () => boolean): Promise<boolean>;
  /** A query found the file unusable after start-up: log it once and turn quizzes off. */
  fail(error: unknown): QuizStorageError;
  close(): void;
}

export function openQuizStorage(config: Config, knowledge: Knowledge, logger: Logger): QuizStorage {
  const bank = new QuestionBankBuilder(config.QUIZ_SOURCE, config.QUIZ_GENERATED_KINDS);
  const serviceFor = (open: QuizStore, notes: Knowledge): QuizService =>
    createQuizService({
      store: open,
      notes: notes.library.notes,
      questions: bank.questionsOf(notes.library.notes),
      sectionsById: (id) => notes.sectionById.get(id),
      quizSeconds: config.QUIZ_SECONDS,
    });
  let store: QuizStore | undefined;
  let quiz: QuizService | undefined;
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
      void this.prepareQuestions().catch((error: unknown) =>
        logger.error({ err: error }, 'could not build the quiz questions of the reloaded notes'),
      );
    },
    async prepareQuestions(stop) {
      if (problem || !store) return false;
      return bank.prepare(notesInUse.library.notes, stop ? { stop } : {});
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
