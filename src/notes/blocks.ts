import type { Nodes, PhrasingContent, RootContent } from 'mdast';
import { escapeDiscord } from './escape.js';
import { htmlToText } from './plaintext.js';

// In escape.ts so that answering (search/excerpt.ts) does not load the HTML parser.
export { escapeDiscord, escapeLineStart } from './escape.js';

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

function inlineSegments(nodes: readonly (PhrasingContent | Nodes)[], resolve: UrlResolver): Segment[] {
  const out: Segment[] = [];
  for (const node of nodes) {
    switch (node.type) {
      case 'text':
        out.push({ text: node.value.replace(/\s*\n\s*/g, ' ') });
        break;
      case 'inlineCode':
        if (node.value.includes('`')) out.push({ raw: '`` ' + node.value + ' ``' });
        else out.push({ raw: '`' + node.value + '`' });
        break;
      case 'strong':
      case 'emphasis': {
        const inner = textOfSegments(inlineSegments(node.children, resolve)).trim();
        if (inner) out.push({ raw: node.type === 'strong' ? `**${escapeDiscord(inner)}**` : `*${escapeDiscord(inner)}*` });
        break;
      }
      case 'delete':
        out.push(...inlineSegments(node.children, resolve));
        break;
      case 'link': {
        const label = textOfSegments(inlineSegments(node.children, resolve)).trim();
        const url = resolve(node.url);
        if (url && label) out.push({ raw: `[${escapeDiscord(label).replace(/[[\]]/g, '')}](${url.replace(/[()\s]/g, encodeURIComponent)})` });
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
        if ('children' in node) out.push(...inlineSegments(node.children as Nodes[], resolve));
    }
  }
  return out;
}

export function textOfSegments(segments: Segment[]): string {
  return segments.map((s) => ('text' in s ? s.text : s.raw)).join('');
}

export function toBlocks(nodes: readonly RootContent[], source: string, resolve: UrlResolver): Block[] {
  const blocks: Block[] = [];
  const visit = (node: Nodes, prefix: string, kind: Block['kind'], indent: string): void => {
    switch (node.type) {
      case 'paragraph':
      case 'heading': {
        const segments = inlineSegments(node.children, resolve);
        if (textOfSegments(segments).trim()) blocks.push({ kind, segments: prefix ? [{ raw: prefix }, ...segments] : segments });
        break;
      }
      case 'code': {
        const start = node.position?.start.offset;
        const end = node.position?.end.offset;
        const raw = start !== undefined && end !== undefined ? source.slice(start, end).trimEnd() : '';
        // A fence the author never closed swallows the rest of the file: leave it out.
        const closed = /^\s*(`{3,}|~{3,})/.test(raw) ? /\n\s*(`{3,}|~{3,})\s*$/.test(raw) : true;
        if (closed && node.value.trim()) blocks.push({ kind: 'code', segments: [{ raw: codeFence(node.lang, node.value) }] });
        break;
      }
      case 'list':
        node.children.forEach((item, index) => {
          const marker = node.ordered ? `${(node.start ?? 1) + index}. ` : '• ';
          item.children.forEach((child, childIndex) => {
            const childPrefix = childIndex === 0 ? indent + marker : indent + '  ';
            visit(child, childPrefix, 'item', indent + '  ');
          });
        });
        break;
      case 'blockquote':
        for (const child of node.children) visit(child, '> ', 'quote', indent);
        break;
      case 'table':
        for (const row of node.children) {
          const cells = row.children.map((cell) => textOfSegments(inlineSegments(cell.children, () => null)).trim());
          if (cells.some(Boolean)) blocks.push({ kind: 'row', segments: [{ text: cells.join(' · ') }] });
        }
        break;
      case 'html': {
        const text = htmlToText(node.value);
        if (text) for (const line of text.split(/\n+/)) if (line.trim()) blocks.push({ kind: 'row', segments: [{ text: line.trim() }] });
        break;
      }
      default:
        if ('children' in node) for (const child of node.children as Nodes[]) visit(child, prefix, kind, indent);
    }
  };
  for (const node of nodes) visit(node, '', 'text', '');
  return blocks;
}
