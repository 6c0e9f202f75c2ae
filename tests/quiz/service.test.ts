import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadNotes } from '../../src/notes/load.js';
import { QuizService, shuffled } from '../../src/quiz/quiz-service.js';
import { QuizStore } from '../../src/quiz/quiz-store.js';

const library = loadNotes({ root: path.resolve(import.meta.dirname, '../fixtures/e2e-notes'), baseUrl: 'https://notes.example.com' });
const sections = new Map(library.sections.map((s) => [s.id, s]));

/** A seeded pseudo-random source, so shuffles and picks repeat. */
const seeded = (seed: number) => () => {
  seed = (seed * 1103515245 + 12345) % 2 ** 31;
  return seed / 2 ** 31;
};

let store: QuizStore;
let clock: number;
let service: QuizService;
beforeEach(() => {
  store = new QuizStore(':memory:');
  clock = 1_000_000;
  service = new QuizService({ store, notes: library.notes, sectionsById: (id) => sections.get(id), quizSeconds: 30, now: () => clock, random: seeded(7) });
});
afterEach(() => store.close());

const start = (extra: Partial<Parameters<QuizService['start']>[0]> = {}) => service.start({ guildId: 'g', channelId: 'c', askerId: 'asker', ...extra })!;
const correctLetter = (round: ReturnType<typeof start>) => {
  const question = library.quiz.find((q) => q.id === round.questionId)!;
  return round.choices.find((c) => c.text === question.answer)!.letter;
};

describe('quiz service', () => {
  it('shuffles choices per round and keeps them stable for that round', () => {
    const round = start({ topic: 'cloud/storage' });
    expect(round.choices.map((c) => c.letter)).toEqual(['A', 'B', 'C', 'D'].slice(0, round.choices.length));
    expect(service.getRound(round.id)!.choices).toEqual(round.choices);
    expect(round.closesAt).toBe(clock + 30_000);
    expect(round.section?.url).toMatch(/^https:\/\/notes\.example\.com\/cloud\/storage#/);
    expect(shuffled([1, 2, 3, 4, 5], seeded(1))).not.toEqual([1, 2, 3, 4, 5]);
    expect(shuffled([1, 2, 3, 4, 5], seeded(1)).sort()).toEqual([1, 2, 3, 4, 5]);
  });

  it('draws only from the chosen topic, by route, folder or title, and says when a topic is unknown', () => {
    for (let i = 0; i < 10; i++) expect(start({ topic: 'cloud/compute' }).noteRoute).toBe('cloud/compute');
    expect(start({ topic: 'Object storage' }).noteRoute).toBe('cloud/storage');
    expect(['cloud/storage', 'cloud/compute']).toContain(start({ topic: 'cloud' }).noteRoute);
    expect(service.start({ guildId: 'g', channelId: 'c', askerId: 'a', topic: 'cooking' })).toBeUndefined();
    expect(service.topics().map((t) => t.id)).toEqual(['welcome', 'cloud', 'cloud/storage', 'cloud/compute']);
  });

  it('tells each user if they were right, once', () => {
    const round = start();
    const right = correctLetter(round);
    const wrong = round.choices.find((c) => c.letter !== right)!.letter;
    expect(service.answer(round.id, 'u1', right)).toMatchObject({ status: 'recorded', correct: true, correctLetter: right });
    expect(service.answer(round.id, 'u2', wrong)).toMatchObject({ status: 'recorded', correct: false, correctLetter: right });
    expect(service.answer(round.id, 'u2', right)).toEqual({ status: 'duplicate', previousLetter: wrong });
    expect(service.answer('nope', 'u2', right)).toEqual({ status: 'unknown-round' });
  });

  it('lets only the asker reveal early, summarises the answers, then closes the round', () => {
    const round = start();
    const right = correctLetter(round);
    service.answer(round.id, 'u1', right);
    service.answer(round.id, 'u2', right);
    service.answer(round.id, 'u3', round.choices.find((c) => c.letter !== right)!.letter);
    expect(service.reveal(round.id, 'u1')).toEqual({ status: 'not-asker' });
    const outcome = service.reveal(round.id, 'asker');
    expect(outcome.status).toBe('revealed');
    if (outcome.status !== 'revealed') return;
    expect(outcome.summary.correctLetter).toBe(right);
    expect(outcome.summary.correctUserIds).toEqual(['u1', 'u2']);
    expect(outcome.summary.counts[right]).toBe(2);
    expect(outcome.summary.totalAnswers).toBe(3);
    expect(service.reveal(round.id, undefined)).toEqual({ status: 'already-revealed' });
    expect(service.answer(round.id, 'u4', right)).toEqual({ status: 'closed' });
  });

  it('serves personal review from the schedule: a missed question comes back once due', () => {
    const first = start({ private: true, topic: 'cloud/compute' });
    const wrong = first.choices.find((c) => c.letter !== correctLetter(first))!.letter;
    service.answer(first.id, 'asker', wrong);
    expect(service.answer(first.id, 'someone-else', wrong)).toEqual({ status: 'not-yours' });
    // Nothing is due yet: new questions come first.
    const second = start({ private: true, topic: 'cloud/compute' });
    expect(second.questionId).not.toBe(first.questionId);
    clock += 11 * 60_000;
    expect(start({ private: true, topic: 'cloud/compute' }).questionId).toBe(first.questionId);
    expect(store.stats('g', 'asker').answered).toBe(0);
  });

  it('lists public rounds left open, for the bot to reveal after a restart', () => {
    const open = start();
    const closed = start();
    service.reveal(closed.id, 'asker');
    start({ private: true });
    expect(service.recoverOpenRounds().map((r) => r.id)).toEqual([open.id]);
  });

  it('avoids asking the same question twice in a row in a server', () => {
    const seen = Array.from({ length: 6 }, () => start({ topic: 'cloud/storage' }).questionId);
    for (let i = 1; i < seen.length; i++) expect(seen[i]).not.toBe(seen[i - 1]);
  });
});
