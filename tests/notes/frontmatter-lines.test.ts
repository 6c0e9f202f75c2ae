import matter from 'gray-matter';
import { describe, expect, it } from 'vitest';
import { LineCounter, parseDocument } from 'yaml';
import { readFrontMatter, sequenceItemLines } from '../../src/notes/frontmatter.js';

/** The lines the YAML parser gives each item of `quiz` (what readFrontMatter used for every quiz). */
function yamlLines(source: string): number[] {
  const text = matter(source, { language: 'yaml' }).matter;
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter });
  const quiz = doc.get('quiz') as { items: { range: [number] }[] };
  return quiz.items.map((item) => counter.linePos(item.range[0]).line);
}

const quizItems = (source: string): unknown[] =>
  (matter(source, { language: 'yaml' }).data as { quiz: unknown[] }).quiz;
const linesOf = (source: string): number[] | undefined =>
  sequenceItemLines(matter(source, { language: 'yaml' }).matter, 'quiz', quizItems(source));

const item = (n: number, pad = '  ') =>
  `${pad}- question: Q${n}?\n${pad}  choices: [a, b, c]\n${pad}  answer: a\n${pad}  explanation: |\n${pad}    - not an item\n${pad}    still text\n${pad}  section: s\n`;

describe('quiz item lines read from the front matter text', () => {
  const written: Record<string, string> = {
    indented: `---\ntitle: T\nquiz:\n${item(1)}${item(2)}tags: [a]\n---\n# T\n`,
    'at the key’s indentation': `---\nquiz:\n${item(1, '')}\n# a comment\n${item(2, '')}---\n`,
    'blank lines and comments between items': `---\ntitle: T\nquiz:\n\n  # first\n${item(1)}\n\n${item(2)}---\n`,
  };
  for (const [name, source] of Object.entries(written))
    it(`are the YAML parser's: ${name}`, () => {
      expect(linesOf(source)).toEqual(yamlLines(source));
      expect(readFrontMatter(source).data.quiz.map((q) => q.line)).toEqual(yamlLines(source));
    });

  it('are left to the YAML parser when written otherwise', () => {
    const flow = '---\nquiz: [{question: Q?, choices: [a, b, c], answer: a, explanation: E, section: s}]\n---\n';
    const dashAlone =
      '---\nquiz:\n  -\n    question: Q?\n    choices: [a, b, c]\n    answer: a\n    explanation: E\n    section: s\n---\n';
    const commented = `---\nquiz: # questions\n${item(1)}---\n`;
    for (const source of [flow, dashAlone, commented]) {
      expect(linesOf(source)).toBeUndefined();
      expect(readFrontMatter(source).data.quiz.map((q) => q.line)).toEqual(yamlLines(source));
    }
    // An item that is no mapping: its problems are placed by the YAML parser.
    expect(sequenceItemLines('\nquiz:\n  - just text\n', 'quiz', ['just text'])).toBeUndefined();
  });
});
