import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { parseConfig, type Config } from '../../src/config.js';
import { KnowledgeLoader } from '../../src/core/knowledge-loader.js';
import { loadKnowledge, type Knowledge } from '../../src/core/library.js';
import { LiveNotes } from '../../src/core/live-notes.js';
import { createBot, type Bot } from '../../src/discord/bot.js';
import type { CommandModule } from '../../src/discord/context.js';
import { deployCommands } from '../../src/discord/deploy.js';
import { createLogger } from '../../src/discord/logger.js';
import { startFakeDiscord, type FakeDiscord, type FakeDiscordOptions } from '../fake-discord/index.js';

export const TOKEN = 'test-bot-token.secret-part';
export const notesDir = path.resolve(import.meta.dirname, '../fixtures/e2e-notes');

export interface Harness {
  fake: FakeDiscord;
  bot: Bot;
  config: Config;
  /** Live notes (option `live`), over a copy of the fixture notes in config.NOTES_DIR. */
  notes?: LiveNotes;
  /** Structured log lines the bot wrote. */
  logs: Record<string, unknown>[];
  logText(): string;
  /** Stops the bot (keeping the fake and the database) and starts a new one, as after a crash. */
  restartBot(): Promise<Bot>;
  stop(): Promise<void>;
}

export interface HarnessOptions {
  quizSeconds?: number;
  commands?: CommandModule[];
  env?: Record<string, string>;
  /** After how long down the gateway outage is reported (default: the bot's). */
  outageWarnMs?: number;
  /** How long a quiz answer retries while the database is locked (default: the bot's). */
  storeBusyBudgetMs?: number;
  /** Options for the fake Discord (more guilds, …). */
  fake?: Omit<FakeDiscordOptions, 'token'>;
  /** Reloadable notes over a writable copy of the fixture notes. */
  live?: boolean;
}

/** The real bot, logged in to a fake Discord on 127.0.0.1 with its commands registered. */
export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  const fake = await startFakeDiscord({ ...options.fake, token: TOKEN });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nimbus-e2e-'));
  const config = parseConfig({
    DISCORD_TOKEN: TOKEN,
    DISCORD_API_BASE: fake.apiBase,
    NOTES_DIR: options.live ? path.join(dir, 'notes') : notesDir,
    NOTES_BASE_URL: 'https://notes.example.com',
    QUIZ_DB: path.join(dir, 'nimbus.db'),
    QUIZ_SECONDS: String(options.quizSeconds ?? 30),
    LOG_LEVEL: 'debug',
    // Spam limits are tested on their own (spam.test.ts); other tests post freely.
    QUIZ_RATE_USER: 'off',
    QUIZ_RATE_CHANNEL: 'off',
    ASK_RATE_USER: 'off',
    ASK_RATE_CHANNEL: 'off',
    ...options.env,
  });
  const logs: Record<string, unknown>[] = [];
  let raw = '';
  const sink = new Writable({
    write(chunk, _enc, done) {
      raw += String(chunk);
      for (const line of String(chunk).split('\n')) if (line.trim()) logs.push(JSON.parse(line));
      done();
    },
  });
  if (options.live) fs.cpSync(notesDir, config.NOTES_DIR, { recursive: true });
  const logger = createLogger(config.LOG_LEVEL, sink, [config.DISCORD_TOKEN]);
  let knowledge: Knowledge;
  let notes: LiveNotes | undefined;
  if (options.live) {
    // As the bot starts: through the cache folder, so a reload parses only the files that changed.
    const cache = {
      cacheDir: path.join(dir, 'cache'),
      log: (message: string, fields: Record<string, unknown>) => logger.info(fields, message),
    };
    const loaded = await new KnowledgeLoader(config, cache).load();
    knowledge = loaded.knowledge;
    notes = new LiveNotes(knowledge, loaded.fingerprint, { config, ...cache });
  } else knowledge = loadKnowledge(config);
  await deployCommands(config, fake.guild.id);

  const launch = async (): Promise<Bot> => {
    const bot = createBot({
      config,
      knowledge: notes?.current ?? knowledge,
      notes,
      logger,
      commands: options.commands,
      ...(options.outageWarnMs !== undefined ? { outageWarnMs: options.outageWarnMs } : {}),
      ...(options.storeBusyBudgetMs !== undefined ? { storeBusyBudgetMs: options.storeBusyBudgetMs } : {}),
      clientOptions: { rest: { globalRequestsPerSecond: 10_000 } },
    });
    const ready = new Promise<void>((resolve) => bot.client.once('clientReady', () => resolve()));
    await bot.start();
    await ready;
    return bot;
  };
  let bot = await launch();
  const harness: Harness = {
    fake,
    get bot() {
      return bot;
    },
    config,
    notes,
    logs,
    logText: () => raw,
    async restartBot() {
      await bot.stop();
      bot = await launch();
      return bot;
    },
    async stop() {
      await bot.stop();
      await notes?.close();
      await fake.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
  return harness;
}
