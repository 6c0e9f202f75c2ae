import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/temp-dir.js';
import { loadNotes } from '../../src/notes/load.js';
import type { QuizQuestion } from '../../src/notes/types.js';
import { questionBank } from '../../src/quiz/bank.js';
import { givesAway, normal } from '../../src/quiz/generate/draft.js';
import { allGeneratorKinds, flashcardQuestions, generateQuestions } from '../../src/quiz/generate/index.js';

const fixture = path.resolve(import.meta.dirname, '../fixtures/quiz-generate');
const library = loadNotes({ root: fixture });
const generated = generateQuestions(library.notes, allGeneratorKinds);
const byKind = (kind: string) => generated.filter((q) => q.kind === kind);

/** The fixture's tables, as rows of cells, by section anchor. */
const storageClasses = [
  ['S3 Standard', 'At least 3', 'Milliseconds'],
  ['S3 One Zone-IA', '1', 'Milliseconds'],
  ['S3 Glacier Flexible Retrieval', 'At least 3', 'Minutes to hours'],
  ['S3 Glacier Deep Archive', 'At least 3', 'Within 12 hours'],
];

describe('generated questions', () => {
  it('come from every kind of structure the fixture has', () => {
    for (const kind of ['acronym-reveal', 'definition', 'table-row', 'table-cell', 'steps', 'cloze-reveal', 'heading'])
      expect(byKind(kind).length, kind).toBeGreaterThan(0);
    expect(byKind('acronym-reveal').map((q) => [q.question, q.reveal])).toContainEqual([
      'In “Object storage”, what does SQS stand for?',
      'Simple Queue Service',
    ]);
    // "Block and file storage" names words of Elastic Block Store and Elastic File System: no card.
    expect(byKind('acronym-reveal').map((q) => q.reveal)).not.toContain('Elastic Block Store');
    expect(byKind('acronym-reveal').map((q) => q.reveal)).not.toContain('Elastic File System');
    expect(byKind('steps')[0]).toMatchObject({ section: 'creating-an-encrypted-volume' });
  });

  it('are fair multiple choice: the answer once among 3-4 distinct choices, an explanation and a section of the note', () => {
    for (const q of generated.filter((g) => g.reveal === undefined)) {
      expect(q.choices.length, q.question).toBeGreaterThanOrEqual(3);
      expect(q.choices.length, q.question).toBeLessThanOrEqual(4);
      expect(
        q.choices.filter((c) => c === q.answer),
        q.question,
      ).toHaveLength(1);
      expect(new Set(q.choices.map(normal)).size, q.question).toBe(q.choices.length);
      expect(q.explanation.length).toBeGreaterThan(0);
      const note = library.notes.find((n) => n.route === q.noteRoute)!;
      expect(
        note.sections.some((s) => s.anchor === q.section),
        q.id,
      ).toBe(true);
      expect(q.origin).toBe('generated');
    }
  });

  it("never put the answer's own words in the question", () => {
    // A table's name (its section heading) names what every row is about; the rest may not point at the answer.
    const asked = (q: QuizQuestion): string =>
      q.kind?.startsWith('table') ? q.question.replace(/^In the table “[^”]*”/, '') : q.question;
    for (const q of generated.filter((g) => g.kind !== 'steps'))
      expect(givesAway(asked(q), q.answer), `${q.question} → ${q.answer}`).toBe(false);
    for (const q of byKind('steps')) expect(normal(q.question)).not.toContain(normal(q.answer));
  });

  it('never offer a second correct answer from a table that repeats values', () => {
    const tableQuestions = generated.filter((q) => q.kind?.startsWith('table') && q.section === 'storage-classes');
    expect(tableQuestions.length).toBeGreaterThan(0);
    for (const q of tableQuestions) {
      if (q.kind === 'table-row') {
        // The asked cell belongs to the answer's row only, and no distractor row has it.
        const row = storageClasses.find((r) => r[0] === q.answer)!;
        const column = row.findIndex((c, i) => i > 0 && q.question.includes(`“${c}”`));
        expect(column, q.question).toBeGreaterThan(0);
        const cell = row[column];
        const others = q.choices.filter((c) => c !== q.answer).map((c) => storageClasses.find((r) => r[0] === c)!);
        for (const row of others) expect(row[column], `${q.question} offers ${row[0]}`).not.toBe(cell);
        expect(storageClasses.filter((r) => r[column] === cell)).toHaveLength(1);
      } else {
        // A cell given its row: no distractor says the same as the answer.
        for (const c of q.choices.filter((c) => c !== q.answer)) expect(normal(c)).not.toBe(normal(q.answer));
      }
    }
    // "Milliseconds" is shared by two classes, so no question asks which class has it.
    expect(tableQuestions.some((q) => q.kind === 'table-row' && q.question.includes('“Milliseconds”'))).toBe(false);
    // "Availability Zones" has only two different values: not enough for three choices.
    expect(tableQuestions.some((q) => q.question.includes('Availability Zones'))).toBe(false);
  });

  it('draw distractors of the same kind from the neighbourhood', () => {
    const definitions = byKind('definition').filter((q) => q.section === 'terms');
    // The section's own terms first; a choice three times the answer's length stands out, so a short
    // answer ("IOPS") takes its third distractor from the note's other terms.
    const terms = ['Snapshot', 'Throughput', 'IOPS', 'Multi-Attach'];
    expect(definitions.length).toBeGreaterThan(0);
    for (const q of definitions) {
      expect(q.choices.filter((c) => terms.includes(c)).length, q.question).toBeGreaterThanOrEqual(3);
      expect(q.choices).toHaveLength(4);
    }
    // No other expansion in the fixture spells S-Q-S, so the acronym is a self-graded card.
    expect(byKind('acronym')).toEqual([]);
    const steps = byKind('steps')[0]!;
    expect(steps.choices).toEqual(expect.arrayContaining(['Tick Encryption and choose a KMS key']));
  });

  it('are the same every time the same notes are read (ids, choices and their order)', () => {
    expect(generateQuestions(loadNotes({ root: fixture }).notes, allGeneratorKinds)).toEqual(generated);
  });
});

describe('stable identity across edits', () => {
  const copy = (): string => {
    const dir = tempDir('nimbus-quizgen');
    fs.cpSync(fixture, dir, { recursive: true });
    return dir;
  };
  const ids = (dir: string): Map<string, QuizQuestion> =>
    new Map(generateQuestions(loadNotes({ root: dir }).notes, allGeneratorKinds).map((q) => [q.id, q]));

  it('keeps every id after an unrelated edit and a reload', () => {
    const dir = copy();
    const before = ids(dir);
    const file = path.join(dir, 'storage/objects.md');
    fs.writeFileSync(
      file,
      fs.readFileSync(file, 'utf8') + '\n## Pricing\n\nYou pay for storage, requests and data transferred out.\n',
    );
    const after = ids(dir);
    for (const id of before.keys()) expect(after.has(id), before.get(id)!.question).toBe(true);
  });

  it('retires a question whose source sentence changed, and asks the new one under a new id', () => {
    const dir = copy();
    const before = ids(dir);
    const old = [...before.values()].find((q) => q.kind === 'definition' && q.answer === 'Throughput')!;
    const file = path.join(dir, 'storage/block.md');
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('in MB/s', 'in MiB/s'));
    const after = ids(dir);
    expect(after.has(old.id)).toBe(false);
    const replacement = [...after.values()].find((q) => q.kind === 'definition' && q.answer === 'Throughput')!;
    expect(replacement.question).toContain('MiB/s');
    expect(replacement.id).not.toBe(old.id);
    const unchanged = [...before.values()].filter(
      (q) => !q.explanation.includes('MB/s') && q.noteRoute !== 'storage/block',
    );
    for (const q of unchanged) expect(after.has(q.id), q.question).toBe(true);
  });
});

describe('flashcards as questions', () => {
  const cards = flashcardQuestions(library.notes);

  it('asks a card as multiple choice with other cards of the note as distractors', () => {
    const queue = cards.find((q) => q.question === 'Which AWS service is a queue')!;
    expect(queue).toMatchObject({ answer: 'Amazon SQS', origin: 'flashcard', kind: 'flashcard-inline' });
    expect(queue.choices.sort()).toEqual(expect.arrayContaining(['Amazon SQS']));
    for (const c of queue.choices) expect(['Amazon S3', 'Amazon EBS', 'Amazon EFS', 'Amazon SQS']).toContain(c);
    expect(queue.id).toMatch(/^cards\?f=/);
  });

  it('makes a card with no answers of its kind to choose from a self-graded one', () => {
    const cloze = cards.find((q) => q.kind === 'flashcard-cloze-highlight-reveal')!;
    expect(cloze).toMatchObject({ choices: ['I knew it', "I didn't"], answer: 'I knew it', reveal: 'customer' });
    expect(cloze.question).toBe(
      'The shared responsibility model puts patching the guest operating system on the [...].',
    );
  });
});

describe('QUIZ_SOURCE', () => {
  it('written: front matter and flashcards only; generated: the generator only; both: all', () => {
    const written = questionBank(library.notes, 'written');
    expect(written.every((q) => q.origin === 'flashcard' || q.origin === undefined)).toBe(true);
    expect(written.length).toBe(cards().length);
    expect(questionBank(library.notes, 'generated', allGeneratorKinds)).toEqual(generated);
    expect(questionBank(library.notes, 'both', allGeneratorKinds)).toHaveLength(generated.length + written.length);
    // By default only the kinds that passed blind judging reach users.
    // Definitions passed judging as self-graded cards only, so none is asked as multiple choice.
    const onByDefault = [
      'acronym',
      'acronym-reveal',
      'steps',
      'table-row',
      'table-cell',
      'cloze',
      'cloze-reveal',
      'definition-reveal',
    ];
    const byDefault = questionBank(library.notes, 'generated');
    expect(byDefault.every((q) => onByDefault.includes(q.kind ?? ''))).toBe(true);
    expect(byDefault.some((q) => q.kind === 'definition-reveal')).toBe(true);
    expect(questionBank(library.notes, 'generated', allGeneratorKinds).some((q) => q.kind === 'definition')).toBe(true);
  });

  it('by default asks a note its written questions where it has any, generated ones elsewhere', () => {
    const bank = questionBank(library.notes, undefined, allGeneratorKinds);
    expect(bank.filter((q) => q.noteRoute === 'cards').every((q) => q.origin === 'flashcard')).toBe(true);
    expect(bank.filter((q) => q.noteRoute === 'storage/block').every((q) => q.origin === 'generated')).toBe(true);
    expect(bank.some((q) => q.noteRoute === 'storage/block')).toBe(true);
  });
});

function cards(): QuizQuestion[] {
  return flashcardQuestions(library.notes);
}
