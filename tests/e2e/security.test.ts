import { SlashCommandBuilder } from 'discord.js';
import { afterEach, describe, expect, it } from 'vitest';
import type { CommandModule } from '../../src/discord/context.js';
import { scrubSecrets } from '../../src/discord/logger.js';
import { startHarness, TOKEN, type Harness } from './harness.js';

// Edits a followup that does not exist: discord.js throws a DiscordAPIError whose url holds the interaction token.
const leaky: CommandModule = {
  data: new SlashCommandBuilder().setName('leaky').setDescription('fails on a REST call with a token in its url'),
  execute: async (interaction) => {
    await interaction.deferReply();
    await interaction.webhook.editMessage('123456789012345678', { content: 'x', allowedMentions: { parse: [] } });
  },
};

let h: Harness | undefined;
afterEach(async () => {
  await h?.stop();
  h = undefined;
});

describe('secrets never reach the logs', () => {
  it('scrubs interaction and webhook tokens from REST paths, and the bot token anywhere', () => {
    const line = `PATCH http://x/api/v10/webhooks/1234/aW50ZXJhY3Rpb246abc_DEF-1.x/messages/@original failed; POST /interactions/99/tok.en-1/callback; Bot ${TOKEN}`;
    const out = scrubSecrets(line, [TOKEN]);
    expect(out).toBe(
      'PATCH http://x/api/v10/webhooks/1234/[redacted]/messages/@original failed; POST /interactions/99/[redacted]/callback; Bot [redacted]',
    );
  });

  it('a failed REST call inside a handler logs its route but not the interaction token', async () => {
    h = await startHarness({ commands: [leaky] });
    h.fake.commands.overwrite(
      [...h.fake.commands.list(h.fake.guild.id), leaky.data.toJSON()] as unknown as Record<string, unknown>[],
      h.fake.guild.id,
    );
    const handle = h.fake.slashCommand({ name: 'leaky' });
    await handle.wait();
    const failed = await h.fake.waitFor(
      () => h!.logs.find((l) => l.msg === 'interaction failed'),
      3000,
      'the error log line',
    );
    const text = h.logText();
    expect(JSON.stringify(failed)).toContain(
      `/webhooks/${h.fake.application.id}/[redacted]/messages/123456789012345678`,
    );
    expect(text).not.toContain(handle.token);
    expect(text).not.toContain(TOKEN);
    // The user got the generic error message (it replaces the loading message), which carries no token either.
    const followup = await h.fake.waitFor(
      () => (h!.fake.originalOf(handle)?.content ? h!.fake.originalOf(handle) : undefined),
      3000,
      'the error followup',
    );
    expect(followup.content).toMatch(/^Something went wrong on our side \(error id `[0-9a-f]{8}`\)/);
    expect(followup.content).not.toContain(handle.token);
    h.fake.takeViolations();
  });
});

const buttonIds = (m: { components: unknown[] }) =>
  (m.components as { components: { custom_id?: string }[] }[])
    .flatMap((r) => r.components)
    .map((b) => b.custom_id ?? '');

describe('forged component ids are refused', () => {
  it("a quiz.pick or quiz.reveal for another server's round, clicked here, records nothing", async () => {
    h = await startHarness({ fake: { guilds: [{ name: 'Home' }, { name: 'Other' }] } });
    const [home, other] = h.fake.guilds as [typeof h.fake.guild, typeof h.fake.guild];
    const victimAsker = h.fake.makeUser('Victim');
    const theirs = h.fake.slashCommand({
      name: 'quiz',
      user: victimAsker,
      guildId: other.id,
      channelId: other.channels[0]!.id,
    });
    await theirs.wait();
    const theirRound = buttonIds(h.fake.originalOf(theirs)!)[0]!.split(':')[1]!;
    const ours = h.fake.slashCommand({ name: 'quiz', guildId: home.id });
    await ours.wait();
    const ourMessage = h.fake.originalOf(ours)!;
    const attacker = h.fake.makeUser('Mallory');

    for (const letter of ['A', 'B', 'C']) {
      const forged = h.fake.clickButton({
        messageId: ourMessage.id,
        customId: buttonIds(ourMessage)[0]!,
        forgedCustomId: `quiz.pick:${theirRound}:${letter}`,
        user: attacker,
      });
      await forged.wait();
      expect(h.fake.originalOf(forged)!.content).toBe(
        'This button belongs to a question in another channel or server. Nothing was recorded.',
      );
    }
    const reveal = h.fake.clickButton({
      messageId: ourMessage.id,
      customId: buttonIds(ourMessage)[0]!,
      forgedCustomId: `quiz.reveal:${theirRound}`,
      user: victimAsker,
    });
    await reveal.wait();
    expect(h.fake.originalOf(reveal)!.content).toMatch(/another channel or server/);

    const { store } = h.bot.context;
    expect(store.answers(theirRound)).toEqual([]);
    expect(store.getRound(theirRound)!.revealedAt).toBeNull();
    expect(store.leaderboard(other.id, attacker.id).top).toEqual([]);
    expect(store.stats(home.id, attacker.id).answered).toBe(0);
    expect(h.fake.violations).toEqual([]);
  });

  it('a forged "Send in chat" does not repost someone else\'s private answer', async () => {
    h = await startHarness();
    const victim = h.fake.makeUser('Victim');
    const privately = h.fake.slashCommand({
      name: 'ask',
      options: { question: 'how do lifecycle rules work?', private: true },
      user: victim,
    });
    await privately.wait();
    const victimSend = buttonIds(h.fake.originalOf(privately)!).find((id) => id.startsWith('ask.send:'))!;
    const attacker = h.fake.makeUser('Mallory');
    const own = h.fake.slashCommand({
      name: 'ask',
      options: { question: 'what is compute?', private: true },
      user: attacker,
    });
    await own.wait();
    const ownMessage = h.fake.originalOf(own)!;
    const ownSend = buttonIds(ownMessage).find((id) => id.startsWith('ask.send:'))!;

    for (const forgedCustomId of [
      victimSend,
      victimSend.replace('ask.send', 'ask.more'),
      `${victimSend.replace('ask.send', 'ask.fb')}:down`,
    ]) {
      const forged = h.fake.clickButton({
        messageId: ownMessage.id,
        customId: ownSend,
        forgedCustomId,
        user: attacker,
      });
      await forged.wait();
      expect(h.fake.originalOf(forged)!.content).toBe(
        "This button belongs to someone else's answer. Ask your own with `/ask`.",
      );
    }
    const shared = [...h.fake.messages.values()].filter((m) => m.content.startsWith('Shared by'));
    expect(shared).toEqual([]);
    expect(h.bot.context.store.feedback()).toEqual([]);
    // The owner still can.
    const real = h.fake.clickButton({
      messageId: h.fake.originalOf(privately)!.id,
      customId: victimSend,
      user: victim,
    });
    await real.wait();
    expect(h.fake.originalOf(real)!.content).toBe(`Shared by <@${victim.id}>`);
    expect(h.fake.violations).toEqual([]);
  });
});
