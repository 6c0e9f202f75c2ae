/** Channel messages (POST/GET/PATCH/DELETE) and channel lookup. */
import type { FakeDiscord } from './fake-discord.js';
import { errors } from './errors.js';
import { checkMessageBody } from './message-rules.js';
import { EPHEMERAL, type FakeMessage } from './message-store.js';
import type { Route, RouteRequest } from './rest.js';

type Obj = Record<string, unknown>;
const obj = (v: unknown): Obj => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Obj) : {});

export function channelRoutes(fake: FakeDiscord): Record<string, Route> {
  const channel = (r: RouteRequest) => fake.findChannel(r.params.channel_id ?? '');
  const message = (r: RouteRequest): FakeMessage | undefined => {
    const m = fake.messages.get(r.params.message_id ?? '');
    // Ephemeral messages do not exist for channel routes.
    return m && !m.deleted && m.channel_id === r.params.channel_id && (m.flags & EPHEMERAL) === 0 ? m : undefined;
  };
  const needMessage = (r: RouteRequest) =>
    !channel(r)
      ? errors.unknownChannel(`channel ${r.params.channel_id} unknown`)
      : !message(r)
        ? errors.unknownMessage(
            `message ${r.params.message_id} not in channel ${r.params.channel_id} (or ephemeral/deleted)`,
          )
        : undefined;

  return {
    'GET /channels/{channel_id}': {
      check: (r) => (channel(r) ? undefined : errors.unknownChannel(`channel ${r.params.channel_id} unknown`)),
      handle: (r) => ({ status: 200, body: channel(r) }),
    },
    'POST /channels/{channel_id}/messages': {
      check: (r) =>
        channel(r)
          ? checkMessageBody(r.body, '', { requireAllowedMentions: true, isCreate: true, hasFiles: r.files.length > 0 })
          : errors.unknownChannel(`channel ${r.params.channel_id} unknown`),
      handle: (r) => {
        const ch = channel(r)!;
        const body = obj(r.body);
        const m = fake.store.create({
          channelId: ch.id,
          ...(ch.guild_id ? { guildId: ch.guild_id } : {}),
          author: fake.botUser,
          body,
          type: body.message_reference ? 19 : 0,
          via: 'channel-create',
          files: r.files,
        });
        return { status: 200, body: fake.store.serve(m) };
      },
    },
    'GET /channels/{channel_id}/messages': {
      check: (r) => (channel(r) ? undefined : errors.unknownChannel(`channel ${r.params.channel_id} unknown`)),
      handle: (r) => {
        const limit = Math.min(100, Math.max(1, Number(r.query.get('limit') ?? 50) || 50));
        const inChannel = [...fake.messages.values()].filter(
          (m) => m.channel_id === r.params.channel_id && !m.deleted && (m.flags & EPHEMERAL) === 0,
        );
        // Newest first, as Discord.
        return {
          status: 200,
          body: inChannel
            .reverse()
            .slice(0, limit)
            .map((m) => fake.store.serve(m)),
        };
      },
    },
    'GET /channels/{channel_id}/messages/{message_id}': {
      check: needMessage,
      handle: (r) => ({ status: 200, body: fake.store.serve(message(r)!) }),
    },
    'PATCH /channels/{channel_id}/messages/{message_id}': {
      check: (r) => {
        const e = needMessage(r);
        if (e) return e;
        if (message(r)!.author.id !== fake.botUser.id) return errors.cannotEditOtherUser();
        return checkMessageBody(r.body ?? {}, '', {
          requireAllowedMentions: true,
          isCreate: false,
          hasFiles: r.files.length > 0,
        });
      },
      handle: (r) => ({
        status: 200,
        body: fake.store.serve(fake.store.edit(message(r)!, obj(r.body), 'channel-edit', r.files)),
      }),
    },
    'DELETE /channels/{channel_id}/messages/{message_id}': {
      check: needMessage,
      handle: (r) => {
        message(r)!.deleted = true;
        return { status: 204 };
      },
    },
  };
}
