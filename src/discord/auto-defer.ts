import {
  MessageFlags,
  type ChatInputCommandInteraction,
  type Interaction,
  type InteractionEditReplyOptions,
  type InteractionReplyOptions,
  type MessageComponentInteraction,
} from 'discord.js';
import { noPings } from './respond.js';

/**
 * Discord drops an interaction not acknowledged within 3 s. A handler still working after this
 * long (a locked database, slow REST, a slow reload) is deferred for it, leaving a margin for the
 * deferral's own round trip.
 */
const deferAfterMs = 1500;

type Acknowledgeable = ChatInputCommandInteraction | MessageComponentInteraction;

/** Interactions deferred here: their replies go through `reply`, which knows what the deferral left. */
export const autoDeferred = new WeakSet<object>();

const isEphemeral = (options: unknown): boolean =>
  typeof options === 'object' &&
  options !== null &&
  'flags' in options &&
  typeof options.flags === 'number' &&
  (options.flags & MessageFlags.Ephemeral) !== 0;

/** Whether a command's answer is seen by its user only (CommandModule.answersPrivately). */
export type AnswersPrivately = (interaction: ChatInputCommandInteraction) => boolean;

/**
 * Defers the interaction if the handler has not begun to answer after `afterMs`, privately when
 * `answersPrivately` says the command's answer will be; from then on the handler's own reply,
 * update and deferral are turned into edits and follow-ups of the deferred response, so handlers
 * need not know. Returns a function that disarms the timer.
 */
export function armAutoDefer(
  interaction: Interaction,
  onDeferred: (error?: unknown) => void,
  answersPrivately: AnswersPrivately = () => false,
  afterMs = deferAfterMs,
): () => void {
  if (!interaction.isChatInputCommand() && !interaction.isMessageComponent()) return () => undefined;
  const target: Acknowledgeable = interaction;
  let answering = false;
  let deferral: Promise<unknown> | undefined;
  let deferredPrivately = false;
  let placeholderUsed = false;
  // Every way a handler acknowledges: noted before the request leaves, as it may be slow itself.
  for (const method of ['reply', 'deferReply', 'update', 'deferUpdate', 'showModal'] as const) {
    if (!(method in target)) continue;
    const original = (target as unknown as Record<string, (...args: unknown[]) => Promise<unknown>>)[method]!.bind(
      target,
    );
    (target as unknown as Record<string, unknown>)[method] = async (...args: unknown[]) => {
      if (!deferral) {
        answering = true;
        return original(...args);
      }
      await deferral;
      return afterDeferral(method, args[0]);
    };
  }

  async function afterDeferral(method: string, options: unknown): Promise<unknown> {
    if (method === 'deferReply' || method === 'deferUpdate') return undefined;
    const payload = options as InteractionReplyOptions & { withResponse?: boolean };
    if (target.isMessageComponent()) {
      // Deferred as an update: an update edits the clicked message; a reply is a new message.
      if (method === 'update') return target.editReply(payload as InteractionEditReplyOptions);
      return target.followUp(payload);
    }
    if (placeholderUsed) return target.followUp(payload);
    placeholderUsed = true;
    // A command deferred in the open whose answer is private: the placeholder goes, the answer follows.
    if (isEphemeral(payload) && !deferredPrivately) {
      await target.deleteReply().catch(() => undefined);
      return target.followUp(payload);
    }
    const { flags: _flags, withResponse, ...edit } = payload;
    const message = await target.editReply({ allowedMentions: noPings, ...(edit as InteractionEditReplyOptions) });
    return withResponse ? { resource: { message } } : message;
  }

  const timer = setTimeout(() => {
    if (answering || target.replied || target.deferred) return;
    if (target.isChatInputCommand()) {
      deferredPrivately = answersPrivately(target);
      deferral = target.deferReply(deferredPrivately ? { flags: MessageFlags.Ephemeral } : {});
    } else deferral = target.deferUpdate();
    autoDeferred.add(target);
    deferral.then(
      () => onDeferred(),
      (error: unknown) => onDeferred(error),
    );
  }, afterMs);
  timer.unref();
  return () => clearTimeout(timer);
}
