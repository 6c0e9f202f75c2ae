import type { Nodes, PhrasingContent, RootContent } from 'mdast';
import { escapeDiscord } from './escape.js';
import { htmlToText, plainText, replaceLineBreakRuns } from './plaintext.js';

// In escape.ts so that answering (search/excerpt.ts) does not load the HTML parser.
export { escapeDiscord } from './escape.js';

/**
 * Excerpt material, prepared at load time so answering never re-parses Markdown.
 * A block is the smallest unit an excerpt may start or stop at (a paragraph, a list item,
 * a table row, a whole code block). Text segments may be bolded, escaped and cut at a
 * sentence end; raw segments are Discord Markdown kept whole (links, code, emphasis).
 */
export type Segment = { text: string } | { raw: string };

export interface Block {
  kind: 'text' | 'code' | 'row' | 'item' | 'quote';
  segments: Segment[];
}

/** Turns a link target into an absolute URL, or null to keep only the link text. */
export type UrlResolver = (url: string) => string | null;

const codeFence = (lang: string | null | undefined, value: string): string => {
  const fence = value.includes('```') ? '~~~' : '```';
  return `${fence}${lang ?? ''}\n${value}\n${fence}`;
};

// Deeper inline nesting (emphasis in a link in emphasis …) than any note writes is kept as plain
// text, so a hostile file cannot overflow the call stack.
const MAX_INLINE_DEPTH = 32;
// List items deeper than this are shown at this depth: the indent would otherwise grow with it.
const MAX_INDENT = '  '.repeat(8);

function inlineSegments(nodes: readonly (PhrasingContent | Nodes)[], resolve: UrlResolver, depth = 0): Segment[] {
  const out: Segment[] = [];
  for (const node of nodes) {
    if (depth > MAX_INLINE_DEPTH) {
      out.push({ text: replaceLineBreakRuns(plainText(node as Nodes), ' ') });
      continue;
    }
    switch (node.type) {
      case 'text':
        out.push(...mathSegments(replaceLineBreakRuns(node.value, ' ')));
        break;
      case 'inlineCode':
        if (node.value.includes('`')) out.push({ raw: '`` ' + node.value + ' ``' });
        else out.push({ raw: '`' + node.value + '`' });
        break;
      case 'strong':
      case 'emphasis': {
        const inner = textOfSegments(inlineSegments(node.children, resolve, depth + 1)).trim();
        if (inner)
          out.push({ raw: node.type === 'strong' ? `**${escapeDiscord(inner)}**` : `*${escapeDiscord(inner)}*` });
        break;
      }
      case 'delete':
        out.push(...inlineSegments(node.children, resolve, depth + 1));
        break;
      case 'link': {
        const label = textOfSegments(inlineSegments(node.children, resolve, depth + 1)).trim();
        const url = resolve(node.url);
        if (url && label)
          out.push({
            raw: `[${escapeDiscord(label).replace(/[[\]]/g, '')}](${url.replace(/[()\s]/g, encodeURIComponent)})`,
          });
        else if (label) out.push({ text: label });
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
        if ('children' in node) out.push(...inlineSegments(node.children as Nodes[], resolve, depth + 1));
    }
  }
  return out;
}

// TeX math as Pandoc and remark-math read it: `$$…$$`, or `$…$` opened before a non-space and
// closed after one, not followed by a digit (so "$5 and $10" stays text). Linear: no `$` inside.
const math = /\$\$[^$]+\$\$|\$(?=[^\s$])[^$\n]*[^\s$]\$(?!\d)|\$[^\s$]\$(?!\d)/g;

/** Text with its formulas kept whole and untouched: never escaped, cut or bolded inside. */
function mathSegments(text: string): Segment[] {
  if (!text.includes('$')) return [{ text }];
  const out: Segment[] = [];
  let last = 0;
  for (const match of text.matchAll(math)) {
    if (match.index > last) out.push({ text: text.slice(last, match.index) });
    out.push({ raw: match[0] });
    last = match.index + match[0].length;
  }
  if (last < text.length) out.push({ text: text.slice(last) });
  return out;
}

export function textOfSegments(segments: Segment[]): string {
  return segments.map((s) => ('text' in s ? s.text : s.raw)).join('');
}

interface Frame {
  node: Nodes;
  prefix: string;
  kind: Block['kind'];
  indent: string;
}

/** The blocks of a section's nodes, in order. Walks with its own stack: nesting depth is unbounded. */
export function toBlocks(nodes: readonly RootContent[], source: string, resolve: UrlResolver): Block[] {
  const blocks: Block[] = [];
  const stack: Frame[] = nodes.map((node) => ({ node, prefix: '', kind: 'text' as const, indent: '' })).reverse();
  const pushChildren = (frames: Frame[]): void => void stack.push(...frames.reverse());
  while (stack.length) {
    const { node, prefix, kind, indent } = stack.pop()!;
    switch (node.type) {
      case 'paragraph':
      case 'heading': {
        const segments = inlineSegments(node.children, resolve);
        if (textOfSegments(segments).trim())
          blocks.push({ kind, segments: prefix ? [{ raw: prefix }, ...segments] : segments });
        break;
      }
      case 'code': {
        const start = node.position?.start.offset;
        const end = node.position?.end.offset;
        const raw = start !== undefined && end !== undefined ? source.slice(start, end).trimEnd() : '';
        // A fence the author never closed swallows the rest of the file: leave it out.
        const closed = /^\s*(`{3,}|~{3,})/.test(raw) ? endsWithFence(raw) : true;
        if (closed && node.value.trim())
          blocks.push({ kind: 'code', segments: [{ raw: codeFence(node.lang, node.value) }] });
        break;
      }
      case 'list': {
        const inner = indent.length < MAX_INDENT.length ? indent + '  ' : MAX_INDENT;
        pushChildren(
          node.children.flatMap((item, index) => {
            const marker = node.ordered ? `${(node.start ?? 1) + index}. ` : '• ';
            return item.children.map((child, childIndex) => ({
              node: child,
              prefix: childIndex === 0 ? indent + marker : indent + '  ',
              kind: 'item' as const,
              indent: inner,
            }));
          }),
        );
        break;
      }
      case 'blockquote':
        pushChildren(node.children.map((child) => ({ node: child, prefix: '> ', kind: 'quote' as const, indent })));
        break;
      case 'table':
        for (const row of node.children) {
          const cells = row.children.map((cell) => textOfSegments(inlineSegments(cell.children, () => null)).trim());
          if (cells.some(Boolean)) blocks.push({ kind: 'row', segments: [{ text: cells.join(' · ') }] });
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
          pushChildren((node.children as Nodes[]).map((child) => ({ node: child, prefix, kind, indent })));
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
