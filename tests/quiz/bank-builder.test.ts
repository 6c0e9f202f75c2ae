import path from 'node:path';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { loadNotes } from '../../src/notes/load.js';
import { questionBank } from '../../src/quiz/bank.js';
import { QuestionBankBuilder } from '../../src/quiz/bank-builder.js';

const root = path.resolve(import.meta.dirname, '../..');
// The bundled notes: enough sections that building their questions takes many slices.
const notes = loadNotes({ root: path.join(root, 'notes') }).notes;
const whole = questionBank(notes, undefined);
const other = loadNotes({ root: path.join(root, 'tests/fixtures/quiz-generate') }).notes;

describe('the quiz question bank built ahead of the first quiz', () => {
  it('is built in slices that give the event loop back, into the same questions', async () => {
    const builder = new QuestionBankBuilder(undefined);
    let turns = 0;
    let building = true;
    const count = async (): Promise<void> => {
      while (building) {
        turns++;
        await nextTurn();
      }
    };
    const counting = count();
    const ready = await builder.prepare(notes, { sliceMs: 1 });
    building = false;
    await counting;
    expect(ready).toBe(true);
    // Other callbacks ran while it was being built: it did not hold the event loop throughout.
    expect(turns).toBeGreaterThan(5);
    expect(whole.length).toBeGreaterThan(100);
    expect(builder.questionsOf(notes)).toEqual(whole);
  });

  it('is finished at once by a quiz that needs it before the slices are done', async () => {
    const builder = new QuestionBankBuilder(undefined);
    const preparing = builder.prepare(notes, { sliceMs: 1 });
    await nextTurn();
    expect(builder.questionsOf(notes)).toEqual(whole);
    expect(await preparing).toBe(true);
  });

  it('stops building when other notes take their place, or when told to', async () => {
    const builder = new QuestionBankBuilder(undefined);
    const preparing = builder.prepare(notes, { sliceMs: 1 });
    await nextTurn();
    // A reload: the new notes' questions are the ones built now.
    expect(builder.questionsOf(other)).toEqual(questionBank(other, undefined));
    expect(await preparing).toBe(false);
    let stopped = false;
    const stopping = builder.prepare(notes, { sliceMs: 1, stop: () => stopped });
    stopped = true;
    expect(await stopping).toBe(false);
  });

  it('builds the questions the QUIZ_SOURCE setting asks for', () => {
    expect(new QuestionBankBuilder('written').questionsOf(notes)).toEqual(questionBank(notes, 'written'));
    expect(new QuestionBankBuilder('generated').questionsOf(other)).toEqual(questionBank(other, 'generated'));
  });
});
