import { DiscordAPIError } from 'discord.js';
import { pino } from 'pino';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createQuizReveals, retryDelayMs, type QuizReveals, type RevealDeps } from '../../src/discord/quiz-reveal.js';
import { createQuizService, type QuizService, type RoundView } from '../../src/quiz/quiz-service.js';
import { openQuizStore, type QuizStore } from '../../src/quiz/quiz-store.js';
import { QuizStorageError } from '../../src/quiz/storage-problem.js';
import { question, tempDbPath } from '../quiz/support/fixtures.js';

const seconds = 30;
let tmp: ReturnType<typeof tempDbPath>;
let store: QuizStore;
let quiz: QuizService;
let edits: { route: string; body: { embeds: { description?: string; footer?: { text: string } }[] } }[];
/** What the next edits do: undefined succeeds; an error is thrown (one entry per attempt). */
let failures: unknown[];
let channelMessages: unknown[];
let storageFailures: unknown[];
let reveals: QuizReveals;

const serviceOn = (open: QuizStore): QuizService =>
  createQuizService({ store: open, notes: [], questions: [question('q1')], quizSeconds: seconds });

function revealsWith(extra: Partial<RevealDeps> = {}): QuizReveals {
  return createQuizReveals({
    rest: {
      patch: async (route: string, options?: { body?: unknown }) => {
        const failure = failures.shift();
        if (failure) throw failure;
        edits.push({ route, body: options?.body as (typeof edits)[number]['body'] });
        return {};
      },
      get: async () => channelMessages,
    } as unknown as RevealDeps['rest'],
    botUserId: () => 'bot',
    quiz: () => quiz,
    storageFailed: (error) => void storageFailures.push(error),
    logger: pino({ level: 'silent' }),
    ...extra,
  });
}

/** A public round posted as message m1 in channel c. */
function postRound(messageId: string | null = 'm1'): RoundView {
  const round = quiz.start({ guildId: 'g', channelId: 'c', askerId: 'asker' })!;
  if (messageId) quiz.attachMessage(round.id, 'c', messageId);
  return round;
}

const gone = () => new DiscordAPIError({ code: 10008, message: 'Unknown Message' }, 10008, 404, 'PATCH', '/x', {});
const serverError = () => new DiscordAPIError({ code: 0, message: 'Bad Gateway' }, 0, 502, 'PATCH', '/x', {});
const rightLetter = (round: RoundView) => round.choices.find((c) => c.text === 'right')!.letter;

beforeEach(() => {
  vi.useFakeTimers({ now: 1_000_000 });
  tmp = tempDbPath();
  store = openQuizStore(tmp.file);
  quiz = serviceOn(store);
  edits = [];
  failures = [];
  channelMessages = [];
  storageFailures = [];
  reveals = revealsWith();
});
afterEach(() => {
  reveals.stop();
  vi.useRealTimers();
  store.close();
  tmp.cleanup();
});

describe('opened → closed → shown (the deadline)', () => {
  it('takes answers until the deadline, then closes the round and edits its message once', async () => {
    const round = postRound();
    reveals.opened(round.id, round.closesAt);
    await vi.advanceTimersByTimeAsync(seconds * 1000 - 1);
    expect(quiz.answer(round.id, 'u1', rightLetter(round)).status).toBe('recorded');
    expect(edits).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(edits.map((e) => e.route)).toEqual(['/channels/c/messages/m1']);
    expect(store.getRound(round.id)!.revealedAt).not.toBeNull();
    expect(store.getRound(round.id)!.revealShownAt).not.toBeNull();
    expect(quiz.answer(round.id, 'u2', rightLetter(round)).status).toBe('closed');
    await vi.advanceTimersByTimeAsync(120_000);
    expect(edits).toHaveLength(1);
  });
});

describe('closed → retry (the edit failed)', () => {
  it('refuses answers after the deadline while the edit keeps failing, retrying 1 s, 2 s, 4 s apart', async () => {
    const round = postRound();
    failures = [serverError(), serverError(), serverError()];
    reveals.opened(round.id, round.closesAt);
    await vi.advanceTimersByTimeAsync(seconds * 1000);
    expect(edits).toHaveLength(0);
    expect(quiz.answer(round.id, 'u1', rightLetter(round)).status).toBe('closed');
    expect(store.undeliveredReveals().map((r) => r.id)).toEqual([round.id]);
    await vi.advanceTimersByTimeAsync(1000 + 2000);
    expect(edits).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(4000);
    expect(edits).toHaveLength(1);
    expect(store.undeliveredReveals()).toEqual([]);
  });

  it('waits at most a minute between attempts', () => {
    expect([0, 1, 2, 5, 6, 20].map(retryDelayMs)).toEqual([1000, 2000, 4000, 32_000, 60_000, 60_000]);
  });

  it('drops the reveal when the message is gone for good, without retrying', async () => {
    const round = postRound();
    failures = [gone()];
    reveals.opened(round.id, round.closesAt);
    await vi.advanceTimersByTimeAsync(seconds * 1000 + 120_000);
    expect(edits).toHaveLength(0);
    expect(failures).toHaveLength(0);
    expect(store.undeliveredReveals()).toEqual([]);
  });

  it('stops retrying and reports when the quiz storage fails', async () => {
    const round = postRound();
    const broken = new QuizStorageError('x.db', 'is not a database', 'move it away');
    reveals = revealsWith({
      quiz: () => {
        throw broken;
      },
    });
    reveals.opened(round.id, round.closesAt);
    await vi.advanceTimersByTimeAsync(seconds * 1000 + 120_000);
    expect(storageFailures).toEqual([broken]);
    expect(edits).toHaveLength(0);
  });
});

describe('closed by the asker', () => {
  it('cancels the deadline: the asker’s click showed the answer', async () => {
    const round = postRound();
    reveals.opened(round.id, round.closesAt);
    expect(quiz.reveal(round.id, 'asker').status).toBe('revealed');
    expect(vi.getTimerCount()).toBe(1);
    reveals.closedByAsker(round.id);
    expect(vi.getTimerCount()).toBe(0);
    quiz.markRevealShown(round.id);
    await vi.advanceTimersByTimeAsync(seconds * 1000 + 1000);
    expect(edits).toHaveLength(0);
  });

  it('delivers by the retrying path a second later when the click could not show it', async () => {
    const round = postRound();
    reveals.opened(round.id, round.closesAt);
    quiz.reveal(round.id, 'asker');
    reveals.closedByAsker(round.id);
    reveals.askerUpdateFailed(round.id);
    await vi.advanceTimersByTimeAsync(999);
    expect(edits).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(edits).toHaveLength(1);
    expect(store.getRound(round.id)!.revealShownAt).not.toBeNull();
  });
});

describe('recovered at start-up', () => {
  it('closes rounds left open by the last run at their deadline, saying so, and delivers owed reveals now', async () => {
    postRound('m1');
    const owed = postRound('m2');
    quiz.reveal(owed.id, 'asker');
    store.close();
    store = openQuizStore(tmp.file);
    quiz = serviceOn(store);
    reveals.recover();
    await vi.advanceTimersByTimeAsync(0);
    expect(edits.map((e) => e.route)).toEqual(['/channels/c/messages/m2']);
    await vi.advanceTimersByTimeAsync(seconds * 1000);
    expect(edits.map((e) => e.route)).toEqual(['/channels/c/messages/m2', '/channels/c/messages/m1']);
    expect(JSON.stringify(edits[1]!.body)).toContain('restart');
    expect(JSON.stringify(edits[0]!.body)).not.toContain('restart');
    expect(store.undeliveredReveals()).toEqual([]);
    expect(store.openRounds()).toEqual([]);
  });

  it('finds a message posted before a crash among the channel’s recent ones', async () => {
    const round = postRound(null);
    channelMessages = [
      { id: 'other', author: { id: 'bot' }, components: [] },
      {
        id: 'm9',
        author: { id: 'bot' },
        components: [{ type: 1, components: [{ type: 2, custom_id: `quiz.pick:${round.id}:A` }] }],
      },
    ];
    reveals.opened(round.id, round.closesAt);
    await vi.advanceTimersByTimeAsync(seconds * 1000);
    expect(edits.map((e) => e.route)).toEqual(['/channels/c/messages/m9']);
    expect(store.getRound(round.id)!.messageId).toBe('m9');
  });

  it('closes a round whose message cannot be found and owes nothing', async () => {
    const round = postRound(null);
    reveals.opened(round.id, round.closesAt);
    await vi.advanceTimersByTimeAsync(seconds * 1000);
    expect(edits).toHaveLength(0);
    expect(store.getRound(round.id)!.revealedAt).not.toBeNull();
    expect(store.undeliveredReveals()).toEqual([]);
  });
});

it('stop cancels every pending reveal', async () => {
  const round = postRound();
  reveals.opened(round.id, round.closesAt);
  reveals.stop();
  expect(vi.getTimerCount()).toBe(0);
  await vi.advanceTimersByTimeAsync(seconds * 1000 + 1000);
  expect(edits).toHaveLength(0);
});
