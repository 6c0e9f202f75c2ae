import { Routes, type Client } from 'discord.js';
import type { BotContext } from './context.js';
import { renderReveal } from './render/quiz.js';
import { noPings } from './respond.js';

/**
 * Reveals a round and edits its message in the channel. Used by the timer and after a
 * restart, when no interaction is at hand to answer through.
 */
export async function revealRound(client: Client, context: BotContext, roundId: string, options: { afterRestart?: boolean } = {}): Promise<void> {
  const outcome = context.quiz.reveal(roundId, undefined, { timer: true });
  if (outcome.status !== 'revealed') return;
  const { round } = outcome.summary;
  if (!round.messageId || !round.channelId) {
    context.logger.warn({ roundId }, 'revealed a round whose message is unknown');
    return;
  }
  const body = { ...renderReveal(outcome.summary, { closedAfterRestart: options.afterRestart }), allowed_mentions: noPings };
  await client.rest.patch(Routes.channelMessage(round.channelId, round.messageId), { body });
}
