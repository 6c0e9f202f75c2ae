import type { APIActionRowComponent, APIComponentInMessageActionRow, APIEmbed } from 'discord.js';
import { afterEach, describe, expect, it } from 'vitest';
import { loadNotes } from '../../src/notes/load.js';
import { EPHEMERAL, type FakeMessage } from '../fake-discord/index.js';
import { notesDir, startHarness, type Harness } from './harness.js';

const quiz = loadNotes({ root: notesDir }).quiz;
const embed0 = (m: { embeds: unknown[] }) => m.embeds[0] as APIEmbed;
const buttons = (m: { components: unknown[] }) =>
  (m.components as APIActionRowComponent<APIComponentInMessageActionRow>[]).flatMap((r) => r.components) as {
    custom_id: string;
    label: string;
  }[];

/** The letter of the right answer, read from the posted question and the notes. */
function rightLetter(message: FakeMessage): string {
  const description = embed0(message).description!;
  const question = quiz.find((q) => description.startsWith(q.question))!;
  const line = description.split('\n').find((l) => l.endsWith(` ${question.answer}`))!;
  return /\*\*([A-E])\.\*\*/.exec(line)![1]!;
}
const choiceId = (message: FakeMessage, letter: string) =>
  buttons(message).find((b) => b.custom_id.startsWith('quiz.pick:') && b.custom_id.endsWith(`:${letter}`))!.custom_id;
const revealId = (message: FakeMessage) => buttons(message).find((b) => b.label === 'Reveal')!.custom_id;

let h: Harness;
afterEach(() => h?.stop());

async function postQuiz(options: Record<string, string | boolean> = {}) {
  const asker = h.fake.makeUser('Asker');
  const handle = h.fake.slashCommand({ name: 'quiz', options, user: asker });
  await handle.wait();
  const message = h.fake.originalOf(handle)!;
  return { asker, message, right: rightLetter(message) };
}

async function click(messageId: string, customId: string, user = h.fake.makeUser('Player')) {
  const handle = h.fake.clickButton({ messageId, customId, user });
  const callback = await handle.wait();
  return { callback, reply: h.fake.originalOf(handle), user };
}

describe('/quiz through the fake Discord', () => {
  it('plays a full round: answers, a second click, a refused reveal, the asker reveals, next question', async () => {
    h = await startHarness();
    const { asker, message, right } = await postQuiz({ topic: 'cloud/storage' });
    expect(embed0(message).title).toBe('Quiz · Object storage');
    expect(buttons(message).map((b) => b.label.slice(0, 2))).toEqual([
      ...['A:', 'B:', 'C:', 'D:'].slice(0, buttons(message).length - 1),
      'Re',
    ]);
    const wrong = ['A', 'B', 'C'].find((l) => l !== right)!;

    const good = await click(message.id, choiceId(message, right));
    expect(good.reply!.flags & EPHEMERAL).toBe(EPHEMERAL);
    expect(good.reply!.content).toMatch(/^✅ Correct!\n/);
    expect(good.reply!.content).toContain('https://notes.example.com/cloud/storage#');
    const bad = await click(message.id, choiceId(message, wrong));
    expect(bad.reply!.content).toMatch(new RegExp(`^❌ Not quite\\. The answer is \\*\\*${right}\\. `));
    const again = await click(message.id, choiceId(message, right), good.user);
    expect(again.reply!.content).toBe(`Your answer is already in (you picked **${right}**). One answer per question.`);

    const refused = await click(message.id, revealId(message), good.user);
    expect(refused.reply!.content).toMatch(/^Only the person who started this question can reveal it/);
    expect(embed0(h.fake.messages.get(message.id)!).title).toBe('Quiz · Object storage');

    const revealed = await click(message.id, revealId(message), asker);
    expect(revealed.callback.type).toBe(7);
    const after = h.fake.messages.get(message.id)!;
    expect(embed0(after).description).toContain(`✅ **${right}.**`);
    expect(embed0(after).description).toMatch(/— 1 answer\n/);
    expect(embed0(after).fields![0]).toEqual({ name: 'Got it right (1 of 2)', value: `<@${good.user.id}>` });
    expect(after.allowed_mentions).toEqual({ parse: [] });
    const nextId = buttons(after).find((b) => b.label === 'Next question')!.custom_id;
    const next = await click(message.id, nextId);
    expect(next.callback.type).toBe(4);
    expect(embed0(next.reply!).title).toBe('Quiz · Object storage');
    // One open public question per channel: a second Next waits for that one.
    const second = await click(message.id, nextId);
    expect(second.reply!.content).toMatch(/^There is already a quiz question open in this channel/);
    expect(h.fake.violations).toEqual([]);
  });

  it('counts 50 users answering at once exactly once each', async () => {
    h = await startHarness();
    const { asker, message, right } = await postQuiz();
    const users = Array.from({ length: 50 }, (_, i) => h.fake.makeUser(`user${i}`));
    const handles = users.map((user, i) =>
      h.fake.clickButton({
        messageId: message.id,
        customId: choiceId(message, i % 2 ? right : ['A', 'B', 'C'].find((l) => l !== right)!),
        user,
      }),
    );
    await Promise.all(handles.map((x) => x.wait()));
    for (const x of handles) expect(h.fake.originalOf(x)!.content).toMatch(/^(✅|❌)/);
    await click(message.id, revealId(message), asker);
    expect(embed0(h.fake.messages.get(message.id)!).fields![0]!.name).toBe('Got it right (25 of 50)');
    const board = h.fake.slashCommand({ name: 'leaderboard', user: users[1] });
    await board.wait();
    expect(embed0(h.fake.originalOf(board)!).description).toMatch(/^🥇 <@\d+> — \*\*1\*\* correct · 100% of 1/);
    expect(h.fake.violations).toEqual([]);
  });

  it('reveals by itself when time is up', async () => {
    h = await startHarness({ quizSeconds: 5 });
    const { message, right } = await postQuiz();
    await click(message.id, choiceId(message, right));
    const edited = await h.fake.waitFor(
      () => {
        const current = h.fake.messages.get(message.id)!;
        return embed0(current).title!.endsWith('· answer') ? current : undefined;
      },
      9000,
      'the timed reveal',
    );
    expect(embed0(edited).fields![0]!.name).toBe('Got it right (1 of 1)');
    expect(
      h.fake.requests.some(
        (r) => r.method === 'PATCH' && r.path === `/channels/${message.channel_id}/messages/${message.id}`,
      ),
    ).toBe(true);
    expect(h.fake.violations).toEqual([]);
  }, 20_000);

  it('shows stats and the leaderboard, with your own rank', async () => {
    h = await startHarness();
    const { asker, message, right } = await postQuiz();
    const player = await click(message.id, choiceId(message, right));
    await click(message.id, revealId(message), asker);
    const stats = h.fake.slashCommand({ name: 'quiz-stats', user: player.user });
    await stats.wait();
    expect(embed0(h.fake.originalOf(stats)!).description).toBe(
      '**1** correct of **1** answered (100%)\nCurrent streak: **1** · best streak: **1**',
    );
    const other = h.fake.slashCommand({ name: 'quiz-stats', options: { user: asker } });
    await other.wait();
    expect(embed0(h.fake.originalOf(other)!).description).toContain(
      'has not answered a quiz question in this server yet',
    );
    expect(h.fake.violations).toEqual([]);
  });

  it('loses no answer when the bot restarts mid-quiz, and reveals rounds that closed while it was down', async () => {
    h = await startHarness({ quizSeconds: 5 });
    const { message, right } = await postQuiz();
    const before = await click(message.id, choiceId(message, right));
    await h.bot.stop();
    await new Promise((resolve) => setTimeout(resolve, 5500));
    await h.restartBot();
    const edited = await h.fake.waitFor(
      () => {
        const current = h.fake.messages.get(message.id)!;
        return embed0(current).title!.endsWith('· answer') ? current : undefined;
      },
      5000,
      'the reveal after restart',
    );
    expect(embed0(edited).fields![0]).toEqual({ name: 'Got it right (1 of 1)', value: `<@${before.user.id}>` });
    expect(embed0(edited).description).toContain('The bot restarted while this question was open');
    expect(h.fake.violations).toEqual([]);
  }, 30_000);

  it('keeps answers given before a restart and takes new ones after it', async () => {
    h = await startHarness({ quizSeconds: 60 });
    const { asker, message, right } = await postQuiz();
    const first = await click(message.id, choiceId(message, right));
    await h.restartBot();
    const second = await click(message.id, choiceId(message, right));
    expect(second.reply!.content).toMatch(/^✅ Correct!/);
    const again = await click(message.id, choiceId(message, right), first.user);
    expect(again.reply!.content).toMatch(/already in/);
    await click(message.id, revealId(message), asker);
    expect(embed0(h.fake.messages.get(message.id)!).fields![0]!.name).toBe('Got it right (2 of 2)');
  });

  it('gives personal review privately and shows the verdict in place', async () => {
    h = await startHarness();
    const { asker, message, right } = await postQuiz({ private: true, topic: 'cloud/compute' });
    expect(message.flags & EPHEMERAL).toBe(EPHEMERAL);
    expect(buttons(message).some((b) => b.label === 'Reveal')).toBe(false);
    const answered = await click(message.id, choiceId(message, right), asker);
    expect(answered.callback.type).toBe(7);
    const updated = h.fake.messages.get(message.id)!;
    expect(embed0(updated).description).toContain('✅ Correct!');
    expect(buttons(updated).map((b) => b.label)).toEqual(['Next question']);
    const stats = h.fake.slashCommand({ name: 'quiz-stats', user: asker });
    await stats.wait();
    // Personal review shapes the schedule, not the server's scores.
    const description = embed0(h.fake.originalOf(stats)!).description!;
    expect(description).toContain('has not answered a quiz question in this server yet');
    // ...but the user sees their own review progress there.
    expect(description).toMatch(/Personal review: \*\*1\*\* correct of \*\*1\*\* answered/);
    expect(h.fake.violations).toEqual([]);
  });
});
