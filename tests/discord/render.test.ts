import { describe, expect, it } from 'vitest';
import type { Answer, AskResult } from '../../src/core/ask.js';
import type { Excerpt } from '../../src/search/excerpt.js';
import type { TopicEntry, TopicFolder } from '../../src/core/topic-tree.js';
import { embedChars, truncateMarkdown } from '../../src/discord/limits.js';
import { renderAnswer, renderMoreResults } from '../../src/discord/render/answer.js';
import { fitEmbeds } from '../../src/discord/render/embeds.js';
import { topicFolderPageId, topicUpId } from '../../src/discord/commands/topic-ids.js';
import { renderFolder, renderNotePage } from '../../src/discord/render/topic.js';
import { renderAnswer as renderTerminalAnswer } from '../../src/terminal/render-answer.js';
import type { Style } from '../../src/terminal/style.js';

/** An excerpt of one paragraph with `words` highlighted wherever they occur. */
function highlighted(text: string, ...words: string[]): Excerpt {
  const highlights: [number, number][] = [];
  for (const w of words)
    for (const m of text.matchAll(new RegExp(`\\b${w}\\b`, 'g'))) highlights.push([m.index, m.index + w.length]);
  highlights.sort((a, b) => a[0] - b[0]);
  const unit = { kind: 'text' as const, startsBlock: true, blockStartsWithText: true, pieces: [{ text, highlights }] };
  return { units: [unit], startsLate: false, endsEarly: false };
}

const result = (i: number, extra: Partial<AskResult> = {}): AskResult => ({
  id: `note#s${i}`,
  title: 'Note',
  heading: `S${i}`,
  headingPath: ['Note', `S${i}`],
  file: 'note.md',
  line: i,
  anchor: `s${i}`,
  url: `https://notes.example.com/note#s${i}`,
  score: 10 - i,
  excerpt: highlighted(`Excerpt ${i}`, String(i)),
  text: 'text',
  ...extra,
});

describe('Discord rendering stays within Discord limits', () => {
  it('truncates a huge heading path and excerpt cleanly', () => {
    const long = result(0, {
      headingPath: ['N'.repeat(300), 'H'.repeat(300)],
      excerpt: highlighted('word bold '.repeat(600), 'bold'),
    });
    const message = renderAnswer({ question: 'q', confident: true, results: [long] }, { key: 'k', isPrivate: false });
    const embed = message.embeds[0]!;
    expect(embed.title!.length).toBeLessThanOrEqual(256);
    expect(embed.description!.length).toBeLessThanOrEqual(4096);
    expect((embed.description!.match(/\*\*/g) ?? []).length % 2).toBe(0);
  });

  it('puts the next results as distinct links and adds Send in chat only when private', () => {
    const answer: Answer = { question: 'q', confident: true, results: [0, 1, 2, 3, 4].map((i) => result(i)) };
    const open = renderAnswer(answer, { key: 'abc', isPrivate: false });
    expect(open.embeds[0]!.fields![0]!.value.split('\n')).toHaveLength(4);
    const ids = open.components[0]!.components.map((c) => ('custom_id' in c ? c.custom_id : ''));
    expect(ids).toEqual(['ask.more:abc', 'ask.fb:abc:up', 'ask.fb:abc:down']);
    const mine = renderAnswer(answer, { key: 'abc', isPrivate: true });
    expect(mine.components[0]!.components.map((c) => ('custom_id' in c ? c.custom_id : ''))).toContain('ask.send:abc');
    const more = renderMoreResults(answer);
    expect(new Set(more.map((e) => e.url)).size).toBe(4);
  });

  it('shows the answer line first in bold and a Missing line after the excerpt', () => {
    const answer: Answer = {
      question: 'q',
      confident: true,
      results: [result(0)],
      answerLine: 'Messages can be *up* to 256 KB.',
      // The figure asked is one entry ("max size"), a name another.
      missing: ['max size', 'azure'],
    };
    const description = renderAnswer(answer, { key: 'k', isPrivate: false }).embeds[0]!.description!;
    expect(description).toBe('**Messages can be \\*up\\* to 256 KB.**\n\nExcerpt **0**\n\n*Missing: max size, azure*');
    const long = renderAnswer(
      { ...answer, results: [result(0, { excerpt: highlighted('word '.repeat(2000)) })] },
      { key: 'k', isPrivate: false },
    ).embeds[0]!.description!;
    expect(long.length).toBeLessThanOrEqual(4096);
    expect(long).toMatch(/\*Missing: max size, azure\*$/);
  });

  it('shows the same answer line and Missing line in the terminal', () => {
    const answer: Answer = {
      question: 'q',
      confident: true,
      results: [result(0)],
      answerLine: 'Messages can be up to 256 KB.',
      missing: ['max'],
    };
    const marked: Style = {
      bold: (t) => `<b>${t}</b>`,
      dim: (t) => `<dim>${t}</dim>`,
      accent: (t) => t,
      warn: (t) => t,
    };
    const lines = renderTerminalAnswer(answer, marked).split('\n');
    expect(lines.slice(3)).toEqual([
      '<b>Messages can be up to 256 KB.</b>',
      '',
      'Excerpt <b>0</b>',
      '',
      '<dim>Missing: max</dim>',
    ]);
  });

  it('offers did-you-mean sections when the notes do not cover a question', () => {
    const message = renderAnswer(
      { question: 'pizza', confident: false, reason: 'not-covered', results: [result(0), result(1)] },
      { key: 'k', isPrivate: false },
    );
    expect(message.content).toMatch(/^The notes don't cover that\. Did you mean:/);
    expect(message.embeds).toEqual([]);
    const select = message.components[0]!.components[0]!;
    expect('options' in select && select.options.map((o) => o.value)).toEqual(['note#s0', 'note#s1']);
  });

  it('fits many embeds into 6,000 characters and drops repeated URLs', () => {
    const embeds = Array.from({ length: 12 }, (_, i) => ({
      title: `T${i}`,
      url: i < 2 ? 'https://same.example' : `https://x.example/${i}`,
      description: 'x'.repeat(1500),
    }));
    const fitted = fitEmbeds(embeds);
    expect(fitted.length).toBeLessThanOrEqual(10);
    expect(fitted.reduce((n, e) => n + embedChars(e as Parameters<typeof embedChars>[0]), 0)).toBeLessThanOrEqual(6000);
    expect(fitted[1]!.url).toBeUndefined();
  });

  it('pages a big folder 25 entries at a time, within every Discord limit, with short ids', () => {
    const long = 'Ünïcødé folder name that goes on and on '.repeat(8);
    const entries: TopicEntry[] = Array.from({ length: 60 }, (_, i) =>
      i % 2
        ? { kind: 'folder', id: `f${String(i).padStart(9, '0')}`, title: `${long}${i}`, notes: 1200 }
        : { kind: 'note', id: `n${String(i).padStart(9, '0')}`, title: `${long}${i}`, description: long, sections: 4 },
    );
    const folder: TopicFolder = {
      id: 'fAAAAAAAAA',
      route: 'deep/' + 'x'.repeat(300),
      title: long,
      path: [long, long],
      parentId: 'fBBBBBBBBB',
      entries,
      notes: 1500,
    };
    const pages = [0, 1, 2, 7].map((p) => renderFolder(folder, p));
    for (const { embeds, components } of pages) {
      expect(embeds[0]!.title!.length).toBeLessThanOrEqual(256);
      expect(embeds[0]!.description!.length).toBeLessThanOrEqual(4096);
      expect(embedChars(embeds[0] as Parameters<typeof embedChars>[0])).toBeLessThanOrEqual(6000);
      expect(components.length).toBeLessThanOrEqual(5);
      const ids = components.flatMap((r) => r.components.map((c) => ('custom_id' in c ? c.custom_id : '')));
      expect(new Set(ids).size).toBe(ids.length);
      for (const id of ids) expect(id.length).toBeLessThanOrEqual(100);
      const select = components[0]!.components[0]!;
      if (!('options' in select)) throw new Error('expected a select menu first');
      expect(select.options.length).toBeLessThanOrEqual(25);
      for (const o of select.options) {
        expect(o.label.length).toBeLessThanOrEqual(100);
        expect(o.value.length).toBeLessThanOrEqual(100);
        expect(o.description!.length).toBeLessThanOrEqual(100);
      }
    }
    const optionsOf = (m: (typeof pages)[number]) => {
      const select = m.components[0]!.components[0]!;
      return 'options' in select ? select.options.map((o) => o.value) : [];
    };
    expect(optionsOf(pages[0]!)).toEqual(entries.slice(0, 25).map((e) => e.id));
    expect(optionsOf(pages[2]!)).toEqual(entries.slice(50).map((e) => e.id));
    // A page past the end shows the last one.
    expect(optionsOf(pages[3]!)).toEqual(optionsOf(pages[2]!));
    expect(pages[1]!.embeds[0]!.footer!.text).toBe('page 2 of 3');
    const buttons = pages[1]!.components[1]!.components.map((b) => ('custom_id' in b ? b.custom_id : ''));
    expect(buttons).toEqual([
      topicUpId.encode({ id: 'fBBBBBBBBB' }),
      topicFolderPageId.encode({ id: 'fAAAAAAAAA', page: 0 }),
      topicFolderPageId.encode({ id: 'fAAAAAAAAA', page: 2 }),
    ]);
  });

  it('pages long notes, 15 sections a page, with previous/next and a link button', () => {
    const sections = Array.from({ length: 40 }, (_, i) => ({
      id: `n#s${i}`,
      heading: `Section ${i}`,
      headingPath: ['N', `Section ${i}`],
      level: 2,
      anchor: `s${i}`,
      url: `https://x.example/n#s${i}`,
      line: i,
      key: `s${i}`,
    }));
    const view = {
      kind: 'note' as const,
      id: 'nAAAAAAAAA',
      folderId: 'fAAAAAAAAA',
      route: 'n',
      title: 'N',
      description: 'About N',
      breadcrumb: ['Area'],
      url: 'https://x.example/n',
      file: 'n.md',
      sections,
    };
    const page2 = renderNotePage(view, 2);
    expect(page2.embeds[0]!.footer!.text).toContain('page 3 of 3');
    const select = page2.components[0]!.components[0]!;
    expect('options' in select && select.options.map((o) => o.value)).toEqual(sections.slice(30).map((s) => s.key));
    const buttons = page2.components[1]!.components;
    expect(buttons.map((b) => ('custom_id' in b ? b.custom_id : 'url' in b ? b.url : ''))).toEqual([
      'topic.up:fAAAAAAAAA',
      'topic.page:nAAAAAAAAA:1',
      // On the last page "next" is disabled; it names the same page, so no two buttons share an id.
      'topic.page:nAAAAAAAAA:2',
      'https://x.example/n',
    ]);
    expect('disabled' in buttons[2]! && buttons[2]!.disabled).toBe(true);
  });

  it('truncates Markdown without leaving a link or bold open', () => {
    const md = 'Intro **bold** text. See [a link](https://example.com/x) and more '.repeat(20);
    const cut = truncateMarkdown(md, 150);
    expect(cut.length).toBeLessThanOrEqual(150);
    expect((cut.match(/\*\*/g) ?? []).length % 2).toBe(0);
    expect(cut).not.toMatch(/\[[^\]]*$/);
  });
});
