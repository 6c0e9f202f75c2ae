import {
  SlashCommandBuilder,
  type APIActionRowComponent,
  type APIComponentInMessageActionRow,
  type APIEmbed,
} from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CommandModule } from '../../src/discord/context.js';
import { EPHEMERAL, type OptionInput } from '../fake-discord/index.js';
import { startHarness, TOKEN, type Harness } from './harness.js';

// A command that always fails, to prove the error path end to end.
const boom: CommandModule = {
  data: new SlashCommandBuilder().setName('boom').setDescription('fails on purpose'),
  execute: async () => {
    throw new Error(`kaboom with ${TOKEN}`);
  },
};

let h: Harness;
const embed0 = (message: { embeds: unknown[] }) => message.embeds[0] as APIEmbed;
const rows = (message: { components: unknown[] }) =>
  message.components as APIActionRowComponent<APIComponentInMessageActionRow>[];
beforeAll(async () => {
  h = await startHarness({ commands: [boom] });
  // boom is not in the deployed set; register it too so the fake knows its shape.
  const guildId = h.fake.guild.id;
  h.fake.commands.overwrite(
    [...h.fake.commands.list(guildId), boom.data.toJSON()] as unknown as Record<string, unknown>[],
    guildId,
  );
});
afterAll(() => h?.stop());

const ask = async (options: Record<string, OptionInput>, user = h.fake.makeUser('Ana')) => {
  const handle = h.fake.slashCommand({ name: 'ask', options, user });
  const callback = await handle.wait();
  return { handle, callback, message: h.fake.originalOf(handle)!, user };
};

describe('/ask through the real discord.js client and a fake Discord', () => {
  it('registers every command with one bulk PUT to the guild', () => {
    const put = h.fake.requests.filter((r) => r.method === 'PUT' && r.path.includes('/commands'));
    expect(put).toHaveLength(1);
    expect(put[0]!.path).toBe(`/applications/${h.fake.application.id}/guilds/${h.fake.guild.id}/commands`);
    const names = (put[0]!.body as { name: string }[]).map((c) => c.name);
    expect(names).toEqual(['ask', 'topic', 'quiz', 'quiz-stats', 'leaderboard', 'notes']);
    const askOptions = (put[0]!.body as { name: string; options: { name: string; autocomplete?: boolean }[] }[])[0]!
      .options;
    expect(askOptions.map((o) => o.name)).toEqual(['question', 'private', 'mention']);
    expect(askOptions[0]!.autocomplete).toBe(true);
  });

  it('answers with the best section as an embed, the next ones as links, and buttons', async () => {
    const { callback, message } = await ask({
      question: 'how do I move old objects to a cheaper class automatically?',
    });
    expect(callback.type).toBe(4);
    const embed = message.embeds[0]! as APIEmbed;
    expect(embed.title).toBe('Object storage › Lifecycle rules');
    expect(embed.url).toBe('https://notes.example.com/cloud/storage#lifecycle-rules');
    expect(embed.description).toContain('**cheaper**');
    expect(embed.footer?.text).toBe('Object storage');
    expect(embed.fields?.[0]?.name).toBe('See also');
    expect(embed.fields?.[0]?.value).toMatch(
      /\[Object storage › [^\]]+\]\(https:\/\/notes\.example\.com\/cloud\/storage#/,
    );
    const buttons = rows(message)[0]!.components as { custom_id: string; label?: string }[];
    expect(buttons.map((b) => b.custom_id.split(':')[0])).toEqual(['ask.more', 'ask.fb', 'ask.fb']);
    expect(message.allowed_mentions).toEqual({ parse: [] });
    expect(message.flags & EPHEMERAL).toBe(0);
    expect(h.fake.violations).toEqual([]);
  });

  it('says the notes do not cover an off-topic question and offers close headings', async () => {
    const { message } = await ask({ question: 'what is the best pizza topping in naples' });
    expect(message.content).toMatch(/^The notes don't cover that\./);
    expect(message.embeds).toEqual([]);
    expect(message.allowed_mentions).toEqual({ parse: [] });
    expect(h.fake.violations).toEqual([]);
  });

  it('shows more results on request, each embed with its own link', async () => {
    const { message, user } = await ask({ question: 'storage class for archives' });
    const more = rows(message)[0]!.components[0] as { custom_id: string };
    const click = h.fake.clickButton({ messageId: message.id, customId: more.custom_id, user });
    await click.wait();
    const reply = h.fake.originalOf(click)!;
    expect(reply.flags & EPHEMERAL).toBe(EPHEMERAL);
    expect(reply.embeds.length).toBeGreaterThan(0);
    const urls = reply.embeds.map((e) => e.url);
    expect(new Set(urls).size).toBe(urls.length);
    expect(h.fake.violations).toEqual([]);
  });

  it('stores 👍/👎 feedback with the question and the section shown', async () => {
    const { message, user } = await ask({ question: 'ssh login to a linux server' });
    const down = (rows(message)[0]!.components as { custom_id: string }[]).find((b) => b.custom_id.endsWith(':down'))!;
    const click = h.fake.clickButton({ messageId: message.id, customId: down.custom_id, user });
    await click.wait();
    expect(h.fake.originalOf(click)!.content).toContain('Thanks for telling us');
    expect(h.bot.context.store.feedback()).toContainEqual({
      guildId: h.fake.guild.id,
      userId: user.id,
      question: 'ssh login to a linux server',
      sectionId: 'cloud/compute#key-pairs',
      vote: 'down',
    });
  });

  it('answers privately with a Send in chat button that posts it publicly without pinging', async () => {
    const { message, user } = await ask({ question: 'what is spot capacity', private: true });
    expect(message.flags & EPHEMERAL).toBe(EPHEMERAL);
    const send = (rows(message)[0]!.components as { custom_id: string; label?: string }[]).find(
      (b) => b.label === 'Send in chat',
    )!;
    const click = h.fake.clickButton({ messageId: message.id, customId: send.custom_id, user });
    await click.wait();
    const shared = h.fake.originalOf(click)!;
    expect(shared.flags & EPHEMERAL).toBe(0);
    expect(shared.content).toBe(`Shared by <@${user.id}>`);
    expect(embed0(shared).title).toBe('Compute › Spot capacity');
    expect(shared.allowed_mentions).toEqual({ parse: [] });
    expect(h.fake.violations).toEqual([]);
  });

  it('pings only the user named with mention', async () => {
    const bob = h.fake.makeUser('Bob');
    const { message } = await ask({ question: 'versioning keeps old copies?', mention: bob });
    expect(message.content).toBe(`Suggested for <@${bob.id}>`);
    expect(message.allowed_mentions).toEqual({ parse: [], users: [bob.id] });
  });

  it('handles a 300-character question and markup or @everyone in it without pinging anyone', async () => {
    const long =
      'I am studying for the cloud exam and I keep mixing up storage ideas, so could someone explain what a bucket is, how objects are kept inside a bucket with their keys and metadata, and whether the name of a bucket has to be unique for everyone or only inside my own account please'.padEnd(
        300,
        '?',
      );
    expect(long.length).toBe(300);
    const first = await ask({ question: long });
    expect(embed0(first.message).title).toContain('Buckets and objects');
    const noisy = await ask({ question: '@everyone **what** is `versioning` <@&123456789012345678> <script>' });
    expect(noisy.message.allowed_mentions).toEqual({ parse: [] });
    expect(JSON.stringify(noisy.message)).not.toContain('@everyone');
    expect(embed0(noisy.message).title).toBe('Object storage › Versioning keeps old copies');
    expect(h.fake.violations).toEqual([]);
  });

  it('autocompletes headings as section ids; a picked value or a choice name both resolve', async () => {
    const ac = h.fake.autocomplete({ name: 'ask', options: { question: 'spot' }, focused: 'question' });
    const result = await ac.wait();
    const choices = (result.data as unknown as { choices: { name: string; value: string }[] }).choices;
    expect(choices.length).toBeLessThanOrEqual(25);
    expect(choices[0]).toEqual({ name: 'Ask: spot', value: 'spot' });
    expect(choices).toContainEqual({ name: 'Compute › Spot capacity', value: 'cloud/compute#spot-capacity' });
    for (const c of choices) expect(c.value.length).toBeLessThanOrEqual(100);
    const byValue = await ask({ question: 'cloud/compute#spot-capacity' });
    expect(embed0(byValue.message).title).toBe('Compute › Spot capacity');
    const byName = await ask({ question: 'Compute › Key pairs' });
    expect(embed0(byName.message).title).toBe('Compute › Key pairs');
  });

  it('tells the user when a button has expired (older message or an earlier process)', async () => {
    const { message, user } = await ask({ question: 'what is a bucket' });
    const more = rows(message)[0]!.components[0] as { custom_id: string };
    // The same message, but the answer cache no longer knows it (as after a restart).
    const stale = {
      ...message,
      components: [{ type: 1, components: [{ type: 2, style: 2, label: 'More results', custom_id: 'ask.more:gone' }] }],
    };
    h.fake.messages.set(message.id, stale as typeof message);
    const click = h.fake.clickButton({ messageId: message.id, customId: 'ask.more:gone', user });
    await click.wait();
    expect(h.fake.originalOf(click)!.content).toMatch(/expired/);
    expect(more.custom_id).not.toBe('ask.more:gone');
  });

  it('replies with an error id when a handler throws, logs it with context, never the token, and keeps running', async () => {
    const handle = h.fake.slashCommand({ name: 'boom' });
    await handle.wait();
    const reply = h.fake.originalOf(handle)!;
    expect(reply.flags & EPHEMERAL).toBe(EPHEMERAL);
    const errorId = /error id `([0-9a-f]{8})`/.exec(reply.content)?.[1];
    expect(errorId).toBeDefined();
    const logged = h.logs.find((l) => l.errorId === errorId)!;
    expect(logged).toMatchObject({ msg: 'interaction failed', command: 'boom', guildId: h.fake.guild.id });
    expect(h.logText()).not.toContain(TOKEN);
    const after = await ask({ question: 'what is a key pair' });
    expect(embed0(after.message).title).toBe('Compute › Key pairs');
  });
});
