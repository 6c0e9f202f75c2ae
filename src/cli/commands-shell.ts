import type { Command } from 'commander';
import { cacheDirOf, type Config } from '../config.js';
import type { CacheLog } from '../core/knowledge-loader.js';
import type { Knowledge } from '../core/library.js';
import { formatProblem } from '../core/problems.js';
import { type CliContext, notesOption } from './context.js';

export async function startShell(context: CliContext, notesDir?: string): Promise<void> {
  const config = context.configFor(notesDir);
  // Loaded here, not at start, so that `--help` and the other commands do not pay for them.
  const [{ runShell, shellCommands }, { cliCacheLog, loadKnowledgeForCli }, { quizShellCommand }] = await Promise.all([
    import('../terminal/shell.js'),
    import('./load-knowledge.js'),
    import('./quiz-shell.js'),
  ]);
  const { knowledge, fingerprint } = await loadKnowledgeForCli(context, config);
  const live = await reloadOnChange(context, config, knowledge, fingerprint, cliCacheLog(context, config));
  const { library } = knowledge;
  const problems = library.problems.length
    ? ` (${library.problems.length} problem(s) in the notes: run "nimbus check")`
    : '';
  if (library.problems.length && library.notes.length === 0)
    context.err(library.problems.map(formatProblem).join('\n'));
  const banner = `Nimbus: ${library.notes.length} notes, ${library.sections.length} sections from ${config.NOTES_DIR}${problems}.\nAsk a question, or type /help.`;
  const quiz = await quizShellCommand(config, live.current);
  try {
    const session = runShell(
      shellCommands(live.current, quiz.commands),
      { input: context.input, output: context.output },
      banner,
    );
    // The prompt is shown: the reload worker gets ready for the first edit meanwhile.
    live.prepare();
    const end = await session;
    if (end === 'interrupted') context.setExitCode(130);
  } finally {
    quiz.close();
    await live.stop();
  }
}

/**
 * Like the bot, the session reloads the notes when their folder changes (NOTES_WATCH), in a worker
 * thread; a question asked meanwhile is answered from the notes in use. A refused reload is said
 * on stderr, with why; swaps are logged at LOG_LEVEL=debug.
 */
async function reloadOnChange(
  context: CliContext,
  config: Config,
  knowledge: Knowledge,
  fingerprint: string,
  log: CacheLog,
): Promise<{ current: () => Knowledge; prepare: () => void; stop: () => Promise<void> }> {
  if (!config.NOTES_WATCH) return { current: () => knowledge, prepare: () => {}, stop: async () => {} };
  const [{ LiveNotes }, { watchNotes }] = await Promise.all([
    import('../core/live-notes.js'),
    import('../core/notes-watcher.js'),
  ]);
  const notes = new LiveNotes(knowledge, fingerprint, {
    config,
    cacheDir: cacheDirOf(config),
    log: (message, fields) => {
      if (fields.outcome === 'kept-old' || fields.outcome === 'failed')
        context.err(`nimbus: the notes changed but were not reloaded: ${String(fields.reason)}`);
      log(message, fields);
    },
  });
  const stopWatching = watchNotes(
    config.NOTES_DIR,
    () => void notes.reload('notes folder changed'),
    () => {},
  );
  return {
    current: () => notes.current,
    prepare: () => void setImmediate(() => void notes.prepare()),
    stop: async () => {
      stopWatching();
      await notes.close();
    },
  };
}

export function addShell(program: Command, context: CliContext): void {
  program
    .command('shell')
    .description('interactive terminal session over the notes (what npm start runs without a Discord token)')
    .addOption(notesOption())
    .action((options: { notes?: string }) => startShell(context, options.notes));
}
