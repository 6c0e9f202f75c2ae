import { describe, expect, it } from 'vitest';
import { collapseWhitespace, countWords, replaceLineBreakRuns } from '../../src/notes/plaintext.js';

// What the one-pass versions replace: the regexes they are written to equal.
const byRegex = {
  lineBreakRuns: (text: string, by: string): string => text.replace(/\s*\n\s*/g, by),
  collapse: (text: string): string => byRegex.lineBreakRuns(text.replace(/[ \t]+/g, ' '), '\n').trim(),
  words: (text: string): number => text.match(/\S+/g)?.length ?? 0,
};

/** Deterministic texts over whitespace of every kind, letters, CJK and a lone surrogate. */
function* texts(count: number): Generator<string> {
  const alphabet = [
    ' ',
    ' ',
    '\t',
    '\n',
    '\n',
    '\r',
    '\v',
    '\f',
    '\u00a0',
    '\u2028',
    '\u3000',
    '\ufeff',
    'a',
    'b',
    '字',
    '\ud83d',
  ];
  let seed = 7;
  // The high bits of the generator: its low bits repeat every few steps and missed whole cases.
  const next = (): number => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return Math.floor(seed / 65536);
  };
  for (let i = 0; i < count; i++) {
    let text = '';
    const length = next() % 24;
    for (let j = 0; j < length; j++) text += alphabet[next() % alphabet.length];
    yield text;
  }
}

describe('whitespace of note text', () => {
  it('line-break runs, collapsed whitespace and word counts equal the regexes on 20,000 texts', () => {
    const differing: string[] = [];
    for (const text of texts(20_000)) {
      if (
        replaceLineBreakRuns(text, ' ') !== byRegex.lineBreakRuns(text, ' ') ||
        replaceLineBreakRuns(text, '\n') !== byRegex.lineBreakRuns(text, '\n') ||
        collapseWhitespace(text) !== byRegex.collapse(text) ||
        countWords(text) !== byRegex.words(text)
      )
        differing.push(JSON.stringify(text));
    }
    expect(differing).toEqual([]);
  });

  it('reads every UTF-16 code unit as whitespace exactly when \\s does', () => {
    const misread: string[] = [];
    for (let code = 0; code < 0x10000; code++) {
      const char = String.fromCharCode(code);
      if (countWords(`a${char}b`) !== byRegex.words(`a${char}b`)) misread.push(code.toString(16));
    }
    expect(misread).toEqual([]);
  });

  it('keeps what has no line break or run, and joins the lines of a paragraph', () => {
    expect(replaceLineBreakRuns('one line  of text', ' ')).toBe('one line  of text');
    expect(replaceLineBreakRuns('first  \n \n\t second\nthird', ' ')).toBe('first second third');
    expect(collapseWhitespace('  a \t b\n\n\n  c  ')).toBe('a b\nc');
    expect(collapseWhitespace('a\tb c\u00a0\td\ne \u3000\t\tf')).toBe('a b c\u00a0 d\ne \u3000 f');
    expect(countWords(' two\u3000words ')).toBe(2);
  });

  it('joins at a line break after a run of 200,000 spaces', () => {
    const spaces = ' '.repeat(200_000);
    expect(replaceLineBreakRuns(`a${spaces}b${spaces}\n`, ' ')).toBe(`a${spaces}b `);
  });
});
