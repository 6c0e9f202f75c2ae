import { createHash } from 'node:crypto';
import type { Root } from 'mdast';
import { parseMarkdown } from './markdown.js';
import { collapseWhitespace, plainText } from './plaintext.js';
import type { Flashcard, FlashcardSyntax } from './types.js';

export interface FlashcardOptions {
  /** Front-matter tags of the note: `flashcards` (or `flashcards/deck`) turns Obsidian cards on. */
  tags: readonly string[];
  /** Obsidian Spaced Repetition's "convert bold text to clozes" setting. */
  boldCloze: boolean;
}

/** A card before it knows its note and section. */
export interface RawCard {
  front: string;
  back: string;
  syntax: FlashcardSyntax;
  line: number;
  /** The card as written (plain text), shown as the explanation. */
  source: string;
}

export interface FlashcardResult {
  cards: RawCard[];
  problems: { line: number; message: string }[];
}

const flashcardTag = /(?:^|\s)#flashcards(?:\/[\w/-]+)?(?=\s|$)/im;
const isFlashcardTag = (tag: string): boolean => /^#?flashcards(?:\/|$)/i.test(tag.trim());
/** Obsidian SR writes its schedule after a card: `<!--SR:!2024-01-01,3,250-->`. */
const srComment = /<!--SR:[^<>]*-->/g;

/** Markdown of a card side as plain text (links, emphasis and code marks dropped). */
function toPlain(markdown: string): string {
  const tree = parseMarkdown(markdown.replace(srComment, ''), false).tree;
  return collapseWhitespace(plainText(tree)).replace(/\n/g, ' ').trim();
}

/** 1-based lines that are not prose: code, HTML, front matter, tables, headings. Its own stack: nesting depth is unbounded. */
function nonProseLines(tree: Root): Set<number> {
  type Node = { type: string; position?: { start: { line: number }; end: { line: number } }; children?: Node[] };
  const skip = new Set<number>();
  const stack: Node[] = [tree as unknown as Node];
  while (stack.length) {
    const node = stack.pop()!;
    if (
      ['code', 'html', 'yaml', 'mdxjsEsm', 'mdxFlowExpression', 'table', 'heading', 'thematicBreak'].includes(
        node.type,
      ) &&
      node.position
    ) {
      for (let l = node.position.start.line; l <= node.position.end.line; l++) skip.add(l);
      continue;
    }
    if (node.children) stack.push(...node.children);
  }
  return skip;
}

/** The line with inline code spans blanked out, so `AWS::S3::Bucket` in backticks is no card. */
const maskCode = (line: string): string => line.replace(/`[^`\n]*`/g, (m) => ' '.repeat(m.length));
/** List markers and quote marks that may start a card line. */
const stripLead = (line: string): string => line.replace(/^\s*(?:>\s*)*(?:[-*+]\s+|\d+[.)]\s+)?/, '');

/**
 * Reads the flashcards students write in Markdown notes:
 * - Obsidian Spaced Repetition (in notes tagged `#flashcards`): `Q::A`, `Q:::A` (both ways),
 *   multi-line cards split by a `?` (or `??`, both ways) line, `==cloze==` and, when enabled,
 *   `**cloze**` deletions;
 * - Anki-style pairs in any note: a `Q:` line followed by an `A:` line.
 * Lines in code, tables and HTML are never cards.
 */
export function parseFlashcards(source: string, tree: Root, options: FlashcardOptions): FlashcardResult {
  // Most notes have no card of either kind: no "Q:" line and no #flashcards tag anywhere.
  if (!source.includes('Q:') && !options.tags.some(isFlashcardTag) && !/#flashcards/i.test(source))
    return { cards: [], problems: [] };
  const lines = source.split(/\r?\n/);
  const skip = nonProseLines(tree);
  const prose = (i: number): boolean => !skip.has(i + 1);
  const tagged = options.tags.some(isFlashcardTag) || lines.some((l, i) => prose(i) && flashcardTag.test(maskCode(l)));
  const cards: RawCard[] = [];
  const problems: FlashcardResult['problems'] = [];
  const blank = (i: number): boolean => i < 0 || i >= lines.length || !prose(i) || lines[i]!.trim() === '';
  const used = new Set<number>();

  const add = (front: string, back: string, syntax: FlashcardSyntax, line: number, raw: string): void => {
    const f = toPlain(front);
    const b = toPlain(back);
    if (!f || !b) {
      problems.push({ line, message: `flashcard has an empty ${f ? 'answer' : 'question'}; not used` });
      return;
    }
    cards.push({ front: f, back: b, syntax, line, source: toPlain(raw) });
  };

  // Anki-style Q:/A: pairs (any note). A "Q:" without "A:" is only a broken card in a note that
  // writes cards that way; elsewhere it is an FAQ's question.
  const unanswered: number[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (!prose(i)) continue;
    const q = /^(?:\*\*)?Q:(?:\*\*)?\s*(.*?)(?:\*\*)?$/.exec(stripLead(lines[i]!));
    if (!q) continue;
    let j = i + 1;
    const question = [q[1]!];
    while (!blank(j) && !/^(?:\*\*)?[QA]:/.test(stripLead(lines[j]!))) question.push(stripLead(lines[j++]!));
    // One blank line may separate the answer from the question.
    if (blank(j) && j < lines.length && prose(j) && !blank(j + 1)) j++;
    const a = blank(j) ? null : /^(?:\*\*)?A:(?:\*\*)?\s*(.*)$/.exec(stripLead(lines[j]!));
    if (!a) {
      unanswered.push(i + 1);
      continue;
    }
    const answer = [a[1]!];
    let k = j + 1;
    while (!blank(k) && !/^(?:\*\*)?Q:/.test(stripLead(lines[k]!))) answer.push(stripLead(lines[k++]!));
    for (let l = i; l < k; l++) used.add(l);
    add(question.join('\n'), answer.join('\n'), 'anki', i + 1, lines.slice(i, k).join('\n'));
    i = k - 1;
  }
  if (cards.length)
    for (const line of unanswered)
      problems.push({ line, message: 'flashcard "Q:" has no "A:" line after it; not used' });
  if (!tagged) return { cards, problems };

  for (let i = 0; i < lines.length; i++) {
    if (!prose(i) || used.has(i)) continue;
    const line = lines[i]!;
    const trimmed = line.trim();
    // Multi-line: the question is the block above a "?" line, the answer the block below.
    if (trimmed === '?' || trimmed === '??') {
      let start = i;
      while (!blank(start - 1) && !used.has(start - 1)) start--;
      let end = i + 1;
      while (!blank(end)) end++;
      const front = lines.slice(start, i).map(stripLead).join('\n');
      const back = lines
        .slice(i + 1, end)
        .map(stripLead)
        .join('\n');
      const syntax: FlashcardSyntax = trimmed === '?' ? 'multiline' : 'multiline-reversed';
      for (let l = start; l < end; l++) used.add(l);
      const cardsBefore = cards.length;
      add(front, back, syntax, start + 1, lines.slice(start, end).join('\n'));
      if (syntax === 'multiline-reversed' && cards.length > cardsBefore) {
        const card = cards.at(-1)!;
        cards.push({ ...card, front: card.back, back: card.front });
      }
      i = end - 1;
      continue;
    }
    const masked = maskCode(line);
    const sep = masked.indexOf(':::') >= 0 ? ':::' : masked.indexOf('::') >= 0 ? '::' : '';
    if (sep) {
      const at = masked.indexOf(sep);
      const body = stripLead(line.slice(0, at));
      const front = body;
      const back = line.slice(at + sep.length);
      used.add(i);
      const before = cards.length;
      add(front, back, sep === ':::' ? 'inline-reversed' : 'inline', i + 1, line);
      if (sep === ':::' && cards.length > before) {
        const card = cards.at(-1)!;
        cards.push({ ...card, front: card.back, back: card.front });
      }
    }
  }

  // Cloze deletions: each ==highlight== (and **bold** when enabled) of a block is one card.
  for (let i = 0; i < lines.length; i++) {
    if (blank(i) || used.has(i)) continue;
    let end = i;
    while (!blank(end + 1) && !used.has(end + 1)) end++;
    const block = lines
      .slice(i, end + 1)
      .map((l) => l.replace(srComment, ''))
      .join('\n');
    const masked = maskCode(block);
    const deletions: { start: number; end: number; inner: string; syntax: FlashcardSyntax }[] = [];
    const highlight = /==([^=\n](?:[^=\n]|=(?!=))*?)==/g;
    for (const m of masked.matchAll(highlight))
      deletions.push({
        start: m.index,
        end: m.index + m[0].length,
        inner: block.slice(m.index + 2, m.index + m[0].length - 2),
        syntax: 'cloze-highlight',
      });
    if ((masked.match(/==/g)?.length ?? 0) % 2 === 1)
      problems.push({ line: i + 1, message: 'flashcard cloze "==" is not closed; the unpaired one is ignored' });
    if (options.boldCloze) {
      for (const m of masked.matchAll(/\*\*([^*\n]+)\*\*/g))
        deletions.push({ start: m.index, end: m.index + m[0].length, inner: m[1]!, syntax: 'cloze-bold' });
    }
    deletions.sort((a, b) => a.start - b.start);
    for (const d of deletions) {
      const front = block.slice(0, d.start) + '[...]' + block.slice(d.end);
      add(front.replace(/==/g, ''), d.inner, d.syntax, i + 1, block.replace(/==/g, ''));
    }
    i = end;
  }
  cards.sort((a, b) => a.line - b.line);
  return { cards, problems };
}

/** Stable id: the note route plus a hash of what the card asks and answers. */
const flashcardId = (route: string, card: Pick<RawCard, 'front' | 'back'>): string =>
  `${route}?f=${createHash('sha1').update(`${card.front}\u0000${card.back}`).digest('hex').slice(0, 10)}`;

/** Turns raw cards into the note's flashcards, each in the section its first line is in. */
export function placeCards(
  cards: RawCard[],
  route: string,
  sections: readonly { anchor: string; line: number }[],
): Flashcard[] {
  return cards.map((card) => {
    let anchor = sections[0]?.anchor ?? '';
    for (const s of sections) if (s.line <= card.line) anchor = s.anchor;
    return {
      id: flashcardId(route, card),
      front: card.front,
      back: card.back,
      syntax: card.syntax,
      line: card.line,
      source: card.source,
      section: anchor,
      noteRoute: route,
    };
  });
}
