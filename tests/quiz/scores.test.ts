import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openQuizStore, type QuizStore } from '../../src/quiz/quiz-store.js';
import { newRound, tempDbPath } from './support/fixtures.js';

let tmp: ReturnType<typeof tempDbPath>;
let store: QuizStore;
let rounds = 0;
let clock = 0;
beforeEach(() => {
  tmp = tempDbPath();
  store = openQuizStore(tmp.file);
});
afterEach(() => {
  store.close();
  tmp.cleanup();
});

/** One public round per result; choice 0 is right. */
function play(user: string, results: boolean[], guildId = 'g'): void {
  for (const right of results) {
    const id = `r${++rounds}`;
    store.createRound(newRound(id, { guildId }));
    expect(store.recordAnswer(id, user, right ? 0 : 1, ++clock).status).toBe('recorded');
  }
}
const times = (n: number, right = true) => Array.from({ length: n }, () => right);

describe('scores', () => {
  it('starts at zero', () => {
    expect(store.stats('g', 'nobody')).toEqual({ answered: 0, correct: 0, streak: 0, bestStreak: 0, accuracy: 0 });
  });

  it('resets the current streak on a miss and keeps the best one', () => {
    play('u', [true, true, true, false, true]);
    expect(store.stats('g', 'u')).toEqual({ answered: 5, correct: 4, streak: 1, bestStreak: 3, accuracy: 0.8 });
    play('u', [false, false]);
    expect(store.stats('g', 'u')).toMatchObject({ streak: 0, bestStreak: 3 });
    play('u', times(4));
    expect(store.stats('g', 'u')).toMatchObject({ answered: 11, correct: 8, streak: 4, bestStreak: 4 });
  });

  it('keeps each server separate', () => {
    play('u', times(3), 'g1');
    play('u', [false], 'g2');
    expect(store.stats('g1', 'u')).toMatchObject({ answered: 3, correct: 3, streak: 3 });
    expect(store.stats('g2', 'u')).toMatchObject({ answered: 1, correct: 0, streak: 0 });
  });
});

describe('leaderboard', () => {
  beforeEach(() => {
    play('carol', times(5)); // 5 of 5, got there first (after alice by name)
    play('bob', [...times(5), false]); // 5 of 6: lower accuracy
    play('alice', times(5)); // 5 of 5, got there after carol
    play('dave', [...times(6), false, false]); // most correct, lowest accuracy
    for (let i = 1; i <= 9; i++) play(`filler${i}`, times(i % 5, true).concat(false));
    play('zed', [false]);
  });

  it('ranks by correct answers, then accuracy, then who got there first', () => {
    const board = store.leaderboard('g', 'alice');
    expect(board.top.slice(0, 4).map((e) => e.userId)).toEqual(['dave', 'carol', 'alice', 'bob']);
    expect(board.top.map((e) => e.rank)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(board.top[0]).toMatchObject({ userId: 'dave', correct: 6, answered: 8, accuracy: 0.75 });
    expect(board.top[3]!.accuracy).toBeCloseTo(5 / 6);
  });

  it('is ordered all the way down, accuracy deciding among equal correct counts', () => {
    const all = store.leaderboard('g', 'alice', 100).top;
    expect(all).toHaveLength(14);
    for (let i = 1; i < all.length; i++) {
      const [a, b] = [all[i - 1]!, all[i]!];
      expect(a.correct > b.correct || (a.correct === b.correct && a.accuracy >= b.accuracy)).toBe(true);
    }
  });

  it('gives the asking user their own rank even outside the top 10', () => {
    const board = store.leaderboard('g', 'zed', 10);
    expect(board.top).toHaveLength(10);
    expect(board.top.some((e) => e.userId === 'zed')).toBe(false);
    expect(board.own).toMatchObject({ userId: 'zed', rank: 14, correct: 0, answered: 1, accuracy: 0 });
    expect(store.leaderboard('g', 'alice').own).toMatchObject({ rank: 3 });
  });

  it('has no own entry for someone who never answered, and is empty for another server', () => {
    expect(store.leaderboard('g', 'stranger').own).toBeUndefined();
    expect(store.leaderboard('other', 'alice')).toEqual({ top: [], own: undefined });
  });

  it('honours a smaller limit', () => {
    expect(store.leaderboard('g', 'bob', 3)).toMatchObject({
      top: [{ userId: 'dave' }, { userId: 'carol' }, { userId: 'alice' }],
      own: { userId: 'bob', rank: 4 },
    });
  });
});
