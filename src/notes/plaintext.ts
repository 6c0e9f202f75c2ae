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

/** Text of an HTML fragment: tags dropped, table cells and blocks kept apart. */
export function htmlToText(html: string): string {
  return toText(fromHtml(html, { fragment: true })).trim();
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
 * A replacer for `/\s+/g` that turns a whitespace run holding a line break into `by` and keeps the
 * others. (`\s*\n\s*` did the same in quadratic time on long runs of spaces without a break.)
 */
export const lineBreakRun =
  (by: string) =>
  (run: string): string =>
    run.includes('\n') ? by : run;

export function collapseWhitespace(text: string): string {
  return text
    .replace(/[ \t]+/g, ' ')
    .replace(/\s+/g, lineBreakRun('\n'))
    .trim();
}

export function countWords(text: string): number {
  const matches = text.match(/\S+/g);
  return matches ? matches.length : 0;
}
