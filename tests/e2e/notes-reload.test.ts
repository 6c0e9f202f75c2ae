import fs from 'node:fs';
import path from 'node:path';
import type { APIEmbed } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EPHEMERAL } from '../fake-discord/index.js';
import { MEMBER_PERMISSIONS } from '../fake-discord/entities.js';
import { startHarness, type Harness } from './harness.js';

const MANAGE_GUILD = 1n << 5n;
const admin = { permissions: (BigInt(MEMBER_PERMISSIONS) | MANAGE_GUILD).toString() };

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ live: true, env: { LOG_LEVEL: 'info' } });
});
afterAll(() => h.stop());

const storage = () => path.join(h.config.NOTES_DIR, 'cloud/storage.md');
const titleOf = (handle: Parameters<Harness['fake']['originalOf']>[0]) =>
  (h.fake.originalOf(handle)?.embeds[0] as APIEmbed | undefined)?.title;

/** Runs /notes as a member with or without Manage Server; returns the final (edited) reply. */
async function notesCommand(subcommand: 'reload' | 'status', member?: typeof admin) {
  const handle = h.fake.slashCommand({ name: 'notes', subcommand, member });
  const callback = await handle.wait(60_000);
  if (callback.type === 5)
    await h.fake.waitForRequest((r) => r.method === 'PATCH' && r.path.includes(handle.token), 60_000);
  return { callback, message: h.fake.originalOf(handle)! };
}

describe('notes reload through the real discord.js client and a fake Discord', () => {
  it('registers /notes for Manage Server members only', () => {
    const put = h.fake.requests.find((r) => r.method === 'PUT' && r.path.includes('/commands'))!;
    const notes = (put.body as { name: string; default_member_permissions?: string }[]).find((c) => c.name === 'notes');
    expect(notes?.default_member_permissions).toBe(MANAGE_GUILD.toString());
  });

  it('refuses /notes reload from a member without Manage Server, and reloads nothing', async () => {
    const before = h.notes!.current;
    const { callback, message } = await notesCommand('reload');
    expect(callback.type).toBe(4);
    expect(message.content).toContain('Manage Server');
    expect(message.flags & EPHEMERAL).toBe(EPHEMERAL);
    expect(h.notes!.current).toBe(before);
    expect(h.notes!.getStatus().lastReload).toBeUndefined();
  });

  it('edits a note while 200 /ask run: none fails or is lost, and answers after the reload show the edit', async () => {
    const question = 'how are glacier vaults sealed?';
    const handles: ReturnType<Harness['fake']['slashCommand']>[] = [];
    const callbacks: Awaited<ReturnType<ReturnType<Harness['fake']['slashCommand']>['wait']>>[] = [];
    let reload: Promise<unknown> | undefined;
    let reloaded = false;
    let wavesAfterReload = 0;
    // 20 waves of 10 at once (this machine answers a few hundred a second, not 200 within
    // Discord's 3 s); the edit lands during wave 5 and the reload runs while the waves go on.
    // On a slow machine the reload may outlast the 200: the waves go on until two ran after it.
    for (let wave = 0; wave < 20 || wavesAfterReload < 2; wave++) {
      if (wave === 5) {
        fs.appendFileSync(
          storage(),
          '\n## Glacier vaults\n\nA glacier vault is sealed with a vault lock policy that nobody can change.\n',
        );
        reload = h.notes!.reload('test edit').then((record) => {
          reloaded = true;
          return record;
        });
      }
      if (reloaded) wavesAfterReload++;
      const batch = Array.from({ length: 10 }, () => h.fake.slashCommand({ name: 'ask', options: { question } }));
      handles.push(...batch);
      callbacks.push(...(await Promise.all(batch.map((handle) => handle.wait(60_000)))));
    }
    expect(callbacks.length).toBeGreaterThanOrEqual(200);
    expect(callbacks.map((c) => c.type)).toEqual(callbacks.map(() => 4));
    expect(h.logs.filter((l) => l.msg === 'interaction failed')).toEqual([]);
    expect(await reload).toMatchObject({ outcome: 'swapped', parsed: 1 });
    // Every interaction got its reply (before the edit the notes do not cover the question).
    expect(handles.filter((handle) => !h.fake.originalOf(handle))).toEqual([]);
    const titles = handles.map(titleOf);
    // Every answer comes from one version or the other; once the new one is in, it stays.
    const firstNew = titles.indexOf('Object storage › Glacier vaults');
    expect(firstNew).toBeGreaterThan(-1);
    expect(titles.slice(firstNew).every((t) => t === 'Object storage › Glacier vaults')).toBe(true);
    const after = h.fake.slashCommand({ name: 'ask', options: { question } });
    await after.wait();
    expect(titleOf(after)).toBe('Object storage › Glacier vaults');
    expect(h.fake.violations).toEqual([]);
  }, 180_000);

  it('a broken edit keeps the old answers, and /notes status names the file and line', async () => {
    const before = h.notes!.current;
    const file = storage();
    const good = fs.readFileSync(file, 'utf8');
    fs.writeFileSync(file, good.replace('title: Object storage', 'title: [Object storage'));
    const { message } = await notesCommand('reload', admin);
    const reloadEmbed = message.embeds[0] as APIEmbed;
    expect(reloadEmbed.description).toContain('Not reloaded');
    expect(reloadEmbed.description).toMatch(/cloud\/storage\.md:\d+:/);
    expect(h.notes!.current).toBe(before);

    const answer = h.fake.slashCommand({ name: 'ask', options: { question: 'how are glacier vaults sealed?' } });
    await answer.wait();
    expect(titleOf(answer)).toBe('Object storage › Glacier vaults');

    const { message: status } = await notesCommand('status', admin);
    const statusText = (status.embeds[0] as APIEmbed).description!;
    expect(statusText).toMatch(/cloud\/storage\.md:\d+:/);
    expect(statusText).toContain('sections');
    expect(status.flags & EPHEMERAL).toBe(EPHEMERAL);
    fs.writeFileSync(file, good);
  }, 120_000);

  it('a quiz round open across a reload still scores every answer, even once its question left the notes', async () => {
    const quizBefore = h.notes!.current.library.quiz;
    const handle = h.fake.slashCommand({
      name: 'quiz',
      options: { topic: 'cloud/storage' },
      user: h.fake.makeUser('Asker'),
    });
    await handle.wait();
    const message = h.fake.originalOf(handle)!;
    const description = (message.embeds[0] as APIEmbed).description!;
    const question = quizBefore.find((q) => description.startsWith(q.question))!;
    const right = /\*\*([A-E])\.\*\*/.exec(
      description.split('\n').find((l) => l.endsWith(` ${question.answer}`))!,
    )![1]!;
    const wrong = ['A', 'B', 'C'].find((l) => l !== right)!;

    const file = storage();
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace(/^quiz:\n(?: {2}.*\n)+/m, ''));
    expect((await h.notes!.reload('test')).outcome).toBe('swapped');
    expect(h.notes!.current.library.quiz.some((q) => q.question === question.question)).toBe(false);

    const pick = (letter: string) => {
      const customId = (message.components as { components: { custom_id: string }[] }[])
        .flatMap((r) => r.components)
        .find((b) => b.custom_id.startsWith('quiz.pick:') && b.custom_id.endsWith(`:${letter}`))!.custom_id;
      return h.fake.clickButton({ messageId: message.id, customId, user: h.fake.makeUser(`Player ${letter}`) });
    };
    const good = pick(right);
    const bad = pick(wrong);
    await Promise.all([good.wait(), bad.wait()]);
    expect(h.fake.originalOf(good)!.content).toMatch(/^✅ Correct!/);
    expect(h.fake.originalOf(bad)!.content).toMatch(/^❌ Not quite/);

    // The reloaded notes' quiz questions were built in the background; a new round asks one of them.
    expect(await h.bot.prepareQuiz()).toBe(true);
    const next = h.fake.slashCommand({
      name: 'quiz',
      // Private: the round above is still open in the channel.
      options: { topic: 'cloud/storage', private: true },
      user: h.fake.makeUser('Next'),
    });
    await next.wait();
    const asked = (h.fake.originalOf(next)!.embeds[0] as APIEmbed).description!;
    expect(asked.startsWith(question.question)).toBe(false);
    expect(asked.length).toBeGreaterThan(0);
    expect(h.fake.violations).toEqual([]);
  }, 120_000);
});
