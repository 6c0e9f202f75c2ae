import { Command } from 'commander';
import { addAsk } from './commands-ask.js';
import { addEval } from './commands-eval.js';
import { addBot, addDeployCommands, startBot } from './commands-discord.js';
import { addCheck, addStats } from './commands-notes.js';
import { addShell, startShell } from './commands-shell.js';
import { type CliContext, notesOption } from './context.js';

export function buildProgram(context: CliContext): Command {
  const program = new Command('nimbus')
    .description('Answers questions and runs quizzes over a folder of Markdown notes, in Discord or the terminal.')
    .addOption(notesOption())
    .enablePositionalOptions()
    .showHelpAfterError()
    .configureOutput({ writeOut: (s) => context.output.write(s), writeErr: (s) => context.err(s.trimEnd()) })
    // Words after `nimbus` that name no command reach the action, so a typo gets commander's
    // "unknown command 'aks' (Did you mean ask?)" rather than "too many arguments".
    .allowExcessArguments()
    // `nimbus --notes DIR ask …` means the same as `nimbus ask --notes DIR …`: positional options
    // leave the program's --notes with the program, so it is handed to the command here.
    .hook('preAction', (self, command) => {
      const notes = self.getOptionValue('notes') as string | undefined;
      if (command === self || notes === undefined) return;
      if (!command.options.some((option) => option.attributeName() === 'notes'))
        command.error(`error: --notes does not apply to "${command.name()}" (it reads no notes)`);
      if (command.getOptionValue('notes') === undefined) command.setOptionValueWithSource('notes', notes, 'cli');
    })
    .action((options: { notes?: string }, command: Command) => {
      if (command.args.length) return (command as Command & { unknownCommand(): never }).unknownCommand();
      // No command: the bot when a token is configured, else the terminal session.
      return context.config.DISCORD_TOKEN ? startBot(context, options.notes) : startShell(context, options.notes);
    });
  addShell(program, context);
  addAsk(program, context);
  addStats(program, context);
  addCheck(program, context);
  addEval(program, context);
  addBot(program, context);
  addDeployCommands(program, context);
  return program;
}
