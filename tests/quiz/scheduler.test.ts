import { describe, expect, it } from 'vitest';
import {
  boxIntervals,
  pickForReview,
  reviewPass,
  reviewQueue,
  schedule,
  topBox,
  type ReviewState,
} from '../../src/quiz/scheduler.js';
import { question } from './support/fixtures.js';

const minute = 60_000;
const day = 24 * 60 * minute;
const ids = (qs: { id: string }[]) => qs.map((q) => q.id);

describe('Leitner schedule', () => {
  it('starts a question answered right at box 2, due a day later', () => {
    expect(schedule(undefined, true, 1000)).toEqual({ box: 2, dueAt: 1000 + day, lastAnsweredAt: 1000 });
  });

  it('starts a question answered wrong at box 1, due again within the hour', () => {
    const missed = schedule(undefined, false, 1000);
    expect(missed.box).toBe(1);
    expect(missed.dueAt - 1000).toBeGreaterThan(0);
    expect(missed.dueAt - 1000).toBeLessThanOrEqual(60 * minute);
  });

  it('moves up one box per hit and back to box 1 on a miss', () => {
    let state = schedule(undefined, true, 0);
    state = schedule(state, true, 10);
    state = schedule(state, true, 20);
    expect(state.box).toBe(4);
    expect(state.dueAt).toBe(20 + 7 * day);
    const missed = schedule(state, false, 30);
    expect(missed).toEqual({ box: 1, dueAt: 30 + boxIntervals[0]!, lastAnsweredAt: 30 });
  });

  it('stops at the top box, about five weeks out', () => {
    let state: ReviewState | undefined;
    for (let i = 0; i < 20; i++) state = schedule(state, true, 0);
    expect(state!.box).toBe(topBox);
    expect(state!.dueAt).toBe(35 * day);
  });

  it('uses growing intervals', () => {
    for (let i = 1; i < boxIntervals.length; i++) expect(boxIntervals[i]!).toBeGreaterThan(boxIntervals[i - 1]!);
  });
});

describe('picking for personal review (due mode)', () => {
  const questions = ['a', 'b', 'c', 'd', 'e'].map((id) => question(id));
  const states = new Map<string, ReviewState>([
    ['a', { box: 3, dueAt: 500, lastAnsweredAt: 0 }],
    ['b', { box: 1, dueAt: 100, lastAnsweredAt: 50 }],
    ['c', { box: 5, dueAt: 5000, lastAnsweredAt: 10 }],
  ]);

  it('asks due questions first, most overdue first', () => {
    expect(pickForReview(questions, states, 1000, 'due')!.id).toBe('b');
    expect(ids(reviewQueue(questions, states, 1000, 'due')).slice(0, 2)).toEqual(['b', 'a']);
  });

  it('asks new questions, in notes order, when nothing is due', () => {
    expect(pickForReview(questions, states, 50, 'due')!.id).toBe('d');
    expect(ids(reviewQueue(questions, states, 50, 'due'))).toEqual(['d', 'e', 'b', 'a', 'c']);
  });

  it('counts a question due exactly now as due', () => {
    expect(pickForReview(questions, states, 100, 'due')!.id).toBe('b');
  });

  it('asks the soonest due question when nothing is due and nothing is new', () => {
    expect(pickForReview(questions.slice(0, 3), states, 50, 'due')!.id).toBe('b');
    expect(ids(reviewQueue(questions.slice(0, 3), states, 50, 'due'))).toEqual(['b', 'a', 'c']);
  });

  it('brings a missed question back, ahead of new ones, once its short wait is over', () => {
    const local = new Map<string, ReviewState>([['d', schedule(undefined, false, 0)]]);
    expect(pickForReview(questions, local, 5 * minute, 'due')!.id).toBe('a');
    expect(pickForReview(questions, local, 11 * minute, 'due')!.id).toBe('d');
  });

  it('returns nothing for an empty pool', () => {
    expect(pickForReview([], states, 0, 'due')).toBeUndefined();
    expect(pickForReview([], states, 0, 'all')).toBeUndefined();
  });
});

describe('review-all mode', () => {
  const questions = ['a', 'b', 'c', 'd'].map((id) => question(id));
  const states = new Map<string, ReviewState>([
    ['a', { box: 3, dueAt: 1e12, lastAnsweredAt: 0 }],
    ['b', { box: 1, dueAt: 1e12, lastAnsweredAt: 50 }],
    ['c', { box: 5, dueAt: 1e12, lastAnsweredAt: 10 }],
  ]);

  it('ignores due dates and orders least known first: missed, new, then by box', () => {
    expect(ids(reviewQueue(questions, states, 0, 'all'))).toEqual(['b', 'd', 'a', 'c']);
  });

  it('within a box, asks the question unseen longest first', () => {
    const sameBox = new Map<string, ReviewState>([
      ['a', { box: 2, dueAt: 0, lastAnsweredAt: 300 }],
      ['b', { box: 2, dueAt: 0, lastAnsweredAt: 100 }],
    ]);
    expect(ids(reviewQueue(questions.slice(0, 2), sameBox, 0, 'all'))).toEqual(['b', 'a']);
  });

  it('walks every question once per pass, even one missed again and again', () => {
    const local = new Map(states);
    const history: string[] = [];
    const asked: string[] = [];
    for (let i = 0; i < 8; i++) {
      const next = pickForReview(questions, local, 1000 + i, 'all', reviewPass(questions, history))!;
      asked.push(next.id);
      history.push(next.id);
      // The user misses every question: each goes back to box 1.
      local.set(next.id, schedule(local.get(next.id), false, 1000 + i));
    }
    expect(asked.slice(0, 4)).toEqual(['b', 'd', 'a', 'c']);
    // Second pass: all in box 1 now, the longest unseen first.
    expect(asked.slice(4)).toEqual(['b', 'd', 'a', 'c']);
  });

  it('counts a pass only over the pool: answers from other topics do not use it up', () => {
    expect([...reviewPass(questions, ['x', 'a', 'y', 'b'])]).toEqual(['a', 'b']);
    expect(reviewPass(questions, ['a', 'b', 'c', 'd']).size).toBe(0);
    expect([...reviewPass(questions, ['a', 'b', 'c', 'd', 'c'])]).toEqual(['c']);
  });
});
