import { DiscordAPIError, Routes, type APIMessage, type REST } from 'discord.js';
import type { QuizService, RevealSummary } from '../quiz/quiz-service.js';
import { isStorageFailure } from '../quiz/storage-problem.js';
import type { Logger } from './logger.js';
import { roundOf } from './commands/quiz-ids.js';
import { renderReveal } from './render/quiz.js';
import { noPings } from './respond.js';

/**
 * The reveal of a public quiz round, one state machine:
 *
 *   open ──deadline / asker reveals──▶ closed (the reveal is owed: stored in the database)
 *   closed ──message edited──▶ shown          closed ──edit failed──▶ retry with backoff
 *   closed ──message gone──▶ shown (nothing left to edit; dropped)
 *   start-up: open rounds get their deadline again; closed ones are delivered at once.
 *
 * The round closes at its deadline whatever happens to the edit, so answers are refused after
 * it; the reveal is delivered at least once. Each transition below is one method.
 */
export interface QuizReveals {
  /** open: a round was posted; it closes itself at `closesAt`. */
  opened(roundId: string, closesAt: number): void;
  /** closed by the asker's click: the deadline timer is no longer needed. */
  closedByAsker(roundId: string): void;
  /** The asker's click could not show the answer: deliver it by the retrying path. */
  askerUpdateFailed(roundId: string): void;
  /** Start-up: open rounds of the previous run get their deadlines, owed reveals are delivered. */
  recover(): void;
  /** Cancels every timer (the bot stops). */
  stop(): void;
}

/** What delivering needs from the bot: its REST client and user, the quiz, a logger. */
export interface RevealDeps {
  rest: Pick<REST, 'patch' | 'get'>;
  botUserId: () => string | undefined;
  /** Throws while quiz storage is down (isStorageFailure). */
  quiz: () => QuizService;
  storageFailed: (error: unknown) => void;
  logger: Logger;
  now?: () => number;
}

type Delivery = 'shown' | 'gone' | 'nothing';

/** Discord errors after which retrying cannot help: the message or channel is gone or out of reach. */
const permanent = new Set([10003, 10008, 50001, 50013]);
const isPermanent = (error: unknown): error is DiscordAPIError =>
  error instanceof DiscordAPIError && permanent.has(Number(error.code));

/** 1 s, 2 s, 4 s … at most a minute apart. */
export const retryDelayMs = (attempt: number): number => Math.min(60_000, 1000 * 2 ** attempt);

export function createQuizReveals(deps: RevealDeps): QuizReveals {
  const now = deps.now ?? Date.now;
  const timers = new Map<string, NodeJS.Timeout>();

  const cancel = (roundId: string): void => {
    clearTimeout(timers.get(roundId));
    timers.delete(roundId);
  };

  function at(roundId: string, time: number, run: () => void): void {
    cancel(roundId);
    const timer = setTimeout(
      () => {
        timers.delete(roundId);
        run();
      },
      Math.max(0, time - now()),
    );
    timer.unref();
    timers.set(roundId, timer);
  }

  /** deadline (or a retry): close the round if still open, then deliver what it owes. */
  function deliverAt(roundId: string, time: number, afterRestart: boolean, attempt: number): void {
    at(roundId, time, () => {
      deliverReveal(deps, roundId, { afterRestart }).then(
        (result) => delivered(roundId, result, attempt),
        (error: unknown) => deliveryFailed(roundId, error, afterRestart, attempt),
      );
    });
  }

  function delivered(roundId: string, result: Delivery, attempt: number): void {
    if (attempt > 0 && result === 'shown')
      deps.logger.info({ roundId, attempts: attempt + 1 }, 'quiz reveal delivered after retrying');
  }

  function deliveryFailed(roundId: string, error: unknown, afterRestart: boolean, attempt: number): void {
    if (isStorageFailure(error)) return void deps.storageFailed(error);
    const retryMs = retryDelayMs(attempt);
    deps.logger.warn({ err: error, roundId, attempt: attempt + 1, retryMs }, 'quiz reveal not shown yet; retrying');
    deliverAt(roundId, now() + retryMs, afterRestart, attempt + 1);
  }

  return {
    opened: (roundId, closesAt) => deliverAt(roundId, closesAt, false, 0),
    closedByAsker: cancel,
    askerUpdateFailed: (roundId) => deliverAt(roundId, now() + 1000, false, 0),
    recover() {
      const quiz = deps.quiz();
      for (const round of quiz.recoverOpenRounds()) deliverAt(round.id, round.closesAt, true, 0);
      for (const round of quiz.undeliveredReveals()) deliverAt(round.id, now(), false, 0);
    },
    stop() {
      for (const timer of timers.values()) clearTimeout(timer);
      timers.clear();
    },
  };
}

/**
 * One delivery attempt: closes the round if still open and edits its message in the channel to
 * show the answer. The round is marked shown only once the edit succeeded (or can never succeed);
 * a failure throws, for the caller to retry.
 */
async function deliverReveal(
  deps: RevealDeps,
  roundId: string,
  options: { afterRestart?: boolean } = {},
): Promise<Delivery> {
  const quiz = deps.quiz();
  const summary = quiz.closeForReveal(roundId);
  if (!summary) return 'nothing';
  const { round } = summary;
  const messageId = round.messageId ?? (await recoverMessageId(deps, summary));
  if (!messageId || !round.channelId) {
    deps.logger.warn({ roundId }, 'revealed a round whose message is unknown');
    quiz.markRevealShown(roundId);
    return 'gone';
  }
  const shown = await editToReveal(deps, summary, round.channelId, messageId, options.afterRestart);
  quiz.markRevealShown(roundId);
  return shown ? 'shown' : 'gone';
}

/** Posted, but the process died before storing where (SIGKILL mid-reply): look for the message. */
async function recoverMessageId(deps: RevealDeps, summary: RevealSummary): Promise<string | undefined> {
  const { round } = summary;
  if (!round.channelId) return undefined;
  const found = await findRoundMessage(deps, round.channelId, round.id);
  if (!found) return undefined;
  deps.quiz().attachMessage(round.id, round.channelId, found);
  deps.logger.info({ roundId: round.id, messageId: found }, 'found the message of a quiz round posted before a crash');
  return found;
}

/** Edits the message; false when it can never be edited (gone, out of reach). Throws otherwise. */
async function editToReveal(
  deps: RevealDeps,
  summary: RevealSummary,
  channelId: string,
  messageId: string,
  afterRestart: boolean | undefined,
): Promise<boolean> {
  const body = { ...renderReveal(summary, { closedAfterRestart: afterRestart }), allowed_mentions: noPings };
  try {
    await deps.rest.patch(Routes.channelMessage(channelId, messageId), { body });
    return true;
  } catch (error) {
    if (!isPermanent(error)) throw error;
    deps.logger.warn(
      { roundId: summary.round.id, code: error.code },
      'the quiz message can no longer be edited; its reveal is dropped',
    );
    return false;
  }
}

/** The channel's recent message whose buttons belong to the round, if any (needs Read Message History). */
async function findRoundMessage(deps: RevealDeps, channelId: string, roundId: string): Promise<string | undefined> {
  let messages: APIMessage[];
  try {
    messages = (await deps.rest.get(Routes.channelMessages(channelId), {
      query: new URLSearchParams({ limit: '50' }),
    })) as APIMessage[];
  } catch (error) {
    if (isPermanent(error)) return undefined;
    throw error;
  }
  const ours = (m: APIMessage) =>
    m.author.id === deps.botUserId() &&
    (m.components ?? []).some(
      (row) => 'components' in row && row.components.some((c) => 'custom_id' in c && roundOf(c.custom_id) === roundId),
    );
  return messages.find(ours)?.id;
}
