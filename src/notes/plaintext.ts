import type { Nodes } from 'mdast';
import { fromHtml } from 'hast-util-from-html';
import { toText } from 'hast-util-to-text';

const blockTypes = new Set([
  'paragraph',
  'heading',
  'code',
  'blockquote',
  'list',
  'listItem',
  'table',
  'tableRow',
  'html',
  'thematicBreak',
  'mdxJsxFlowElement',
  'definition',
  'footnoteDefinition',
]);

/**
 * One tag or comment alone, which has no text: most HTML in notes (`<a name="x">`, `</a>`, `<br/>`;
 * 18,000 of the SageMaker guide's), read without parsing it as a document.
 */
const loneTag = /^\s*(?:<\/?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?\/?>|<!--(?:[^-]|-(?!->))*-->)\s*$/;

/** Text of an HTML fragment: tags dropped, table cells and blocks kept apart. */
export function htmlToText(html: string): string {
  return loneTag.test(html) ? '' : toText(fromHtml(html, { fragment: true })).trim();
}

/** Text of a leaf node, or undefined for a node whose text is its children's. */
function leafText(node: Nodes): string | undefined {
  switch (node.type) {
    case 'text':
    case 'inlineCode':
    case 'code':
      return node.value;
    case 'html':
      return htmlToText(node.value);
    case 'image':
      return node.alt ?? '';
    case 'yaml':
    case 'definition':
    case 'mdxjsEsm':
    case 'mdxFlowExpression':
    case 'mdxTextExpression':
      return '';
    case 'break':
      return '\n';
    default:
      return 'children' in node ? undefined : '';
  }
}

/**
 * Plain text of a node for search: markup removed, code kept as text, blocks separated by
 * newlines (mdast-util-to-string would glue neighbouring blocks into one word). The walk keeps its
 * own stack: a note of 3,000 nested quotes must not overflow the call stack.
 */
export function plainText(root: Nodes): string {
  const parts: string[] = [];
  // Each entry is a node to write, or a separator to write after a node's children.
  const stack: (Nodes | string)[] = [root];
  while (stack.length) {
    const item = stack.pop()!;
    if (typeof item === 'string') {
      parts.push(item);
      continue;
    }
    const leaf = leafText(item);
    if (leaf !== undefined) {
      parts.push(leaf);
      continue;
    }
    const children = (item as { children: Nodes[] }).children;
    if (item.type === 'tableCell') stack.push(' ');
    for (let i = children.length - 1; i >= 0; i--) {
      if (item.type !== 'tableCell' && blockTypes.has(children[i]!.type)) stack.push('\n');
      stack.push(children[i]!);
    }
  }
  return parts.join('');
}

/**
 * Every whitespace run holding a line break replaced by `by`, others kept. The regex `\s*\n\s*`
 * did this in quadratic time on long runs of spaces; splitting at line breaks is linear.
 */
export function replaceLineBreakRuns(text: string, by: string): string {
  if (!text.includes('\n')) return text;
  const lines = text.split('\n');
  const last = lines.length - 1;
  const kept = lines
    .map((line, i) => (i > 0 ? line.trimStart() : line))
    .map((line, i) => (i < last ? line.trimEnd() : line))
    .filter((line, i) => i === 0 || i === last || line !== '');
  return kept.join(by);
}

export function collapseWhitespace(text: string): string {
  return replaceLineBreakRuns(text.replace(/[ \t]+/g, ' '), '\n').trim();
}

export function countWords(text: string): number {
  const matches = text.match(/\S+/g);
  return matches ? matches.length : 0;
}
