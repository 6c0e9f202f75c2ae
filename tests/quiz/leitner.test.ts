import { describe, expect, it } from 'vitest';
import { boxIntervals, pickForReview, schedule, topBox, type ReviewState } from '../../src/quiz/leitner.js';
import type { QuizQuestion } from '../../src/notes/types.js';

const q = (id: string): QuizQuestion => ({ id, question: id, choices: ['a', 'b', 'c'], answer: 'a', explanation: '', section: '', noteRoute: 'n' });
const day = 86_400_000;

describe('Leitner schedule', () => {
  it('moves a question up one box on a hit and back to box 1 on a miss', () => {
    const first = schedule(undefined, 'q', true, 0);
    expect(first.box).toBe(2);
    expect(first.dueAt).toBe(boxIntervals[2]);
    const second = schedule(first, 'q', true, 10);
    expect(second.box).toBe(3);
    const missed = schedule(second, 'q', false, 20);
    expect(missed).toEqual({ questionId: 'q', box: 1, dueAt: 20 + boxIntervals[1]!, lastAnsweredAt: 20 });
  });

  it('brings a missed question back soon and a known one much later', () => {
    expect(boxIntervals[1]!).toBeLessThan(day);
    let state: ReviewState | undefined;
    for (let i = 0; i < 10; i++) state = schedule(state, 'q', true, 0);
    expect(state!.box).toBe(topBox);
    expect(state!.dueAt).toBeGreaterThan(30 * day);
  });
});

describe('picking review questions', () => {
  const questions = ['a', 'b', 'c', 'd'].map(q);
  const states = new Map<string, ReviewState>([
    ['a', { questionId: 'a', box: 3, dueAt: 500, lastAnsweredAt: 0 }],
    ['b', { questionId: 'b', box: 1, dueAt: 100, lastAnsweredAt: 50 }],
    ['c', { questionId: 'c', box: 5, dueAt: 5000, lastAnsweredAt: 10 }],
  ]);

  it('picks the most overdue question first', () => {
    expect(pickForReview(questions, states, 1000, 'due')!.id).toBe('b');
    expect(pickForReview(questions, states, 300, 'due')!.id).toBe('b');
  });

  it('picks a new question when nothing is due, then the soonest due', () => {
    expect(pickForReview(questions, states, 50, 'due')!.id).toBe('d');
    expect(pickForReview(questions.slice(0, 3), states, 50, 'due')!.id).toBe('b');
  });

  it('in review-all mode walks every question, least known first, ignoring due dates', () => {
    const order: string[] = [];
    const local = new Map(states);
    for (let i = 0; i < 4; i++) {
      const next = pickForReview(questions, local, 0, 'all')!;
      order.push(next.id);
      local.set(next.id, { questionId: next.id, box: 6, dueAt: 1e12, lastAnsweredAt: 100 + i });
    }
    expect(order).toEqual(['b', 'd', 'a', 'c']);
  });

  it('returns nothing for an empty topic', () => {
    expect(pickForReview([], states, 0, 'due')).toBeUndefined();
  });
});
