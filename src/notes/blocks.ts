import type { Nodes, PhrasingContent, RootContent } from 'mdast';
import { htmlToText, plainText, replaceLineBreakRuns } from './plaintext.js';

/**
 * Excerpt material, prepared at load time so answering never re-parses Markdown.
 * A block is the smallest unit an excerpt may start or stop at (a paragraph, a list item,
 * a table row, a whole code block). Its segments are data, in no output syntax: note text as
 * written (which an excerpt may bold, cut at a sentence end or escape for its output), and marks
 * kept whole (code, formulas, emphasis, links) that each renderer writes in its own syntax.
 */
export type Segment = TextSegment | Mark;

/** Note text as written: no Markdown, no escapes. */
interface TextSegment {
  text: string;
}

export type Mark = CodeMark | MathMark | EmphasisMark | LinkMark | CodeBlockMark;

/** Inline code. */
interface CodeMark {
  mark: 'code';
  code: string;
}

/** A TeX formula as written, its `$` delimiters included. */
interface MathMark {
  mark: 'math';
  tex: string;
}

/** Bold (`strong`) or italic (`emphasis`) text. */
interface EmphasisMark {
  mark: 'strong' | 'emphasis';
  children: Segment[];
}

/** A link to an absolute URL (a link the notes cannot resolve is kept as its label). */
interface LinkMark {
  mark: 'link';
  url: string;
  children: Segment[];
}

/** A whole code block: the one segment of a block of kind `code`. */
interface CodeBlockMark {
  mark: 'codeBlock';
  lang: string | null;
  code: string;
}

/**
 * What stands before a block inside a list or a quote: a bullet, an item's number, the indent of
 * an item's later paragraph (`continuation`), or a quote bar. `depth` counts enclosing lists.
 */
export type BlockPrefix =
  | { type: 'bullet'; depth: number }
  | { type: 'ordered'; number: number; depth: number }
  | { type: 'continuation'; depth: number }
  | { type: 'quote' };

export interface Block {
  kind: 'text' | 'code' | 'row' | 'item' | 'quote';
  segments: Segment[];
  /** Set on paragraphs inside lists and quotes. */
  prefix?: BlockPrefix;
}

export const isMark = (segment: Segment): segment is Mark => 'mark' in segment;

/** The prefix as plain text shows it: "• ", "2. ", "> ", indented two spaces per depth. */
export function prefixText(prefix: BlockPrefix): string {
  if (prefix.type === 'quote') return '> ';
  const indent = '  '.repeat(prefix.depth);
  if (prefix.type === 'bullet') return `${indent}• `;
  if (prefix.type === 'ordered') return `${indent}${prefix.number}. `;
  return `${indent}  `;
}

/** The segments' text without marks: what a reader sees, a formula as written. */
export function plainTextOf(segments: readonly Segment[]): string {
  let out = '';
  for (const s of segments) out += isMark(s) ? markText(s) : s.text;
  return out;
}

const visible = /\S/;

/** Whether the segments show anything but white space: `plainTextOf(segments).trim() !== ''` without building the text. */
function hasVisibleText(segments: readonly Segment[]): boolean {
  for (const s of segments) {
    if (!isMark(s)) {
      if (visible.test(s.text)) return true;
    } else if (s.mark === 'code' || s.mark === 'codeBlock') {
      if (visible.test(s.code)) return true;
    } else if (s.mark === 'math') {
      if (visible.test(s.tex)) return true;
    } else if (hasVisibleText(s.children)) return true;
  }
  return false;
}

function markText(mark: Mark): string {
  switch (mark.mark) {
    case 'code':
    case 'codeBlock':
      return mark.code;
    case 'math':
      return mark.tex;
    default:
      return plainTextOf(mark.children);
  }
}

/** Turns a link target into an absolute URL, or null to keep only the link text. */
export type UrlResolver = (url: string) => string | null;

/** Links in table cells are kept as their labels. */
const noUrl: UrlResolver = () => null;

// Deeper inline nesting (emphasis in a link in emphasis …) than any note writes is kept as plain
// text, so a hostile file cannot overflow the call stack.
const MAX_INLINE_DEPTH = 32;
// List items deeper than this are shown at this depth: the indent would otherwise grow with it.
const MAX_DEPTH = 8;

function inlineSegments(nodes: readonly (PhrasingContent | Nodes)[], resolve: UrlResolver, depth = 0): Segment[] {
  const out: Segment[] = [];
  addInlineSegments(nodes, resolve, depth, out);
  return out;
}

/** Adds the segments of `nodes` to `out` (no array per level: the spread copies were 2 % of a load's allocation). */
function addInlineSegments(
  nodes: readonly (PhrasingContent | Nodes)[],
  resolve: UrlResolver,
  depth: number,
  out: Segment[],
): void {
  for (const node of nodes) {
    if (depth > MAX_INLINE_DEPTH) {
      out.push({ text: replaceLineBreakRuns(plainText(node as Nodes), ' ') });
      continue;
    }
    switch (node.type) {
      case 'text':
        addMathSegments(replaceLineBreakRuns(node.value, ' '), out);
        break;
      case 'inlineCode':
        out.push({ mark: 'code', code: node.value });
        break;
      case 'strong':
      case 'emphasis': {
        const children = inlineSegments(node.children, resolve, depth + 1);
        if (hasVisibleText(children)) out.push({ mark: node.type, children });
        break;
      }
      case 'delete':
        addInlineSegments(node.children, resolve, depth + 1, out);
        break;
      case 'link': {
        const children = inlineSegments(node.children, resolve, depth + 1);
        const url = resolve(node.url);
        if (!hasVisibleText(children)) break;
        if (url) out.push({ mark: 'link', url, children });
        else for (const segment of trimSegments(children)) out.push(segment);
        break;
      }
      case 'image':
        if (node.alt) out.push({ text: node.alt });
        break;
      case 'break':
        out.push({ text: ' ' });
        break;
      case 'html': {
        const text = htmlToText(node.value);
        if (text) out.push({ text });
        break;
      }
      default:
        if ('children' in node) addInlineSegments(node.children as Nodes[], resolve, depth + 1, out);
    }
  }
}

/** New segments (the caller's own) without the white space at their two ends, in place; empty text dropped. */
function trimSegments(segments: Segment[]): Segment[] {
  const first = segments[0];
  if (first && !isMark(first)) segments[0] = { text: first.text.trimStart() };
  const last = segments.at(-1);
  if (last && !isMark(last)) segments[segments.length - 1] = { text: last.text.trimEnd() };
  let kept = 0;
  for (const segment of segments) if (isMark(segment) || segment.text) segments[kept++] = segment;
  segments.length = kept;
  return segments;
}

/** A table row: its cells' segments between " · ", neighbouring text joined into one segment. */
function rowSegments(cells: Segment[][]): Segment[] {
  const out: Segment[] = [];
  for (let i = 0; i < cells.length; i++) {
    if (i > 0) addJoined(out, { text: ' · ' });
    for (const segment of cells[i]!) addJoined(out, segment);
  }
  return out;
}

/** Adds a segment, joined to the last one when both are text. */
function addJoined(out: Segment[], segment: Segment): void {
  const last = out.at(-1);
  if (last && !isMark(last) && !isMark(segment)) out[out.length - 1] = { text: last.text + segment.text };
  else out.push(segment);
}

// TeX math as Pandoc and remark-math read it: `$$…$$`, or `$…$` opened before a non-space and
// closed after one, not followed by a digit (so "$5 and $10" stays text). Linear: no `$` inside.
const math = /\$\$[^$]+\$\$|\$(?=[^\s$])[^$\n]*[^\s$]\$(?!\d)|\$[^\s$]\$(?!\d)/g;

/** Adds text to `out` with its formulas kept whole and untouched: never escaped, cut or bolded inside. */
function addMathSegments(text: string, out: Segment[]): void {
  if (!text.includes('$')) {
    out.push({ text });
    return;
  }
  let last = 0;
  for (const match of text.matchAll(math)) {
    if (match.index > last) out.push({ text: text.slice(last, match.index) });
    out.push({ mark: 'math', tex: match[0] });
    last = match.index + match[0].length;
  }
  if (last < text.length) out.push({ text: text.slice(last) });
}

interface Frame {
  node: Nodes;
  prefix: BlockPrefix | undefined;
  kind: Block['kind'];
  /** How many lists enclose the node. */
  depth: number;
}

/** The blocks of a section's nodes, in order. Walks with its own stack: nesting depth is unbounded. */
export function toBlocks(nodes: readonly RootContent[], source: string, resolve: UrlResolver): Block[] {
  const blocks: Block[] = [];
  const stack: Frame[] = nodes.map((node) => ({ node, prefix: undefined, kind: 'text' as const, depth: 0 })).reverse();
  const pushChildren = (frames: Frame[]): void => void stack.push(...frames.reverse());
  while (stack.length) {
    const { node, prefix, kind, depth } = stack.pop()!;
    switch (node.type) {
      case 'paragraph':
      case 'heading': {
        const segments = inlineSegments(node.children, resolve);
        if (hasVisibleText(segments)) blocks.push(prefix ? { kind, segments, prefix } : { kind, segments });
        break;
      }
      case 'code': {
        const start = node.position?.start.offset;
        const end = node.position?.end.offset;
        const raw = start !== undefined && end !== undefined ? source.slice(start, end).trimEnd() : '';
        // A fence the author never closed swallows the rest of the file: leave it out.
        const closed = /^\s*(`{3,}|~{3,})/.test(raw) ? endsWithFence(raw) : true;
        if (closed && node.value.trim())
          blocks.push({ kind: 'code', segments: [{ mark: 'codeBlock', lang: node.lang ?? null, code: node.value }] });
        break;
      }
      case 'list': {
        // Lists nested deeper than this are shown at this depth: the indent would otherwise grow with it.
        const inner = Math.min(depth + 1, MAX_DEPTH);
        pushChildren(
          node.children.flatMap((item, index) => {
            const marker: BlockPrefix = node.ordered
              ? { type: 'ordered', number: (node.start ?? 1) + index, depth }
              : { type: 'bullet', depth };
            return item.children.map((child, childIndex) => ({
              node: child,
              prefix: childIndex === 0 ? marker : { type: 'continuation' as const, depth },
              kind: 'item' as const,
              depth: inner,
            }));
          }),
        );
        break;
      }
      case 'blockquote':
        pushChildren(
          node.children.map((child) => ({
            node: child,
            prefix: { type: 'quote' as const },
            kind: 'quote' as const,
            depth,
          })),
        );
        break;
      case 'table':
        for (const row of node.children) {
          const cells = row.children.map((cell) => trimSegments(inlineSegments(cell.children, noUrl)));
          if (cells.some((cell) => cell.length > 0)) blocks.push({ kind: 'row', segments: rowSegments(cells) });
        }
        break;
      case 'html': {
        const text = htmlToText(node.value);
        if (text)
          for (const line of text.split(/\n+/))
            if (line.trim()) blocks.push({ kind: 'row', segments: [{ text: line.trim() }] });
        break;
      }
      default:
        if ('children' in node)
          pushChildren((node.children as Nodes[]).map((child) => ({ node: child, prefix, kind, depth })));
    }
  }
  return blocks;
}

/**
 * Whether the last line of a code block is a closing fence (``` or ~~~, three or more), the
 * linear form of `/\n\s*(`{3,}|~{3,})\s*$/` (quadratic on long runs of blank lines).
 */
function endsWithFence(raw: string): boolean {
  const text = raw.trimEnd();
  const lineStart = text.lastIndexOf('\n');
  if (lineStart < 0) return false;
  const line = text.slice(lineStart + 1).trimStart();
  const mark = line[0];
  return line.length >= 3 && (mark === '`' || mark === '~') && [...line].every((c) => c === mark);
}
