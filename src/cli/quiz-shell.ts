import type { Config } from '../config.js';
import type { Knowledge } from '../core/library.js';
import { questionBank } from '../quiz/bank.js';
import { QuizService } from '../quiz/quiz-service.js';
import { openQuizStore, type QuizStore } from '../quiz/quiz-store.js';
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
    service ??= new QuizService({ store, notes: knowledge.library.notes, questions: questionBank(knowledge.library.notes, config.QUIZ_SOURCE), sectionsById: (id) => knowledge.sectionById.get(id), quizSeconds: config.QUIZ_SECONDS });
    return service;
  };

  const command: ShellCommand = async (args, { style, prompt }) => {
    const topic = args.trim() || undefined;
    const reviewAll = topic === 'all' || false;
    for (;;) {
      const round = quiz().start({ ...terminalUser, topic: reviewAll ? undefined : topic, private: true, reviewAll });
      if (!round) {
        const topics = quiz().topics();
        if (!topics.length) return 'There are no quiz questions in these notes yet.';
        return `No quiz questions for "${topic ?? ''}". Topics: ${topics.slice(0, 12).map((t) => t.id).join(', ')}${topics.length > 12 ? ' …' : ''}`;
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
  return { commands: { quiz: command }, close: () => store?.close() };
}
