import { afterEach, describe, expect, it } from 'vitest';
import type { InteractionHandle } from '../fake-discord/fake-discord.js';
import { hostileStrings } from '../helpers/hostile.js';
import { startHarness, type Harness } from './harness.js';

// The fuzz, through the real bot and the fake Discord: the core answers 10,000 fuzzed
// questions in tests/search/regex-fuzz.test.ts; a slice of them comes through /ask here.

let h: Harness | undefined;
afterEach(async () => {
  await h?.stop();
  h = undefined;
});

/** The handle's final response: its reply, or the edit of a deferred reply. */
const finalOf = (harness: Harness, handle: InteractionHandle, what: string, timeoutMs = 30_000) =>
  harness.fake.waitFor(
    () => {
      const m = harness.fake.originalOf(handle);
      return m && (m.content || m.embeds.length) ? m : undefined;
    },
    timeoutMs,
    what,
  );

describe('fuzzed questions through the bot', () => {
  it('fuzzed questions through /ask (the first 200 of the 10,000, cut to 1,000 characters as the option allows): each gets an answer, nothing crashes', async () => {
    h = await startHarness();
    // The option holds at most 1,000 characters and at least one that is not blank.
    const fuzzed = hostileStrings(200, 20_000, 15)
      .map((q) => q.slice(0, 1000))
      .filter((q) => q.trim());
    expect(fuzzed.length).toBeGreaterThan(150);
    for (let start = 0; start < fuzzed.length; start += 5) {
      const batch = fuzzed.slice(start, start + 5).map((question, n) =>
        h!.fake.slashCommand({
          name: 'ask',
          user: h!.fake.makeUser(`fuzz${start + n}`),
          options: { question, private: true },
        }),
      );
      await Promise.all(batch.map((handle) => handle.wait(20_000)));
      const replies = await Promise.all(
        batch.map((handle, n) => finalOf(h!, handle, `the reply to fuzz ${start + n}`)),
      );
      for (const reply of replies) expect(reply!.flags & 64).toBe(64);
    }
    // The bot still answers a plain question afterwards, and nothing was logged as an error.
    const plain = h.fake.slashCommand({ name: 'ask', options: { question: 'how do lifecycle rules work?' } });
    await plain.wait();
    expect((await finalOf(h, plain, 'the plain answer'))!.embeds.length).toBeGreaterThan(0);
    expect(h.fake.violations).toEqual([]);
    expect(h.logs.filter((l) => Number(l.level) >= 50)).toEqual([]);
  }, 180_000);
});

describe('a burst of interactions through the bot', () => {
  it("250 /ask interactions sent at once (the issue's burst): every one gets its callback within Discord's 3 s and its answer", async () => {
    h = await startHarness();
    // Each question comes 50 times: under the burst, every one must get the answer it gets alone.
    const questions = ['how do lifecycle rules work?', 'what is s3', 'key pairs', 'storage classes', 'xyzzy plugh'];
    const burst = Array.from({ length: 250 }, (_, n) =>
      h!.fake.slashCommand({
        name: 'ask',
        user: h!.fake.makeUser(`burst${n}`),
        options: { question: questions[n % questions.length]!, private: true },
      }),
    );
    const callbacks = await Promise.all(burst.map((handle) => handle.wait(20_000)));
    expect(Math.max(...callbacks.map((c) => c.latencyMs))).toBeLessThan(3000);
    const replies = await Promise.all(burst.map((handle, n) => finalOf(h!, handle, `the answer to burst ${n}`)));
    expect(replies.every((reply) => (reply!.flags & 64) === 64)).toBe(true);
    const shown = (n: number) => JSON.stringify([replies[n]!.content, replies[n]!.embeds]);
    for (let n = questions.length; n < replies.length; n++) expect(shown(n)).toBe(shown(n % questions.length));
    expect(replies[0]!.embeds.length).toBeGreaterThan(0);
    expect(h.fake.violations).toEqual([]);
    expect(h.logs.filter((l) => Number(l.level) >= 50)).toEqual([]);
  }, 120_000);
});
