import path from 'node:path';
import type { Command } from 'commander';
import { cacheDirOf } from '../config.js';
import type { GitNotes } from '../core/git-notes.js';
import { formatProblem } from '../core/problems.js';
import { type CliContext, notesOption } from './context.js';

export async function startBot(context: CliContext, notesDir?: string): Promise<void> {
  let config = context.configFor(notesDir);
  if (!config.DISCORD_TOKEN) {
    context.err(
      'DISCORD_TOKEN is not set: put the bot token in .env (see .env.example), or run "nimbus shell" for the terminal session.',
    );
    context.setExitCode(2);
    return;
  }
  // discord.js loads only when the bot runs, so the terminal session starts fast.
  const [
    { createBot },
    { createLogger, scrubSecrets },
    { describeLoginFailure, withinSeconds },
    { GitNotes },
    { KnowledgeLoader },
    { LiveNotes },
    { watchNotes },
    { warmUpInSlices },
  ] = await Promise.all([
    import('../discord/bot.js'),
    import('../discord/logger.js'),
    import('../discord/login-failure.js'),
    import('../core/git-notes.js'),
    import('../core/knowledge-loader.js'),
    import('../core/live-notes.js'),
    import('../core/notes-watcher.js'),
    import('../core/warm-up.js'),
  ]);
  const logger = createLogger(config.LOG_LEVEL, process.stderr, [config.DISCORD_TOKEN]);
  let git: GitNotes | undefined;
  let commit: string | undefined;
  if (config.NOTES_GIT_URL) {
    git = new GitNotes({
      url: config.NOTES_GIT_URL,
      branch: config.NOTES_GIT_BRANCH,
      dir: config.NOTES_GIT_DIR,
      token: config.NOTES_GIT_TOKEN,
      sshKeyFile: config.NOTES_GIT_SSH_KEY,
    });
    try {
      commit = await git.ensureClone();
    } catch (error) {
      context.err(`Could not clone NOTES_GIT_URL into ${config.NOTES_GIT_DIR}: ${(error as Error).message}`);
      context.setExitCode(1);
      return;
    }
    config = { ...config, NOTES_DIR: path.join(config.NOTES_GIT_DIR, config.NOTES_GIT_SUBDIR) };
    logger.info({ commit, dir: config.NOTES_DIR }, 'notes from Git');
  }
  const cacheLog = (message: string, fields: Record<string, unknown>): void => logger.info(fields, message);
  const loader = new KnowledgeLoader(config, { cacheDir: cacheDirOf(config), log: cacheLog });
  const { knowledge, fingerprint } = await loader.load();
  const fetch = git && (async () => (await git.sync()).commit);
  const notes = new LiveNotes(
    knowledge,
    fingerprint,
    {
      config,
      cacheDir: cacheDirOf(config),
      fetch,
      log: (message, fields) =>
        message.includes('refused') ? logger.warn(fields, message) : logger.info(fields, message),
    },
    commit,
  );
  // Git notes are fetched on a timer; a local folder is watched instead.
  const syncTimer = git
    ? setInterval(() => void notes.reload('git sync'), config.NOTES_SYNC_MINUTES * 60_000).unref()
    : undefined;
  const stopWatching =
    !git && config.NOTES_WATCH
      ? watchNotes(
          config.NOTES_DIR,
          () => void notes.reload('notes folder changed'),
          (err) =>
            logger.warn(
              { err: { message: err.message } },
              'cannot watch the notes folder; use SIGHUP or /notes reload',
            ),
        )
      : () => {};
  process.on('SIGHUP', () => void notes.reload('SIGHUP'));
  for (const problem of knowledge.library.problems.slice(0, 20))
    logger.warn({ problem: formatProblem(problem) }, 'note problem');
  let stopping = false;
  const exitAfter = (code: number, stop: () => Promise<unknown>): void => {
    if (stopping) return;
    stopping = true;
    const hardStop = setTimeout(() => process.exit(code), 10_000);
    hardStop.unref();
    stop()
      .catch((error: unknown) => logger.error({ err: error }, 'error while stopping'))
      .finally(() => process.exit(code));
  };
  const bot = createBot({
    config,
    knowledge,
    notes,
    logger,
    // A supervisor restarts a process that exits non-zero; the line says what to fix first.
    onFatal: (close) => {
      context.err(`nimbus: Discord closed the connection for good (code ${close.code}): ${close.meaning}.`);
      exitAfter(1, () => bot.stop());
    },
  });
  const shutdown = (signal: string): void => {
    logger.info({ signal }, 'shutting down: finishing interactions in flight (up to 5 s)');
    clearInterval(syncTimer);
    stopWatching();
    exitAfter(0, async () => {
      const cutOff = await bot.shutdown(5000);
      await notes.close();
      logger.info({ cutOff }, cutOff ? 'stopped; some interactions did not finish in time' : 'stopped cleanly');
    });
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
  try {
    logger.info({ ms: Math.round(performance.now()) }, 'connecting to Discord');
    const connected = bot.start();
    // Warm-up runs in small slices while the gateway connects, and stops if a reload swaps the notes.
    const warmStart = performance.now();
    // Then the reload worker gets ready, so that the first edit reloads as fast as later ones, and
    // the quiz questions are built, so that the first /quiz does not build them.
    const current = (): boolean => !stopping && notes.current === knowledge;
    void warmUpInSlices(knowledge.index, { stop: () => !current() }).then(async (questions) => {
      logger.info({ ms: Math.round(performance.now() - warmStart), questions }, 'answer path warmed up');
      if (stopping) return;
      void notes.prepare();
      const quizStart = performance.now();
      const ready = await bot
        .prepareQuiz(() => !current())
        .catch((error: unknown) => {
          logger.error({ err: error }, 'could not build the quiz questions; the first /quiz will try again');
          return false;
        });
      if (ready) logger.info({ ms: Math.round(performance.now() - quizStart) }, 'quiz questions ready');
    });
    await withinSeconds(connected, config.DISCORD_CONNECT_SECONDS);
  } catch (error) {
    const line = scrubSecrets(describeLoginFailure(error, config.DISCORD_API_BASE), [config.DISCORD_TOKEN ?? '']);
    logger.error({ err: { message: line, name: (error as Error).name } }, 'could not log in to Discord');
    context.err(line);
    clearInterval(syncTimer);
    stopWatching();
    await Promise.all([bot.stop(), notes.close()]);
    // A request discord.js still retries would keep the process alive for another minute.
    process.exit(1);
  }
}

export function addBot(program: Command, context: CliContext): void {
  program
    .command('bot')
    .description('run the Discord bot (what npm start runs when DISCORD_TOKEN is set)')
    .addOption(notesOption())
    .action((options: { notes?: string }) => startBot(context, options.notes));
}

export function addDeployCommands(program: Command, context: CliContext): void {
  program
    .command('deploy-commands')
    .description('register the slash commands with Discord (one bulk update)')
    .option(
      '--guild <id>',
      'register in one server only: instant, for testing (default: DISCORD_GUILD_ID, else global)',
    )
    .option('--global', 'register globally even when DISCORD_GUILD_ID is set')
    .action(async (options: { guild?: string; global?: boolean }) => {
      const [{ deployCommands }, { scrubSecrets }] = await Promise.all([
        import('../discord/deploy.js'),
        import('../discord/logger.js'),
      ]);
      const guild = options.global ? undefined : (options.guild ?? context.config.DISCORD_GUILD_ID);
      if (guild && !/^\d{17,20}$/.test(guild)) {
        context.err(`--guild expects a Discord server id (17-20 digits), got "${guild.slice(0, 30)}".`);
        context.setExitCode(2);
        return;
      }
      try {
        const { scope, count } = await deployCommands(context.config, guild);
        context.out(`Registered ${count} commands for ${scope}.`);
      } catch (error) {
        context.err(
          `Could not register the commands: ${scrubSecrets((error as Error).message, context.config.DISCORD_TOKEN ? [context.config.DISCORD_TOKEN] : [])}`,
        );
        context.setExitCode(1);
      }
    });
}
