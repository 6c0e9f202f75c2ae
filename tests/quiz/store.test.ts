import fs from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openQuizStore, type QuizStore } from '../../src/quiz/quiz-store.js';
import { newRound, question, tempDbPath } from './support/fixtures.js';

let tmp: ReturnType<typeof tempDbPath>;
let store: QuizStore;
beforeEach(() => {
  tmp = tempDbPath();
  store = openQuizStore(tmp.file);
});
afterEach(() => {
  store.close();
  tmp.cleanup();
});

describe('opening the quiz database', () => {
  it('creates the file and its missing folders, in WAL mode, with foreign keys and a busy timeout', () => {
    expect(fs.existsSync(tmp.file)).toBe(true);
    expect(store.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(store.db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(store.db.pragma('busy_timeout', { simple: true })).toBeGreaterThan(0);
  });

  it('accepts :memory: for throwaway use', () => {
    const memory = openQuizStore(':memory:');
    memory.createRound(newRound('r'));
    expect(memory.getRound('r')?.id).toBe('r');
    memory.close();
  });

  it('enforces foreign keys: no answer for a round that does not exist', () => {
    expect(() => store.db.prepare("INSERT INTO answers VALUES ('ghost', 'u', 0, 1, 0)").run()).toThrow(/FOREIGN KEY/);
  });
});

describe('rounds', () => {
  it('stores the shuffled choices, the question as asked and where the round was posted', () => {
    store.createRound(newRound('r', { choices: ['other', 'right', 'wrong'], answerIndex: 1, topic: 'area' }));
    store.attachMessage('r', 'c2', 'm1');
    expect(store.getRound('r')).toEqual({
      ...newRound('r', { choices: ['other', 'right', 'wrong'], answerIndex: 1, topic: 'area' }),
      questionId: 'q1',
      channelId: 'c2',
      messageId: 'm1',
      revealedAt: null,
      revealShownAt: null,
    });
    expect(store.getRound('nope')).toBeUndefined();
  });

  it('refuses a round whose answer is not one of its choices', () => {
    expect(() => store.createRound(newRound('r', { answerIndex: 3 }))).toThrow(RangeError);
  });
});

describe('answers', () => {
  beforeEach(() => store.createRound(newRound('r')));

  it('records one answer per user and remembers what they picked', () => {
    expect(store.recordAnswer('r', 'u1', 1, 5)).toMatchObject({ status: 'recorded', correct: false });
    expect(store.recordAnswer('r', 'u1', 0, 6)).toMatchObject({ status: 'duplicate', previousChoice: 1 });
    expect(store.answers('r')).toEqual([{ userId: 'u1', choiceIndex: 1, correct: false, answeredAt: 5 }]);
    expect(store.stats('g', 'u1')).toMatchObject({ answered: 1, correct: 0 });
  });

  it('says when the round is unknown or the choice is not in it', () => {
    expect(store.recordAnswer('missing', 'u1', 0, 1)).toEqual({ status: 'unknown-round' });
    expect(store.recordAnswer('r', 'u1', 3, 1)).toEqual({ status: 'invalid-choice' });
    expect(store.recordAnswer('r', 'u1', -1, 1)).toEqual({ status: 'invalid-choice' });
    expect(store.answers('r')).toEqual([]);
  });

  it('counts 50 users answering one round exactly once each, double clicks included', async () => {
    const users = Array.from({ length: 50 }, (_, i) => `u${i}`);
    // Every user clicks twice; the clicks arrive interleaved, as from the gateway.
    const clicks = [...users, ...[...users].reverse()].map(async (user, i) => {
      await Promise.resolve();
      return { user, result: store.recordAnswer('r', user, i % 3, 100 + i) };
    });
    const results = await Promise.all(clicks);
    for (const user of users) {
      const statuses = results.filter((r) => r.user === user).map((r) => r.result.status);
      expect(statuses.sort()).toEqual(['duplicate', 'recorded']);
    }
    expect(store.answers('r')).toHaveLength(50);
    const board = store.leaderboard('g', 'u0', 100);
    expect(board.top).toHaveLength(50);
    expect(board.top.every((e) => e.answered === 1)).toBe(true);
  });

  it('refuses answers after the reveal', () => {
    store.recordAnswer('r', 'u1', 0, 1);
    expect(store.revealRound('r', 'asker', 10)).toMatchObject({ status: 'revealed', answers: [{ userId: 'u1' }] });
    expect(store.recordAnswer('r', 'late', 0, 11)).toEqual({ status: 'closed' });
    expect(store.answers('r')).toHaveLength(1);
    expect(store.stats('g', 'late').answered).toBe(0);
  });

  it('updates the review schedule with every answer', () => {
    store.recordAnswer('r', 'u1', 0, 1000);
    expect(store.reviewState('u1', 'q1')).toMatchObject({ box: 2, lastAnsweredAt: 1000 });
    store.createRound(newRound('r2'));
    store.recordAnswer('r2', 'u1', 2, 2000);
    expect(store.reviewState('u1', 'q1')).toMatchObject({ box: 1, lastAnsweredAt: 2000 });
  });
});

describe('reveal', () => {
  beforeEach(() => store.createRound(newRound('r')));

  it('lets only the asker reveal, unless forced (the timer)', () => {
    expect(store.revealRound('r', 'someone', 10)).toEqual({ status: 'not-asker' });
    expect(store.revealRound('r', undefined, 10)).toEqual({ status: 'not-asker' });
    expect(store.getRound('r')!.revealedAt).toBeNull();
    expect(store.revealRound('r', undefined, 11, { force: true })).toMatchObject({
      status: 'revealed',
      round: { revealedAt: 11 },
    });
  });

  it('reveals once: a second reveal, even by the asker, hears it already was', () => {
    expect(store.revealRound('r', 'asker', 10).status).toBe('revealed');
    expect(store.revealRound('r', 'asker', 11)).toEqual({ status: 'already-revealed' });
    expect(store.revealRound('r', undefined, 12, { force: true })).toEqual({ status: 'already-revealed' });
    expect(store.getRound('r')!.revealedAt).toBe(10);
    expect(store.revealRound('missing', 'asker', 10)).toEqual({ status: 'unknown-round' });
  });
});

describe('private review rounds', () => {
  beforeEach(() => store.createRound(newRound('p', { private: true })));

  it('take one answer from their asker only, then close', () => {
    expect(store.recordAnswer('p', 'other', 0, 5)).toEqual({ status: 'not-yours' });
    expect(store.recordAnswer('p', 'asker', 1, 5)).toMatchObject({
      status: 'recorded',
      correct: false,
      round: { revealedAt: 5 },
    });
    expect(store.recordAnswer('p', 'asker', 0, 6)).toEqual({ status: 'closed' });
  });

  // The decision: private answers move the schedule and personal totals, never the server's scores.
  it('stay out of the server scores and leaderboard but count in the schedule and review totals', () => {
    store.recordAnswer('p', 'asker', 0, 1000);
    expect(store.stats('g', 'asker')).toEqual({ answered: 0, correct: 0, streak: 0, bestStreak: 0, accuracy: 0 });
    expect(store.leaderboard('g', 'asker').top).toEqual([]);
    expect(store.reviewState('asker', 'q1')).toMatchObject({ box: 2, lastAnsweredAt: 1000 });
    expect(store.reviewTotals('asker')).toEqual({ answered: 1, correct: 1 });
  });

  it('are not listed as open rounds to reveal', () => {
    store.createRound(newRound('public'));
    expect(store.openRounds().map((r) => r.id)).toEqual(['public']);
  });

  it('feed the review-all history only when they are review-all rounds answered by their asker', () => {
    store.createRound(newRound('all1', { private: true, reviewAll: true, question: question('qa') }));
    store.createRound(newRound('all2', { private: true, reviewAll: true, question: question('qb') }));
    store.createRound(newRound('all3', { private: true, reviewAll: true, question: question('qc') }));
    store.recordAnswer('all2', 'asker', 0, 10);
    store.recordAnswer('p', 'asker', 0, 11);
    store.recordAnswer('all1', 'asker', 0, 12);
    expect(store.reviewAllHistory('asker')).toEqual(['qb', 'qa']);
    expect(store.reviewAllHistory('someone')).toEqual([]);
  });
});

describe('a restart mid-quiz', () => {
  it('keeps every round, answer, score and schedule across close and reopen, and lists the open rounds', () => {
    store.createRound(newRound('open', { closesAt: 50_000 }));
    store.createRound(newRound('open-sooner', { closesAt: 40_000 }));
    store.createRound(newRound('done'));
    store.attachMessage('open', 'c2', 'm1');
    store.recordAnswer('open', 'u1', 0, 1);
    store.recordAnswer('open', 'u2', 1, 2);
    store.recordAnswer('done', 'u1', 0, 3);
    store.revealRound('done', 'asker', 5);
    const before = {
      open: store.getRound('open'),
      answers: store.answers('open'),
      stats: store.stats('g', 'u1'),
      reviews: store.reviewStates('u1'),
    };
    store.close();

    store = openQuizStore(tmp.file);
    expect(store.openRounds().map((r) => [r.id, r.channelId, r.messageId])).toEqual([
      ['open-sooner', 'c', null],
      ['open', 'c2', 'm1'],
    ]);
    expect(store.getRound('open')).toEqual(before.open);
    expect(store.answers('open')).toEqual(before.answers);
    expect(store.stats('g', 'u1')).toEqual(before.stats);
    expect(store.reviewStates('u1')).toEqual(before.reviews);
    // The same user cannot answer again after the restart; a new user can.
    expect(store.recordAnswer('open', 'u1', 1, 10)).toMatchObject({ status: 'duplicate', previousChoice: 0 });
    expect(store.recordAnswer('open', 'u3', 0, 11)).toMatchObject({ status: 'recorded' });
    expect(store.revealRound('open', undefined, 60_000, { force: true })).toMatchObject({
      status: 'revealed',
      answers: [{ userId: 'u1' }, { userId: 'u2' }, { userId: 'u3' }],
    });
  });
});

describe('/ask feedback', () => {
  it('keeps the last vote per user, question and section', () => {
    store.recordFeedback({ guildId: 'g', userId: 'u', question: 'q', sectionId: 's', vote: 'up' }, 1);
    store.recordFeedback({ guildId: 'g', userId: 'v', question: 'q', sectionId: 's', vote: 'up' }, 2);
    store.recordFeedback({ guildId: 'g', userId: 'u', question: 'q', sectionId: 'other', vote: 'up' }, 3);
    store.recordFeedback({ guildId: 'g', userId: 'u', question: 'q', sectionId: 's', vote: 'down' }, 4);
    expect(store.feedback()).toEqual([
      { guildId: 'g', userId: 'v', question: 'q', sectionId: 's', vote: 'up' },
      { guildId: 'g', userId: 'u', question: 'q', sectionId: 'other', vote: 'up' },
      { guildId: 'g', userId: 'u', question: 'q', sectionId: 's', vote: 'down' },
    ]);
  });

  it('rejects a vote that is neither up nor down', () => {
    expect(() =>
      store.recordFeedback({ guildId: 'g', userId: 'u', question: 'q', sectionId: 's', vote: 'meh' as 'up' }),
    ).toThrow(/CHECK/);
  });
});

describe('deadlines and reveal delivery', () => {
  it('closes a public round at its deadline even while its reveal has not run', () => {
    store.createRound(newRound('late', { closesAt: 30_000 }));
    expect(store.recordAnswer('late', 'u1', 0, 29_999).status).toBe('recorded');
    expect(store.recordAnswer('late', 'u2', 0, 30_000).status).toBe('closed');
    expect(store.answers('late').map((a) => a.userId)).toEqual(['u1']);
  });

  it('keeps a closed round as undelivered until its message shows the answer', () => {
    store.createRound(newRound('r1'));
    store.attachMessage('r1', 'c', 'm1');
    expect(store.revealRound('r1', undefined, 31_000, { force: true }).status).toBe('revealed');
    expect(store.undeliveredReveals().map((r) => r.id)).toEqual(['r1']);
    store.markRevealShown('r1', 32_000);
    expect(store.undeliveredReveals()).toEqual([]);
    expect(store.getRound('r1')!.revealShownAt).toBe(32_000);
  });
});
