import type { BotContext } from './context.js';
import type { MessageComponentInteraction } from 'discord.js';
import { limits } from './limits.js';

/**
 * A component's custom_id, declared once next to its handler: the renderer encodes typed data,
 * the router decodes it before the handler runs. The wire format is the prefix, then the fields,
 * separated by ":" (so a field never holds one).
 */
export interface ComponentId<T> {
  readonly prefix: string;
  encode(data: T): string;
  /** The data, or undefined when the id is not a well-formed one of these (stale or forged). */
  decode(customId: string): T | undefined;
}

export function componentId<T>(
  prefix: string,
  codec: { fields(data: T): readonly (string | number)[]; parse(fields: readonly string[]): T | undefined },
): ComponentId<T> {
  return {
    prefix,
    encode(data) {
      const fields = codec.fields(data).map(String);
      if (fields.some((f) => f.includes(':'))) throw new Error(`custom_id field holds ":" (${prefix})`);
      const id = [prefix, ...fields].join(':');
      if (id.length > limits.customId) throw new Error(`custom_id too long (${id.length}): ${id.slice(0, 40)}…`);
      return id;
    },
    decode(customId) {
      if (customId === prefix) return codec.parse([]);
      if (!customId.startsWith(`${prefix}:`)) return undefined;
      return codec.parse(customId.slice(prefix.length + 1).split(':'));
    },
  };
}

/** The prefix the router dispatches on. */
export const prefixOf = (customId: string): string => customId.split(':', 1)[0] ?? '';

/** A field that must be present and non-empty. */
export const present = (field: string | undefined): field is string => Boolean(field);

/** A page number field: a non-negative integer, else undefined. */
export function pageField(field: string | undefined): number | undefined {
  if (!field || !/^\d{1,6}$/.test(field)) return undefined;
  return Number(field);
}

export type ComponentHandler<T> = (
  interaction: MessageComponentInteraction,
  data: T,
  context: BotContext,
) => Promise<void>;

/** A handler bound to its id: the router finds it by prefix and gets a call only when the id decodes. */
export interface ComponentRoute {
  prefix: string;
  bind(
    customId: string,
  ): ((interaction: MessageComponentInteraction, context: BotContext) => Promise<void>) | undefined;
}

export function onComponent<T>(id: ComponentId<T>, handler: ComponentHandler<T>): ComponentRoute {
  return {
    prefix: id.prefix,
    bind(customId) {
      const data = id.decode(customId);
      return data === undefined ? undefined : (interaction, context) => handler(interaction, data, context);
    },
  };
}
