/** Builders for the Discord objects the fake hands out (users, members, guilds, channels, application). */
import { snowflake } from './snowflake.js';

export interface FakeUser {
  id: string;
  username: string;
  global_name: string | null;
  discriminator: string;
  avatar: string | null;
  bot?: boolean;
  public_flags: number;
  flags: number;
  banner: null;
  accent_color: null;
  avatar_decoration_data: null;
}

export interface FakeMember {
  user: FakeUser;
  roles: string[];
  nick: string | null;
  avatar: null;
  banner: null;
  joined_at: string;
  premium_since: null;
  deaf: boolean;
  mute: boolean;
  pending: boolean;
  flags: number;
  communication_disabled_until: null;
  /** Total permissions of the member in the interaction's channel (interaction payloads only). */
  permissions: string;
}

export interface FakeChannel {
  id: string;
  type: number;
  guild_id: string;
  name: string;
  position: number;
  permission_overwrites: never[];
  parent_id: string | null;
  nsfw: boolean;
  topic: string | null;
  last_message_id: string | null;
  rate_limit_per_user: number;
  flags: number;
}

export interface FakeGuild {
  id: string;
  name: string;
  ownerId: string;
  locale: string;
  channels: FakeChannel[];
}

export interface GuildConfig {
  id?: string;
  name?: string;
  locale?: string;
  /** Text channels to create; default one channel named "general". */
  channels?: Array<{ id?: string; name?: string }>;
}

const bit = (n: number) => 1n << BigInt(n);
/** VIEW_CHANNEL, SEND_MESSAGES, EMBED_LINKS, ATTACH_FILES, READ_MESSAGE_HISTORY, USE_EXTERNAL_EMOJIS, ADD_REACTIONS, USE_APPLICATION_COMMANDS, SEND_MESSAGES_IN_THREADS */
export const MEMBER_PERMISSIONS = [10, 11, 14, 15, 16, 18, 6, 31, 38].reduce((a, n) => a | bit(n), 0n).toString();

export function makeUser(username: string, opts: { id?: string; bot?: boolean; globalName?: string } = {}): FakeUser {
  return {
    id: opts.id ?? snowflake(),
    username:
      username
        .toLowerCase()
        .replace(/[^a-z0-9_.]/g, '_')
        .slice(0, 32) || 'user',
    global_name: opts.globalName ?? username,
    discriminator: '0',
    avatar: null,
    ...(opts.bot ? { bot: true } : {}),
    public_flags: 0,
    flags: 0,
    banner: null,
    accent_color: null,
    avatar_decoration_data: null,
  };
}

export function makeMember(
  user: FakeUser,
  opts: { roles?: string[]; nick?: string; permissions?: string } = {},
): FakeMember {
  return {
    user,
    roles: opts.roles ?? [],
    nick: opts.nick ?? null,
    avatar: null,
    banner: null,
    joined_at: new Date(Date.now() - 86_400_000).toISOString(),
    premium_since: null,
    deaf: false,
    mute: false,
    pending: false,
    flags: 0,
    communication_disabled_until: null,
    permissions: opts.permissions ?? MEMBER_PERMISSIONS,
  };
}

export function makeGuild(cfg: GuildConfig, ownerId: string): FakeGuild {
  const id = cfg.id ?? snowflake();
  const channels = (cfg.channels ?? [{ name: 'general' }]).map(
    (c, i): FakeChannel => ({
      id: c.id ?? snowflake(),
      type: 0,
      guild_id: id,
      name: c.name ?? `channel-${i}`,
      position: i,
      permission_overwrites: [],
      parent_id: null,
      nsfw: false,
      topic: null,
      last_message_id: null,
      rate_limit_per_user: 0,
      flags: 0,
    }),
  );
  return { id, name: cfg.name ?? 'Fake Guild', ownerId, locale: cfg.locale ?? 'en-US', channels };
}

function everyoneRole(guildId: string) {
  return {
    id: guildId,
    name: '@everyone',
    color: 0,
    colors: { primary_color: 0, secondary_color: null, tertiary_color: null },
    hoist: false,
    icon: null,
    unicode_emoji: null,
    position: 0,
    permissions: MEMBER_PERMISSIONS,
    managed: false,
    mentionable: false,
    flags: 0,
  };
}

/** A full guild object, as in GUILD_CREATE (with the bot as the only cached member). */
export function guildCreatePayload(g: FakeGuild, bot: FakeUser) {
  return {
    id: g.id,
    name: g.name,
    icon: null,
    icon_hash: null,
    splash: null,
    discovery_splash: null,
    banner: null,
    description: null,
    owner_id: g.ownerId,
    region: 'us-east',
    afk_channel_id: null,
    afk_timeout: 300,
    widget_enabled: false,
    verification_level: 0,
    default_message_notifications: 1,
    explicit_content_filter: 0,
    mfa_level: 0,
    nsfw_level: 0,
    premium_tier: 0,
    premium_subscription_count: 0,
    premium_progress_bar_enabled: false,
    system_channel_id: g.channels[0]?.id ?? null,
    system_channel_flags: 0,
    rules_channel_id: null,
    public_updates_channel_id: null,
    safety_alerts_channel_id: null,
    preferred_locale: g.locale,
    features: [],
    max_members: 500000,
    max_video_channel_users: 25,
    max_stage_video_channel_users: 50,
    vanity_url_code: null,
    application_id: null,
    roles: [everyoneRole(g.id)],
    emojis: [],
    stickers: [],
    joined_at: new Date(Date.now() - 86_400_000).toISOString(),
    large: false,
    unavailable: false,
    lazy: true,
    member_count: 2,
    voice_states: [],
    members: [{ ...makeMember(bot), permissions: undefined }],
    channels: g.channels.map(({ guild_id: _g, ...c }) => c),
    threads: [],
    presences: [],
    stage_instances: [],
    guild_scheduled_events: [],
    soundboard_sounds: [],
    embedded_activities: [],
    activity_instances: [],
    incidents_data: null,
    version: Date.now(),
    hub_type: null,
    latest_onboarding_question_id: null,
  };
}

export function applicationObject(id: string, name: string, bot: FakeUser, ownerId: string) {
  return {
    id,
    name,
    icon: null,
    description: '',
    summary: '',
    type: null,
    bot_public: false,
    bot_require_code_grant: false,
    verify_key: '0'.repeat(64),
    flags: 1 << 19, // GATEWAY_MESSAGE_CONTENT_LIMITED
    hook: true,
    is_monetized: false,
    is_verified: false,
    is_discoverable: false,
    storefront_available: false,
    integration_types_config: { '0': {} },
    install_params: null,
    approximate_guild_count: 1,
    approximate_user_install_count: 0,
    redirect_uris: [],
    interactions_endpoint_url: null,
    role_connections_verification_url: null,
    tags: [],
    team: null,
    owner: makeUser('owner', { id: ownerId }),
    bot,
  };
}
