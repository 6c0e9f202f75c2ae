import { afterEach, describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config.js';
import { EPHEMERAL } from '../fake-discord/index.js';
import { startHarness, type Harness } from './harness.js';

let h: Harness | undefined;
afterEach(async () => {
  await h?.stop();
  h = undefined;
});

const defaults = {
  QUIZ_RATE_USER: '3/60',
  QUIZ_RATE_CHANNEL: '6/60',
  ASK_RATE_USER: '6/60',
  ASK_RATE_CHANNEL: '20/60',
};
const rounds = (harness: Harness) =>
  (harness.bot.context.store.db.prepare('SELECT COUNT(*) AS n FROM rounds WHERE private = 0').get() as { n: number }).n;

describe('spam limits', () => {
  it('reads rates as N/seconds, "off" or 0 for none, blank for the default', () => {
    expect(parseConfig({}).QUIZ_RATE_USER).toEqual({ count: 3, seconds: 60 });
    expect(
      parseConfig({ QUIZ_RATE_USER: ' ', ASK_RATE_CHANNEL: '0', ASK_RATE_USER: 'off', QUIZ_RATE_CHANNEL: '10/30' }),
    ).toMatchObject({
      QUIZ_RATE_USER: { count: 3, seconds: 60 },
      ASK_RATE_CHANNEL: undefined,
      ASK_RATE_USER: undefined,
      QUIZ_RATE_CHANNEL: { count: 10, seconds: 30 },
      QUIZ_OPEN_PER_CHANNEL: 1,
    });
    expect(() => parseConfig({ QUIZ_RATE_USER: 'lots' })).toThrow(
      'Invalid QUIZ_RATE_USER: expected a rate such as 3/60 (3 per 60 seconds), or off.',
    );
    expect(() => parseConfig({ QUIZ_OPEN_PER_CHANNEL: '-1' })).toThrow(/^Invalid QUIZ_OPEN_PER_CHANNEL/);
  });

  it('one user bursting 40 public quizzes gets 3 posted and a friendly private note for the rest; the channel then caps others', async () => {
    h = await startHarness({ env: { ...defaults, QUIZ_OPEN_PER_CHANNEL: '0' } });
    const spammer = h.fake.makeUser('Spammer');
    const burst = Array.from({ length: 40 }, () => h!.fake.slashCommand({ name: 'quiz', user: spammer }));
    await Promise.all(burst.map((x) => x.wait()));
    const replies = burst.map((x) => h!.fake.originalOf(x)!);
    const posted = replies.filter((m) => (m.flags & EPHEMERAL) === 0);
    const refused = replies.filter((m) => (m.flags & EPHEMERAL) !== 0);
    expect(posted).toHaveLength(3);
    expect(refused).toHaveLength(37);
    for (const m of refused)
      expect(m.content).toMatch(/^Easy there: you can post another public quiz in \d+ s\. Private ones/);
    expect(rounds(h)).toBe(3);

    const others = Array.from({ length: 4 }, (_, i) =>
      h!.fake.slashCommand({ name: 'quiz', user: h!.fake.makeUser(`other${i}`) }),
    );
    await Promise.all(others.map((x) => x.wait()));
    const last = others.map((x) => h!.fake.originalOf(x)!);
    expect(last.filter((m) => (m.flags & EPHEMERAL) === 0)).toHaveLength(3);
    expect(last.find((m) => m.flags & EPHEMERAL)!.content).toMatch(
      /^This channel has had a lot of quizzes just now: try again in \d+ s/,
    );
    expect(rounds(h)).toBe(6);

    // Personal review is not limited.
    const review = h.fake.slashCommand({ name: 'quiz', options: { private: true }, user: spammer });
    await review.wait();
    expect(h.fake.originalOf(review)!.embeds).toHaveLength(1);
    expect(h.fake.violations).toEqual([]);
  });

  it('allows one open public round per channel by default, and a new one once it is revealed', async () => {
    h = await startHarness({
      env: defaults,
      fake: { guilds: [{ channels: [{ name: 'general' }, { name: 'study' }] }] },
    });
    const asker = h.fake.makeUser('Asker');
    const first = h.fake.slashCommand({ name: 'quiz', user: asker });
    await first.wait();
    const question = h.fake.originalOf(first)!;
    const second = h.fake.slashCommand({ name: 'quiz', user: h.fake.makeUser('Eager') });
    await second.wait();
    const refusal = h.fake.originalOf(second)!;
    expect(refusal.flags & EPHEMERAL).toBe(EPHEMERAL);
    expect(refusal.content).toContain(
      `There is already a quiz question open in this channel (https://discord.com/channels/${h.fake.guild.id}/${question.channel_id}/${question.id})`,
    );
    expect(rounds(h)).toBe(1);

    const elsewhere = h.fake.slashCommand({
      name: 'quiz',
      user: h.fake.makeUser('Eager'),
      channelId: h.fake.guild.channels[1]!.id,
    });
    await elsewhere.wait();
    expect(h.fake.originalOf(elsewhere)!.flags & EPHEMERAL).toBe(0);

    const revealId = (question.components as { components: { custom_id: string; label: string }[] }[])
      .flatMap((r) => r.components)
      .find((b) => b.label === 'Reveal')!.custom_id;
    await h.fake.clickButton({ messageId: question.id, customId: revealId, user: asker }).wait();
    const third = h.fake.slashCommand({ name: 'quiz', user: h.fake.makeUser('Patient') });
    await third.wait();
    expect(h.fake.originalOf(third)!.flags & EPHEMERAL).toBe(0);
    expect(rounds(h)).toBe(3);
    expect(h.fake.violations).toEqual([]);
  });

  it('limits public /ask per user, never private /ask', async () => {
    h = await startHarness({ env: defaults });
    const user = h.fake.makeUser('Curious');
    const asks = Array.from({ length: 8 }, () =>
      h!.fake.slashCommand({ name: 'ask', options: { question: 'what are lifecycle rules?' }, user }),
    );
    await Promise.all(asks.map((x) => x.wait()));
    const replies = asks.map((x) => h!.fake.originalOf(x)!);
    expect(replies.filter((m) => (m.flags & EPHEMERAL) === 0)).toHaveLength(6);
    expect(replies.filter((m) => m.flags & EPHEMERAL).map((m) => m.content.slice(0, 48))).toEqual(
      Array(2).fill('Easy there: you can post another public answer i'),
    );
    const privately = h.fake.slashCommand({
      name: 'ask',
      options: { question: 'what are lifecycle rules?', private: true },
      user,
    });
    await privately.wait();
    expect(h.fake.originalOf(privately)!.embeds[0]).toBeDefined();
    expect(h.fake.violations).toEqual([]);
  });
});
