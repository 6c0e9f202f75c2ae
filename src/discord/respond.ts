import {
  MessageFlags,
  type AllowedMentionsTypes,
  type MessageComponentInteraction,
  type RepliableInteraction,
} from 'discord.js';
import { autoDeferred } from './auto-defer.js';

/** Replies never ping anyone unless a user is named on purpose. */
export const noPings = { parse: [] as AllowedMentionsTypes[] };

export async function replyEphemeral(
  interaction: RepliableInteraction | MessageComponentInteraction,
  content: string,
): Promise<void> {
  const payload = { content, flags: MessageFlags.Ephemeral as const, allowedMentions: noPings };
  if ((interaction.replied || interaction.deferred) && !autoDeferred.has(interaction))
    await interaction.followUp(payload);
  else await interaction.reply(payload);
}

export const expiredMessage =
  'This button has expired (it is over an hour old, or the bot has restarted since). Run the command again.';
