import { slug } from 'github-slugger';
import type { Blockquote, Nodes, PhrasingContent, Root } from 'mdast';
import { wikiScheme } from './resolve.js';
import { readHeading } from './sections.js';

/**
 * Other tools' Markdown extensions, turned into plain mdast so search, excerpts and checks read
 * them as their readers saw them: Obsidian wikilinks and embeds become links, callouts and
 * GitHub alerts a quote opened by a bold label, Docusaurus admonitions a labelled quote.
 */

// Linear: a run of non-bracket characters between fixed delimiters.
const wikilink = /(!?)\[\[([^[\]\n]+)\]\]/g;
const imageExtension = /\.(png|jpe?g|gif|svg|webp|bmp|avif|pdf|mp4|mp3|webm|wav)$/i;

/** `[[Note#Heading|alias]]` → a link to `wikilink:Note#heading-slug` shown as "alias". */
export function expandWikilinks(tree: Root): void {
  const visit = (node: Nodes): void => {
    if (!('children' in node)) return;
    if (node.type === 'link' || node.type === 'linkReference') return;
    const out: Nodes[] = [];
    let changed = false;
    for (const child of node.children as Nodes[]) {
      if (child.type !== 'text' || !child.value.includes('[[')) {
        visit(child);
        out.push(child);
        continue;
      }
      let last = 0;
      for (const match of child.value.matchAll(wikilink)) {
        changed = true;
        if (match.index > last)
          out.push({ type: 'text', value: child.value.slice(last, match.index), position: child.position });
        const [whole, bang, inner] = match;
        const bar = inner!.indexOf('|');
        const target = (bar >= 0 ? inner!.slice(0, bar) : inner!).trim();
        const alias = bar >= 0 ? inner!.slice(bar + 1).trim() : '';
        const hash = target.indexOf('#');
        const name = hash >= 0 ? target.slice(0, hash) : target;
        const heading = hash >= 0 ? target.slice(hash + 1) : '';
        if (bang && imageExtension.test(name)) {
          // An embedded image reads as its caption, or nothing.
          if (alias && !/^\d+(x\d+)?$/.test(alias)) out.push({ type: 'text', value: alias });
        } else {
          const label =
            alias || (heading && !heading.startsWith('^') ? (name ? `${name} › ${heading}` : heading) : name);
          const anchor = heading && !heading.startsWith('^') ? slug(heading.split('#').pop()!) : '';
          out.push({
            type: 'link',
            url: wikiScheme + name + (anchor ? `#${anchor}` : ''),
            children: [{ type: 'text', value: label }],
            position: child.position,
          } as Nodes);
        }
        last = match.index + whole.length;
      }
      if (last < child.value.length)
        out.push({ type: 'text', value: child.value.slice(last), position: child.position });
    }
    if (changed) (node as { children: Nodes[] }).children = out;
  };
  visit(tree);
}

const calloutMarker = /^\[!([A-Za-z-]+)\][+-]?[ \t]*/;

/** `> [!tip] Title` (Obsidian callout, GitHub alert) → `> **Tip: Title**` followed by the body. */
export function labelCallouts(quotes: readonly Blockquote[]): void {
  for (const quote of quotes) {
    const first = quote.children[0];
    const text = first?.type === 'paragraph' ? first.children[0] : undefined;
    const match = text?.type === 'text' ? calloutMarker.exec(text.value) : null;
    if (first?.type !== 'paragraph' || text?.type !== 'text' || !match) continue;
    const rest = text.value.slice(match[0].length);
    const newline = rest.indexOf('\n');
    const title = (newline >= 0 ? rest.slice(0, newline) : rest).trim();
    const body = newline >= 0 ? rest.slice(newline + 1) : '';
    const kind = match[1]!.toLowerCase();
    const label = kind[0]!.toUpperCase() + kind.slice(1);
    const strong: PhrasingContent = {
      type: 'strong',
      children: [{ type: 'text', value: title && title.toLowerCase() !== kind ? `${label}: ${title}` : label }],
    };
    first.children.splice(
      0,
      1,
      strong,
      ...(body ? [{ type: 'break' } as PhrasingContent, { type: 'text', value: body } as PhrasingContent] : []),
    );
  }
}

const fence = /^[ \t]*(`{3,}|~{3,})/;
const admonitionOpen = /^([ \t]*)(:{3,})[ \t]*([A-Za-z]+)(?:\[([^\]\n]*)\]|[ \t]+(.*))?[ \t]*$/;
const admonitionClose = /^[ \t]*(:{3,})[ \t]*$/;

/**
 * Docusaurus admonitions (`:::tip Title` … `:::`) rewritten as Markdown quotes opened by a bold
 * label, line for line, so line numbers stay right. Fenced code is left alone.
 */
export function rewriteAdmonitions(source: string): string {
  if (!source.includes(':::')) return source;
  const lines = source.split('\n');
  let inFence: string | undefined;
  // Indentation of each open admonition (they may sit in a list item) and of the quote markers.
  const open: string[] = [];
  const quote = (line: string): string => {
    const indent = open[0] ?? '';
    const rest = line.startsWith(indent) ? line.slice(indent.length) : line.trimStart();
    return indent + '> '.repeat(open.length) + rest;
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const fenceMatch = fence.exec(line);
    if (fenceMatch && (!inFence || fenceMatch[1]!.startsWith(inFence))) {
      inFence = inFence ? undefined : fenceMatch[1]![0]!.repeat(3);
    } else if (inFence) {
      // code inside a quote below
    } else {
      const opening = admonitionOpen.exec(line);
      if (opening) {
        const kind = opening[3]!;
        const title = (opening[4] ?? opening[5] ?? '').trim();
        const label = kind[0]!.toUpperCase() + kind.slice(1).toLowerCase();
        open.push(open[0] ?? opening[1]!);
        lines[i] = quote(`**${title ? `${label}: ${title}` : label}**`);
        continue;
      }
      if (open.length && admonitionClose.test(line)) {
        open.pop();
        lines[i] = open.length ? quote('') : '';
        continue;
      }
    }
    if (open.length) lines[i] = quote(line);
  }
  return lines.join('\n');
}

/**
 * Every anchor a page defines besides its top-level headings (sections.ts has those): HTML and
 * JSX `id`/`name` attributes anywhere, and headings nested in JSX or lists (Nextra `<Steps>`).
 * `nodes`: the page's HTML and JSX nodes and its headings below the top level (tree-nodes.ts).
 */
export function htmlAnchors(nodes: readonly Nodes[]): string[] {
  const anchors: string[] = [];
  const idAttribute = /\b(?:id|name)\s*=\s*["']([^"'\s>]+)["']/gi;
  for (const node of nodes) {
    if (node.type === 'html') for (const m of node.value.matchAll(idAttribute)) anchors.push(m[1]!);
    if (node.type === 'heading') {
      const { text, explicitAnchor } = readHeading(node);
      anchors.push(slug(text));
      if (explicitAnchor) anchors.push(explicitAnchor);
    }
    if (node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') {
      for (const a of node.attributes)
        if (a.type === 'mdxJsxAttribute' && (a.name === 'id' || a.name === 'name') && typeof a.value === 'string')
          anchors.push(a.value);
    }
  }
  return anchors;
}
