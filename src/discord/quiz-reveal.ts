import { DiscordAPIError, Routes, type APIMessage, type Client } from 'discord.js';
import type { BotContext } from './context.js';
import { roundOf } from './commands/quiz-ids.js';
import { renderReveal } from './render/quiz.js';
import { noPings } from './respond.js';

/** Discord errors after which retrying cannot help: the message or channel is gone or out of reach. */
const permanent = new Set([10003, 10008, 50001, 50013]);

/**
 * Closes a round (if still open) and edits its message in the channel to show the answer.
 * Used by the timer, by retries and after a restart, when no interaction is at hand. The
 * round is marked shown only once the edit succeeded; a failure throws, for the caller to
 * retry. Resolves to what happened.
 */
export async function revealRound(
  client: Client,
  context: BotContext,
  roundId: string,
  options: { afterRestart?: boolean } = {},
): Promise<'shown' | 'gone' | 'nothing'> {
  const outcome = context.quiz.reveal(roundId, undefined, { timer: true });
  const summary =
    outcome.status === 'revealed'
      ? outcome.summary
      : context.quiz.revealPending(roundId)
        ? context.quiz.revealedSummary(roundId)
        : undefined;
  if (!summary) return 'nothing';
  const { round } = summary;
  if (!round.messageId && round.channelId) {
    // Posted, but the process died before storing where (SIGKILL mid-reply): look for it.
    const found = await findRoundMessage(client, round.channelId, roundId);
    if (found) {
      context.quiz.attachMessage(roundId, round.channelId, found);
      round.messageId = found;
      context.logger.info({ roundId, messageId: found }, 'found the message of a quiz round posted before a crash');
    }
  }
  if (!round.messageId || !round.channelId) {
    context.logger.warn({ roundId }, 'revealed a round whose message is unknown');
    context.quiz.markRevealShown(roundId);
    return 'gone';
  }
  const body = { ...renderReveal(summary, { closedAfterRestart: options.afterRestart }), allowed_mentions: noPings };
  try {
    await client.rest.patch(Routes.channelMessage(round.channelId, round.messageId), { body });
  } catch (error) {
    if (!(error instanceof DiscordAPIError && permanent.has(Number(error.code)))) throw error;
    context.logger.warn(
      { roundId, code: error.code },
      'the quiz message can no longer be edited; its reveal is dropped',
    );
    context.quiz.markRevealShown(roundId);
    return 'gone';
  }
  context.quiz.markRevealShown(roundId);
  return 'shown';
}

/** The channel's recent message whose buttons belong to the round, if any (needs Read Message History). */
async function findRoundMessage(client: Client, channelId: string, roundId: string): Promise<string | undefined> {
  let messages: APIMessage[];
  try {
    messages = (await client.rest.get(Routes.channelMessages(channelId), {
      query: new URLSearchParams({ limit: '50' }),
    })) as APIMessage[];
  } catch (error) {
    if (error instanceof DiscordAPIError && permanent.has(Number(error.code))) return undefined;
    throw error;
  }
  const ours = (m: APIMessage) =>
    m.author.id === client.user?.id &&
    (m.components ?? []).some(
      (row) => 'components' in row && row.components.some((c) => 'custom_id' in c && roundOf(c.custom_id) === roundId),
    );
  return messages.find(ours)?.id;
}
