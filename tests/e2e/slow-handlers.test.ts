import { setTimeout as sleep } from 'node:timers/promises';
import type { APIEmbed } from 'discord.js';
import { afterEach, describe, expect, it } from 'vitest';
import { askCommand } from '../../src/discord/commands/ask.js';
import { quizCommand } from '../../src/discord/commands/quiz.js';
import { topicCommand } from '../../src/discord/commands/topic.js';
import type { CommandModule } from '../../src/discord/context.js';
import type { ComponentRoute } from '../../src/discord/custom-id.js';
import type { FakeMessage, InteractionHandle } from '../fake-discord/index.js';
import { startHarness, type Harness } from './harness.js';

// Handlers made slow the way a locked store or slow REST would: each waits before doing its
// work. Discord (the fake, like the real one) drops an interaction not acknowledged within 3 s.
const slowMs = 3200;
const EPHEMERAL = 64;

/** The same command, every handler of it waiting `ms` first. */
function slowed(command: CommandModule, ms: number): CommandModule {
  const components: ComponentRoute[] = (command.components ?? []).map((route) => ({
    prefix: route.prefix,
    bind(customId) {
      const handler = route.bind(customId);
      return (
        handler &&
        (async (interaction, context) => {
          await sleep(ms);
          return handler(interaction, context);
        })
      );
    },
  }));
  return {
    ...command,
    execute: async (interaction, context) => {
      await sleep(ms);
      return command.execute(interaction, context);
    },
    components,
  };
}

let h: Harness | undefined;
afterEach(async () => {
  await h?.stop();
  h = undefined;
});

async function start(): Promise<Harness> {
  const harness = await startHarness({
    commands: [slowed(askCommand, slowMs), slowed(quizCommand, slowMs), slowed(topicCommand, slowMs)],
  });
  // A first search warms the bot up (autocomplete is not slowed), so timers below run on time.
  await harness.fake.autocomplete({ name: 'ask', options: { question: 'spot' }, focused: 'question' }).wait(10_000);
  return harness;
}
const embed0 = (m: FakeMessage) => m.embeds[0] as APIEmbed;
const buttons = (m: FakeMessage) =>
  (m.components as { components: { custom_id: string; label?: string }[] }[]).flatMap((r) => r.components);
const settled = (harness: Harness, handle: InteractionHandle, what: (m: FakeMessage) => boolean, label: string) =>
  harness.fake.waitFor(
    () => {
      const original = harness.fake.originalOf(handle);
      return original && what(original) ? original : undefined;
    },
    10_000,
    label,
  );

describe('slow handlers are deferred and still answer', () => {
  it('a slow public /ask: deferred in the open, then the deferred reply is edited into the answer', async () => {
    h = await start();
    const handle = h.fake.slashCommand({ name: 'ask', options: { question: 'what is spot capacity' } });
    expect((await handle.wait(5000)).type).toBe(5);
    const answer = await settled(h, handle, (m) => m.embeds.length > 0, 'the answer');
    expect(embed0(answer!).title).toBe('Compute › Spot capacity');
    expect(embed0(answer!).url).toMatch(/^https:\/\/notes\.example\.com\//);
    expect(answer!.flags & EPHEMERAL).toBe(0);
    expect(h.logText()).toContain('interaction slow: deferred');
    expect(h.fake.violations).toEqual([]);
  }, 30_000);

  it('a slow private /ask, then a slow "Send in chat": both deferred, the answer private, then posted', async () => {
    h = await start();
    const user = h.fake.makeUser('Learner');
    const handle = h.fake.slashCommand({
      name: 'ask',
      options: { question: 'what is spot capacity', private: true },
      user,
    });
    expect((await handle.wait(5000)).type).toBe(5);
    const answer = (await settled(h, handle, (m) => m.embeds.length > 0, 'the private answer'))!;
    expect(answer.flags & EPHEMERAL).toBe(EPHEMERAL);
    const send = buttons(answer).find((b) => b.label === 'Send in chat')!;
    const click = h.fake.clickButton({ messageId: answer.id, customId: send.custom_id, user });
    expect((await click.wait(5000)).type).toBe(6);
    const shared = await h.fake.waitForMessage((m) => m.content === `Shared by <@${user.id}>`, 10_000);
    expect(shared.flags & EPHEMERAL).toBe(0);
    expect(embed0(shared).title).toBe('Compute › Spot capacity');
    expect(h.fake.violations).toEqual([]);
  }, 40_000);

  it('a slow /topic that answers privately: the open placeholder goes and the private message follows', async () => {
    h = await start();
    const handle = h.fake.slashCommand({ name: 'topic', options: { name: 'no such note anywhere' } });
    expect((await handle.wait(5000)).type).toBe(5);
    const hint = await h.fake.waitForMessage((m) => !m.deleted && m.content.startsWith('No note matches'), 10_000);
    expect(hint.flags & EPHEMERAL).toBe(EPHEMERAL);
    expect(h.fake.originalOf(handle)!.deleted).toBe(true);
    expect(h.fake.violations).toEqual([]);
  }, 30_000);

  it('a slow /quiz start and a slow answer click: deferred, the question posted, the answer recorded and confirmed', async () => {
    h = await start();
    const handle = h.fake.slashCommand({ name: 'quiz' });
    expect((await handle.wait(5000)).type).toBe(5);
    const question = (await settled(h, handle, (m) => m.components.length > 0, 'the question'))!;
    const pick = buttons(question).find((b) => b.custom_id.startsWith('quiz.pick:'))!;
    const roundId = pick.custom_id.split(':')[1]!;
    const click = h.fake.clickButton({ messageId: question.id, customId: pick.custom_id, user: h.fake.makeUser('P') });
    expect((await click.wait(5000)).type).toBe(6);
    const verdict = await h.fake.waitForMessage((m) => /^(✅|❌)/.test(m.content), 10_000);
    expect(verdict.flags & EPHEMERAL).toBe(EPHEMERAL);
    expect(h.bot.context.store.answers(roundId)).toHaveLength(1);
    expect(h.fake.violations).toEqual([]);
  }, 40_000);

  it('a fast handler is not deferred', async () => {
    h = await startHarness();
    const handle = h.fake.slashCommand({ name: 'ask', options: { question: 'what is spot capacity' } });
    expect((await handle.wait()).type).toBe(4);
  });
});
