import type { Root } from 'mdast';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { fastParse } from './markdown-fast.js';

const markdownParser = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfm).freeze();
// MDX turns indented code off and understands JSX and import/export.
const mdxParser = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfm).use(remarkMdx).freeze();

export interface ParsedMarkdown {
  tree: Root;
  /** Set when MDX could not be parsed and the file was read as plain Markdown instead. */
  mdxError?: { line: number; message: string };
}

/** Markdown through micromark (remark-parse), the reference reader; `parseMarkdown` prefers the fast one. */
export function parseWithMicromark(source: string): Root {
  return markdownParser.parse(source);
}

export function parseMarkdown(source: string, mdx: boolean): ParsedMarkdown {
  if (!mdx) return { tree: fastParse(source) ?? markdownParser.parse(source) };
  try {
    return { tree: mdxParser.parse(source) };
  } catch (error) {
    const err = error as {
      line?: number;
      place?: { line?: number; start?: { line?: number } };
      reason?: string;
      message: string;
    };
    const line = err.line ?? err.place?.line ?? err.place?.start?.line ?? 1;
    return { tree: markdownParser.parse(source), mdxError: { line, message: err.reason ?? err.message } };
  }
}
