import type { Config } from '../config.js';
import type { Knowledge } from '../core/library.js';
import type { QuizService } from '../quiz/quiz-service.js';
import type { QuizStore } from '../quiz/quiz-store.js';
import { choiceIndex } from '../quiz/round-view.js';
import { describeStorageProblem, isStorageFailure, type QuizStorageError } from '../quiz/storage-problem.js';
import type { ShellCommand } from '../terminal/shell.js';
import { renderQuizResult, renderQuizRound } from '../terminal/render-quiz.js';

const terminalUser = { guildId: 'terminal', channelId: 'terminal', askerId: 'local' };

/** What the quiz needs, loaded at the first /quiz: the question generator, SQLite. */
const loadQuizModules = async () => {
  const [{ questionBank }, { QuizService }, { openQuizStore }] = await Promise.all([
    import('../quiz/bank.js'),
    import('../quiz/quiz-service.js'),
    import('../quiz/quiz-store.js'),
  ]);
  return { questionBank, QuizService, openQuizStore };
};

/**
 * /quiz for the terminal session: personal review over the same question bank and schedule
 * as Discord's `/quiz private:true`. The database opens on first use only. `notes` gives the
 * notes in use (a function when they reload): a /quiz after a reload draws on the new ones.
 */
export async function quizShellCommand(
  config: Config,
  notes: Knowledge | (() => Knowledge),
): Promise<{ commands: Record<string, ShellCommand>; close(): void }> {
  const current = typeof notes === 'function' ? notes : () => notes;
  let modules: Awaited<ReturnType<typeof loadQuizModules>> | undefined;
  let store: QuizStore | undefined;
  let service: QuizService | undefined;
  let serviceNotes: Knowledge | undefined;
  const quiz = (): QuizService => {
    const { questionBank, QuizService, openQuizStore } = modules!;
    store ??= openQuizStore(config.QUIZ_DB);
    const knowledge = (serviceNotes ??= current());
    service ??= new QuizService({
      store,
      notes: knowledge.library.notes,
      questions: questionBank(knowledge.library.notes, config.QUIZ_SOURCE, config.QUIZ_GENERATED_KINDS),
      sectionsById: (id) => knowledge.sectionById.get(id),
      quizSeconds: config.QUIZ_SECONDS,
    });
    return service;
  };

  // A database that cannot be used turns the quiz off with one clear message; questions keep working.
  let problem: QuizStorageError | undefined;
  const command: ShellCommand = async (args, io) => {
    if (problem) return problem.message;
    modules ??= await loadQuizModules();
    // Between rounds only: a round in progress finishes on the notes it started with.
    if (serviceNotes && serviceNotes !== current()) {
      service = undefined;
      serviceNotes = undefined;
    }
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
      if (!round) {
        const topics = quiz().topics();
        if (!topics.length) return 'There are no quiz questions in these notes yet.';
        return `No quiz questions for "${topic ?? ''}". Topics: ${topics
          .slice(0, 12)
          .map((t) => t.id)
          .join(', ')}${topics.length > 12 ? ' …' : ''}`;
      }
      if (round.reveal !== undefined) {
        // A self-graded card: show the answer on Enter, then ask whether they knew it.
        const shown = await prompt(renderQuizRound(round, style) + '\nPress Enter to see the answer (q to stop): ');
        if (shown === undefined || /^q/i.test(shown.trim())) return 'Quiz stopped.';
        const knew = await prompt(`${style.bold('Answer:')} ${round.reveal}\nDid you know it? (y/n, Enter to stop): `);
        if (!knew?.trim() || knew.trim().startsWith('/')) return 'Quiz stopped.';
        quiz().answer(round.id, terminalUser.askerId, /^y/i.test(knew.trim()) ? 0 : 1);
        continue;
      }
      const count = round.choices.length;
      const range = `${round.choices[0]!.letter}–${round.choices[count - 1]!.letter} or 1–${count}`;
      let reply = await prompt(`${renderQuizRound(round, style)}\nYour answer (${range}; Enter or q to stop): `);
      let index = answerIndex(reply, count);
      while (index === 'invalid') {
        reply = await prompt(`"${reply!.trim()}" is not one of the choices: answer ${range}, or q to stop: `);
        index = answerIndex(reply, count);
      }
      if (index === 'stop') return 'Quiz stopped.';
      const result = quiz().answer(round.id, terminalUser.askerId, index);
      if (result.status !== 'recorded') return `That answer could not be recorded (${result.status}). Quiz stopped.`;
      const again = await prompt(renderQuizResult(result, style) + '\nNext question? (Enter for yes, q to stop): ');
      if (again === undefined || isStop(again.trim())) return 'Quiz stopped.';
    }
  };
  return { commands: { quiz: command }, close: () => (problem ? undefined : store?.close()) };
}

const isStop = (reply: string): boolean => /^(q|quit|stop|exit|\/\S*)$/i.test(reply);

/**
 * A reply to a quiz question: the 0-based choice for a letter ("b", "B)") or a number ("2"),
 * 'stop' for Enter, q or a command, and 'invalid' for anything else ("dunno" is not D).
 */
export function answerIndex(reply: string | undefined, choices: number): number | 'stop' | 'invalid' {
  const text = reply?.trim() ?? '';
  if (!text || isStop(text)) return 'stop';
  const match = /^(?:([a-z])|(\d{1,2}))[).:]?$/i.exec(text);
  const index = match?.[1] ? choiceIndex(match[1]) : match?.[2] ? Number(match[2]) - 1 : -1;
  return index >= 0 && index < choices ? index : 'invalid';
}
