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
 * Whether a UTF-16 code unit is whitespace as `\s` and `trim` read it (the code units they treat
 * as whitespace, listed so that scanning CJK text needs no regex per character).
 */
export function isSpace(code: number): boolean {
  if (code < 0xa0) return code === 32 || (code >= 9 && code <= 13);
  return (
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

/**
 * Every whitespace run holding a line break replaced by `by`, others kept: what replacing the
 * regex `\s*\n\s*` (global) gives, in one pass (the regex is quadratic on long runs of spaces).
 */
export function replaceLineBreakRuns(text: string, by: string): string {
  let lineBreak = text.indexOf('\n');
  if (lineBreak < 0) return text;
  let out = '';
  let written = 0;
  while (lineBreak >= 0) {
    let start = lineBreak;
    while (start > written && isSpace(text.charCodeAt(start - 1))) start--;
    let end = lineBreak + 1;
    while (end < text.length && isSpace(text.charCodeAt(end))) end++;
    out += text.slice(written, start) + by;
    written = end;
    lineBreak = text.indexOf('\n', end);
  }
  return out + text.slice(written);
}

/** Runs of spaces and tabs become one space (a lone space is left as it is), line-break runs one `\n`. */
export function collapseWhitespace(text: string): string {
  return replaceLineBreakRuns(text.replace(/ [ \t]+|\t[ \t]*/g, ' '), '\n').trim();
}

/** How many runs of non-whitespace the text holds (`text.match(/\S+/g).length`, without the array). */
export function countWords(text: string): number {
  let words = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const space = isSpace(text.charCodeAt(i));
    if (!space && !inWord) words++;
    inWord = !space;
  }
  return words;
}
