import { describe, expect, it } from 'vitest';
import { excerptMarkdown, markdownLayout } from '../../src/render/markdown-excerpt.js';
import { type ExcerptOptions, ExcerptTexts, buildExcerpt as excerptOf } from '../../src/search/excerpt.js';
import { stem } from '../../src/search/text.js';
import { libraryFrom } from '../helpers/sections.js';
import type { Block } from '../../src/notes/blocks.js';

const terms = (...words: string[]) => new Set(words.map(stem));
/** The excerpt as Discord shows it (the form `ask --json` keeps as `excerpt`). */
const buildExcerpt = (
  blocks: Block[],
  highlight: ReadonlySet<string>,
  options: ExcerptOptions = {},
  texts = new ExcerptTexts(),
) => excerptMarkdown(excerptOf(texts, blocks, highlight, { ...options, layout: markdownLayout }));
const blocksOf = (markdown: string) => libraryFrom({ 'a.md': `## Section\n\n${markdown}` }).sections[0]!.blocks;

/** Markdown that Discord renders as intended: balanced bold, code spans, fences and links. */
function expectValidDiscordMarkdown(md: string): void {
  const withoutFences = md.replace(/```[\s\S]*?```/g, '');
  expect((md.match(/```/g) ?? []).length % 2).toBe(0);
  expect((withoutFences.replace(/\\\*/g, '').match(/\*\*/g) ?? []).length % 2).toBe(0);
  expect((withoutFences.replace(/\\`/g, '').match(/`/g) ?? []).length % 2).toBe(0);
  for (const open of withoutFences.matchAll(/(?<!\\)\[/g))
    expect(withoutFences.slice(open.index)).toMatch(/^\[[^\]]*\]\([^)]*\)/);
}

const sentence = (i: number) => `Sentence number ${i} talks about ordinary storage details that fill space. `;

describe('excerpts', () => {
  it('bolds the words that match the question, stemmed', () => {
    const excerpt = buildExcerpt(blocksOf('Launching a widget is quick. Widgets launch in seconds.'), terms('launch'));
    expect(excerpt).toContain('**Launching**');
    expect(excerpt).toContain('**launch**');
    expect(excerpt).not.toContain('**Widgets**');
  });

  it('picks the most relevant window of a long section', () => {
    const filler = Array.from({ length: 30 }, (_, i) => sentence(i)).join('');
    const blocks = blocksOf(`${filler}\n\nThe lifecycle rule moves objects to Glacier after thirty days.\n\n${filler}`);
    const excerpt = buildExcerpt(blocks, terms('lifecycle', 'glacier'));
    expect(excerpt).toContain('**lifecycle** rule moves objects to **Glacier**');
    expect(excerpt.length).toBeLessThanOrEqual(702);
    expect(excerpt.length).toBeGreaterThanOrEqual(300);
    expectValidDiscordMarkdown(excerpt);
  });

  it('never cuts inside a link or a code span', () => {
    const text = Array.from(
      { length: 20 },
      (_, i) =>
        `Read [the guide to part ${i}](https://example.com/guide/${i}) and run \`tool --part ${i}\` for storage.`,
    ).join(' ');
    const excerpt = buildExcerpt(blocksOf(text), terms('storage'));
    expectValidDiscordMarkdown(excerpt);
    expect(excerpt.length).toBeLessThanOrEqual(702);
  });

  it('keeps a code block whole, or leaves it out when it is too long', () => {
    const short = buildExcerpt(
      blocksOf('Run this to list buckets:\n\n```bash\naws s3 ls\n```\n\nThat lists every bucket.'),
      terms('bucket'),
    );
    expect(short).toContain('```bash\naws s3 ls\n```');
    const longCode = Array.from({ length: 60 }, (_, i) => `echo line ${i}`).join('\n');
    const long = buildExcerpt(
      blocksOf(`Buckets hold objects.\n\n\`\`\`bash\n${longCode}\n\`\`\`\n\nMore about buckets.`),
      terms('bucket'),
    );
    expect(long).not.toContain('echo line');
    expect(long).toContain('**Buckets** hold objects.');
    expectValidDiscordMarkdown(long);
  });

  it('drops a code fence that is never closed', () => {
    const excerpt = buildExcerpt(
      blocksOf('Buckets are containers.\n\n```python\nprint("never closed")\n'),
      terms('bucket'),
    );
    expect(excerpt).toBe('**Buckets** are containers.');
  });

  it('keeps table rows whole', () => {
    const rows = Array.from(
      { length: 40 },
      (_, i) => `| Class ${i} | storage tier number ${i} with a long description of retrieval |`,
    ).join('\n');
    const excerpt = buildExcerpt(blocksOf(`| Class | Notes |\n| --- | --- |\n${rows}`), terms('storage'));
    for (const line of excerpt.replace(/^… /, '').replace(/ …$/, '').split('\n'))
      expect(line).toMatch(/^Class( \d+)? · /);
  });

  it('begins with "…" when it does not start at the start of the section', () => {
    const filler = Array.from({ length: 30 }, (_, i) => sentence(i)).join('');
    const middle = buildExcerpt(
      blocksOf(`${filler}\n\nThe lifecycle rule moves objects to Glacier.\n\n${filler}`),
      terms('lifecycle'),
    );
    expect(middle).toMatch(/^… /);
    const first = buildExcerpt(
      blocksOf(`The lifecycle rule moves objects to Glacier.\n\n${filler}`),
      terms('lifecycle'),
    );
    expect(first).toMatch(/^The \*\*lifecycle\*\* rule/);
  });

  it('escapes Markdown characters that were plain text in the notes', () => {
    const excerpt = buildExcerpt(
      blocksOf('Use the income\\_missing column and 2 \\* 3 for storage.'),
      terms('storage'),
    );
    expect(excerpt).toContain('income\\_missing');
    expect(excerpt).toContain('2 \\* 3');
  });

  it('gives the same excerpt whether or not the section was prepared up front', () => {
    const markdown = `${Array.from({ length: 12 }, (_, i) => sentence(i)).join('')}A [storage link](https://example.com/a_b) and \`storage_class\` *storage*.\n\n- Storage tier one\n- Storage tier two`;
    const prepared = blocksOf(markdown);
    const texts = new ExcerptTexts();
    texts.prepare([prepared]);
    for (const words of [['storage'], ['sentence', 'details'], ['tier', 'link']]) {
      expect(buildExcerpt(prepared, terms(...words), {}, texts)).toBe(
        buildExcerpt(blocksOf(markdown), terms(...words)),
      );
    }
  });
});
