import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { BlockPrefix, Mark } from '../../src/notes/blocks.js';
import type { Excerpt, ExcerptPiece } from '../../src/search/excerpt.js';
import { excerptText } from '../../src/terminal/render-answer.js';
import { styleFor } from '../../src/terminal/style.js';

const tty = (): NodeJS.WriteStream =>
  Object.assign(new PassThrough(), { isTTY: true }) as unknown as NodeJS.WriteStream;
const text = '1. Use **storage** classes_x for storage.';
const at = text.lastIndexOf('storage');
const excerpt: Excerpt = {
  units: [
    { kind: 'text', startsBlock: true, blockStartsWithText: true, pieces: [{ text, highlights: [[at, at + 7]] }] },
  ],
  startsLate: false,
  endsEarly: true,
};

describe('excerpts in the terminal', () => {
  it('shows the note text as written, without Markdown escapes', () => {
    expect(excerptText(excerpt, styleFor(new PassThrough()))).toBe(`${text} …`);
  });

  it('bolds exactly the highlighted words with the terminal style', () => {
    // node:util styleText leaves text plain when the test's own stdout is no terminal, so the
    // style is stood in for here; styleFor's choice of style is tested below.
    const style = {
      bold: (t: string) => `<${t}>`,
      dim: (t: string) => t,
      accent: (t: string) => t,
      warn: (t: string) => t,
    };
    expect(excerptText(excerpt, style)).toBe('1. Use **storage** classes_x for <storage>. …');
  });

  it('uses no ANSI at all when NO_COLOR is set', () => {
    const shown = excerptText(excerpt, styleFor(tty(), { NO_COLOR: '1' }));
    expect(shown).not.toMatch(/\u001b/);
    expect(shown).toBe(`${text} …`);
  });

  it('shows bold note markup as bold, not as asterisks', () => {
    const marked: Excerpt = {
      units: [
        {
          kind: 'text',
          startsBlock: true,
          blockStartsWithText: false,
          pieces: [{ mark: 'strong', children: [{ text: 'Bagging' }] }],
        },
      ],
      startsLate: false,
      endsEarly: false,
    };
    expect(excerptText(marked, { bold: (t) => `<${t}>`, dim: (t) => t, accent: (t) => t, warn: (t) => t })).toBe(
      '<Bagging>',
    );
  });
});

describe('marks in the terminal', () => {
  const tags = {
    bold: (t: string) => `<${t}>`,
    dim: (t: string) => t,
    accent: (t: string) => t,
    warn: (t: string) => t,
  };
  const shown = (pieces: ExcerptPiece[], prefix?: BlockPrefix): string =>
    excerptText(
      {
        units: [{ kind: 'text', startsBlock: true, blockStartsWithText: false, prefix, pieces }],
        startsLate: false,
        endsEarly: false,
      },
      tags,
    );

  it('shows inline code between backticks, as written (no escapes undone inside)', () => {
    expect(shown([{ mark: 'code', code: 'a\\_b*c' }])).toBe('`a\\_b*c`');
    expect(shown([{ mark: 'code', code: 'a `tick` b' }])).toBe('`` a `tick` b ``');
  });

  it('shows a formula as written', () => {
    expect(shown([{ mark: 'math', tex: '$a \\cdot b_1$' }])).toBe('$a \\cdot b_1$');
  });

  it('shows bold in the terminal style and italics between asterisks, without Markdown escapes', () => {
    expect(shown([{ mark: 'strong', children: [{ text: 'snake_case *x* [y]' }] }])).toBe('<snake_case *x* [y]>');
    expect(shown([{ mark: 'strong', children: [{ mark: 'code', code: '/ask' }] }])).toBe('<`/ask`>');
    expect(shown([{ mark: 'emphasis', children: [{ text: 'under_score' }] }])).toBe('*under_score*');
  });

  it('shows a link as [label](url), the label without brackets, the URL encoded where it would end early', () => {
    const link = (label: string, url: string): Mark => ({ mark: 'link', url, children: [{ text: label }] });
    expect(shown([link('a_b [c]', 'https://e.x/a b(c)')])).toBe('[a_b c](https://e.x/a%20b%28c%29)');
  });

  it('shows a code block fenced and exactly as written: no bold, no escapes undone', () => {
    const code = 'x = 2 ** 3 ** 2\nprint("a\\.b")';
    expect(shown([{ mark: 'codeBlock', lang: 'py', code }])).toBe('```py\n' + code + '\n```');
  });

  it('shows list markers, numbers and quote bars before the block', () => {
    const text: ExcerptPiece = { text: 'x', highlights: [] };
    expect(shown([text], { type: 'bullet', depth: 0 })).toBe('• x');
    expect(shown([text], { type: 'ordered', number: 3, depth: 0 })).toBe('3. x');
    expect(shown([text], { type: 'quote' })).toBe('> x');
  });
});
