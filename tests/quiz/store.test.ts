import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { schedule } from '../../src/quiz/leitner.js';
import { QuizStore } from '../../src/quiz/quiz-store.js';
import { migrate, migrations, SchemaTooNewError } from '../../src/quiz/schema.js';

let dir: string;
let file: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nimbus-store-'));
  file = path.join(dir, 'nested', 'folder', 'quiz.db');
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const round = (id: string, extra: Partial<Parameters<QuizStore['createRound']>[0]> = {}) => ({
  id, guildId: 'g', channelId: 'c', questionId: 'n?q=1', askerId: 'asker', topic: null, private: false, reviewAll: false,
  choices: ['right', 'wrong', 'other'], answerIndex: 0, openedAt: 0, closesAt: 30_000, ...extra,
});
const answer = (store: QuizStore, roundId: string, user: string, choice: number, now = 1) =>
  store.recordAnswer(roundId, user, choice, now, (prev, correct) => schedule(prev, 'n?q=1', correct, now));

describe('quiz store on a real SQLite file', () => {
  it('creates the file with its folder, in WAL mode, at the latest schema version', () => {
    const store = new QuizStore(file);
    expect(fs.existsSync(file)).toBe(true);
    expect(store.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(store.db.pragma('user_version', { simple: true })).toBe(migrations.length);
    store.close();
  });

  it('migrates a version 1 database with data, losing nothing', () => {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const old = new Database(file);
    migrate(old, 1);
    old.prepare(`INSERT INTO rounds (id, guild_id, channel_id, question_id, asker_id, choices, answer_index, opened_at, closes_at) VALUES ('r1', 'g', 'c', 'n?q=1', 'asker', '["right","wrong","other"]', 0, 0, 30000)`).run();
    old.prepare(`INSERT INTO answers VALUES ('r1', 'u1', 0, 1, 5)`).run();
    old.prepare(`INSERT INTO scores VALUES ('g', 'u1', 4, 3, 2, 3)`).run();
    expect(old.pragma('user_version', { simple: true })).toBe(1);
    old.close();

    const store = new QuizStore(file);
    expect(store.db.pragma('user_version', { simple: true })).toBe(2);
    expect(store.getRound('r1')).toMatchObject({ id: 'r1', reviewAll: false, choices: ['right', 'wrong', 'other'] });
    expect(store.answers('r1')).toEqual([{ userId: 'u1', choiceIndex: 0, correct: true, answeredAt: 5 }]);
    expect(store.stats('g', 'u1')).toEqual({ answered: 4, correct: 3, streak: 2, bestStreak: 3 });
    store.close();
  });

  it('refuses a database written by a newer version', () => {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const future = new Database(file);
    future.pragma('user_version = 99');
    future.close();
    expect(() => new QuizStore(file)).toThrow(SchemaTooNewError);
  });

  it('counts each user once per round and remembers what they picked', () => {
    const store = new QuizStore(file);
    store.createRound(round('r'));
    expect(answer(store, 'r', 'u1', 1)).toEqual({ status: 'recorded', correct: false });
    expect(answer(store, 'r', 'u1', 0)).toEqual({ status: 'duplicate', previousChoice: 1 });
    expect(store.stats('g', 'u1')).toMatchObject({ answered: 1, correct: 0 });
    expect(answer(store, 'missing', 'u1', 0)).toEqual({ status: 'unknown-round' });
    store.close();
  });

  it('counts 50 users answering one round exactly once each', () => {
    const store = new QuizStore(file);
    store.createRound(round('r'));
    const results = Array.from({ length: 50 }, (_, i) => answer(store, 'r', `u${i}`, i % 3));
    const again = Array.from({ length: 50 }, (_, i) => answer(store, 'r', `u${i}`, 0));
    expect(results.every((r) => r.status === 'recorded')).toBe(true);
    expect(again.every((r) => r.status === 'duplicate')).toBe(true);
    expect(store.answers('r')).toHaveLength(50);
    expect(store.leaderboard('g', 'u0', 100).top.reduce((n, e) => n + e.answered, 0)).toBe(50);
    store.close();
  });

  it('keeps streaks: a miss resets the current streak, the best one stays', () => {
    const store = new QuizStore(file);
    const picks = [0, 0, 0, 1, 0];
    picks.forEach((choice, i) => {
      store.createRound(round(`r${i}`));
      answer(store, `r${i}`, 'u', choice);
    });
    expect(store.stats('g', 'u')).toEqual({ answered: 5, correct: 4, streak: 1, bestStreak: 3 });
    store.close();
  });

  it('refuses answers after the reveal, and reveals only once', () => {
    const store = new QuizStore(file);
    store.createRound(round('r'));
    expect(store.markRevealed('r', 10)).toBe(true);
    expect(store.markRevealed('r', 11)).toBe(false);
    expect(answer(store, 'r', 'late', 0)).toEqual({ status: 'closed' });
    store.close();
  });

  it('ranks the leaderboard by correct answers, then accuracy, and finds a rank outside the top 10', () => {
    const store = new QuizStore(file);
    for (let u = 0; u < 12; u++) {
      for (let i = 0; i <= u; i++) {
        store.createRound(round(`r${u}-${i}`));
        answer(store, `r${u}-${i}`, `user${u}`, 0);
      }
    }
    // user11 answered more but one of them wrong: same correct count as user10, lower accuracy.
    store.createRound(round('extra'));
    answer(store, 'extra', 'user10', 1);
    const board = store.leaderboard('g', 'user0', 10);
    expect(board.top.map((e) => e.userId)).toEqual(['user11', 'user10', 'user9', 'user8', 'user7', 'user6', 'user5', 'user4', 'user3', 'user2']);
    expect(board.top[1]!.accuracy).toBeCloseTo(11 / 12);
    expect(board.own).toMatchObject({ userId: 'user0', rank: 12, correct: 1 });
    expect(store.leaderboard('other-guild', 'user0').top).toEqual([]);
    store.close();
  });

  it('keeps private review answers out of the server scores but in the schedule', () => {
    const store = new QuizStore(file);
    store.createRound(round('p', { private: true }));
    answer(store, 'p', 'asker', 1, 1000);
    expect(store.stats('g', 'asker').answered).toBe(0);
    expect(store.reviewState('asker', 'n?q=1')).toMatchObject({ box: 1, lastAnsweredAt: 1000 });
    store.close();
  });

  it('keeps everything across a close and reopen (a restart mid-quiz) and lists the open rounds', () => {
    const store = new QuizStore(file);
    store.createRound(round('open'));
    store.createRound(round('done'));
    store.attachMessage('open', 'c2', 'm1');
    answer(store, 'open', 'u1', 0);
    store.markRevealed('done', 5);
    store.close();

    const reopened = new QuizStore(file);
    expect(reopened.openRounds().map((r) => [r.id, r.channelId, r.messageId])).toEqual([['open', 'c2', 'm1']]);
    expect(reopened.answers('open')).toHaveLength(1);
    expect(answer(reopened, 'open', 'u1', 1)).toEqual({ status: 'duplicate', previousChoice: 0 });
    reopened.close();
  });

  it('stores /ask feedback, a later vote replacing an earlier one', () => {
    const store = new QuizStore(file);
    store.recordFeedback({ guildId: 'g', userId: 'u', question: 'q', sectionId: 's', vote: 'up' }, 1);
    store.recordFeedback({ guildId: 'g', userId: 'u', question: 'q', sectionId: 's', vote: 'down' }, 2);
    expect(store.feedback()).toEqual([{ guildId: 'g', userId: 'u', question: 'q', sectionId: 's', vote: 'down' }]);
    store.close();
  });
});
