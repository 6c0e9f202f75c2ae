import type {
  AutocompleteInteraction,
  ChatInputCommandInteraction,
  RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord.js';
import type { Config } from '../config.js';
import type { Answer } from '../core/ask.js';
import type { Knowledge } from '../core/library.js';
import type { LiveNotes } from '../core/live-notes.js';
import type { QuizService } from '../quiz/quiz-service.js';
import type { QuizStore } from '../quiz/quiz-store.js';
import type { ExpiringCache } from './answer-cache.js';
import type { ComponentRoute } from './custom-id.js';
import type { Cooldowns } from './cooldowns.js';
import type { Logger } from './logger.js';
import type { QuizReveals } from './quiz-reveal.js';

export interface StoredAnswer {
  answer: Answer;
  userId: string;
  mention?: string;
  /** Where it was asked: its buttons answer only there (and, for a private answer, only to its asker). */
  guildId: string;
  channelId: string;
  isPrivate: boolean;
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
  /** Both throw QuizStorageError while the quiz database is unusable (the router answers for it). */
  readonly quiz: QuizService;
  readonly store: QuizStore;
  /** A query found the quiz database unusable: report once and turn quizzes off. */
  quizStorageFailed(error: unknown): void;
  /** How long a quiz answer keeps retrying while the database is locked elsewhere before the user is told. */
  storeBusyBudgetMs: number;
  /** Spam limits on public /quiz and /ask. */
  cooldowns: Cooldowns;
  /** The reveal lifecycle of public quiz rounds (quiz-reveal.ts). */
  reveals: QuizReveals;
}

/** One slash command: its definition and every handler that belongs to it. */
export interface CommandModule {
  data: { name: string; toJSON(): RESTPostAPIChatInputApplicationCommandsJSONBody };
  execute(interaction: ChatInputCommandInteraction, context: BotContext): Promise<void>;
  autocomplete?(interaction: AutocompleteInteraction, context: BotContext): Promise<void>;
  /** Its buttons and menus, each with its typed custom_id (custom-id.ts); the router dispatches on the prefix. */
  components?: ComponentRoute[];
  /**
   * Whether this use of the command answers only its user: a slow one is then deferred privately
   * (auto-defer.ts). Commands that leave it out answer in the open.
   */
  answersPrivately?(interaction: ChatInputCommandInteraction): boolean;
}
