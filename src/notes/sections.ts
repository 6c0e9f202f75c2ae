import GithubSlugger, { slug as slugOf } from 'github-slugger';
import type { Heading, Nodes, Root, RootContent } from 'mdast';
import { toBlocks, type Block, type UrlResolver } from './blocks.js';
import { collapseWhitespace, htmlToText, isSpace, plainText } from './plaintext.js';

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

const nonLetters = /[\s\p{P}\p{S}]+/gu;

/**
 * Code units of `text` that are no white space, punctuation or symbol: ASCII counted directly,
 * the rest through the Unicode classes (the regex alone was 2 % of a cold load).
 */
function lettersIn(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 128) return count + text.slice(i).replace(nonLetters, '').length;
    // ASCII punctuation and symbols are the printable characters outside letters and digits.
    const printable = code > 32 && code < 127;
    const letterOrDigit = (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
    if (letterOrDigit || (!printable && !isSpace(code))) count++;
  }
  return count;
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
    if (node.type === 'text' || node.type === 'inlineCode' || node.type === 'code') length += lettersIn(node.value);
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

/** A heading that opened the section, and the content nodes under it so far. */
interface OpenSection {
  raw: Omit<RawSection, 'text' | 'markdown' | 'blocks' | 'answerable'>;
  nodes: RootContent[];
}

/** The state of one pass over a note's top-level nodes. */
interface Split {
  source: string;
  resolve: UrlResolver;
  slugger: GithubSlugger;
  sections: RawSection[];
  /** Open headings above the current one: depth, text and the index of their section. */
  stack: { depth: number; text: string; index: number }[];
  h1?: string;
  /** Every heading is a link target, the page title included. */
  anchors: Set<string>;
  open?: OpenSection;
}

const ignorable = (node: RootContent): boolean => node.type === 'yaml' || node.type === 'mdxjsEsm';

/** The note's source from the first node to the end of the last, or '' without positions. */
function sourceOf(nodes: readonly RootContent[], source: string): string {
  const first = nodes[0]?.position?.start.offset;
  const last = nodes.at(-1)?.position?.end.offset;
  return first !== undefined && last !== undefined ? source.slice(first, last) : '';
}

/** Ends the open section; an intro without content is dropped. */
function closeSection(split: Split): void {
  const open = split.open;
  split.open = undefined;
  if (!open || (open.raw.level === 0 && open.nodes.length === 0)) return;
  const { raw, nodes } = open;
  split.sections.push({
    ...raw,
    text: collapseWhitespace(nodes.map((n) => plainText(n)).join('\n')),
    markdown: sourceOf(nodes, split.source),
    blocks: toBlocks(nodes, split.source, split.resolve),
    // A few letters of prose are enough (CJK packs a sentence into few characters).
    answerable: proseLength(nodes) >= 8,
  });
}

function openSection(split: Split, raw: OpenSection['raw']): void {
  closeSection(split);
  split.open = { raw, nodes: [] };
}

/** Content goes to the open section; content before any heading opens the intro. */
function addContent(split: Split, node: RootContent): void {
  if (!split.open)
    openSection(split, { heading: '', parents: [], level: 0, anchor: '', line: lineOf(node), children: [] });
  split.open!.nodes.push(node);
}

const lineOf = (node: RootContent): number => node.position?.start.line ?? 1;

/** A leading H1 (nothing but front matter before it) is the page title, when H1s are titles. */
const isTitle = (split: Split, tree: Root, node: Heading, index: number, h1IsTitle: boolean): boolean =>
  h1IsTitle && node.depth === 1 && split.h1 === undefined && !tree.children.slice(0, index).some((n) => !ignorable(n));

/** The page title opens the intro section. */
function openTitle(split: Split, text: string, line: number): void {
  split.anchors.add(slugOf(text));
  split.h1 = text;
  openSection(split, { heading: text, parents: [], level: 0, anchor: '', line, children: [] });
}

/** A heading opens a section under the nearest shallower heading (or the intro) and names itself its child. */
function openSubsection(split: Split, node: Heading, text: string, anchor: string): void {
  const { stack, sections } = split;
  while (stack.length && stack.at(-1)!.depth >= node.depth) stack.pop();
  const parent = stack.at(-1);
  const parents = stack.map((s) => s.text);
  openSection(split, { heading: text, parents, level: node.depth, anchor, line: lineOf(node), children: [] });
  // Every section before this one is closed now: their indexes are final.
  // The intro, when kept, is the first section (it opens before any heading).
  const parentSection = parent ? sections[parent.index] : sections[0]?.level === 0 ? sections[0] : undefined;
  parentSection?.children.push(anchor);
  stack.push({ depth: node.depth, text, index: sections.length });
}

function addHeading(split: Split, tree: Root, node: Heading, index: number, h1IsTitle: boolean): void {
  const { text, explicitAnchor } = readHeading(node);
  const slug = split.slugger.slug(text);
  const anchor = explicitAnchor ?? slug;
  split.anchors.add(anchor).add(slug);
  if (isTitle(split, tree, node, index, h1IsTitle)) openTitle(split, text, lineOf(node));
  else openSubsection(split, node, text, anchor);
}

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
  const split: Split = { source, resolve, slugger: new GithubSlugger(), sections: [], stack: [], anchors: new Set() };
  tree.children.forEach((node, index) => {
    if (node.type === 'heading') addHeading(split, tree, node, index, h1IsTitle);
    else if (!ignorable(node)) addContent(split, node);
  });
  closeSection(split);
  return { sections: split.sections, h1: split.h1, anchors: split.anchors };
}
