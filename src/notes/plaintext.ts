import type { Nodes } from 'mdast';
import { fromHtml } from 'hast-util-from-html';
import { toText } from 'hast-util-to-text';

const blockTypes = new Set([
  'paragraph', 'heading', 'code', 'blockquote', 'list', 'listItem', 'table', 'tableRow', 'html',
  'thematicBreak', 'mdxJsxFlowElement', 'definition', 'footnoteDefinition',
]);

/** Text of an HTML fragment: tags dropped, table cells and blocks kept apart. */
export function htmlToText(html: string): string {
  return toText(fromHtml(html, { fragment: true })).trim();
}

/**
 * Plain text of a node for search: markup removed, code kept as text, blocks separated by
 * newlines (mdast-util-to-string would glue neighbouring blocks into one word).
 */
export function plainText(node: Nodes): string {
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
    case 'tableCell':
      return node.children.map(plainText).join('') + ' ';
    default:
      if (!('children' in node)) return '';
      return (node.children as Nodes[])
        .map((child) => plainText(child) + (blockTypes.has(child.type) ? '\n' : ''))
        .join('');
  }
}

export function collapseWhitespace(text: string): string {
  return text.replace(/[ \t]+/g, ' ').replace(/\s*\n\s*/g, '\n').trim();
}

export function countWords(text: string): number {
  const matches = text.match(/\S+/g);
  return matches ? matches.length : 0;
}
