import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseFlashcards } from '../../src/notes/flashcards.js';
import { loadNotes } from '../../src/notes/load.js';
import { parseMarkdown } from '../../src/notes/markdown.js';

const root = path.resolve(import.meta.dirname, '../fixtures/flashcards');
const load = (boldCloze = false) => loadNotes({ root, boldCloze });
const cards = (route: string, boldCloze = false) =>
  load(boldCloze)
    .notes.find((n) => n.route === route)!
    .flashcards.map(({ syntax, front, back, section }) => ({ syntax, front, back, section }));

describe('flashcards written in notes', () => {
  it('reads Obsidian Spaced Repetition single-line cards, ::: both ways, in their section', () => {
    const obsidian = cards('obsidian');
    expect(obsidian).toContainEqual({
      syntax: 'inline',
      front: 'What does Amazon S3 store',
      back: 'Objects in buckets',
      section: 'inline-cards',
    });
    expect(obsidian).toContainEqual({
      syntax: 'inline-reversed',
      front: 'Amazon EBS',
      back: 'Block storage volumes for EC2',
      section: 'inline-cards',
    });
    expect(obsidian).toContainEqual({
      syntax: 'inline-reversed',
      front: 'Block storage volumes for EC2',
      back: 'Amazon EBS',
      section: 'inline-cards',
    });
  });

  it('never reads :: inside inline code or code blocks as a card', () => {
    const all = cards('obsidian')
      .map((c) => c.front + c.back)
      .join(' ');
    expect(all).not.toContain('arn');
    expect(all).not.toContain('Bucket');
  });

  it('reads multi-line cards split by ? and ?? (both ways), dropping the SR schedule comment', () => {
    const obsidian = cards('obsidian');
    expect(obsidian).toContainEqual({
      syntax: 'multiline',
      front: 'Which S3 storage class has the lowest cost for archives?',
      back: 'S3 Glacier Deep Archive',
      section: 'multi-line-cards',
    });
    expect(obsidian).toContainEqual({
      syntax: 'multiline-reversed',
      front: 'Amazon EFS',
      back: 'A managed NFS file system',
      section: 'multi-line-cards',
    });
    expect(obsidian).toContainEqual({
      syntax: 'multiline-reversed',
      front: 'A managed NFS file system',
      back: 'Amazon EFS',
      section: 'multi-line-cards',
    });
  });

  it('reads ==highlight== clozes, and **bold** clozes only when enabled', () => {
    const cloze = {
      syntax: 'cloze-highlight',
      front: 'Amazon S3 offers [...] of durability.',
      back: 'eleven nines',
      section: 'clozes',
    };
    const bold = {
      syntax: 'cloze-bold',
      front: 'The [...] splits security duties.',
      back: 'shared responsibility model',
      section: 'clozes',
    };
    expect(cards('obsidian')).toContainEqual(cloze);
    expect(cards('obsidian')).not.toContainEqual(bold);
    expect(cards('obsidian', true)).toContainEqual(bold);
  });

  it('reads Anki-style Q:/A: pairs in any note, and Obsidian syntax only in #flashcards notes', () => {
    expect(cards('anki')).toEqual([
      { syntax: 'anki', front: 'What does IAM stand for?', back: 'Identity and Access Management', section: '' },
      { syntax: 'anki', front: 'Which service is a content delivery network?', back: 'Amazon CloudFront', section: '' },
    ]);
  });

  it('reads Obsidian cards in a note tagged only in its front matter, or with the tag in any case', () => {
    const fronts = (source: string, tags: string[]) =>
      parseFlashcards(source, parseMarkdown(source, false).tree, { tags, boldCloze: false }).cards.map((c) => c.front);
    const body = 'Intro.\n\nWhat does Amazon S3 store::Objects in buckets\n';
    expect(fronts(body, ['flashcards/aws'])).toEqual(['What does Amazon S3 store']);
    expect(fronts(`#FlashCards\n\n${body}`, [])).toEqual(['What does Amazon S3 store']);
    expect(fronts(body, ['aws'])).toEqual([]);
    expect(fronts('**Q:** Which region?\n**A:** us-east-1\n', [])).toEqual(['Which region?']);
  });

  it('reports cards it cannot read, with their line, and keeps the rest', () => {
    const problems = load().problems.map((p) => `${p.file}:${p.line}: ${p.message}`);
    expect(problems).toEqual([
      'anki.md:11: flashcard "Q:" has no "A:" line after it; not used',
      'obsidian.md:39: flashcard has an empty answer; not used',
      'obsidian.md:41: flashcard cloze "==" is not closed; the unpaired one is ignored',
    ]);
  });

  it('gives each card an id from its content, the same across loads', () => {
    const first = load().notes.flatMap((n) => n.flashcards.map((c) => c.id));
    expect(load().notes.flatMap((n) => n.flashcards.map((c) => c.id))).toEqual(first);
    expect(new Set(first).size).toBe(first.length);
    expect(first[0]).toMatch(/^anki\?f=[0-9a-f]{10}$/);
  });
});
