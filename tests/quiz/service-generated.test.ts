import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/temp-dir.js';
import { loadNotes } from '../../src/notes/load.js';
import { questionBank } from '../../src/quiz/bank.js';
import { createQuizService, type QuizService } from '../../src/quiz/quiz-service.js';
import { openQuizStore, type QuizStore } from '../../src/quiz/quiz-store.js';
import { seededRandom } from '../../src/quiz/shuffle.js';
import { tempDbPath } from './support/fixtures.js';

const fixture = path.resolve(import.meta.dirname, '../fixtures/quiz-generate');
const library = loadNotes({ root: fixture });

let tmp: ReturnType<typeof tempDbPath>;
let store: QuizStore;
let clock: number;
const makeService = (notes = library.notes): QuizService =>
  createQuizService({
    store,
    notes,
    questions: questionBank(notes, undefined),
    quizSeconds: 30,
    now: () => clock,
    random: seededRandom(3),
  });

beforeEach(() => {
  tmp = tempDbPath();
  store = openQuizStore(tmp.file);
  clock = 1_000_000;
});
afterEach(() => {
  store.close();
  tmp.cleanup();
});

describe('the quiz on generated questions and flashcards', () => {
  it('finds a topic by title, route, last route part, prefix or a close spelling, as /topic does', () => {
    const service = makeService();
    const find = (name: string) => service.questionsFor(name)?.[0]?.noteRoute;
    expect(find('Object storage')).toBe('storage/objects');
    expect(find('storage/objects')).toBe('storage/objects');
    expect(find('objects')).toBe('storage/objects');
    expect(find('obj')).toBe('storage/objects');
    expect(find('Objetc storage')).toBe('storage/objects');
    expect(find('blok')).toBe('storage/block');
    expect(service.questionsFor('storage')?.length).toBeGreaterThan(service.questionsFor('objects')!.length);
    expect(service.questionsFor('kubernetes')).toBeUndefined();
  });

  it('keeps review schedules of generated questions across a restart with an unrelated edit', () => {
    const dir = tempDir('nimbus-quizgen');
    fs.cpSync(fixture, dir, { recursive: true });
    let service = makeService(loadNotes({ root: dir }).notes);
    const round = service.start({ guildId: 'g', channelId: 'c', askerId: 'u', topic: 'storage/block', private: true })!;
    const picked = round.choices.findIndex((c) => c.text !== 'I knew it');
    expect(service.answer(round.id, 'u', picked).status).toBe('recorded');
    const file = path.join(dir, 'storage/objects.md');
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8') + '\nOne more unrelated sentence about pricing.\n');
    service = makeService(loadNotes({ root: dir }).notes);
    clock += 1000;
    expect(service.stats('g', 'u').review.answered).toBe(1);
    // The question is still in the bank under the same id, so its schedule still counts.
    expect(service.questionsFor('storage/block')!.some((q) => q.id === round.questionId)).toBe(true);
  });

  it('asks self-graded cards in private review only, "I knew it" first, with the answer to reveal', () => {
    const service = makeService();
    const pool = service.questionsFor('cards')!;
    expect(pool.some((q) => q.reveal)).toBe(true);
    for (let i = 0; i < 10; i++) {
      const round = service.start({ guildId: 'g', channelId: 'c', askerId: `p${i}`, topic: 'cards' })!;
      expect(round.reveal).toBeUndefined();
    }
    const seen = new Set<string>();
    for (let i = 0; i < 12; i++) {
      const round = service.start({ guildId: 'g', channelId: 'c', askerId: 'me', topic: 'cards', private: true })!;
      seen.add(round.questionId);
      if (round.reveal !== undefined) {
        expect(round.choices.map((c) => c.text)).toEqual(['I knew it', "I didn't"]);
        expect(service.answer(round.id, 'me', 0)).toMatchObject({ status: 'recorded', correct: true });
        return;
      }
      service.answer(round.id, 'me', 0);
      clock += 1000;
    }
    throw new Error(`no self-graded card came up in private review (${seen.size} questions seen)`);
  });
});
