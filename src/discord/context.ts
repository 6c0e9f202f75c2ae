import type {
  AutocompleteInteraction,
  ChatInputCommandInteraction,
  MessageComponentInteraction,
  RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord.js';
import type { Config } from '../config.js';
import type { Answer } from '../core/ask.js';
import type { Knowledge } from '../core/library.js';
import type { LiveNotes } from '../core/live-notes.js';
import type { QuizService } from '../quiz/quiz-service.js';
import type { QuizStore } from '../quiz/quiz-store.js';
import type { ExpiringCache } from './answer-cache.js';
import type { Logger } from './logger.js';

export interface StoredAnswer {
  answer: Answer;
  userId: string;
  mention?: string;
}

/** What every handler may use; built once by the bot. */
export interface BotContext {
  config: Config;
  /** The notes in use; each interaction keeps the version it started with (router.ts). */
  knowledge: Knowledge;
  /** Reloads and status of the notes (/notes); absent when the bot runs on fixed notes. */
  notes?: LiveNotes;
  logger: Logger;
  answers: ExpiringCache<StoredAnswer>;
  quiz: QuizService;
  store: QuizStore;
  /** Schedules the automatic reveal of a quiz round; Infinity cancels it. */
  scheduleReveal(roundId: string, closesAt: number, afterRestart?: boolean): void;
}

export type ComponentHandler = (interaction: MessageComponentInteraction, args: string[], context: BotContext) => Promise<void>;

/** One slash command: its definition and every handler that belongs to it. */
export interface CommandModule {
  data: { name: string; toJSON(): RESTPostAPIChatInputApplicationCommandsJSONBody };
  execute(interaction: ChatInputCommandInteraction, context: BotContext): Promise<void>;
  autocomplete?(interaction: AutocompleteInteraction, context: BotContext): Promise<void>;
  /** Handlers by custom_id prefix, e.g. "ask.more" for custom_id "ask.more:abc". */
  components?: Record<string, ComponentHandler>;
}
