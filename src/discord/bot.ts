import { Client, Events, GatewayIntentBits, type ClientOptions } from 'discord.js';
import type { Config } from '../config.js';
import type { Knowledge } from '../core/library.js';
import { questionBank } from '../quiz/bank.js';
import { createQuizService } from '../quiz/quiz-service.js';
import { openQuizStore } from '../quiz/quiz-store.js';
import { ExpiringCache } from './answer-cache.js';
import { commands as defaultCommands } from './commands/index.js';
import type { BotContext, CommandModule, StoredAnswer } from './context.js';
import type { Logger } from './logger.js';
import { revealRound } from './quiz-reveal.js';
import { noPings } from './respond.js';
import { createRouter } from './router.js';

export interface BotOptions {
  config: Config;
  knowledge: Knowledge;
  logger: Logger;
  /** Extra or replacement commands (tests add one that throws). */
  commands?: CommandModule[];
  /** Extra client options (tests raise the REST rate limit). */
  clientOptions?: Partial<ClientOptions>;
}

export interface Bot {
  client: Client;
  context: BotContext;
  start(): Promise<void>;
  stop(): Promise<void>;
}

export function createBot(options: BotOptions): Bot {
  const { config, knowledge, logger } = options;
  const client = new Client({
    intents: [GatewayIntentBits.Guilds],
    allowedMentions: noPings,
    ...options.clientOptions,
    rest: { ...(config.DISCORD_API_BASE ? { api: config.DISCORD_API_BASE } : {}), ...options.clientOptions?.rest },
  });
  const store = openQuizStore(config.QUIZ_DB);
  const quiz = createQuizService({
    store,
    notes: knowledge.library.notes,
    questions: questionBank(knowledge.library.notes, config.QUIZ_SOURCE),
    sectionsById: (id) => knowledge.sectionById.get(id),
    quizSeconds: config.QUIZ_SECONDS,
  });
  const timers = new Map<string, NodeJS.Timeout>();
  const context: BotContext = {
    config,
    knowledge,
    logger,
    answers: new ExpiringCache<StoredAnswer>(),
    quiz,
    store,
    scheduleReveal(roundId, closesAt, afterRestart = false) {
      clearTimeout(timers.get(roundId));
      timers.delete(roundId);
      if (!Number.isFinite(closesAt)) return;
      const timer = setTimeout(() => {
        timers.delete(roundId);
        revealRound(client, context, roundId, { afterRestart }).catch((err: unknown) => logger.error({ err, roundId }, 'timed reveal failed'));
      }, Math.max(0, closesAt - Date.now()));
      timer.unref();
      timers.set(roundId, timer);
    },
  };
  const byName = new Map(defaultCommands.map((c) => [c.data.name, c]));
  for (const extra of options.commands ?? []) byName.set(extra.data.name, extra);
  const route = createRouter([...byName.values()], context);

  client.on(Events.InteractionCreate, (interaction) => void route(interaction));
  client.on(Events.Error, (err) => logger.error({ err }, 'client error'));
  client.on(Events.Warn, (message) => logger.warn({ message }, 'client warning'));
  client.once(Events.ClientReady, (ready) => {
    logger.info({ user: ready.user.tag, guilds: ready.guilds.cache.size, sections: knowledge.library.sections.length }, 'connected to Discord');
    // Rounds left open by a previous run: reveal them now or when their time is up.
    for (const round of quiz.recoverOpenRounds()) context.scheduleReveal(round.id, round.closesAt, true);
  });

  return {
    client,
    context,
    async start() {
      await client.login(config.DISCORD_TOKEN);
    },
    async stop() {
      for (const timer of timers.values()) clearTimeout(timer);
      timers.clear();
      await client.destroy();
      store.close();
    },
  };
}
