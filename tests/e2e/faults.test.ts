import Database from 'better-sqlite3';
import type { APIEmbed } from 'discord.js';
import { afterEach, describe, expect, it } from 'vitest';
import type { FakeMessage } from '../fake-discord/index.js';
import { startHarness, type Harness } from './harness.js';

let h: Harness | undefined;
afterEach(async () => {
  await h?.stop();
  h = undefined;
});

const pickIds = (m: FakeMessage) =>
  (m.components as { components: { custom_id: string }[] }[])
    .flatMap((r) => r.components)
    .map((b) => b.custom_id)
    .filter((id) => id.startsWith('quiz.pick:'));
const roundOf = (m: FakeMessage) => pickIds(m)[0]!.split(':')[1]!;
const showsAnswer = (harness: Harness, id: string) =>
  (harness.fake.messages.get(id)!.embeds[0] as APIEmbed).title!.endsWith('· answer');
/** Waits until the channel shows the answer and the DB knows it was delivered. */
const revealed = (harness: Harness, id: string, timeoutMs = 15_000) =>
  harness.fake.waitFor(
    () =>
      showsAnswer(harness, id) && harness.bot.context.store.undeliveredReveals().length === 0
        ? harness.fake.messages.get(id)
        : undefined,
    timeoutMs,
    'the reveal in the channel',
  );
const editsOf = (harness: Harness, id: string) =>
  harness.fake.requests.filter((r) => r.method === 'PATCH' && r.path.endsWith(`/messages/${id}`));

async function postQuiz(harness: Harness) {
  const handle = harness.fake.slashCommand({ name: 'quiz' });
  await handle.wait();
  const message = harness.fake.originalOf(handle)!;
  return { handle, message, roundId: roundOf(message) };
}

describe('faults through the fake Discord: what the user sees, what the DB holds', () => {
  it('5xx on the reveal edit: the round closes at its deadline anyway, and the edit is retried until shown', async () => {
    h = await startHarness({ quizSeconds: 5 });
    const { message, roundId } = await postQuiz(h);
    const early = h.fake.clickButton({
      messageId: message.id,
      customId: pickIds(message)[0]!,
      user: h.fake.makeUser('Early'),
    });
    await early.wait();
    // discord.js itself retries a 5xx three times: 8 failures = two of our attempts.
    const fault = h.fake.faults.add({ method: 'PATCH', path: `/messages/${message.id}`, status: 503, times: 8 });
    await h.fake.waitFor(() => (fault.hits >= 1 ? true : undefined), 9000, 'the first failing edit');
    const late = h.fake.clickButton({
      messageId: message.id,
      customId: pickIds(message)[0]!,
      user: h.fake.makeUser('Late'),
    });
    await late.wait();
    expect(h.fake.originalOf(late)!.content).toBe('This question is closed: the answer has been revealed.');
    const shown = await revealed(h, message.id);
    expect((shown.embeds[0] as APIEmbed).description).toMatch(/— 1 answer\n/);
    expect(fault.hits).toBe(8);
    expect(editsOf(h, message.id).at(-1)!.status).toBe(200);
    expect(h.logs.filter((l) => l.msg === 'quiz reveal not shown yet; retrying')).toHaveLength(2);
    const round = h.bot.context.store.getRound(roundId)!;
    expect(round.revealedAt).not.toBeNull();
    expect(round.revealShownAt).not.toBeNull();
    expect(h.bot.context.store.answers(roundId)).toHaveLength(1);
    h.fake.takeViolations();
  }, 30_000);

  it('the database locked exactly when the round closes: a click after the deadline is refused, the reveal is retried until shown once the lock goes', async () => {
    h = await startHarness({ quizSeconds: 5 });
    const { message, roundId } = await postQuiz(h);
    const earlyUser = h.fake.makeUser('Early');
    const early = h.fake.clickButton({ messageId: message.id, customId: pickIds(message)[0]!, user: earlyUser });
    await early.wait();
    const { closesAt, guildId } = h.bot.context.store.getRound(roundId)!;
    // Another process takes the write lock just before the deadline and holds it past the reveal.
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, closesAt - Date.now() - 300)));
    const other = new Database(h.config.QUIZ_DB);
    other.exec('BEGIN IMMEDIATE');
    try {
      const retrying = () => h!.logs.filter((l) => l.msg === 'quiz reveal not shown yet; retrying');
      await h.fake.waitFor(() => (retrying().length >= 1 ? true : undefined), 5000, 'the reveal failing on the lock');
      expect(retrying()[0]!.err).toMatchObject({ code: expect.stringMatching(/^SQLITE_BUSY/) });
      expect(Date.now()).toBeGreaterThanOrEqual(closesAt);
      expect(showsAnswer(h, message.id)).toBe(false);
      // Past the deadline, lock still held: the click is refused, not accepted late nor left hanging.
      const late = h.fake.clickButton({
        messageId: message.id,
        customId: pickIds(message)[0]!,
        user: h.fake.makeUser('Late'),
      });
      await late.wait();
      const refusal = await h.fake.waitFor(
        () => h!.fake.originalOf(late)?.content || undefined,
        3000,
        'the refusal while locked',
      );
      expect(refusal).toBe('This question is closed: the answer has been revealed.');
      expect(other.inTransaction).toBe(true);
      expect(showsAnswer(h, message.id)).toBe(false);
    } finally {
      if (other.inTransaction) other.exec('COMMIT');
      other.close();
    }
    const shown = await revealed(h, message.id, 10_000);
    expect((shown.embeds[0] as APIEmbed).description).toMatch(/— 1 answer\n/);
    const round = h.bot.context.store.getRound(roundId)!;
    expect(round.revealedAt).toBeGreaterThanOrEqual(closesAt);
    expect(round.revealShownAt).not.toBeNull();
    expect(h.bot.context.store.answers(roundId).map((a) => a.userId)).toEqual([earlyUser.id]);
    // Scores: the early answer counted once, the late click not at all; the lock did not turn quizzes off.
    const board = h.bot.context.store.leaderboard(guildId, earlyUser.id);
    expect(board.top.map((e) => [e.userId, e.answered])).toEqual([[earlyUser.id, 1]]);
    expect(h.logs.filter((l) => /storage is unavailable/i.test(String(l.msg)))).toEqual([]);
    h.fake.takeViolations();
  }, 40_000);

  it('a reveal still failing when the bot restarts is delivered by the next run', async () => {
    h = await startHarness({ quizSeconds: 5 });
    const { message, roundId } = await postQuiz(h);
    const fault = h.fake.faults.add({ method: 'PATCH', path: `/messages/${message.id}`, status: 502, times: Infinity });
    await h.fake.waitFor(() => (fault.hits >= 4 ? true : undefined), 9000, 'a failed reveal attempt');
    expect(h.bot.context.store.undeliveredReveals().map((r) => r.id)).toEqual([roundId]);
    await h.bot.stop();
    h.fake.faults.clear();
    await h.restartBot();
    await revealed(h, message.id, 5000);
    expect(h.bot.context.store.undeliveredReveals()).toEqual([]);
    h.fake.takeViolations();
  }, 30_000);

  it('a /quiz reply posted but its response lost (reset after the side effect): the round is tied to the message and revealed', async () => {
    h = await startHarness({ quizSeconds: 5 });
    h.fake.faults.add({ method: 'POST', path: /\/callback$/, lostResponse: true });
    const { message, roundId } = await postQuiz(h);
    await h.fake.waitFor(
      () => (h!.bot.context.store.getRound(roundId)?.messageId ? true : undefined),
      5000,
      'the round tied to its message',
    );
    expect(h.bot.context.store.getRound(roundId)!.messageId).toBe(message.id);
    expect(
      h.logs.some((l) => l.msg === 'the /quiz reply was posted though its response was lost; recovered its message'),
    ).toBe(true);
    await revealed(h, message.id);
    // discord.js retried the callback after the reset; Discord refuses a second acknowledgement.
    expect(h.fake.takeViolations().every((v) => v.includes('40060'))).toBe(true);
  }, 30_000);

  it('a connection reset before Discord handled the /quiz reply: discord.js retries and the question is posted once', async () => {
    h = await startHarness();
    h.fake.faults.add({ method: 'POST', path: /\/callback$/, reset: true });
    const handle = h.fake.slashCommand({ name: 'quiz' });
    await handle.wait();
    const message = h.fake.originalOf(handle)!;
    const roundId = roundOf(message);
    await h.fake.waitFor(
      () => (h!.bot.context.store.getRound(roundId)?.messageId === message.id ? true : undefined),
      3000,
      'the round tied to its message',
    );
    expect(h.fake.requests.filter((r) => r.path.endsWith('/callback')).map((r) => r.status)).toEqual([0, 200]);
    expect(
      [...h.fake.messages.values()].filter(
        (m) => m.embeds.length && (m.embeds[0] as APIEmbed).title?.startsWith('Quiz'),
      ),
    ).toHaveLength(1);
    expect(h.fake.violations).toEqual([]);
  });

  it('429 on the reveal edit, per route and global, and a slow answer: the reveal waits and is shown', async () => {
    h = await startHarness({ quizSeconds: 5 });
    const { message, roundId } = await postQuiz(h);
    h.fake.faults.add({ method: 'PATCH', path: `/messages/${message.id}`, status: 429, retryAfter: 0.3 });
    h.fake.faults.add({ method: 'PATCH', path: `/messages/${message.id}`, status: 429, retryAfter: 0.3, global: true });
    h.fake.faults.add({ method: 'PATCH', path: `/messages/${message.id}`, delayMs: 1500 });
    await revealed(h, message.id);
    expect(editsOf(h, message.id).map((r) => r.status)).toEqual([429, 429, 200]);
    expect(h.bot.context.store.getRound(roundId)!.revealShownAt).not.toBeNull();
    expect(h.fake.violations).toEqual([]);
  }, 30_000);

  it('a 5xx on an answer click reply: discord.js retries it and the answer is recorded once', async () => {
    h = await startHarness();
    const { message, roundId } = await postQuiz(h);
    h.fake.faults.add({ method: 'POST', path: /\/callback$/, status: 500 });
    const click = h.fake.clickButton({
      messageId: message.id,
      customId: pickIds(message)[0]!,
      user: h.fake.makeUser('Player'),
    });
    await click.wait();
    expect(h.fake.originalOf(click)!.content).toMatch(/^(✅|❌)/);
    expect(h.bot.context.store.answers(roundId)).toHaveLength(1);
    expect(h.fake.violations).toEqual([]);
  });

  it('gateway drops (close 4000, op 7 reconnect): resumed and logged, an interaction sent meanwhile is answered', async () => {
    h = await startHarness();
    h.fake.disconnectAll({ code: 4000 });
    const during = h.fake.slashCommand({ name: 'ask', options: { question: 'how do lifecycle rules work?' } });
    await during.wait(8000);
    expect(h.fake.originalOf(during)!.embeds[0]).toBeDefined();
    await h.fake.waitFor(() => h!.logs.find((l) => l.msg === 'Discord gateway resumed'), 5000, 'the resume line');
    expect(h.logs.find((l) => l.msg === 'Discord gateway disconnected; reconnecting')).toMatchObject({
      level: 40,
      code: 4000,
    });
    const resumes = h.fake.gateway.resumes.length;
    h.fake.requestReconnect();
    await h.fake.waitFor(
      () => (h!.fake.gateway.resumes.length > resumes ? true : undefined),
      8000,
      'the resume after op 7',
    );
    const after = h.fake.slashCommand({ name: 'ask', options: { question: 'how do lifecycle rules work?' } });
    await after.wait(5000);
    expect(h.fake.violations).toEqual([]);
  }, 30_000);

  it('a database lock held by another process: the click is deferred and retried without blocking, then recorded; /ask keeps answering', async () => {
    h = await startHarness();
    const { message, roundId } = await postQuiz(h);
    const other = new Database(h.config.QUIZ_DB);
    other.exec('BEGIN IMMEDIATE');
    const release = setTimeout(() => other.exec('COMMIT'), 2000);
    try {
      const click = h.fake.clickButton({
        messageId: message.id,
        customId: pickIds(message)[0]!,
        user: h.fake.makeUser('Player'),
      });
      expect((await click.wait()).type).toBe(5);
      const ask = h.fake.slashCommand({ name: 'ask', options: { question: 'how do lifecycle rules work?' } });
      await ask.wait();
      expect(h.fake.originalOf(ask)!.embeds[0]).toBeDefined();
      expect(h.bot.context.store.answers(roundId)).toHaveLength(0);
      const verdict = await h.fake.waitFor(
        () => (/^(✅|❌)/.test(h!.fake.originalOf(click)?.content ?? '') ? h!.fake.originalOf(click) : undefined),
        6000,
        'the verdict',
      );
      expect(verdict!.flags & 64).toBe(64);
      expect(h.bot.context.store.answers(roundId)).toHaveLength(1);
    } finally {
      clearTimeout(release);
      if (other.inTransaction) other.exec('COMMIT');
      other.close();
    }
    expect(h.fake.violations).toEqual([]);
  }, 20_000);

  it('a lock that outlasts the retry budget: the user is told the answer was not saved, and nothing is recorded', async () => {
    h = await startHarness({ storeBusyBudgetMs: 1000 });
    const { message, roundId } = await postQuiz(h);
    const other = new Database(h.config.QUIZ_DB);
    other.exec('BEGIN IMMEDIATE');
    try {
      const click = h.fake.clickButton({
        messageId: message.id,
        customId: pickIds(message)[0]!,
        user: h.fake.makeUser('Player'),
      });
      await click.wait();
      const told = await h.fake.waitFor(
        () => (h!.fake.originalOf(click)?.content ? h!.fake.originalOf(click) : undefined),
        5000,
        'the message',
      );
      expect(told!.content).toBe(
        'Your answer could not be saved: the quiz database is busy right now. Please click your answer again in a moment.',
      );
    } finally {
      other.exec('COMMIT');
      other.close();
    }
    expect(h.bot.context.store.answers(roundId)).toHaveLength(0);
    expect(h.fake.violations).toEqual([]);
  }, 20_000);

  it('a lock held while /quiz starts: the command is deferred, the question posted when the lock goes, and tied to its round', async () => {
    h = await startHarness();
    const other = new Database(h.config.QUIZ_DB);
    other.exec('BEGIN IMMEDIATE');
    const release = setTimeout(() => other.exec('COMMIT'), 1500);
    try {
      const handle = h.fake.slashCommand({ name: 'quiz' });
      expect((await handle.wait()).type).toBe(5);
      const message = await h.fake.waitFor(
        () => (h!.fake.originalOf(handle)?.embeds.length ? h!.fake.originalOf(handle) : undefined),
        6000,
        'the question',
      );
      const roundId = roundOf(message!);
      await h.fake.waitFor(
        () => (h!.bot.context.store.getRound(roundId)?.messageId === message!.id ? true : undefined),
        3000,
        'the round tied to its message',
      );
    } finally {
      clearTimeout(release);
      if (other.inTransaction) other.exec('COMMIT');
      other.close();
    }
    expect(h.fake.violations).toEqual([]);
  }, 20_000);

  it('op 9 invalid session: the bot identifies anew, logs it, and answers again', async () => {
    h = await startHarness();
    const identifies = h.fake.gateway.identifies.length;
    h.fake.invalidateSessions();
    await h.fake.waitFor(
      () => h!.logs.find((l) => l.msg === 'Discord gateway re-identified'),
      12_000,
      'the re-identify line',
    );
    expect(h.fake.gateway.identifies.length).toBe(identifies + 1);
    const ask = h.fake.slashCommand({ name: 'ask', options: { question: 'how do lifecycle rules work?' } });
    await ask.wait();
    expect(h.fake.originalOf(ask)!.embeds[0]).toBeDefined();
    expect(h.fake.violations).toEqual([]);
  }, 30_000);

  it('dropped heartbeat ACKs (a zombie connection): the bot reconnects and resumes on its own', async () => {
    h = await startHarness({ fake: { heartbeatIntervalMs: 400 } });
    const resumes = h.fake.gateway.resumes.length;
    h.fake.gateway.dropHeartbeatAcks = true;
    await h.fake.waitFor(
      () => h!.logs.find((l) => l.msg === 'Discord gateway disconnected; reconnecting'),
      5000,
      'the disconnect line',
    );
    h.fake.gateway.dropHeartbeatAcks = false;
    await h.fake.waitFor(() => (h!.fake.gateway.resumes.length > resumes ? true : undefined), 8000, 'the resume');
    await h.fake.waitFor(() => h!.logs.find((l) => l.msg === 'Discord gateway resumed'), 5000, 'the resume line');
    const ask = h.fake.slashCommand({ name: 'ask', options: { question: 'how do lifecycle rules work?' } });
    await ask.wait();
    expect(h.fake.violations).toEqual([]);
  }, 30_000);

  it('a question posted but the process died before storing where (SIGKILL mid-reply): the next run finds its message and reveals it', async () => {
    h = await startHarness({ quizSeconds: 5 });
    const { message, roundId } = await postQuiz(h);
    await h.fake.waitFor(
      () => (h!.bot.context.store.getRound(roundId)?.messageId ? true : undefined),
      3000,
      'the round tied to its message',
    );
    await h.bot.stop();
    // As if the process had died between Discord posting the question and the bot storing its id.
    const db = new Database(h.config.QUIZ_DB);
    db.prepare('UPDATE rounds SET message_id = NULL WHERE id = ?').run(roundId);
    db.close();
    await h.restartBot();
    const shown = await revealed(h, message.id);
    expect((shown!.embeds[0] as APIEmbed).description).toContain('The bot restarted while this question was open');
    expect(h.bot.context.store.getRound(roundId)!.messageId).toBe(message.id);
    expect(h.fake.violations).toEqual([]);
  }, 30_000);

  it('Discord unreachable for a while: one warning once it lasts, then the resume with how long it was down', async () => {
    h = await startHarness({ outageWarnMs: 1000 });
    h.fake.gateway.refuseConnections = true;
    h.fake.disconnectAll({ code: 4000 });
    const warned = await h.fake.waitFor(
      () => h!.logs.find((l) => l.msg === 'Discord gateway still unreachable: interactions are not arriving'),
      8000,
      'the outage warning',
    );
    // The last close is that of a refused reconnection attempt (1006, abnormal); the drop itself was 4000.
    expect(warned).toMatchObject({ level: 40, lastCloseCode: 1006 });
    expect(h.logs.find((l) => l.msg === 'Discord gateway disconnected; reconnecting')).toMatchObject({ code: 4000 });
    expect(
      h.logs.filter((l) => l.msg === 'Discord gateway still unreachable: interactions are not arriving'),
    ).toHaveLength(1);
    h.fake.gateway.refuseConnections = false;
    const back = await h.fake.waitFor(
      () => h!.logs.find((l) => l.msg === 'Discord gateway resumed' || l.msg === 'Discord gateway re-identified'),
      20_000,
      'the reconnection',
    );
    expect(back.downMs as number).toBeGreaterThanOrEqual(1000);
    const ask = h.fake.slashCommand({ name: 'ask', options: { question: 'how do lifecycle rules work?' } });
    await ask.wait();
    expect(h.fake.violations).toEqual([]);
  }, 40_000);
});
