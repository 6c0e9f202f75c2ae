import { fromHtml } from 'hast-util-from-html';
import { toText } from 'hast-util-to-text';
import { describe, expect, it } from 'vitest';
import { htmlToText } from '../../src/notes/plaintext.js';

const parsed = (html: string): string => toText(fromHtml(html, { fragment: true })).trim();

describe('text of HTML in notes', () => {
  it('a lone tag or comment has none, as parsing it gives; anything more is parsed', () => {
    const lone = [
      '<a name="IC-metrics">',
      '</a>',
      '<br/>',
      '<br>',
      '<img src="x.png" alt="A chart" />',
      '<!-- note -->',
      '<div>\n',
      '  <span class="x">  ',
    ];
    const more = [
      '<b>bold</b>',
      '<!-- a --> text <!-- b -->',
      '<a href="#">link</a>',
      'plain &amp; text',
      '<p>Hi</p>\n<p>there</p>',
      '<br> after',
    ];
    for (const html of lone) expect([html, htmlToText(html)]).toEqual([html, parsed(html)]);
    for (const html of more) expect([html, htmlToText(html)]).toEqual([html, parsed(html)]);
    expect(more.map(htmlToText)).toEqual(['bold', 'text', 'link', 'plain & text', 'Hi\n\nthere', 'after']);
  });
});
