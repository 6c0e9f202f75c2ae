import GithubSlugger, { slug as slugOf } from 'github-slugger';
import type { Heading, Nodes, Root, RootContent } from 'mdast';
import { toBlocks, type Block, type UrlResolver } from './blocks.js';
import { collapseWhitespace, htmlToText, plainText } from './plaintext.js';

export interface RawSection {
  heading: string;
  /** Headings above this one, outermost first (the note title is not included). */
  parents: string[];
  level: number;
  anchor: string;
  text: string;
  markdown: string;
  blocks: Block[];
  line: number;
  children: string[];
  /** False when the section has no prose of its own: only images, only links (a reading list). */
  answerable: boolean;
}

/** Letters of prose in nodes, link labels and image captions left out; code counts as prose. */
function proseLength(nodes: readonly Nodes[]): number {
  let length = 0;
  for (const node of nodes) {
    if (
      node.type === 'link' ||
      node.type === 'linkReference' ||
      node.type === 'image' ||
      node.type === 'imageReference'
    )
      continue;
    if (node.type === 'text' || node.type === 'inlineCode' || node.type === 'code')
      length += node.value.replace(/[\s\p{P}\p{S}]+/gu, '').length;
    else if (node.type === 'html') length += htmlToText(node.value).length;
    else if ('children' in node) length += proseLength(node.children as Nodes[]);
    if (length >= 20) return length;
  }
  return length;
}

// Nextra `[#custom-id]`, Docusaurus and Pandoc `{#custom-id}`.
// An anchor tag ends at the next `<` too, so unclosed `<a ` runs are scanned once (linear).
const htmlAnchor = /<a\s[^<>]*?\b(?:name|id)\s*=\s*["']([^"']+)["']/i;

/**
 * A heading's trailing `[#id]` or `{#id}`: the id and where the suffix starts. The same as
 * `/\s*(?:\[#([^\]\s]+)\]|\{#([^}\s]+)\})\s*$/` without its quadratic cases (runs of `[#` or of
 * spaces).
 */
function trailingCustomId(text: string): { id: string; index: number } | null {
  const end = text.trimEnd().length;
  const close = text[end - 1];
  if (close !== ']' && close !== '}') return null;
  let start = end - 1;
  while (start > 0 && text[start - 1] !== close && !/\s/.test(text[start - 1]!)) start--;
  const open = text.indexOf(close === ']' ? '[#' : '{#', start);
  if (open < 0 || open + 2 >= end - 1) return null;
  return { id: text.slice(open + 2, end - 1), index: open };
}

interface HeadingInfo {
  text: string;
  explicitAnchor?: string;
}

/** Heading text without `<a name>` tags or a Nextra `[#custom-id]`, plus the explicit anchor if any. */
export function readHeading(heading: Heading): HeadingInfo {
  let explicitAnchor: string | undefined;
  for (const child of heading.children) {
    if (child.type === 'html') explicitAnchor ??= htmlAnchor.exec(child.value)?.[1];
  }
  let text = collapseWhitespace(
    heading.children
      .filter((c) => c.type !== 'html')
      .map((c) => plainText(c))
      .join(''),
  );
  const custom = trailingCustomId(text);
  if (custom) {
    explicitAnchor = custom.id;
    text = text.slice(0, custom.index).trim();
  }
  return { text, explicitAnchor };
}

const ignorable = (node: RootContent): boolean => node.type === 'yaml' || node.type === 'mdxjsEsm';

/**
 * Splits a parsed note at its top-level headings. Each heading owns the content up to the next
 * heading; subsections are separate sections that record their parents, so no text is indexed
 * twice. A leading H1 (the page title, as Nextra pages start) opens the intro section.
 */
export function splitSections(
  tree: Root,
  source: string,
  resolve: UrlResolver,
  h1IsTitle = true,
): { sections: RawSection[]; h1?: string; anchors: Set<string> } {
  const slugger = new GithubSlugger();
  const sections: RawSection[] = [];
  const stack: { depth: number; text: string; index: number }[] = [];
  let h1: string | undefined;
  // Every heading is a link target, the page title included.
  const anchors = new Set<string>();
  let current:
    | { raw: Omit<RawSection, 'text' | 'markdown' | 'blocks' | 'answerable'>; nodes: RootContent[] }
    | undefined;

  const finish = (): void => {
    if (!current) return;
    const { raw, nodes } = current;
    const first = nodes[0]?.position?.start.offset;
    const last = nodes.at(-1)?.position?.end.offset;
    const markdown = first !== undefined && last !== undefined ? source.slice(first, last) : '';
    if (raw.level > 0 || nodes.length > 0) {
      sections.push({
        ...raw,
        text: collapseWhitespace(nodes.map((n) => plainText(n)).join('\n')),
        markdown,
        blocks: toBlocks(nodes, source, resolve),
        // A few letters of prose are enough (CJK packs a sentence into few characters).
        answerable: proseLength(nodes) >= 8,
      });
    }
    current = undefined;
  };

  const start = (level: number, heading: string, anchor: string, line: number, parents: string[]): void => {
    finish();
    current = { raw: { heading, parents, level, anchor, line, children: [] }, nodes: [] };
  };

  const contentBefore = (index: number): boolean => tree.children.slice(0, index).some((n) => !ignorable(n));

  tree.children.forEach((node, index) => {
    if (node.type !== 'heading') {
      if (ignorable(node)) return;
      if (!current) start(0, '', '', node.position?.start.line ?? 1, []);
      current!.nodes.push(node);
      return;
    }
    const { text, explicitAnchor } = readHeading(node);
    const slug = slugger.slug(text);
    const anchor = explicitAnchor ?? slug;
    anchors.add(anchor).add(slug);
    const line = node.position?.start.line ?? 1;
    if (h1IsTitle && node.depth === 1 && h1 === undefined && !contentBefore(index)) {
      anchors.add(slugOf(text));
      h1 = text;
      start(0, text, '', line, []);
      return;
    }
    while (stack.length && stack.at(-1)!.depth >= node.depth) stack.pop();
    const parent = stack.at(-1);
    start(
      node.depth,
      text,
      anchor,
      line,
      stack.map((s) => s.text),
    );
    const position = sections.length; // index this section will have once finished
    if (parent) {
      const parentSection = parent.index < sections.length ? sections[parent.index] : undefined;
      parentSection?.children.push(anchor);
    } else {
      (sections.find((s) => s.level === 0) ?? undefined)?.children.push(anchor);
    }
    stack.push({ depth: node.depth, text, index: position });
  });
  finish();
  return { sections, h1, anchors };
}
