import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ask } from '../../src/core/ask.js';
import { warmUp } from '../../src/core/warm-up.js';
import { loadNotes } from '../../src/notes/load.js';
import { buildIndex } from '../../src/search/index.js';

const sections = loadNotes({ root: path.resolve(import.meta.dirname, '../../notes') }).sections;
// Plain questions, typos, acronyms and one the notes do not cover.
const questions = [
  'how do i pick an ec2 instance type',
  'instanse familys for gpu trainign',
  'what does kms do',
  'ray serv autoscalling',
  'best pizza topping',
];

describe('warm-up', () => {
  it('leaves every answer as a fresh index gives it', () => {
    const fresh = questions.map((q) => ask(buildIndex(sections), q));
    const warmed = buildIndex(sections);
    warmUp(warmed, 200);
    expect(questions.map((q) => ask(warmed, q))).toEqual(fresh);
  });

  it('does nothing on notes with no sections', () => {
    const empty = buildIndex([]);
    expect(() => warmUp(empty)).not.toThrow();
    expect(ask(empty, 'anything').results).toEqual([]);
  });
});
