import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { Excerpt } from '../../src/search/excerpt.js';
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
