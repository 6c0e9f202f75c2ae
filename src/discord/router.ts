import { randomBytes } from 'node:crypto';
import type { Interaction } from 'discord.js';
import type { BotContext, CommandModule } from './context.js';
import { armAutoDefer } from './auto-defer.js';
import { prefixOf, type ComponentRoute } from './custom-id.js';
import { replyEphemeral } from './respond.js';
import { isStorageFailure, quizUnavailableMessage } from '../quiz/storage-problem.js';
import { isBusy } from './store-retry.js';

/** The quiz database is unusable: quizzes are off, the user is told so, nothing else breaks. */
async function quizUnavailable(
  interaction: Interaction,
  context: BotContext,
  error: unknown,
  where: object,
): Promise<void> {
  context.quizStorageFailed(error);
  try {
    if (interaction.isAutocomplete()) {
      if (!interaction.responded) await interaction.respond([]);
    } else if (interaction.isRepliable()) await replyEphemeral(interaction, quizUnavailableMessage);
  } catch (replyError) {
    context.logger.warn({ ...where, err: replyError }, 'could not tell the user that quiz storage is unavailable');
  }
}

export interface Router {
  (interaction: Interaction): Promise<void>;
  /** Stops taking new interactions and waits for those in flight, at most `graceMs`; resolves to how many were left unfinished. */
  drain(graceMs: number): Promise<number>;
}

/** Sends each interaction to its command's handler; an error never escapes to the client. */
export function createRouter(commands: CommandModule[], shared: BotContext): Router {
  const byName = new Map(commands.map((c) => [c.data.name, c]));
  const components = new Map<string, ComponentRoute>();
  for (const command of commands) for (const route of command.components ?? []) components.set(route.prefix, route);

  const inFlight = new Set<Promise<void>>();
  let draining = false;

  const route = async (interaction: Interaction): Promise<void> => {
    const started = performance.now();
    const where = {
      interactionId: interaction.id,
      type: interaction.type,
      command: interaction.isCommand() || interaction.isAutocomplete() ? interaction.commandName : undefined,
      customId: interaction.isMessageComponent() ? interaction.customId : undefined,
      userId: interaction.user.id,
      guildId: interaction.guildId,
    };
    // A reload swaps shared.knowledge: this interaction finishes on the notes it started with. The
    // rest (quiz storage, which may be down and throws when read) is read through from `shared`.
    const context: BotContext = Object.create(shared, { knowledge: { value: shared.knowledge, enumerable: true } });
    const command = interaction.isChatInputCommand() ? byName.get(interaction.commandName) : undefined;
    const disarm = armAutoDefer(
      interaction,
      (error) =>
        error
          ? context.logger.warn({ ...where, err: error }, 'could not defer a slow interaction')
          : context.logger.info(where, 'interaction slow: deferred'),
      command?.answersPrivately,
    );
    try {
      if (interaction.isChatInputCommand()) {
        if (command) await command.execute(interaction, context);
        else
          await replyEphemeral(
            interaction,
            'This command is no longer available. Commands may be being updated; try again in a minute.',
          );
      } else if (interaction.isAutocomplete()) {
        await byName.get(interaction.commandName)?.autocomplete?.(interaction, context);
      } else if (interaction.isMessageComponent()) {
        const handle = components.get(prefixOf(interaction.customId))?.bind(interaction.customId);
        if (handle) await handle(interaction, context);
        else
          await replyEphemeral(
            interaction,
            'This button belongs to an older version of the bot. Run the command again.',
          );
      }
      context.logger.debug({ ...where, ms: Math.round(performance.now() - started) }, 'interaction handled');
    } catch (error) {
      if (isStorageFailure(error)) return quizUnavailable(interaction, context, error, where);
      if (isBusy(error) && interaction.isRepliable()) {
        context.logger.warn({ ...where, err: error }, 'quiz database locked elsewhere; the user was asked to retry');
        await replyEphemeral(
          interaction,
          'The quiz database is busy right now and nothing was saved. Please try again in a moment.',
        ).catch(() => undefined);
        return;
      }
      const errorId = randomBytes(4).toString('hex');
      context.logger.error({ ...where, errorId, err: error }, 'interaction failed');
      if (interaction.isRepliable()) {
        await replyEphemeral(
          interaction,
          `Something went wrong on our side (error id \`${errorId}\`). Please try again; if it keeps happening, share the error id with the server admins.`,
        ).catch((replyError: unknown) =>
          context.logger.warn({ ...where, errorId, err: replyError }, 'could not tell the user about the error'),
        );
      }
    } finally {
      disarm();
    }
  };

  const router = (interaction: Interaction): Promise<void> => {
    if (draining) return refuseWhileDraining(interaction, shared);
    const handling = route(interaction).finally(() => inFlight.delete(handling));
    inFlight.add(handling);
    return handling;
  };
  router.drain = async (graceMs: number): Promise<number> => {
    draining = true;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<void>((resolve) => (timer = setTimeout(resolve, graceMs)));
    await Promise.race([Promise.allSettled([...inFlight]), timeout]);
    clearTimeout(timer);
    return inFlight.size;
  };
  return router;
}

/** During shutdown: a short honest answer instead of silence. */
async function refuseWhileDraining(interaction: Interaction, context: BotContext): Promise<void> {
  try {
    if (interaction.isAutocomplete()) await interaction.respond([]);
    else if (interaction.isRepliable())
      await replyEphemeral(interaction, 'Nimbus is restarting. Please try again in a few seconds.');
  } catch (error) {
    context.logger.debug({ err: error, interactionId: interaction.id }, 'could not answer during shutdown');
  }
}
