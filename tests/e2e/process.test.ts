import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { APIEmbed } from 'discord.js';
import { afterEach, describe, expect, it } from 'vitest';
import { openQuizStore } from '../../src/quiz/quiz-store.js';
import { startFakeDiscord, type FakeDiscord, type FakeMessage } from '../fake-discord/index.js';
import { startBotProcess, type BotProcess } from './bot-process.js';
import { TOKEN } from './harness.js';

let fake: FakeDiscord | undefined;
const bots: BotProcess[] = [];
const dirs: string[] = [];
afterEach(async () => {
  for (const bot of bots.splice(0)) {
    if (bot.child.exitCode === null && bot.child.signalCode === null) {
      bot.child.kill('SIGKILL');
      await bot.exited;
    }
  }
  await fake?.close();
  fake = undefined;
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

const dbFile = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nimbus-proc-'));
  dirs.push(dir);
  return path.join(dir, 'nimbus.db');
};

async function launch(env: Record<string, string>): Promise<BotProcess> {
  const bot = await startBotProcess(fake!, env);
  bots.push(bot);
  await bot.waitForLog((l) => l.msg === 'connected to Discord', 30_000, 'the connection');
  return bot;
}

const isCallback = (p: string) => /^\/interactions\/\d+\/[^/]+\/callback$/.test(p);
const pickIds = (m: FakeMessage) =>
  (m.components as { components: { custom_id: string }[] }[])
    .flatMap((r) => r.components)
    .map((b) => b.custom_id)
    .filter((id) => id.startsWith('quiz.pick:'));

describe('the bot as a process', () => {
  it('a fatal gateway close (4004, token reset) exits non-zero with a clear line', async () => {
    fake = await startFakeDiscord({ token: TOKEN });
    const bot = await launch({ QUIZ_DB: dbFile() });
    fake.disconnectAll({ code: 4004, reason: 'Authentication failed.' });
    const exit = await bot.exited;
    expect(exit.code).toBe(1);
    expect(bot.stderr()).toContain(
      'nimbus: Discord closed the connection for good (code 4004): Discord rejected the token (reset or revoked): put the current bot token in DISCORD_TOKEN and restart.',
    );
    expect(bot.logs.find((l) => l.level === 60)).toMatchObject({ code: 4004 });
    expect(bot.stderr()).not.toContain(TOKEN);
  }, 60_000);

  it('SIGTERM mid-reply: the /quiz being posted finishes and is tied to its round, then the process exits 0', async () => {
    fake = await startFakeDiscord({ token: TOKEN });
    const file = dbFile();
    const bot = await launch({ QUIZ_DB: file });
    // Warm the quiz code path up (the first call in a fresh process compiles it).
    await fake.slashCommand({ name: 'quiz', options: { private: true } }).wait(5000);
    fake.faults.add({ method: 'POST', path: /\/callback$/, delayMs: 1000 });
    const handle = fake.slashCommand({ name: 'quiz' });
    await fake.waitForRequest((r) => isCallback(r.path), 5000);
    bot.child.kill('SIGTERM');
    await bot.waitForLog((l) => String(l.msg).startsWith('shutting down'), 5000, 'the shutdown line');
    // Arrives while draining: answered honestly, not handled.
    const late = fake.slashCommand({ name: 'ask', options: { question: 'how do lifecycle rules work?' } });
    await late.wait(5000);
    expect(fake.originalOf(late)!.content).toBe('Nimbus is restarting. Please try again in a few seconds.');
    await handle.wait(5000);
    const exit = await bot.exited;
    expect(exit.code).toBe(0);
    expect(bot.logs.some((l) => l.msg === 'stopped cleanly')).toBe(true);
    const message = fake.originalOf(handle)!;
    const store = openQuizStore(file);
    try {
      const rounds = store.openRounds();
      expect(rounds).toHaveLength(1);
      expect(rounds[0]!.messageId).toBe(message.id);
    } finally {
      store.close();
    }
  }, 60_000);

  it('SIGKILL mid-quiz: the answer given survives, and the next process reveals the round', async () => {
    fake = await startFakeDiscord({ token: TOKEN });
    const file = dbFile();
    const first = await launch({ QUIZ_DB: file, QUIZ_SECONDS: '5' });
    const handle = fake.slashCommand({ name: 'quiz' });
    await handle.wait(5000);
    const message = fake.originalOf(handle)!;
    const player = fake.makeUser('Player');
    await fake.clickButton({ messageId: message.id, customId: pickIds(message)[0]!, user: player }).wait(5000);
    first.child.kill('SIGKILL');
    await first.exited;
    await launch({ QUIZ_DB: file, QUIZ_SECONDS: '5' });
    const revealed = await fake.waitFor(
      () => {
        const current = fake!.messages.get(message.id)!;
        return (current.embeds[0] as APIEmbed).title!.endsWith('· answer') ? current : undefined;
      },
      15_000,
      'the reveal by the second process',
    );
    expect((revealed.embeds[0] as APIEmbed).description).toMatch(/— 1 answer\n/);
    expect(fake.violations).toEqual([]);
  }, 90_000);
});
