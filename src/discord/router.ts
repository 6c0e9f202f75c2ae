import { randomBytes } from 'node:crypto';
import type { Interaction } from 'discord.js';
import type { BotContext, CommandModule, ComponentHandler } from './context.js';
import { parseCustomId } from './custom-id.js';
import { replyEphemeral } from './respond.js';

/** Sends each interaction to its command's handler; an error never escapes to the client. */
export function createRouter(commands: CommandModule[], shared: BotContext): (interaction: Interaction) => Promise<void> {
  const byName = new Map(commands.map((c) => [c.data.name, c]));
  const components = new Map<string, ComponentHandler>();
  for (const command of commands) for (const [prefix, handler] of Object.entries(command.components ?? {})) components.set(prefix, handler);

  return async (interaction) => {
    const started = performance.now();
    const where = {
      interactionId: interaction.id,
      type: interaction.type,
      command: interaction.isCommand() || interaction.isAutocomplete() ? interaction.commandName : undefined,
      customId: interaction.isMessageComponent() ? interaction.customId : undefined,
      userId: interaction.user.id,
      guildId: interaction.guildId,
    };
    // A reload swaps context.knowledge and context.quiz; this interaction finishes on what it started with.
    const context: BotContext = { ...shared };
    try {
      if (interaction.isChatInputCommand()) {
        const command = byName.get(interaction.commandName);
        if (command) await command.execute(interaction, context);
        else await replyEphemeral(interaction, 'This command is no longer available. Commands may be being updated; try again in a minute.');
      } else if (interaction.isAutocomplete()) {
        await byName.get(interaction.commandName)?.autocomplete?.(interaction, context);
      } else if (interaction.isMessageComponent()) {
        const { prefix, args } = parseCustomId(interaction.customId);
        const handler = components.get(prefix);
        if (handler) await handler(interaction, args, context);
        else await replyEphemeral(interaction, 'This button belongs to an older version of the bot. Run the command again.');
      }
      context.logger.debug({ ...where, ms: Math.round(performance.now() - started) }, 'interaction handled');
    } catch (error) {
      const errorId = randomBytes(4).toString('hex');
      context.logger.error({ ...where, errorId, err: error }, 'interaction failed');
      if (interaction.isRepliable()) {
        await replyEphemeral(interaction, `Something went wrong on our side (error id \`${errorId}\`). Please try again; if it keeps happening, share the error id with the server admins.`).catch((replyError: unknown) =>
          context.logger.warn({ ...where, errorId, err: replyError }, 'could not tell the user about the error'),
        );
      }
    }
  };
}
