import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadNotes } from '../../src/notes/load.js';
import type { Note } from '../../src/notes/types.js';
import { createQuizService, type QuizService, type RoundView, type StartOptions } from '../../src/quiz/quiz-service.js';
import { openQuizStore, type QuizStore } from '../../src/quiz/quiz-store.js';
import { seededRandom } from '../../src/quiz/shuffle.js';
import { tempDbPath } from './support/fixtures.js';

const library = loadNotes({
  root: path.resolve(import.meta.dirname, '../fixtures/e2e-notes'),
  baseUrl: 'https://notes.example.com',
});
const sections = new Map(library.sections.map((s) => [s.id, s]));
const minute = 60_000;

let tmp: ReturnType<typeof tempDbPath>;
let store: QuizStore;
let clock: number;
let service: QuizService;

const makeService = (notes: Note[] = library.notes, seed = 7) =>
  createQuizService({
    store,
    notes,
    sectionsById: (id) => sections.get(id),
    quizSeconds: 30,
    now: () => clock,
    random: seededRandom(seed),
  });

beforeEach(() => {
  tmp = tempDbPath();
  store = openQuizStore(tmp.file);
  clock = 1_000_000;
  service = makeService();
});
afterEach(() => {
  store.close();
  tmp.cleanup();
});

/** Simulates a bot restart: the database file is closed and opened again by a new service. */
function restart(notes: Note[] = library.notes, seed = 99): void {
  store.close();
  store = openQuizStore(tmp.file);
  service = makeService(notes, seed);
}

const start = (extra: Partial<StartOptions> = {}): RoundView => {
  const round = service.start({ guildId: 'g', channelId: 'c', askerId: 'asker', ...extra });
  if (!round) throw new Error('no round');
  return round;
};
const questionOf = (round: RoundView) => library.quiz.find((q) => q.id === round.questionId)!;
const rightLetter = (round: RoundView) => round.choices.find((c) => c.text === questionOf(round).answer)!.letter;
const wrongLetter = (round: RoundView) => round.choices.find((c) => c.text !== questionOf(round).answer)!.letter;

describe('topics', () => {
  it('lists areas and notes that have questions, in notes order, with their question counts', () => {
    expect(service.topics().map(({ key, ...topic }) => topic)).toEqual([
      { id: 'welcome', name: 'Welcome', questions: 1 },
      { id: 'cloud', name: 'Cloud basics', questions: 6 },
      { id: 'cloud/storage', name: 'Object storage', questions: 3 },
      { id: 'cloud/compute', name: 'Compute', questions: 3 },
    ]);
  });

  it('finds a topic by route or title in any case, and nothing for an unknown one', () => {
    expect(service.questionsFor('CLOUD/Storage')!.map((q) => q.noteRoute)).toEqual(Array(3).fill('cloud/storage'));
    expect(service.questionsFor('object storage')).toHaveLength(3);
    expect(service.questionsFor('/cloud/')).toHaveLength(6);
    expect(service.questionsFor('Cloud basics')).toHaveLength(6);
    expect(service.questionsFor(undefined)).toHaveLength(7);
    expect(service.questionsFor('cooking')).toBeUndefined();
    // A topic's short key (what /quiz autocomplete sends for a route too long to be a choice value).
    const storage = service.topics().find((t) => t.id === 'cloud/storage')!;
    expect(storage.key).toMatch(/^t[\w-]{9}$/);
    expect(service.questionsFor(storage.key)!.map((q) => q.noteRoute)).toEqual(Array(3).fill('cloud/storage'));
    expect(service.start({ guildId: 'g', channelId: 'c', askerId: 'a', topic: 'cooking' })).toBeUndefined();
  });

  it('treats a folder index note as its whole area, found by the area or the note title', () => {
    const base = library.notes.find((n) => n.route === 'cloud/storage')!;
    const q = (id: string, noteRoute: string) => ({ ...base.quiz[0]!, id, noteRoute });
    const notes: Note[] = [
      {
        ...base,
        route: 'aws/cp',
        title: 'Cloud Practitioner overview',
        breadcrumb: ['AWS', 'Cloud Practitioner'],
        quiz: [q('i1', 'aws/cp')],
      },
      {
        ...base,
        route: 'aws/cp/s3',
        title: 'Amazon S3',
        breadcrumb: ['AWS', 'Cloud Practitioner'],
        quiz: [q('s1', 'aws/cp/s3'), q('s2', 'aws/cp/s3')],
      },
    ];
    const topics = makeService(notes).topics();
    expect(topics.map(({ key, ...topic }) => topic)).toEqual([
      { id: 'aws', name: 'AWS', questions: 3 },
      { id: 'aws/cp', name: 'AWS › Cloud Practitioner', questions: 3 },
      { id: 'aws/cp/s3', name: 'Amazon S3', questions: 2 },
    ]);
    const other = makeService(notes);
    expect(other.questionsFor('cloud practitioner overview')).toHaveLength(3);
    expect(other.questionsFor('Cloud Practitioner')).toHaveLength(3);
    expect(other.questionsFor('aws › cloud practitioner')).toHaveLength(3);
  });
});

describe('starting a round', () => {
  it('returns a plain view: short id, lettered choices, closing time, topic and section link', () => {
    const round = start({ topic: 'Object storage' });
    expect(round.id).toMatch(/^[A-Za-z0-9_-]{8}$/);
    expect(`quiz.pick:${round.id}:E`.length).toBeLessThanOrEqual(100);
    expect(round.choices.map((c) => c.letter)).toEqual(['A', 'B', 'C', 'D'].slice(0, round.choices.length));
    expect(round.choices.map((c) => c.text).sort()).toEqual([...questionOf(round).choices].sort());
    expect(round).toMatchObject({
      topic: 'cloud/storage',
      noteRoute: 'cloud/storage',
      noteTitle: 'Object storage',
      closesAt: clock + 30_000,
      private: false,
      revealed: false,
    });
    expect(round.sectionId).toBe(`cloud/storage#${questionOf(round).section}`);
    expect(round.section?.url).toBe(`https://notes.example.com/cloud/storage#${questionOf(round).section}`);
    expect(round.section?.file).toMatch(/^cloud\/storage\.md:\d+$/);
  });

  it('shuffles the choices per round', () => {
    const orders = new Set(
      Array.from({ length: 20 }, () =>
        start({ topic: 'welcome' })
          .choices.map((c) => c.text)
          .join('|'),
      ),
    );
    expect(orders.size).toBeGreaterThan(1);
  });

  it('keeps a round’s letters across reads and across a restart', () => {
    const round = start({ topic: 'cloud/compute' });
    expect(service.getRound(round.id)!.choices).toEqual(round.choices);
    restart();
    expect(service.getRound(round.id)!.choices).toEqual(round.choices);
    expect(service.answer(round.id, 'u1', rightLetter(round))).toMatchObject({
      status: 'recorded',
      correct: true,
      correctLetter: rightLetter(round),
    });
  });

  it('avoids asking a server the same question again right away', () => {
    const seen = Array.from({ length: 9 }, () => start({ topic: 'cloud/storage' }).questionId);
    for (let i = 2; i < seen.length; i++) expect(new Set(seen.slice(i - 2, i + 1)).size).toBe(3);
  });
});

describe('answering', () => {
  it('tells each user whether they were right, with the answer, explanation and section', () => {
    const round = start({ topic: 'cloud/storage' });
    const q = questionOf(round);
    const right = rightLetter(round);
    expect(service.answer(round.id, 'u1', right)).toEqual({
      status: 'recorded',
      correct: true,
      choiceLetter: right,
      correctLetter: right,
      correctText: q.answer,
      explanation: q.explanation,
      round: service.getRound(round.id),
    });
    expect(service.answer(round.id, 'u2', wrongLetter(round).toLowerCase())).toMatchObject({
      status: 'recorded',
      correct: false,
      correctLetter: right,
      correctText: q.answer,
    });
  });

  it('takes one answer per user and says what they picked before', () => {
    const round = start();
    const wrong = wrongLetter(round);
    service.answer(round.id, 'u1', wrong);
    expect(service.answer(round.id, 'u1', rightLetter(round))).toEqual({
      status: 'duplicate',
      previousLetter: wrong,
      previousText: round.choices.find((c) => c.letter === wrong)!.text,
    });
    expect(service.stats('g', 'u1')).toMatchObject({ answered: 1, correct: 0 });
  });

  it('accepts a 0-based index, and records nothing for a letter the round does not have', () => {
    const round = start({ topic: 'cloud/storage' });
    const index = round.choices.findIndex((c) => c.letter === rightLetter(round));
    expect(service.answer(round.id, 'u1', index)).toMatchObject({ status: 'recorded', correct: true });
    expect(service.answer(round.id, 'u2', 'Z')).toEqual({ status: 'unknown-round' });
    expect(service.answer(round.id, 'u2', 7)).toEqual({ status: 'unknown-round' });
    expect(service.answer('no-such', 'u2', 'A')).toEqual({ status: 'unknown-round' });
    expect(service.stats('g', 'u2').answered).toBe(0);
  });
});

describe('revealing', () => {
  it('refuses anyone but the asker, and the round stays open', () => {
    const round = start();
    expect(service.reveal(round.id, 'u1')).toEqual({ status: 'not-asker' });
    expect(service.reveal(round.id, undefined)).toEqual({ status: 'not-asker' });
    expect(service.answer(round.id, 'u1', rightLetter(round)).status).toBe('recorded');
  });

  it('summarises the round for the asker: right answer, counts per choice, who got it, explanation, section, next', () => {
    const round = start({ topic: 'cloud/storage' });
    const right = rightLetter(round);
    const wrong = wrongLetter(round);
    service.answer(round.id, 'u2', right);
    service.answer(round.id, 'u1', wrong);
    service.answer(round.id, 'u3', right);
    const outcome = service.reveal(round.id, 'asker');
    expect(outcome.status).toBe('revealed');
    if (outcome.status !== 'revealed') return;
    const counts = Object.fromEntries(
      round.choices.map((c) => [c.letter, c.letter === right ? 2 : c.letter === wrong ? 1 : 0]),
    );
    expect(outcome.summary).toEqual({
      round: { ...round, revealed: true },
      correctLetter: right,
      correctText: questionOf(round).answer,
      counts,
      correctUserIds: ['u2', 'u3'],
      totalAnswers: 3,
      explanation: questionOf(round).explanation,
      next: { topic: 'cloud/storage', private: false, reviewAll: false, questions: 3 },
    });
  });

  it('reveals once, then refuses answers', () => {
    const round = start();
    expect(service.reveal(round.id, 'asker').status).toBe('revealed');
    expect(service.reveal(round.id, 'asker')).toEqual({ status: 'already-revealed' });
    expect(service.reveal(round.id, undefined, { timer: true })).toEqual({ status: 'already-revealed' });
    expect(service.answer(round.id, 'late', rightLetter(round))).toEqual({ status: 'closed' });
    expect(service.getRound(round.id)!.revealed).toBe(true);
  });

  it('lets the timer reveal a round nobody revealed', () => {
    const round = start();
    service.answer(round.id, 'u1', rightLetter(round));
    const outcome = service.reveal(round.id, undefined, { timer: true });
    expect(outcome).toMatchObject({ status: 'revealed', summary: { totalAnswers: 1, correctUserIds: ['u1'] } });
  });
});

describe('restarts', () => {
  it('lists the public rounds left open, soonest to close first, with every answer kept', () => {
    const first = start();
    clock += 5_000;
    const second = start();
    const revealed = start();
    service.reveal(revealed.id, 'asker');
    start({ private: true });
    service.answer(first.id, 'u1', rightLetter(first));
    service.answer(second.id, 'u2', wrongLetter(second));
    restart();
    expect(service.recoverOpenRounds().map((r) => r.id)).toEqual([first.id, second.id]);
    expect(service.answer(first.id, 'u1', rightLetter(first))).toMatchObject({ status: 'duplicate' });
    const outcome = service.reveal(first.id, undefined, { timer: true });
    expect(outcome).toMatchObject({ status: 'revealed', summary: { correctUserIds: ['u1'], totalAnswers: 1 } });
    expect(service.recoverOpenRounds().map((r) => r.id)).toEqual([second.id]);
  });

  it('still reveals a round whose question left the notes while it was open', () => {
    const round = start({ topic: 'welcome' });
    service.answer(round.id, 'u1', rightLetter(round));
    restart(library.notes.filter((n) => n.route !== 'welcome'));
    expect(service.recoverOpenRounds().map((r) => r.id)).toEqual([round.id]);
    const outcome = service.reveal(round.id, undefined, { timer: true });
    expect(outcome).toMatchObject({
      status: 'revealed',
      summary: {
        round: { question: questionOf(round).question, noteTitle: 'welcome' },
        explanation: questionOf(round).explanation,
        correctUserIds: ['u1'],
        next: { questions: 0 },
      },
    });
  });

  it('closes an old round it can no longer show (no stored question, gone from the notes)', () => {
    const round = start({ topic: 'welcome' });
    service.answer(round.id, 'u1', rightLetter(round));
    store.db.prepare('UPDATE rounds SET question_json = NULL WHERE id = ?').run(round.id);
    restart(library.notes.filter((n) => n.route !== 'welcome'));
    expect(service.recoverOpenRounds()).toEqual([]);
    expect(store.getRound(round.id)!.revealedAt).toBe(clock);
    expect(service.stats('g', 'u1')).toMatchObject({ answered: 1, correct: 1 });
  });
});

describe('personal review', () => {
  it('is for the asker only, closes after their answer, and stays off the server scores', () => {
    const round = start({ private: true, topic: 'cloud/compute' });
    expect(round.private).toBe(true);
    expect(service.answer(round.id, 'someone-else', rightLetter(round))).toEqual({ status: 'not-yours' });
    expect(service.answer(round.id, 'asker', rightLetter(round))).toMatchObject({
      status: 'recorded',
      correct: true,
      round: { revealed: true },
    });
    expect(service.answer(round.id, 'asker', rightLetter(round))).toEqual({ status: 'closed' });
    expect(service.stats('g', 'asker')).toMatchObject({
      answered: 0,
      correct: 0,
      review: { answered: 1, correct: 1, due: 0 },
    });
    expect(service.leaderboard('g', 'asker')).toEqual({ top: [], own: undefined });
  });

  it('asks new questions in notes order, then brings a missed one back once it is due', () => {
    const compute = service.questionsFor('cloud/compute')!;
    const first = start({ private: true, topic: 'cloud/compute' });
    expect(first.questionId).toBe(compute[0]!.id);
    service.answer(first.id, 'asker', wrongLetter(first));
    const second = start({ private: true, topic: 'cloud/compute' });
    expect(second.questionId).toBe(compute[1]!.id);
    service.answer(second.id, 'asker', rightLetter(second));
    clock += 11 * minute;
    expect(service.stats('g', 'asker').review.due).toBe(1);
    expect(start({ private: true, topic: 'cloud/compute' }).questionId).toBe(first.questionId);
  });

  it('learns from public answers too', () => {
    const storage = service.questionsFor('cloud/storage')!;
    // Answer every storage question publicly, missing the last one.
    for (const [i, q] of storage.entries()) {
      let round = start({ topic: 'cloud/storage' });
      while (round.questionId !== q.id) {
        service.reveal(round.id, 'asker');
        round = start({ topic: 'cloud/storage' });
      }
      service.answer(round.id, 'player', i === storage.length - 1 ? wrongLetter(round) : rightLetter(round));
    }
    clock += 11 * minute;
    expect(start({ private: true, askerId: 'player', topic: 'cloud/storage' }).questionId).toBe(storage.at(-1)!.id);
  });

  it('in review-all mode walks every question of the topic once, least known first, ignoring due dates', () => {
    const cloud = service.questionsFor('cloud')!;
    // Known well: the first question, answered right twice.
    for (let i = 0; i < 2; i++) {
      const r = start({ private: true, topic: cloud[0]!.noteRoute });
      expect(r.questionId).toBe(cloud[0]!.id);
      service.answer(r.id, 'asker', rightLetter(r));
      clock += 2 * 24 * 60 * minute;
    }
    const asked: string[] = [];
    for (let i = 0; i < cloud.length; i++) {
      const r = start({ reviewAll: true, topic: 'cloud' });
      expect(r).toMatchObject({ private: true, reviewAll: true });
      asked.push(r.questionId);
      service.answer(r.id, 'asker', wrongLetter(r));
    }
    expect([...asked].sort()).toEqual(cloud.map((q) => q.id).sort());
    expect(asked.at(-1)).toBe(cloud[0]!.id);
    // The next pass starts again with every question.
    expect(cloud.map((q) => q.id)).toContain(start({ reviewAll: true, topic: 'cloud' }).questionId);
  });
});
