/**
 * Self-test of the fake Discord (tests/fake-discord) with a plain discord.js client — no Nimbus code.
 */
import net from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  ActionRowBuilder,
  ApplicationCommandOptionType,
  ButtonBuilder,
  ButtonStyle,
  Client,
  DiscordAPIError,
  EmbedBuilder,
  Events,
  GatewayIntentBits,
  MessageFlags,
  ModalBuilder,
  StringSelectMenuBuilder,
  TextInputBuilder,
  TextInputStyle,
  type ClientOptions,
  type Interaction,
} from 'discord.js';
import { startFakeDiscord, type FakeDiscord, type FakeDiscordOptions } from '../fake-discord/index.js';

const TOKEN = 'fake-bot-token';

let fake: FakeDiscord;
let clients: Client[] = [];
let handler: (i: Interaction) => Promise<unknown> = async () => {};
let handlerErrors: unknown[] = [];

async function setup(opts: FakeDiscordOptions = {}, clientOpts: Partial<ClientOptions> = {}): Promise<Client> {
  fake = await startFakeDiscord({ token: TOKEN, ...opts });
  return startClient(clientOpts);
}

async function startClient(clientOpts: Partial<ClientOptions> = {}): Promise<Client> {
  const client = new Client({
    intents: [GatewayIntentBits.Guilds],
    rest: { api: fake.apiBase, globalRequestsPerSecond: 10_000 },
    allowedMentions: { parse: [] },
    ...clientOpts,
  });
  clients.push(client);
  client.on(Events.InteractionCreate, (i) => {
    handler(i).catch((e: unknown) => handlerErrors.push(e));
  });
  const ready = new Promise<void>((resolve) => client.once(Events.ClientReady, () => resolve()));
  await client.login(TOKEN);
  await ready;
  return client;
}

const row = (...buttons: ButtonBuilder[]) => new ActionRowBuilder<ButtonBuilder>().addComponents(...buttons);
const button = (id: string, label = id) =>
  new ButtonBuilder().setCustomId(id).setLabel(label).setStyle(ButtonStyle.Primary);

beforeEach(() => {
  handler = async () => {};
  handlerErrors = [];
});

afterEach(async () => {
  await Promise.all(clients.map((c) => c.destroy()));
  clients = [];
  await fake?.close();
});

describe('fake Discord with a real discord.js client', () => {
  it('logs in: READY, guild cached, IDENTIFY with Guilds intent only', async () => {
    const client = await setup();
    expect(client.user?.id).toBe(fake.botUser.id);
    expect(client.application?.id).toBe(fake.application.id);
    const guild = client.guilds.cache.get(fake.guild.id);
    expect(guild?.available).toBe(true);
    expect(guild?.name).toBe(fake.guild.name);
    expect(client.channels.cache.get(fake.channel.id)?.isTextBased()).toBe(true);

    expect(fake.gateway.identifies).toHaveLength(1);
    expect(fake.gateway.identifies[0]?.intents).toBe(GatewayIntentBits.Guilds);
    expect(fake.gateway.identifies[0]?.token).toBe(TOKEN);
    const gw = fake.requests.find((r) => r.path === '/gateway/bot');
    expect(gw?.authorization).toBe(true);
    expect(JSON.stringify(gw?.headers)).not.toContain(TOKEN);
    expect(fake.violations).toEqual([]);
  });

  it('acknowledges heartbeats (the client would zombie-reconnect otherwise)', async () => {
    const client = await setup({ heartbeatIntervalMs: 40 });
    await fake.waitFor(() => fake.gateway.heartbeats >= 4, 2000, '4 heartbeats');
    await fake.waitFor(() => client.ws.ping >= 0, 1000, 'a measured ping');
    expect(fake.gateway.identifies).toHaveLength(1);
    expect(fake.gateway.connections).toBe(1);
    expect(fake.violations).toEqual([]);
  });

  it('slash command → reply with an embed and a button', async () => {
    await setup();
    handler = async (i) => {
      if (!i.isChatInputCommand()) return;
      await i.reply({
        embeds: [new EmbedBuilder().setTitle('Answer').setDescription(`You asked: ${i.options.getString('question')}`)],
        components: [row(button('more', 'More'))],
      });
    };
    const h = fake.slashCommand({ name: 'ask', options: { question: 'what is a snowflake?' } });
    const cb = await h.wait();
    expect(cb.type).toBe(4);
    expect(cb.latencyMs).toBeGreaterThanOrEqual(0);
    const msg = fake.originalOf(h);
    expect(msg?.embeds[0]?.description).toBe('You asked: what is a snowflake?');
    expect(msg?.components[0]?.components).toMatchObject([{ type: 2, custom_id: 'more', label: 'More' }]);
    expect(msg?.allowed_mentions).toEqual({ parse: [] });
    expect(msg?.channel_id).toBe(fake.channel.id);
    expect(msg?.id).toMatch(/^[1-9][0-9]{16,19}$/);
    const req = fake.requests.find((r) => r.path.endsWith('/callback'));
    expect(req?.authorization).toBe(false);
    expect(req?.path).toBe(`/interactions/${h.id}/${h.token}/callback`);
    expect(fake.violations).toEqual([]);
    expect(handlerErrors).toEqual([]);
  });

  it('withResponse: true gets an interaction callback response with the message', async () => {
    await setup();
    let messageId: string | undefined;
    handler = async (i) => {
      if (!i.isChatInputCommand()) return;
      const res = await i.reply({ content: 'hi', withResponse: true });
      messageId = res.resource?.message?.id;
    };
    const h = fake.slashCommand({ name: 'ping' });
    await h.wait();
    await fake.waitFor(() => messageId, 1000, 'the handler to finish');
    expect(messageId).toBe(fake.originalOf(h)?.id);
    expect(fake.requests.find((r) => r.path.endsWith('/callback'))?.query.with_response).toBe('true');
    expect(fake.violations).toEqual([]);
    expect(handlerErrors).toEqual([]);
  });

  it('deferReply + editReply (PATCH …/messages/@original, decoded)', async () => {
    await setup();
    handler = async (i) => {
      if (!i.isChatInputCommand()) return;
      await i.deferReply();
      await i.editReply({ content: 'done thinking' });
    };
    const h = fake.slashCommand({ name: 'slow' });
    expect((await h.wait()).type).toBe(5);
    const patch = await fake.waitForRequest((r) => r.method === 'PATCH');
    expect(patch.path).toBe(`/webhooks/${fake.application.id}/${h.token}/messages/@original`);
    expect(patch.url).toContain('/messages/%40original'); // what @discordjs/rest actually sends
    await fake.waitFor(() => patch.status);
    const msg = fake.originalOf(h);
    expect(msg?.content).toBe('done thinking');
    expect(msg?.flags).toBe(0); // LOADING cleared
    expect(msg?.revisions.map((r) => r.via)).toEqual(['callback:5', 'webhook-edit:@original']);
    expect(fake.violations).toEqual([]);
    expect(handlerErrors).toEqual([]);
  });

  it('the first followUp after an ephemeral deferReply replaces the "thinking…" message', async () => {
    await setup();
    handler = async (i) => {
      if (!i.isChatInputCommand()) return;
      await i.deferReply({ flags: MessageFlags.Ephemeral });
      await i.followUp({ content: 'first' });
      await i.followUp({ content: 'second' });
    };
    const h = fake.slashCommand({ name: 'slow' });
    await h.wait();
    await fake.waitFor(() => fake.followupsOf(h).length === 1, 2000, 'the second followup');
    expect(fake.originalOf(h)).toMatchObject({ content: 'first', flags: MessageFlags.Ephemeral });
    expect(fake.followupsOf(h).map((m) => [m.content, m.flags])).toEqual([['second', 0]]);
    expect(fake.violations).toEqual([]);
    expect(handlerErrors).toEqual([]);
  });

  it('slash command in a DM with the bot', async () => {
    await setup();
    const where: unknown[] = [];
    handler = async (i) => {
      if (!i.isChatInputCommand()) return;
      // i.channel stays null without Partials.Channel (real discord.js behavior); the id is there.
      where.push([i.inGuild(), i.channelId, i.user.username, i.locale]);
      await i.reply({ content: 'hello in DM' });
    };
    const carol = fake.makeUser('Carol');
    const h = fake.slashCommand({ name: 'ask', guildId: null, user: carol, locale: 'fr' });
    await h.wait();
    expect(h.payload).toMatchObject({ context: 1, user: { id: carol.id }, channel: { type: 1 } });
    expect(h.payload.member).toBeUndefined();
    expect(where).toEqual([[false, h.payload.channel_id, 'carol', 'fr']]);
    expect(fake.originalOf(h)?.guild_id).toBeUndefined();
    expect(fake.violations).toEqual([]);
    expect(handlerErrors).toEqual([]);
  });

  it('followUp creates a second message; ephemeral flag is kept', async () => {
    await setup();
    let done = false;
    handler = async (i) => {
      if (!i.isChatInputCommand()) return;
      await i.reply({ content: 'public', flags: MessageFlags.Ephemeral });
      await i.followUp({ content: 'secret follow-up', flags: MessageFlags.Ephemeral });
      await i.followUp({ content: 'public follow-up' });
      done = true;
    };
    const h = fake.slashCommand({ name: 'multi' });
    await h.wait();
    await fake.waitFor(() => done, 2000, 'the handler');
    expect(fake.originalOf(h)?.flags).toBe(MessageFlags.Ephemeral);
    const f = fake.followupsOf(h);
    expect(f.map((m) => [m.content, m.flags])).toEqual([
      ['secret follow-up', MessageFlags.Ephemeral],
      ['public follow-up', 0],
    ]);
    expect(fake.violations).toEqual([]);
    expect(handlerErrors).toEqual([]);
  });

  it('uploads files (multipart payload_json), deletes the reply, shows a modal', async () => {
    await setup();
    let done = false;
    handler = async (i) => {
      if (!i.isChatInputCommand()) return;
      if (i.commandName === 'export') {
        await i.reply({ content: 'here', files: [{ attachment: Buffer.from('# notes\n'), name: 'notes.md' }] });
        await i.followUp({ content: 'temp' });
        await i.deleteReply();
        done = true;
      } else {
        await i.showModal(
          new ModalBuilder()
            .setCustomId('feedback')
            .setTitle('Feedback')
            .addComponents(
              new ActionRowBuilder<TextInputBuilder>().addComponents(
                new TextInputBuilder().setCustomId('text').setLabel('Your feedback').setStyle(TextInputStyle.Paragraph),
              ),
            ),
        );
      }
    };
    const h = fake.slashCommand({ name: 'export' });
    await h.wait();
    await fake.waitFor(() => done, 2000, 'the handler');
    const cbReq = fake.requests.find((r) => r.path.endsWith('/callback'))!;
    expect(cbReq.headers['content-type']).toMatch(/^multipart\/form-data/);
    expect(cbReq.body).toMatchObject({ type: 4, data: { content: 'here' } });
    expect(cbReq.files).toMatchObject([{ name: 'notes.md', size: 8 }]);
    const original = fake.originalOf(h)!;
    expect(original.attachments).toMatchObject([{ filename: 'notes.md', size: 8 }]);
    expect(original.deleted).toBe(true);
    expect(fake.followupsOf(h)[0]?.deleted).toBe(false);

    const m = await fake.slashCommand({ name: 'feedback' }).wait();
    expect(m.type).toBe(9);
    expect(m.data).toMatchObject({ custom_id: 'feedback', title: 'Feedback' });
    expect(fake.violations).toEqual([]);
    expect(handlerErrors).toEqual([]);
  });

  it('channel messages: send, fetch, edit, delete', async () => {
    const client = await setup();
    const channel = client.channels.cache.get(fake.channel.id);
    if (!channel?.isSendable()) throw new Error('channel not sendable');
    const sent = await channel.send({ content: 'digest', embeds: [new EmbedBuilder().setTitle('Today')] });
    expect(fake.messages.get(sent.id)?.embeds[0]?.title).toBe('Today');
    const fetched = await channel.messages.fetch({ message: sent.id, force: true });
    expect(fetched.content).toBe('digest');
    await fetched.edit({ content: 'digest (edited)' });
    expect(fake.messages.get(sent.id)?.content).toBe('digest (edited)');
    expect(fake.messages.get(sent.id)?.edited_timestamp).not.toBeNull();
    await fetched.delete();
    expect(fake.messages.get(sent.id)?.deleted).toBe(true);
    expect(fake.requests.map((r) => `${r.method} ${r.route}`).slice(-4)).toEqual([
      'POST /channels/{channel_id}/messages',
      'GET /channels/{channel_id}/messages/{message_id}',
      'PATCH /channels/{channel_id}/messages/{message_id}',
      'DELETE /channels/{channel_id}/messages/{message_id}',
    ]);
    expect(fake.violations).toEqual([]);
  });

  it('protocol mistakes are violations: late callback, double acknowledgement, followup before acknowledging', async () => {
    await setup({ interactionTimeoutMs: 100 });
    const codes: unknown[] = [];
    const attempt = (p: Promise<unknown>) => p.catch((e: unknown) => codes.push((e as DiscordAPIError).code));
    handler = async (i) => {
      if (!i.isChatInputCommand()) return;
      if (i.commandName === 'late') {
        await new Promise((r) => setTimeout(r, 200));
        await attempt(i.reply({ content: 'too late' }));
      } else if (i.commandName === 'twice') {
        await i.reply({ content: 'once' });
        await attempt(
          i.client.rest.post(`/interactions/${i.id}/${i.token}/callback`, {
            body: { type: 4, data: { content: 'twice', allowed_mentions: { parse: [] } } },
            auth: false,
          }),
        );
      } else if (i.commandName === 'early') {
        await attempt(i.webhook.send({ content: 'followup first' }));
        await i.reply({ content: 'then reply' });
      }
    };
    fake.slashCommand({ name: 'late' });
    fake.slashCommand({ name: 'twice' });
    fake.slashCommand({ name: 'early' });
    await fake.waitFor(() => codes.length === 3, 2000, 'three API errors');
    expect(codes.sort()).toEqual([10015, 10062, 40060]);
    const v = fake.takeViolations().join('\n');
    expect(v).toMatch(/10062 Unknown interaction \(callback \d+ ms after dispatch; Discord allows 100 ms\)/);
    expect(v).toMatch(/40060 Interaction has already been acknowledged/);
    expect(v).toMatch(/10015 Unknown Webhook \(followup sent before the interaction was acknowledged\)/);
    expect(handlerErrors).toEqual([]);
  });

  it('button click → interaction.update edits the stored message (type 7)', async () => {
    await setup();
    handler = async (i) => {
      if (i.isChatInputCommand()) await i.reply({ content: 'pick', components: [row(button('yes'), button('no'))] });
      else if (i.isButton()) await i.update({ content: `clicked ${i.customId} by ${i.user.username}`, components: [] });
    };
    const h = fake.slashCommand({ name: 'vote' });
    await h.wait();
    const original = fake.originalOf(h)!;
    const alice = fake.makeUser('Alice');
    const click = fake.clickButton({ messageId: original.id, customId: 'yes', user: alice });
    expect((click.payload.message as { id: string }).id).toBe(original.id);
    expect(click.payload.member).toMatchObject({ user: { id: alice.id } });
    const cb = await click.wait();
    expect(cb.type).toBe(7);
    expect(fake.messages.get(original.id)?.content).toBe('clicked yes by alice');
    expect(fake.messages.get(original.id)?.components).toEqual([]);
    expect(fake.messages.get(original.id)?.revisions).toHaveLength(2);
    expect(() => fake.clickButton({ messageId: original.id, customId: 'no' })).toThrow(/no component/);
    expect(fake.violations).toEqual([]);
    expect(handlerErrors).toEqual([]);
  });

  it('string select menu', async () => {
    await setup();
    handler = async (i) => {
      if (i.isChatInputCommand()) {
        const menu = new StringSelectMenuBuilder()
          .setCustomId('topic')
          .setMinValues(1)
          .setMaxValues(2)
          .addOptions({ label: 'Alpha', value: 'a' }, { label: 'Beta', value: 'b' }, { label: 'Gamma', value: 'c' });
        await i.reply({
          content: 'choose',
          components: [new ActionRowBuilder<StringSelectMenuBuilder>().addComponents(menu)],
        });
      } else if (i.isStringSelectMenu()) {
        await i.deferUpdate();
        await i.editReply({ content: `picked ${i.values.join('+')}` });
      }
    };
    const h = fake.slashCommand({ name: 'topics' });
    await h.wait();
    const id = fake.originalOf(h)!.id;
    const sel = fake.selectMenu({ messageId: id, customId: 'topic', values: ['a', 'c'] });
    expect((await sel.wait()).type).toBe(6); // deferUpdate
    await fake.waitFor(() => fake.messages.get(id)?.content === 'picked a+c', 2000, 'editReply of the select message');
    expect(fake.originalOf(sel)?.id).toBe(id);
    expect(() => fake.selectMenu({ messageId: id, customId: 'topic', values: ['z'] })).toThrow(/not an option/);
    expect(fake.violations).toEqual([]);
    expect(handlerErrors).toEqual([]);
  });

  it('bulk-overwrites commands (PUT), shapes options from them, answers autocomplete', async () => {
    const client = await setup();
    const set = await client.application!.commands.set([
      {
        name: 'ask',
        description: 'Ask the notes',
        options: [
          {
            type: ApplicationCommandOptionType.String,
            name: 'question',
            description: 'Question',
            required: true,
            autocomplete: true,
          },
        ],
      },
      {
        name: 'quiz',
        description: 'Quizzes',
        defaultMemberPermissions: 0n,
        options: [
          {
            type: ApplicationCommandOptionType.Subcommand,
            name: 'start',
            description: 'Start one',
            options: [
              { type: ApplicationCommandOptionType.Integer, name: 'count', description: 'How many', required: true },
              { type: ApplicationCommandOptionType.User, name: 'rival', description: 'Against' },
            ],
          },
        ],
      },
    ]);
    await client.guilds.cache.get(fake.guild.id)!.commands.set([{ name: 'admin', description: 'Admin only' }]);
    expect([...set.values()].map((c) => c.name)).toEqual(['ask', 'quiz']);
    expect(fake.commands.global.map((c) => c.name)).toEqual(['ask', 'quiz']);
    expect(fake.commands.global[1]?.default_member_permissions).toBe('0');
    expect(fake.commands.guild[fake.guild.id]?.map((c) => c.name)).toEqual(['admin']);
    expect((await client.application!.commands.fetch()).size).toBe(2);

    const seen: unknown[] = [];
    handler = async (i) => {
      if (i.isAutocomplete()) {
        const typed = i.options.getFocused();
        await i.respond(
          ['alpha', 'alpine', 'beta']
            .filter((x) => x.startsWith(typed))
            .map((x) => ({ name: x.toUpperCase(), value: x })),
        );
      } else if (i.isChatInputCommand()) {
        seen.push([
          i.commandId,
          i.options.getSubcommand(),
          i.options.getInteger('count'),
          i.options.getUser('rival')?.username,
          i.options.getMember('rival') !== null,
        ]);
        await i.reply({ content: 'ok' });
      }
    };
    const ac = fake.autocomplete({ name: 'ask', options: { question: 'al' }, focused: 'question' });
    const acb = await ac.wait();
    expect(acb.type).toBe(8);
    expect(acb.data).toEqual({
      choices: [
        { name: 'ALPHA', value: 'alpha' },
        { name: 'ALPINE', value: 'alpine' },
      ],
    });

    const bob = fake.makeUser('Bob');
    await fake.slashCommand({ name: 'quiz start', options: { count: 3, rival: bob } }).wait();
    expect(seen).toEqual([[fake.commands.global[1]?.id, 'start', 3, 'bob', true]]);
    expect(() => fake.slashCommand({ name: 'quiz start', options: {} })).toThrow(/requires option "count"/);
    expect(fake.violations).toEqual([]);
    expect(handlerErrors).toEqual([]);
  });

  it('catches invalid bodies as violations with a Discord-like 400', async () => {
    await setup();
    const failures: unknown[] = [];
    handler = async (i) => {
      if (!i.isChatInputCommand()) return;
      try {
        if (i.commandName === 'long') await i.reply({ embeds: [{ title: 'x'.repeat(300) }] });
        if (i.commandName === 'dupe') {
          await i.reply({
            embeds: [
              { title: 'a', url: 'https://example.com/same' },
              { title: 'b', url: 'https://example.com/same' },
            ],
          });
        }
        if (i.commandName === 'nomentions') await i.reply({ content: 'hi', allowedMentions: undefined });
        if (i.commandName === 'badstyle') {
          // Only the OpenAPI schema knows the button styles.
          const components = [{ type: 1, components: [{ type: 2, style: 9, custom_id: 'x', label: 'X' }] }];
          await i.reply({ content: 'hi', components: components as never });
        }
      } catch (e) {
        failures.push(e);
      }
    };
    const long = fake.slashCommand({ name: 'long' });
    await fake.waitFor(() => failures.length === 1, 2000, 'the 400');
    expect(failures[0]).toBeInstanceOf(DiscordAPIError);
    expect((failures[0] as DiscordAPIError).code).toBe(50035);
    expect((failures[0] as DiscordAPIError).message).toContain('data.embeds[0].title[BASE_TYPE_MAX_LENGTH]');
    expect(fake.takeViolations()).toEqual([
      expect.stringMatching(
        /^POST \/interactions\/\d+\/.+\/callback: \/data\/embeds\/0\/title must NOT have more than 256 characters$/,
      ),
    ]);
    expect(long.response).toBeUndefined(); // a refused callback does not acknowledge the interaction

    fake.slashCommand({ name: 'dupe' });
    await fake.waitFor(() => failures.length === 2, 2000, 'the 400');
    expect(fake.takeViolations()).toEqual([
      expect.stringContaining('/data/embeds/1/url must differ from embeds/0/url'),
    ]);
    expect(fake.messages.size).toBe(0);

    fake.slashCommand({ name: 'badstyle' });
    await fake.waitFor(() => failures.length === 3, 2000, 'the 400');
    expect(fake.takeViolations()).toEqual([
      expect.stringMatching(
        /\/data\/components\/0\/components\/0\/style must be equal to one of the allowed values: \[1,2,3,4,5,6\]$/,
      ),
    ]);

    // A client without a default allowedMentions sends none.
    const bare = await startClient({ allowedMentions: undefined });
    await clients[0]!.destroy();
    await fake.waitFor(() => fake.gateway.liveSessions().length === 1, 2000, 'one live session');
    expect(bare.isReady()).toBe(true);
    fake.slashCommand({ name: 'nomentions' });
    await fake.waitFor(() => failures.length === 4, 2000, 'the 400');
    expect(fake.takeViolations()).toEqual([
      expect.stringContaining("/data must have required property 'allowed_mentions'"),
    ]);
    expect(handlerErrors).toEqual([]);
  });

  it('records unknown routes as violations (404)', async () => {
    const client = await setup();
    await expect(client.rest.get(`/guilds/${fake.guild.id}/audit-logs`)).rejects.toThrow(/404: Not Found/);
    expect(fake.takeViolations()).toEqual([expect.stringMatching(/^GET \/guilds\/\d+\/audit-logs: unhandled route/)]);
  });

  it('100 concurrent slash commands all get callbacks', async () => {
    await setup();
    handler = async (i) => {
      if (i.isChatInputCommand()) await i.reply({ content: `answer ${i.options.getInteger('n')}` });
    };
    const t0 = performance.now();
    const handles = Array.from({ length: 100 }, (_, n) => fake.slashCommand({ name: 'ask', options: { n } }));
    const cbs = await Promise.all(handles.map((h) => h.wait(10_000)));
    const elapsed = performance.now() - t0;
    const lat = cbs.map((c) => c.latencyMs).sort((a, b) => a - b);
    console.log(
      `[fake-discord] 100 concurrent interactions: all callbacks in ${elapsed.toFixed(0)} ms; latency p50 ${lat[49]?.toFixed(1)} ms, p95 ${lat[94]?.toFixed(1)} ms, max ${lat[99]?.toFixed(1)} ms`,
    );
    expect(cbs.every((c) => c.type === 4)).toBe(true);
    expect(new Set(handles.map((h) => fake.originalOf(h)?.content)).size).toBe(100);
    expect(fake.violations).toEqual([]);
    expect(handlerErrors).toEqual([]);
  });

  it('survives a gateway disconnect (RESUME replays what was missed) and op 7 RECONNECT', async () => {
    const client = await setup();
    handler = async (i) => {
      if (i.isChatInputCommand()) await i.reply({ content: `pong ${i.commandName}` });
    };
    fake.disconnectAll(); // code 4000 → discord.js resumes
    const missed = fake.slashCommand({ name: 'during' }); // sent while the socket is down: queued and replayed
    await missed.wait(4000);
    expect(fake.gateway.resumes).toMatchObject([{ ok: true, replayed: 1 }]);
    expect(fake.originalOf(missed)?.content).toBe('pong during');

    fake.requestReconnect();
    await fake.waitFor(() => fake.gateway.resumes.length === 2, 3000, 'a second resume');
    await fake.slashCommand({ name: 'after' }).wait();
    expect(fake.gateway.identifies).toHaveLength(1);
    expect(client.isReady()).toBe(true);
    expect(fake.violations).toEqual([]);
    expect(handlerErrors).toEqual([]);
  });
});

describe('loopback guard', () => {
  it('blocks fetch to discord.com', async () => {
    const err = await fetch('https://discord.com/api/v10/gateway').then(
      () => undefined,
      (e: unknown) => e as Error & { cause?: Error },
    );
    expect(err).toBeDefined();
    expect(`${err?.message} ${err?.cause?.message}`).toMatch(/non-loopback host "discord\.com"/);
  });

  it('blocks net.connect to a public address', () => {
    expect(() => net.connect(443, '93.184.216.34')).toThrow(/93\.184\.216\.34/);
    expect(() => net.connect({ host: 'example.com', port: 80 })).toThrow(/example\.com/);
  });

  it('lets loopback through', async () => {
    const server = net.createServer((s) => s.end('ok'));
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    const port = (server.address() as net.AddressInfo).port;
    const text = await new Promise<string>((resolve, reject) => {
      const sock = net.connect(port, '127.0.0.1');
      let buf = '';
      sock.on('data', (d) => (buf += d.toString()));
      sock.on('end', () => resolve(buf));
      sock.on('error', reject);
    });
    await new Promise<void>((r) => server.close(() => r()));
    expect(text).toBe('ok');
  });
});
