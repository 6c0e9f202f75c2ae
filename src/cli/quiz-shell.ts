import type { Config } from '../config.js';
import type { Knowledge } from '../core/library.js';
import { QuizService } from '../quiz/quiz-service.js';
import { openQuizStore, type QuizStore } from '../quiz/quiz-store.js';
import { describeStorageProblem, isStorageFailure, type QuizStorageError } from '../quiz/storage-problem.js';
import type { ShellCommand } from '../terminal/shell.js';
import { renderQuizResult, renderQuizRound } from '../terminal/render-quiz.js';

const terminalUser = { guildId: 'terminal', channelId: 'terminal', askerId: 'local' };

/**
 * /quiz for the terminal session: personal review over the same question bank and schedule
 * as Discord's `/quiz private:true`. The database opens on first use only.
 */
export async function quizShellCommand(config: Config, knowledge: Knowledge): Promise<{ commands: Record<string, ShellCommand>; close(): void }> {
  let store: QuizStore | undefined;
  let service: QuizService | undefined;
  const quiz = (): QuizService => {
    store ??= openQuizStore(config.QUIZ_DB);
    service ??= new QuizService({ store, notes: knowledge.library.notes, sectionsById: (id) => knowledge.sectionById.get(id), quizSeconds: config.QUIZ_SECONDS });
    return service;
  };

  // A database that cannot be used turns the quiz off with one clear message; questions keep working.
  let problem: QuizStorageError | undefined;
  const command: ShellCommand = async (args, io) => {
    if (problem) return problem.message;
    try {
      return await play(args, io);
    } catch (error) {
      if (!isStorageFailure(error)) throw error;
      problem = describeStorageProblem(config.QUIZ_DB, error);
      try {
        store?.close();
      } catch {
        // Already reported.
      }
      return problem.message;
    }
  };

  const play: ShellCommand = async (args, { style, prompt }) => {
    const topic = args.trim() || undefined;
    const reviewAll = topic === 'all' || false;
    for (;;) {
      const round = quiz().start({ ...terminalUser, topic: reviewAll ? undefined : topic, private: true, reviewAll });
      if (!round) return `No quiz questions for "${topic}". Topics: ${quiz().topics().slice(0, 12).map((t) => t.id).join(', ')} …`;
      const reply = await prompt(renderQuizRound(round, style) + '\nYour answer (number or letter, Enter to stop): ');
      const choice = reply?.trim().toUpperCase();
      if (!choice || choice.startsWith('/')) return 'Quiz stopped.';
      const index = /^\d$/.test(choice) ? Number(choice) - 1 : choice.charCodeAt(0) - 65;
      const result = quiz().answer(round.id, terminalUser.askerId, index);
      if (result.status !== 'recorded') {
        await prompt(`"${reply?.trim()}" is not one of the choices; skipping this question. (Enter)`);
        continue;
      }
      const again = await prompt(renderQuizResult(result, style) + '\nNext question? (Enter for yes, q to stop): ');
      if (again === undefined || /^q/i.test(again.trim())) return 'Quiz stopped.';
    }
  };
  return { commands: { quiz: command }, close: () => (problem ? undefined : store?.close()) };
}
