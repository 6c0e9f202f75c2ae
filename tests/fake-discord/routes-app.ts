/** Routes discord.js uses around login and for application commands. */
import type { FakeDiscord } from './fake-discord.js';
import { errors } from './errors.js';
import { applicationObject, guildCreatePayload } from './entities.js';
import type { Route } from './rest.js';

type Obj = Record<string, unknown>;

export function appRoutes(fake: FakeDiscord): Record<string, Route> {
  const appCheck = (appId: string | undefined) =>
    appId === fake.application.id
      ? undefined
      : errors.unknownApplication(`application id ${appId} is not ${fake.application.id}`);
  const guildCheck = (guildId: string | undefined) =>
    fake.guilds.some((g) => g.id === guildId) ? undefined : errors.unknownGuild(`guild ${guildId} is not configured`);
  const app = () => applicationObject(fake.application.id, fake.application.name, fake.botUser, fake.ownerId);

  return {
    'GET /gateway': { handle: () => ({ status: 200, body: { url: fake.gatewayUrl } }) },
    'GET /gateway/bot': {
      handle: () => ({
        status: 200,
        body: {
          url: fake.gatewayUrl,
          shards: 1,
          session_start_limit: { total: 1000, remaining: 999, reset_after: 14_400_000, max_concurrency: 1 },
        },
      }),
    },
    'GET /users/@me': { handle: () => ({ status: 200, body: fake.botUser }) },
    'GET /users/{user_id}': {
      handle: (r) => {
        const u = r.params.user_id === fake.botUser.id ? fake.botUser : fake.users.get(r.params.user_id ?? '');
        return u ? { status: 200, body: u } : errors.notFound(`user ${r.params.user_id} unknown`);
      },
    },
    'GET /applications/@me': { handle: () => ({ status: 200, body: app() }) },
    'GET /oauth2/applications/@me': { handle: () => ({ status: 200, body: app() }) },
    'GET /guilds/{guild_id}': {
      check: (r) => guildCheck(r.params.guild_id),
      handle: (r) => {
        const g = fake.guilds.find((x) => x.id === r.params.guild_id)!;
        const { channels: _c, members: _m, ...rest } = guildCreatePayload(g, fake.botUser);
        return { status: 200, body: rest };
      },
    },

    // ---- application commands ----
    'GET /applications/{application_id}/commands': {
      check: (r) => appCheck(r.params.application_id),
      handle: () => ({ status: 200, body: fake.commands.list() }),
    },
    'PUT /applications/{application_id}/commands': {
      check: (r) => appCheck(r.params.application_id),
      handle: (r) => ({ status: 200, body: fake.commands.overwrite((r.body ?? []) as Obj[]) }),
    },
    'POST /applications/{application_id}/commands': {
      check: (r) => appCheck(r.params.application_id),
      handle: (r) => ({ status: 201, body: fake.commands.create(r.body as Obj) }),
    },
    'GET /applications/{application_id}/commands/{command_id}': {
      check: (r) => appCheck(r.params.application_id),
      handle: (r) => {
        const c = fake.commands.list().find((x) => x.id === r.params.command_id);
        return c ? { status: 200, body: c } : errors.unknownCommand();
      },
    },
    'PATCH /applications/{application_id}/commands/{command_id}': {
      check: (r) => appCheck(r.params.application_id),
      handle: (r) => {
        const c = fake.commands.edit(r.params.command_id ?? '', r.body as Obj);
        return c ? { status: 200, body: c } : errors.unknownCommand();
      },
    },
    'DELETE /applications/{application_id}/commands/{command_id}': {
      check: (r) => appCheck(r.params.application_id),
      handle: (r) => (fake.commands.remove(r.params.command_id ?? '') ? { status: 204 } : errors.unknownCommand()),
    },
    'GET /applications/{application_id}/guilds/{guild_id}/commands': {
      check: (r) => appCheck(r.params.application_id) ?? guildCheck(r.params.guild_id),
      handle: (r) => ({ status: 200, body: fake.commands.list(r.params.guild_id) }),
    },
    'PUT /applications/{application_id}/guilds/{guild_id}/commands': {
      check: (r) => appCheck(r.params.application_id) ?? guildCheck(r.params.guild_id),
      handle: (r) => ({ status: 200, body: fake.commands.overwrite((r.body ?? []) as Obj[], r.params.guild_id) }),
    },
    'POST /applications/{application_id}/guilds/{guild_id}/commands': {
      check: (r) => appCheck(r.params.application_id) ?? guildCheck(r.params.guild_id),
      handle: (r) => ({ status: 201, body: fake.commands.create(r.body as Obj, r.params.guild_id) }),
    },
    'GET /applications/{application_id}/guilds/{guild_id}/commands/{command_id}': {
      check: (r) => appCheck(r.params.application_id) ?? guildCheck(r.params.guild_id),
      handle: (r) => {
        const c = fake.commands.list(r.params.guild_id).find((x) => x.id === r.params.command_id);
        return c ? { status: 200, body: c } : errors.unknownCommand();
      },
    },
    'PATCH /applications/{application_id}/guilds/{guild_id}/commands/{command_id}': {
      check: (r) => appCheck(r.params.application_id) ?? guildCheck(r.params.guild_id),
      handle: (r) => {
        const c = fake.commands.edit(r.params.command_id ?? '', r.body as Obj, r.params.guild_id);
        return c ? { status: 200, body: c } : errors.unknownCommand();
      },
    },
    'DELETE /applications/{application_id}/guilds/{guild_id}/commands/{command_id}': {
      check: (r) => appCheck(r.params.application_id) ?? guildCheck(r.params.guild_id),
      handle: (r) =>
        fake.commands.remove(r.params.command_id ?? '', r.params.guild_id) ? { status: 204 } : errors.unknownCommand(),
    },
  };
}
