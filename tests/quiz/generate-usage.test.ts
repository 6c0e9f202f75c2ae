import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadNotes } from '../../src/notes/load.js';
import type { QuizQuestion } from '../../src/notes/types.js';
import { normal } from '../../src/quiz/generate/draft.js';
import { expectIdsFollowSource } from './support/card-edits.js';
import { generateQuestions, generatorKinds, round12bKinds } from '../../src/quiz/generate/index.js';
import { libraryFrom } from '../helpers/sections.js';

const fixture = path.resolve(import.meta.dirname, '../fixtures/quiz-usage');
const cards = (root: string): QuizQuestion[] => generateQuestions(loadNotes({ root }).notes, round12bKinds);
const generated = cards(fixture);
const asked = generated.map((q) => [q.kind, q.question, q.reveal]);

describe('usage, identifier and dated cards (round 12b)', () => {
  it('ask how to reach the goal an instruction states: "Add X to Y to <goal>", "You can use X to <goal>"', () => {
    expect(asked).toContainEqual([
      'usage-reveal',
      // The heading "Ignore generated files" shares a stem with ".gitignore": the card names the note only.
      'In “Widget Guide”, how do you avoid committing generated chart files?',
      'Add _cache/ to your .gitignore file',
    ]);
    expect(asked).toContainEqual([
      'usage-reveal',
      'In “Widget Guide › Initial data”, how do you pass initial data to every chart?',
      'Use the fallback option of ChartProvider',
    ]);
  });

  it('keep the condition or the code a how-to is for, and the way the notes recommend', () => {
    expect(asked).toContainEqual([
      'usage-reveal',
      'In “Widget Guide › Caching”, when caching is enabled globally, how do you skip the cache for one chart?',
      'Use the <NoCache> component',
    ]);
    expect(asked).toContainEqual([
      'usage-reveal',
      'In “Widget Guide”, for widget-theme and widget-dark, how do you hide the footer?',
      'By setting footer: false in the config',
    ]);
    expect(asked).toContainEqual([
      'usage-reveal',
      'In “Widget Guide › Tables”, in Markdown, how is it preferable to write chart legends?',
      'Via plain bullet lists',
    ]);
    expect(asked).toContainEqual([
      'usage-reveal',
      'In “Widget Guide › Legend”, how do you hide the legend of a chart?',
      'With the showKey: false option',
    ]);
    expect(asked).toContainEqual([
      'usage-reveal',
      // The method is the first clause: "; the charts pick it up on reload" is left out.
      'In “Widget Guide › Legend”, how do you use the dark palette?',
      'Move the palette.json file to src/theme',
    ]);
  });

  it('ask which identifiers a sentence is about, from its inline-code subject', () => {
    expect(asked).toContainEqual([
      'identifier-reveal',
      'In “Widget Guide › Status”, which functions return a boolean to tell whether the dashboard is active?',
      'isOnline and isVisible',
    ]);
    expect(asked).toContainEqual([
      'identifier-reveal',
      'In “Widget Guide › Status”, by default, what will be passed to loader as the first argument?',
      'key',
    ]);
    expect(asked).toContainEqual([
      'identifier-reveal',
      'In “Widget Guide › Cache calls”, which function removes every saved chart from the local cache?',
      'store.flush()',
    ]);
  });

  it('skip an identifier its sentence names, a word in code font, and a sentence with a slip', () => {
    const answers = generated.map((q) => q.reveal);
    // "the number of rows per chart" names chart_size; "Declare" is a verb, not code; "the the" is a slip.
    for (const term of ['chart_size', 'Declare', 'isStale']) expect(answers, term).not.toContain(term);
  });

  it('ask the year or version of a dated fact stated plainly, with a named subject', () => {
    expect(asked).toContainEqual([
      'dated-reveal',
      'In “About Widget”, in which year was Widget first released by Acme Labs?',
      '2019',
    ]);
    expect(asked).toContainEqual(['dated-reveal', 'In “About Widget”, in which year was Widget 2 released?', '2023']);
    expect(asked).toContainEqual([
      'dated-reveal',
      'In “About Widget”, since which version of Widget will object keys be hashed automatically?',
      'Widget 2.1',
    ]);
  });

  it('skip boilerplate, pointers, vague objects, pronoun subjects, two years, active voice and renames', () => {
    const sources = generated.map((q) => q.explanation).join('\n');
    for (const text of [
      'migration guide',
      'command below',
      'Use it to move files',
      'For example',
      'It was rewritten',
      'Between 2019 and 2021',
      'moved the project',
      'is renamed to',
    ])
      expect(sources, text).not.toContain(text);
    // An English kind: the Chinese note's sentences are left to the Chinese kinds.
    expect(generated.some((q) => q.noteRoute === 'dashboards-zh')).toBe(false);
  });

  it('never give the answer away: its text, or every word of the identifier it turns on', () => {
    for (const q of generated) expect(normal(q.question), q.question).not.toContain(normal(q.reveal!));
    // "Use the `useLegend` hook to use the legend": the question would name "use" and "legend".
    expect(generated.some((q) => q.reveal?.includes('useLegend'))).toBe(false);
  });

  it('are self-graded cards whose explanation is the source sentence, linked to its section', () => {
    const notes = loadNotes({ root: fixture }).notes;
    expect(generated.length).toBeGreaterThanOrEqual(10);
    for (const q of generated) {
      expect(q.choices, q.question).toEqual(['I knew it', "I didn't"]);
      const section = notes.find((n) => n.route === q.noteRoute)!.sections.find((s) => s.anchor === q.section)!;
      expect(section, q.id).toBeDefined();
      expect(normal(section.text)).toContain(normal(q.explanation));
    }
  });

  it('keep their ids across an unrelated edit, and retire a card whose source sentence changed', () => {
    expectIdsFollowSource({
      fixture,
      file: 'widget-guide.md',
      cards,
      unrelated: ['from plain data files', 'from plain CSV and JSON files'],
      source: ['the `<NoCache>` component', 'the `<Fresh>` component'],
      retired: (q) => q.reveal === 'Use the <NoCache> component',
      replacement: (q) => q.reveal === 'Use the <Fresh> component',
    });
  });

  it('usage (round 12: 15/15) and identifier (round 13b: 14/16) are on by default; dated (1/4) stays off', () => {
    expect(round12bKinds.filter((kind) => generatorKinds.includes(kind))).toEqual(['usage', 'identifier']);
    const defaults = generateQuestions(loadNotes({ root: fixture }).notes);
    expect(defaults.some((q) => q.kind!.startsWith('usage'))).toBe(true);
    expect(defaults.some((q) => q.kind!.startsWith('dated'))).toBe(false);
  });

  it('read long runs of what their patterns look for without stalling', () => {
    // Not timed: a super-linear scan shows as a test timeout. Each run is the shape that hurts.
    const runs = [
      `Add x${' to x'.repeat(20_000)}`,
      `Use ${'a '.repeat(20_000)}to${' to'.repeat(20_000)} build it`,
      `To ${'a '.repeat(20_000)}set${' set'.repeat(20_000)}`,
      `When ${'a '.repeat(20_000)}, you want to ${'b '.repeat(20_000)}, you can use x`,
      `In ${'2020 '.repeat(20_000)} X was released`,
      `${'`a` and '.repeat(5_000)}\`b\` are functions that ${'c '.repeat(20_000)}`,
      `Since X 1.0, ${'a '.repeat(20_000)} will ${'b '.repeat(20_000)}`,
    ];
    const files = Object.fromEntries(runs.map((text, i) => [`r${i}.md`, `# Runs ${i}\n\n## Part\n\n${text}\n`]));
    expect(Array.isArray(generateQuestions(libraryFrom(files).notes, round12bKinds))).toBe(true);
  });
});
