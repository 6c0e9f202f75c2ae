import type { Code, Heading, List, ListItem, Nodes, Paragraph, PhrasingContent, Root, Table } from 'mdast';
import { parseMarkdown } from '../../notes/markdown.js';
import { collapseWhitespace, plainText } from '../../notes/plaintext.js';
import type { Note, Section } from '../../notes/types.js';

/** A term the notes mark as key (bold, or code in prose) and the sentence it stands in. */
export interface MarkedTerm {
  term: string;
  sentence: string;
  mark: 'strong' | 'code';
}

/** "**Term** — definition" / "Term: definition" list items and definition-list entries. */
interface TermDefinition {
  term: string;
  definition: string;
  /** Index of the list (or paragraph run) it belongs to, so siblings share a group. */
  group: number;
  source: string;
}

interface TableFacts {
  header: string[];
  rows: string[][];
  source: string;
}

interface OrderedList {
  items: string[];
  /** The paragraph just before the list (its lead-in), for telling steps from plain lists. */
  lead: string;
}

/** A fenced code block and what introduces it, for cards on commands and settings (code.ts). */
export interface CodeBlock {
  lang: string;
  code: string;
  /** The paragraph right before the block (HTML comments and breaks between are skipped). */
  lead?: string;
  /** The heading right before the block: a heading inside the section (MDX `<Steps>`), or the section's own when the block opens it. */
  heading?: string;
}

/** What one section offers the question kinds, read once from its Markdown. */
/** A bold-led paragraph's raw Markdown: the bold text, and the display math after it if any. */
interface BoldLine {
  bold: string;
  math: string;
}

export interface SectionFacts {
  section: Section;
  note: Note;
  /** The note's folder route ("" at the top). */
  folder: string;
  /** Sentences of the section's paragraphs and list items, plain text. */
  sentences: string[];
  terms: MarkedTerm[];
  definitions: TermDefinition[];
  tables: TableFacts[];
  ordered: OrderedList[];
  /** Fenced code blocks with their lead-in (optional: facts read without them offer none). */
  code?: CodeBlock[];
  /** "*Term*: definition" list items (emphasis, not bold, so the definition kind does not read them). */
  emphasised?: { term: string; definition: string; source: string }[];
  /**
   * The section's paragraphs (in lists and quotes too) in order, formulas as written (`$…$`); ""
   * where a heading, code or a table breaks the text apart (statement.ts, asked.ts).
   */
  paragraphs: string[];
  /** Paragraphs that are a bold line alone, or a bold line and display math (formula.ts), as written. */
  boldLines: BoldLine[];
  /** The first sentence of the section's first paragraph. */
  opening?: string;
}

const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' });

/** Sentences of a text, trimmed; a newline always ends one. */
export function sentencesOf(text: string): string[] {
  const out: string[] = [];
  for (const line of text.split('\n')) {
    for (const s of segmenter.segment(line)) {
      const sentence = s.segment.trim();
      if (sentence) out.push(sentence);
    }
  }
  return out;
}

const inlineText = (nodes: readonly (PhrasingContent | Nodes)[]): string =>
  collapseWhitespace(nodes.map((n) => plainText(n as Nodes)).join('')).replace(/\n/g, ' ');

/** "—", "–", " - ", ":" or the full-width "：" after a leading term. */
const separator = /^\s*(?:[—–:：]|\s-\s|-\s)\s*/;

function definitionOf(children: readonly PhrasingContent[]): { term: string; definition: string } | undefined {
  const [first, ...rest] = children;
  if (!first || (first.type !== 'strong' && first.type !== 'inlineCode')) return undefined;
  let term = first.type === 'strong' ? inlineText(first.children) : first.value;
  let tail = inlineText(rest);
  // "**Term:** definition" puts the colon inside the bold.
  const inner = /[:：]\s*$/.exec(term);
  if (inner) term = term.slice(0, inner.index).trim();
  else {
    const sep = separator.exec(tail);
    if (!sep) return undefined;
    tail = tail.slice(sep[0].length);
  }
  term = term.trim();
  tail = tail.trim();
  return term && tail ? { term, definition: tail } : undefined;
}

/** "*Term*: definition" or "*2. Compile*: …" (course notes mark terms with emphasis). */
function emphasisDefinitionOf(children: readonly PhrasingContent[]): { term: string; definition: string } | undefined {
  const [first, ...rest] = children;
  if (first?.type !== 'emphasis') return undefined;
  const term = inlineText(first.children)
    .replace(/^\d+[.)]\s*/, '')
    .replace(/[:：]\s*$/, '')
    .trim();
  const sep = /^\s*[:：]\s*/.exec(inlineText(rest));
  if (!term || !sep) return undefined;
  const definition = inlineText(rest).slice(sep[0].length).trim();
  return definition ? { term, definition } : undefined;
}

/** A Markdown Extra definition list entry: "Term" on one line, ": definition" on the next. */
function definitionListEntry(text: string): { term: string; definition: string } | undefined {
  const lines = text.trim().split('\n');
  if (lines.length !== 2 || !lines[1]!.startsWith(':')) return undefined;
  const term = lines[0]!.trim();
  const definition = lines[1]!.slice(1).trim();
  return term && definition && term.length <= 80 ? { term, definition } : undefined;
}

function visitTerms(node: Nodes, sentenceOf: (term: string) => string | undefined, out: MarkedTerm[]): void {
  if (node.type === 'strong') {
    const term = inlineText(node.children)
      .replace(/[:：]$/, '')
      .trim();
    const sentence = sentenceOf(term);
    if (term && sentence) out.push({ term, sentence, mark: 'strong' });
    return;
  }
  if (node.type === 'inlineCode') {
    // rehype-pretty-code's language hint: `<table>{:js}` shows as <table>.
    const term = node.value.replace(/\{:[\w-]+\}$/, '');
    const sentence = sentenceOf(node.value);
    if (sentence) out.push({ term, sentence: sentence.replace(/\{:[\w-]+\}/g, ''), mark: 'code' });
    return;
  }
  if ('children' in node) for (const child of node.children as Nodes[]) visitTerms(child, sentenceOf, out);
}

/** A section's facts before its Markdown is read: nothing to ask yet. */
export function noFacts(section: Section, note: Note): SectionFacts {
  const folder = note.route.includes('/') ? note.route.slice(0, note.route.lastIndexOf('/')) : '';
  return {
    section,
    note,
    folder,
    sentences: [],
    terms: [],
    definitions: [],
    tables: [],
    ordered: [],
    code: [],
    emphasised: [],
    paragraphs: [],
    boldLines: [],
  };
}

/** Reads a section's Markdown into the facts the generators draw on. */
export function sectionFacts(section: Section, note: Note): SectionFacts {
  const facts = noFacts(section, note);
  if (!section.markdown.trim()) return facts;
  const tree: Root = parseMarkdown(section.markdown, /\.mdx$/i.test(section.file)).tree;
  let group = 0;
  let lastParagraph = '';
  // What the next code block would be introduced by: a paragraph or a heading right before it.
  let before: { lead?: string; heading?: string } = { heading: section.heading };

  const readBlock = (block: Paragraph): void => {
    const text = inlineText(block.children);
    const sentences = sentencesOf(text);
    const cleaned = sentences.map((x) => x.replace(/\{:[\w-]+\}/g, ''));
    facts.sentences.push(...cleaned);
    if (!facts.opening && cleaned[0]) facts.opening = cleaned[0];
    visitTerms(block, (term) => sentences.find((s) => s.includes(term)), facts.terms);
  };

  const readList = (list: List): void => {
    group++;
    const items: string[] = [];
    for (const item of list.children as ListItem[]) {
      const paragraph = item.children.find((c): c is Paragraph => c.type === 'paragraph');
      if (!paragraph) continue;
      readBlock(paragraph);
      const def = definitionOf(paragraph.children);
      if (def) facts.definitions.push({ ...def, group, source: inlineText(paragraph.children) });
      const emphasised = emphasisDefinitionOf(paragraph.children);
      if (emphasised) facts.emphasised!.push({ ...emphasised, source: inlineText(paragraph.children) });
      items.push(inlineText(paragraph.children));
      for (const child of item.children) if (child.type === 'list') readList(child);
    }
    if (list.ordered && items.length >= 3) facts.ordered.push({ items, lead: lastParagraph });
  };

  const readTable = (table: Table): void => {
    const [head, ...body] = table.children.map((row) => row.children.map((cell) => inlineText(cell.children)));
    if (!head || body.length < 3) return;
    facts.tables.push({ header: head, rows: body.filter((r) => r.length === head.length), source: '' });
  };

  const walk = (nodes: readonly Nodes[]): void => {
    for (const node of nodes) {
      const introduced = before;
      before = {};
      switch (node.type) {
        case 'code': {
          const block = node as Code;
          facts.code!.push({ lang: (block.lang ?? '').toLowerCase(), code: block.value, ...introduced });
          break;
        }
        case 'heading':
          before = { heading: inlineText((node as Heading).children) };
          break;
        case 'html':
        case 'thematicBreak':
          // "<!-- more -->", "<br/>": nothing between a lead-in and its code.
          before = introduced;
          break;
        case 'paragraph': {
          before = { lead: inlineText(node.children) };
          readBlock(node);
          const def = definitionOf(node.children) ?? definitionListEntry(plainText(node));
          if (def) facts.definitions.push({ ...def, group: 1000 + group, source: inlineText(node.children) });
          lastParagraph = inlineText(node.children);
          break;
        }
        case 'list': {
          readList(node);
          lastParagraph = '';
          // "- 安裝套件 X 套件:" then a code block: a one-item list, or a last item ending with a colon, leads it in.
          const items = (node as List).children;
          const last = items.at(-1)?.children.find((c): c is Paragraph => c.type === 'paragraph');
          const text = last ? inlineText(last.children) : '';
          if (text && (items.length === 1 || /[:：]\s*$/.test(text))) before = { lead: text };
          break;
        }
        case 'table':
          readTable(node);
          break;
        case 'blockquote':
        case 'mdxJsxFlowElement':
          // "<Steps>", "<Tabs.Tab>": a heading or lead just outside still introduces the first block inside.
          if (node.type === 'mdxJsxFlowElement') before = introduced;
          walk(node.children as Nodes[]);
          if (node.type === 'blockquote') before = {};
          break;
        default:
          break;
      }
    }
  };
  walk(tree.children as Nodes[]);
  facts.paragraphs = paragraphsOf(tree, section.markdown);
  facts.boldLines = boldLinesOf(tree, section.markdown);
  return facts;
}

/**
 * A paragraph's text from its source, formulas as written: Markdown would read the `_` and `*` of
 * `$a_{ij} + b_{ij}$` as emphasis. Outside formulas, bold, code marks, links and tags go.
 */
function rawText(node: Paragraph, source: string): string {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  if (start === undefined || end === undefined) return '';
  // The fast parser's position of a list item's paragraph starts at its marker ("- ", "1. ").
  const raw = source
    .slice(start, end)
    .replace(/^[ \t]*>[ \t]?/gm, '')
    .replace(/^[ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]+/, '');
  return raw
    .split('$')
    .map((part, i) =>
      i % 2 === 1
        ? part
        : part
            .replace(/\*\*|__|`/g, '')
            .replace(/!?\[([^\][]{0,200})\]\([^)\s]{0,500}\)/g, '$1')
            .replace(/<\/?[A-Za-z][^<>]*>/g, ''),
    )
    .join('$')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The section's paragraphs (in lists and quotes too) in order, formulas kept as written (`$…$`). */
function paragraphsOf(tree: Root, source: string): string[] {
  const out: string[] = [];
  const walk = (nodes: readonly Nodes[]): void => {
    for (const node of nodes) {
      if (node.type === 'paragraph') out.push(rawText(node as Paragraph, source));
      else if (node.type === 'blockquote' || node.type === 'list' || node.type === 'listItem')
        walk(node.children as Nodes[]);
      // A heading, code or a table between two paragraphs breaks a statement apart.
      else out.push('');
    }
  };
  walk(tree.children as Nodes[]);
  return out;
}

/** The raw Markdown of bold-led paragraphs: the bold text, and display math after it if any. */
function boldLinesOf(tree: Root, markdown: string): BoldLine[] {
  if (!markdown.includes('**') && !markdown.includes('__')) return [];
  const out: BoldLine[] = [];
  const visit = (node: { type: string; children?: unknown[] }): void => {
    if (node.type === 'paragraph') {
      const p = node as Paragraph;
      const [first, ...rest] = p.children;
      const start = p.position?.start.offset;
      const end = p.position?.end.offset;
      if (first?.type !== 'strong' || start === undefined || end === undefined) return;
      // The parsed paragraph says where the bold text is; its raw Markdown keeps the formulas' "_" and "*".
      const raw = markdown.slice(start, end).trim();
      const mark = raw.slice(0, 2);
      const close = raw.indexOf(mark, 2);
      if ((mark !== '**' && mark !== '__') || close < 0) return;
      const bold = raw.slice(2, close).trim();
      const after = raw.slice(close + 2).trim();
      // Nothing after the bold text, or display math only: a bold line inside a sentence is emphasis.
      if ((rest.length || after) && !(after.startsWith('$$') && after.endsWith('$$') && after.length > 4)) return;
      out.push({ bold, math: after });
      return;
    }
    for (const child of (node.children ?? []) as { type: string; children?: unknown[] }[]) visit(child);
  };
  visit(tree);
  return out;
}
