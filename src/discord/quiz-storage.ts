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
  /** A query found the file unusable after start-up: log it once and turn quizzes off. */
  fail(error: unknown): QuizStorageError;
  close(): void;
}

export function openQuizStorage(config: Config, knowledge: Knowledge, logger: Logger): QuizStorage {
  let store: QuizStore | undefined;
  let quiz: QuizService | undefined;
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
    quiz = createQuizService({
      store,
      notes: knowledge.library.notes,
      questions: questionBank(knowledge.library.notes, config.QUIZ_SOURCE),
      sectionsById: (id) => knowledge.sectionById.get(id),
      quizSeconds: config.QUIZ_SECONDS,
    });
  } catch (error) {
    report(error);
  }

  return {
    get problem() {
      return problem;
    },
    get quiz() {
      if (problem || !quiz) throw problem;
      return quiz;
    },
    get store() {
      if (problem || !store) throw problem;
      return store;
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
