import { Client, Events, GatewayIntentBits, type ClientOptions } from 'discord.js';
import type { Config } from '../config.js';
import type { Knowledge } from '../core/library.js';
import { isStorageFailure } from '../quiz/storage-problem.js';
import type { LiveNotes } from '../core/live-notes.js';
import { ExpiringCache } from './answer-cache.js';
import { commands as defaultCommands } from './commands/index.js';
import { createCooldowns } from './cooldowns.js';
import type { BotContext, CommandModule, StoredAnswer } from './context.js';
import type { Logger } from './logger.js';
import { createQuizReveals } from './quiz-reveal.js';
import { openQuizStorage } from './quiz-storage.js';
import { retryingRequest } from './rest-retry.js';
import { watchGateway, type FatalClose } from './gateway-watch.js';
import { noPings } from './respond.js';
import { createRouter } from './router.js';

export interface BotOptions {
  config: Config;
  knowledge: Knowledge;
  /** Notes that reload without a restart; their swaps replace `knowledge` and the quiz questions. */
  notes?: LiveNotes;
  logger: Logger;
  /** Extra or replacement commands (tests add one that throws). */
  commands?: CommandModule[];
  /** Extra client options (tests raise the REST rate limit). */
  clientOptions?: Partial<ClientOptions>;
  /** Discord closed the gateway for good (bad token, …): the caller should stop and exit non-zero. */
  onFatal?: (close: FatalClose) => void;
  /** After how long down the gateway outage is reported (default 5 s). */
  outageWarnMs?: number;
  /** How long a quiz answer retries while the database is locked (default 8 s). */
  storeBusyBudgetMs?: number;
}

export interface Bot {
  client: Client;
  context: BotContext;
  start(): Promise<void>;
  /** Stops at once (tests, failed logins). */
  stop(): Promise<void>;
  /**
   * Graceful stop (SIGTERM): takes no new interactions, lets those in flight finish for up
   * to `graceMs`, then closes the gateway and the database. Resolves to how many were cut off.
   */
  shutdown(graceMs?: number): Promise<number>;
  /** Builds the quiz questions in the background (QuizStorage.prepareQuestions). */
  prepareQuiz(stop?: () => boolean): Promise<boolean>;
}

export function createBot(options: BotOptions): Bot {
  const { config, knowledge, logger } = options;
  const client = new Client({
    intents: [GatewayIntentBits.Guilds],
    allowedMentions: noPings,
    ...options.clientOptions,
    rest: {
      makeRequest: retryingRequest(),
      ...(config.DISCORD_API_BASE ? { api: config.DISCORD_API_BASE } : {}),
      ...options.clientOptions?.rest,
    },
  });
  const storage = openQuizStorage(config, knowledge, logger);
  const context: BotContext = {
    config,
    knowledge,
    notes: options.notes,
    logger,
    answers: new ExpiringCache<StoredAnswer>(),
    get quiz() {
      return storage.quiz;
    },
    get store() {
      return storage.store;
    },
    quizStorageFailed: (error) => storage.fail(error),
    cooldowns: createCooldowns(config),
    storeBusyBudgetMs: options.storeBusyBudgetMs ?? 8000,
    reveals: createQuizReveals({
      rest: client.rest,
      botUserId: () => client.user?.id,
      quiz: () => storage.quiz,
      storageFailed: (error) => storage.fail(error),
      logger,
    }),
  };

  // A reload swaps the notes: new interactions and new quiz rounds use them (rounds keep their own question).
  options.notes?.onSwap((next) => {
    context.knowledge = next;
    storage.useNotes(next);
  });
  const byName = new Map(defaultCommands.map((c) => [c.data.name, c]));
  for (const extra of options.commands ?? []) byName.set(extra.data.name, extra);
  const route = createRouter([...byName.values()], context);

  client.on(Events.InteractionCreate, (interaction) => void route(interaction));
  const unwatch = watchGateway(
    client,
    logger,
    (close) => {
      logger.fatal({ code: close.code }, `Discord closed the gateway for good (code ${close.code}): ${close.meaning}`);
      options.onFatal?.(close);
    },
    options.outageWarnMs,
  );
  client.on(Events.Error, (err) => logger.error({ err }, 'client error'));
  client.on(Events.Warn, (message) => logger.warn({ message }, 'client warning'));
  client.once(Events.ClientReady, (ready) => {
    logger.info(
      { user: ready.user.tag, guilds: ready.guilds.cache.size, sections: context.knowledge.library.sections.length },
      'connected to Discord',
    );
    // Rounds left open by a previous run: reveal them now or when their time is up.
    if (storage.problem) return;
    try {
      context.reveals.recover();
    } catch (error) {
      if (!isStorageFailure(error)) throw error;
      storage.fail(error);
    }
  });

  return {
    client,
    context,
    async start() {
      await client.login(config.DISCORD_TOKEN);
    },
    async shutdown(graceMs = 5000) {
      const cutOff = await route.drain(graceMs);
      await this.stop();
      return cutOff;
    },
    prepareQuiz(stop) {
      return storage.prepareQuestions(stop);
    },
    async stop() {
      unwatch();
      context.reveals.stop();
      await client.destroy();
      storage.close();
    },
  };
}
