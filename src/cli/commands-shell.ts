import type { Command } from 'commander';
import { formatProblem } from '../core/problems.js';
import type { CliContext } from './context.js';

export async function startShell(context: CliContext, notesDir?: string): Promise<void> {
  const config = context.configFor(notesDir);
  // Loaded here, not at start, so that `--help` and the other commands do not pay for them.
  const [{ runShell, shellCommands }, { loadKnowledgeForCli }, { quizShellCommand }] = await Promise.all([
    import('../terminal/shell.js'),
    import('./load-knowledge.js'),
    import('./quiz-shell.js'),
  ]);
  const { knowledge } = await loadKnowledgeForCli(context, config);
  const { library } = knowledge;
  const problems = library.problems.length
    ? ` (${library.problems.length} problem(s) in the notes: run "nimbus check")`
    : '';
  if (library.problems.length && library.notes.length === 0)
    context.err(library.problems.map(formatProblem).join('\n'));
  const banner = `Nimbus: ${library.notes.length} notes, ${library.sections.length} sections from ${config.NOTES_DIR}${problems}.\nAsk a question, or type /help.`;
  const quiz = await quizShellCommand(config, knowledge);
  try {
    const end = await runShell(
      shellCommands(knowledge, quiz.commands),
      { input: context.input, output: context.output },
      banner,
    );
    if (end === 'interrupted') context.setExitCode(130);
  } finally {
    quiz.close();
  }
}

export function addShell(program: Command, context: CliContext): void {
  program
    .command('shell')
    .description('interactive terminal session over the notes (what npm start runs without a Discord token)')
    .option('--notes <dir>', 'notes folder (default: NOTES_DIR, else ./notes)')
    .action((options: { notes?: string }) => startShell(context, options.notes));
}
