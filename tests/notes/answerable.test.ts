import { describe, expect, it } from 'vitest';
import { parseMarkdown } from '../../src/notes/markdown.js';
import { splitSections } from '../../src/notes/sections.js';

/** Whether each section of the note counts as answerable, by heading. */
function answerable(markdown: string): Record<string, boolean> {
  const { sections } = splitSections(parseMarkdown(markdown, false).tree, markdown, (url) => url, true);
  return Object.fromEntries(sections.map((s) => [s.heading, s.answerable]));
}

describe('a section answers only with prose of its own', () => {
  it('counts letters and digits, not white space, punctuation, symbols, link labels or captions', () => {
    expect(
      answerable(
        [
          '# Note',
          '## Seven letters',
          'abc 12 d !!! ... --- +++ $$ ~~',
          '## Eight letters',
          'abc\t12 def',
          '## Links and images only',
          '[a long link label](https://example.com) ![a long caption](x.png)',
          '## Code counts',
          '`x=1;y=2;z=3;w=4`',
          '## Control characters count',
          'abc\u0001\u0002\u0003\u0004\u0005',
        ].join('\n\n'),
      ),
    ).toEqual({
      'Seven letters': false,
      'Eight letters': true,
      'Links and images only': false,
      'Code counts': true,
      'Control characters count': true,
    });
  });

  it('reads letters past ASCII through their Unicode classes', () => {
    expect(
      answerable(
        [
          '# Note',
          '## CJK',
          '這是一個完整答案。',
          '## Accents after ASCII',
          'ab café',
          '## Symbols and full-width punctuation',
          'ab → ← ★ ☆ 。、「」！？ 🚀🚀',
          '## Non-breaking spaces',
          'abc\u00a0\u00a0\u3000de\u2003fgh',
        ].join('\n\n'),
      ),
    ).toEqual({
      CJK: true,
      'Accents after ASCII': false,
      'Symbols and full-width punctuation': false,
      'Non-breaking spaces': true,
    });
  });
});
