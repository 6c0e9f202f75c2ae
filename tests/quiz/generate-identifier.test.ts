import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadNotes } from '../../src/notes/load.js';
import type { QuizQuestion } from '../../src/notes/types.js';
import { normal } from '../../src/quiz/generate/draft.js';
import { expectIdsFollowSource } from './support/card-edits.js';
import { dangling } from '../../src/quiz/generate/identifier.js';
import { generateQuestions, generatorKinds, round13bKinds } from '../../src/quiz/generate/index.js';
import { hasRealNotes, realNotesDir } from '../helpers/corpus.js';
import { libraryFrom } from '../helpers/sections.js';

const fixture = path.resolve(import.meta.dirname, '../fixtures/quiz-identifier');
const cards = (root: string): QuizQuestion[] => generateQuestions(loadNotes({ root }).notes, round13bKinds);
const generated = cards(fixture);
const asked = generated.map((q) => [q.kind, q.question, q.reveal]);

describe('identifier and licence cards (round 13b)', () => {
  it('skip a bare "the function" nothing names, keep one the sentence or the place names', () => {
    const answers = generated.map((q) => q.reveal);
    // "`chart_format` sets what type the function receives": which function? The card is skipped.
    expect(answers).not.toContain('chart_format');
    // "the function passed to `render`": the sentence says which.
    expect(asked).toContainEqual([
      'identifier-reveal',
      'In “Chart API”, what sets what shape the function passed to render receives on every call?',
      'row_format',
    ]);
    // The heading "The render function" says which.
    expect(asked).toContainEqual([
      'identifier-reveal',
      'In “Chart API › The render function”, what sets what kind of data the function receives from the store?',
      'draw_mode',
    ]);
    for (const q of generated) expect(dangling(q.question, ''), q.question).toBe(q.reveal === 'draw_mode');
  });

  it('ask "which argument holds X" for an identifier that holds X, never "what is X"', () => {
    expect(asked).toContainEqual([
      'identifier-reveal',
      'In “Chart API › Main function arguments”, which argument holds the name of the executable file?',
      'argv[0]',
    ]);
    expect(generated.some((q) => /\bwhat is\b/i.test(q.question))).toBe(false);
    // "`typedef` is the abbreviation of …": nothing says what typedef is, so no "which … holds" card.
    expect(generated.map((q) => q.reveal)).not.toContain('typedef');
  });

  it('name the role from the heading over a list, the word beside the identifier, or its shape', () => {
    expect(asked).toContainEqual([
      'identifier-reveal',
      'In “Chart API”, which option holds the array of middleware functions for every chart?',
      'plugins',
    ]);
    // A call's signature and a default are left out of the answer; an item under "Options" is an option.
    expect(asked).toContainEqual([
      'identifier-reveal',
      'In “Chart API”, which option is the callback function when a chart has finished rendering?',
      'onDone',
    ]);
    expect(asked).toContainEqual([
      'identifier-reveal',
      'In “Chart API › Clock”, which function returns the number of seconds since the epoch started?',
      'now(0)',
    ]);
    expect(asked).toContainEqual([
      'identifier-reveal',
      'In “Chart API › Clock”, which argument controls how many actors run a callable class?',
      'compute',
    ]);
    // The heading "seed()" names the answer: the card says where with the heading above it.
    expect(asked).toContainEqual([
      'identifier-reveal',
      'In “Chart API › Randomness”, which function do you use to set the starting point of the generator?',
      'seed()',
    ]);
    // "enable React Suspense mode" says what to do, not what the option holds.
    expect(generated.map((q) => q.reveal)).not.toContain('suspense');
  });

  it('ask the licence a named project is released under, never a pronoun subject', () => {
    expect(asked).toContainEqual([
      'licence-reveal',
      'In “Chart API › License”, under which license are the Chart project and themes licensed?',
      'MIT',
    ]);
    expect(generated.map((q) => q.reveal)).not.toContain('Apache 2.0');
  });

  it('never give the answer away, and explain with the source sentence, linked to its section', () => {
    const notes = loadNotes({ root: fixture }).notes;
    for (const q of generated) {
      expect(normal(q.question), q.question).not.toContain(normal(q.reveal!));
      expect(q.choices).toEqual(['I knew it', "I didn't"]);
      const section = notes.find((n) => n.route === q.noteRoute)!.sections.find((s) => s.anchor === q.section)!;
      expect(normal(section.text)).toContain(normal(q.explanation));
    }
  });

  it('keep their ids across an unrelated edit, and retire a card whose source sentence changed', () => {
    expectIdsFollowSource({
      fixture,
      file: 'chart-api.md',
      cards,
      unrelated: ['one file per chart', 'one small file per chart'],
      source: ['name of the executable file', 'path of the executable file'],
      retired: (q) => q.reveal === 'argv[0]',
      replacement: (q) => q.question.includes('holds the path of the executable file') && q.reveal === 'argv[0]',
    });
  });

  it('are on by default since round 13b (identifier 14/16, licence 1/1)', () => {
    expect(round13bKinds.filter((kind) => generatorKinds.includes(kind))).toEqual(['identifier', 'licence']);
    const defaults = generateQuestions(loadNotes({ root: fixture }).notes);
    expect(defaults.some((q) => q.kind!.startsWith('identifier'))).toBe(true);
    expect(defaults.some((q) => q.kind!.startsWith('licence'))).toBe(true);
  });

  it('read long runs of what their patterns look for without stalling', () => {
    // Not timed: a super-linear scan shows as a test timeout. Each run is the shape that hurts.
    const runs = [
      `The function ${'`f(0)`, '.repeat(5_000)}returns ${'a '.repeat(20_000)}`,
      `- \`opt\`: ${'(a '.repeat(20_000)}`,
      `The ${'A '.repeat(20_000)}project is licensed under the ${'B '.repeat(20_000)}license.`,
      `We use ${'x '.repeat(20_000)} to ${'y '.repeat(20_000)}`,
    ];
    const files = Object.fromEntries(
      runs.map((text, i) => [`r${i}.md`, `# Runs ${i}\n\n## Options\n\n\`opt\` and \`f(0)\` are code.\n\n${text}\n`]),
    );
    expect(Array.isArray(generateQuestions(libraryFrom(files).notes, round13bKinds))).toBe(true);
  });
});

describe.skipIf(!hasRealNotes)('identifier cards beside uses cards (real notes)', () => {
  it('ask "We use srand to determine the seed" once: srand() and srand from one sentence are one fact', () => {
    const notes = loadNotes({ root: path.join(realNotesDir, 'bosh-docusaurus-notes') }).notes.filter((n) =>
      n.file.endsWith('010-Self-Defined-DataType.md'),
    );
    const seed = (kinds: Parameters<typeof generateQuestions>[1]) =>
      generateQuestions(notes, kinds).filter((q) => q.explanation === 'We use srand to determine the seed.');
    // Each kind alone asks it; together, the first (identifier) does and the other is not asked again.
    expect(seed(['uses']).map((q) => q.reveal)).toEqual(['srand']);
    expect(seed(['identifier']).map((q) => q.reveal)).toEqual(['srand()']);
    expect(seed(['identifier', 'uses']).map((q) => q.reveal)).toEqual(['srand()']);
  });
});
