/** Builds INTERACTION_CREATE payloads (slash commands, autocomplete, buttons, select menus). */
import { snowflake } from './snowflake.js';
import {
  MEMBER_PERMISSIONS,
  makeMember,
  type FakeChannel,
  type FakeGuild,
  type FakeMember,
  type FakeUser,
} from './entities.js';
import type { StoredCommand } from './commands.js';

const InteractionType = {
  Ping: 1,
  ApplicationCommand: 2,
  MessageComponent: 3,
  Autocomplete: 4,
  ModalSubmit: 5,
} as const;
const OptionType = {
  Subcommand: 1,
  SubcommandGroup: 2,
  String: 3,
  Integer: 4,
  Boolean: 5,
  User: 6,
  Channel: 7,
  Role: 8,
  Mentionable: 9,
  Number: 10,
  Attachment: 11,
} as const;

/** A value for one option: inferred type, or explicit `{ type, value }`. A FakeUser means a USER option. */
export type OptionInput = string | number | boolean | FakeUser | { type: number; value: unknown };

export interface RawOption {
  name: string;
  type: number;
  value?: unknown;
  options?: RawOption[];
  focused?: boolean;
}

interface WhoOptions {
  /** Invoking user (default: a user made once per fake, "tester"). */
  user?: FakeUser;
  /** Member data overrides (roles, nick, permissions); guild interactions only. */
  member?: Partial<Omit<FakeMember, 'user'>>;
  /** Guild id; default the first configured guild; `null` = a DM with the bot. */
  guildId?: string | null;
  /** Channel id; default the guild's first channel (or the user's DM channel). */
  channelId?: string;
  /** User's client locale (default en-US). */
  locale?: string;
}

export interface SlashCommandInput extends WhoOptions {
  /** Command name; "quiz start" or "admin notes reload" address subcommands (groups). */
  name: string;
  subcommand?: string;
  subcommandGroup?: string;
  /** Option values by name, or the raw `data.options` array. */
  options?: Record<string, OptionInput> | RawOption[];
}

export interface AutocompleteInput extends SlashCommandInput {
  /** Name of the option being typed into. */
  focused: string;
}

export interface ComponentInput extends Omit<WhoOptions, 'guildId' | 'channelId'> {
  messageId: string;
  customId: string;
  /**
   * Fault injection: a modified client clicks `customId` but sends this custom_id instead (e.g. a
   * quiz round of another server). The real component is still looked up and must exist.
   */
  forgedCustomId?: string;
}

export interface SelectInput extends ComponentInput {
  values: string[];
}

export interface InteractionWorld {
  applicationId: string;
  guilds: FakeGuild[];
  defaultUser: () => FakeUser;
  users: Map<string, FakeUser>;
  dmChannelId: (user: FakeUser) => string;
  findCommand: (name: string, guildId: string | undefined) => StoredCommand | undefined;
}

export interface BuiltInteraction {
  id: string;
  token: string;
  type: number;
  payload: Record<string, unknown>;
  channelId: string;
  guildId?: string;
  user: FakeUser;
}

function where(world: InteractionWorld, who: WhoOptions, forceGuild?: string | null, forceChannel?: string) {
  const user = who.user ?? world.defaultUser();
  world.users.set(user.id, user);
  const guildId =
    forceGuild !== undefined ? forceGuild : who.guildId === undefined ? (world.guilds[0]?.id ?? null) : who.guildId;
  if (guildId === null) {
    const channelId = forceChannel ?? who.channelId ?? world.dmChannelId(user);
    return {
      user,
      guild: undefined,
      channelId,
      channel: { id: channelId, type: 1, flags: 0, last_message_id: null, recipients: [user] },
    };
  }
  const guild = world.guilds.find((g) => g.id === guildId);
  if (!guild) throw new Error(`fake-discord: unknown guild ${guildId}`);
  const channelId = forceChannel ?? who.channelId ?? guild.channels[0]?.id;
  const ch: FakeChannel | undefined = guild.channels.find((c) => c.id === channelId);
  if (!ch || !channelId) throw new Error(`fake-discord: unknown channel ${String(channelId)} in guild ${guild.id}`);
  return { user, guild, channelId, channel: { ...ch, permissions: MEMBER_PERMISSIONS } };
}

function base(
  world: InteractionWorld,
  type: number,
  who: WhoOptions,
  data: unknown,
  forceGuild?: string | null,
  forceChannel?: string,
): BuiltInteraction {
  const w = where(world, who, forceGuild, forceChannel);
  const id = snowflake();
  const token = `fake-interaction-token.${id}.${Math.random().toString(36).slice(2, 12)}`;
  const payload: Record<string, unknown> = {
    id,
    application_id: world.applicationId,
    type,
    data,
    token,
    version: 1,
    channel_id: w.channelId,
    channel: w.channel,
    // The bot holds what members hold: enough to post, embed and read history.
    app_permissions: MEMBER_PERMISSIONS,
    locale: who.locale ?? 'en-US',
    entitlements: [],
    entitlement_sku_ids: [],
    attachment_size_limit: 10 * 1024 * 1024,
  };
  if (w.guild) {
    payload.guild_id = w.guild.id;
    payload.guild = { id: w.guild.id, locale: w.guild.locale, features: [] };
    payload.guild_locale = w.guild.locale;
    payload.member = { ...makeMember(w.user), ...(who.member ?? {}), user: w.user };
    payload.authorizing_integration_owners = { '0': w.guild.id };
    payload.context = 0;
  } else {
    payload.user = w.user;
    payload.authorizing_integration_owners = { '0': '0' };
    payload.context = 1;
  }
  return {
    id,
    token,
    type,
    payload,
    channelId: w.channelId,
    ...(w.guild ? { guildId: w.guild.id } : {}),
    user: w.user,
  };
}

interface DefOption {
  name: string;
  type: number;
  required?: boolean;
  options?: DefOption[];
  choices?: Array<{ value: unknown }>;
}

function isUser(v: unknown): v is FakeUser {
  return typeof v === 'object' && v !== null && 'username' in v && 'id' in v;
}

function inferType(v: OptionInput): number {
  if (isUser(v)) return OptionType.User;
  if (typeof v === 'object' && v !== null && 'type' in v) return v.type;
  if (typeof v === 'string') return OptionType.String;
  if (typeof v === 'boolean') return OptionType.Boolean;
  return Number.isInteger(v) ? OptionType.Integer : OptionType.Number;
}

/** Shapes `data.options` (+ `resolved`) for a chat-input command, checked against the registered command if any. */
function commandData(world: InteractionWorld, input: SlashCommandInput, guildId: string | undefined, focused?: string) {
  const words = input.name.trim().split(/\s+/);
  const name = words[0] ?? '';
  const group = input.subcommandGroup ?? (words.length === 3 ? words[1] : undefined);
  const sub = input.subcommand ?? (words.length === 3 ? words[2] : words.length === 2 ? words[1] : undefined);
  const cmd = world.findCommand(name, guildId);

  let defs: DefOption[] | undefined = cmd ? ((cmd.options ?? []) as DefOption[]) : undefined;
  const pick = (kind: number, n: string) => {
    if (!defs) return;
    const d = defs.find((o) => o.name === n && o.type === kind);
    if (!d) throw new Error(`fake-discord: /${name} has no ${kind === 1 ? 'subcommand' : 'subcommand group'} "${n}"`);
    defs = d.options ?? [];
  };
  if (group) pick(OptionType.SubcommandGroup, group);
  if (sub) pick(OptionType.Subcommand, sub);

  const resolved: Record<string, Record<string, unknown>> = {};
  let leaf: RawOption[];
  if (Array.isArray(input.options)) {
    leaf = input.options;
  } else {
    const given = { ...(input.options ?? {}) };
    if (focused !== undefined && !(focused in given)) given[focused] = '';
    leaf = Object.entries(given).map(([n, v]): RawOption => {
      const def = defs?.find((o) => o.name === n);
      if (defs && !def) throw new Error(`fake-discord: /${input.name} has no option "${n}"`);
      const type = def?.type ?? inferType(v);
      let value: unknown = typeof v === 'object' && v !== null && !isUser(v) && 'value' in v ? v.value : v;
      if (isUser(value)) {
        const u = value;
        world.users.set(u.id, u);
        (resolved.users ??= {})[u.id] = u;
        if (guildId) {
          const { user: _u, ...m } = makeMember(u);
          (resolved.members ??= {})[u.id] = m;
        }
        value = u.id;
      } else if (type === OptionType.User && typeof value === 'string') {
        const u = world.users.get(value);
        if (u) (resolved.users ??= {})[u.id] = u;
      } else if (type === OptionType.Channel && typeof value === 'string') {
        const ch = world.guilds.flatMap((g) => g.channels).find((c) => c.id === value);
        if (ch)
          (resolved.channels ??= {})[ch.id] = {
            id: ch.id,
            name: ch.name,
            type: ch.type,
            permissions: MEMBER_PERMISSIONS,
          };
      }
      if (focused === undefined && def?.choices && !def.choices.some((c) => c.value === value)) {
        throw new Error(`fake-discord: ${JSON.stringify(value)} is not a choice of option "${n}"`);
      }
      return { name: n, type, value, ...(n === focused ? { focused: true } : {}) };
    });
    if (defs && focused === undefined) {
      for (const d of defs) {
        if (d.required && !(d.name in given))
          throw new Error(`fake-discord: /${input.name} requires option "${d.name}"`);
      }
    }
  }

  let options: RawOption[] = leaf;
  if (sub) options = [{ name: sub, type: OptionType.Subcommand, options: leaf }];
  if (group) options = [{ name: group, type: OptionType.SubcommandGroup, options }];
  return {
    id: cmd?.id ?? snowflake(),
    name,
    type: 1,
    options,
    ...(Object.keys(resolved).length ? { resolved } : {}),
    ...(cmd?.guild_id ? { guild_id: cmd.guild_id } : {}),
  };
}

export function buildSlashCommand(world: InteractionWorld, input: SlashCommandInput): BuiltInteraction {
  const guildId = input.guildId === undefined ? world.guilds[0]?.id : (input.guildId ?? undefined);
  return base(world, InteractionType.ApplicationCommand, input, commandData(world, input, guildId));
}

export function buildAutocomplete(world: InteractionWorld, input: AutocompleteInput): BuiltInteraction {
  const guildId = input.guildId === undefined ? world.guilds[0]?.id : (input.guildId ?? undefined);
  return base(world, InteractionType.Autocomplete, input, commandData(world, input, guildId, input.focused));
}

type Obj = Record<string, unknown>;

function findComponent(components: unknown[], customId: string): Obj | undefined {
  for (const c of components) {
    if (typeof c !== 'object' || c === null) continue;
    const o = c as Obj;
    if (o.custom_id === customId) return o;
    for (const key of ['components', 'accessory']) {
      const child = o[key];
      const found = Array.isArray(child)
        ? findComponent(child, customId)
        : child
          ? findComponent([child], customId)
          : undefined;
      if (found) return found;
    }
  }
  return undefined;
}

export function buildComponent(
  world: InteractionWorld,
  input: ComponentInput & { values?: string[] },
  message: Record<string, unknown>,
  kind: 'button' | 'select',
): BuiltInteraction {
  const components = (message.components ?? []) as unknown[];
  const comp = findComponent(components, input.customId);
  if (!comp)
    throw new Error(`fake-discord: message ${input.messageId} has no component with custom_id "${input.customId}"`);
  if (comp.disabled === true) throw new Error(`fake-discord: component "${input.customId}" is disabled`);
  const type = comp.type as number;
  if (kind === 'button' && type !== 2)
    throw new Error(`fake-discord: "${input.customId}" is not a button (type ${type})`);
  if (kind === 'select' && ![3, 5, 6, 7, 8].includes(type))
    throw new Error(`fake-discord: "${input.customId}" is not a select menu (type ${type})`);
  const data: Obj = { custom_id: input.forgedCustomId ?? input.customId, component_type: type };
  if (kind === 'select') {
    const values = input.values ?? [];
    const min = typeof comp.min_values === 'number' ? comp.min_values : 1;
    const max = typeof comp.max_values === 'number' ? comp.max_values : 1;
    if (values.length < min || values.length > max) {
      throw new Error(`fake-discord: select "${input.customId}" takes ${min}-${max} values, got ${values.length}`);
    }
    if (type === 3) {
      const allowed = new Set(((comp.options ?? []) as Obj[]).map((o) => o.value));
      for (const v of values)
        if (!allowed.has(v)) throw new Error(`fake-discord: "${v}" is not an option of select "${input.customId}"`);
    }
    data.values = values;
  }
  const guildId = typeof message.guild_id === 'string' ? message.guild_id : null;
  const built = base(world, InteractionType.MessageComponent, input, data, guildId, String(message.channel_id));
  built.payload.message = message;
  return built;
}
