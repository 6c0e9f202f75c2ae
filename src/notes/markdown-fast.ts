import type {
  Blockquote,
  Code,
  Heading,
  Html,
  List,
  ListItem,
  Nodes,
  Paragraph,
  Parents,
  PhrasingContent,
  Root,
  RootContent,
  Table,
  TableCell,
  TableRow,
  Text,
} from 'mdast';
import { gfmAutolinkLiteralFromMarkdown } from 'mdast-util-gfm-autolink-literal';
import MarkdownIt from 'markdown-it';
import type Token from 'markdown-it/lib/token.mjs';
import { escapeAsText } from './escape-rule.js';
import { countingImages, escapedLiteralUrl, type LiteralUrlEnv } from './literal-url.js';

/**
 * A fast Markdown parse (markdown-it, about ten times micromark's speed) whose token stream is
 * turned into the same mdast that remark-parse with remark-frontmatter and remark-gfm gives, for
 * the subset of Markdown it can read exactly. `fastParse` returns undefined for a note that uses
 * anything else (footnotes, link definitions, single-tilde strikethrough, CR line endings, nesting
 * deeper than markdown-it reads): markdown.ts parses those with micromark.
 */

const MAX_NESTING = 100;
type Position = NonNullable<Root['position']>;

interface InlineState {
  pos: number;
  push(type: string, tag: string, nesting: number): Token;
  pushPending(): Token;
}
/**
 * Where each inline token starts in its block's content: gives the source line of links and text.
 * A field on the token (a WeakMap of every token costs far more: its entries slow the collector).
 */
const startOf = (token: Token): number | undefined => (token as Token & { inlineStart?: number }).inlineStart;
const setStart = (token: Token, start: number): void =>
  void ((token as Token & { inlineStart?: number }).inlineStart = start);

function createParser(): MarkdownIt {
  const md = new MarkdownIt('default', { html: true, linkify: false, typographer: false });
  // Deeper notes (hostile ones) are read by micromark: fastParse checks the levels it saw.
  (md.options as { maxNesting?: number }).maxNesting = MAX_NESTING;
  // mdast keeps URLs as written: no percent-encoding, no scheme filter (micromark has neither).
  md.normalizeLink = (url) => url;
  md.normalizeLinkText = (text) => text;
  md.validateLink = () => true;
  const Base = md.inline.State as unknown as new (...args: unknown[]) => InlineState;
  class PositionedState extends Base {
    override push(type: string, tag: string, nesting: number): Token {
      const token = super.push(type, tag, nesting);
      setStart(token, this.pos);
      return token;
    }
    // Pending text has no line break (softbreak ends it): its end is on its first line.
    override pushPending(): Token {
      const token = super.pushPending();
      setStart(token, this.pos);
      return token;
    }
  }
  (md.inline as unknown as { State: unknown }).State = PositionedState;
  type Rule = (state: never, silent: boolean) => boolean;
  const rules = (md.inline.ruler as unknown as { __rules__: { name: string; fn: Rule }[] }).__rules__;
  md.inline.ruler.at('image', countingImages(rules.find((r) => r.name === 'image')!.fn) as never);
  md.inline.ruler.after('linkify', 'escaped_literal_url', escapedLiteralUrl as never);
  md.inline.ruler.at('escape', escapeAsText(rules.find((r) => r.name === 'escape')!.fn as never) as never);
  // `normalize` turns CR line endings and NULs into what CommonMark reads, copying the whole note
  // to do it (its pattern matches every line break); fastParse reads no note holding either.
  md.core.ruler.disable('normalize');
  return md;
}

const md = createParser();
const transformAutolinks = gfmAutolinkLiteralFromMarkdown().transforms![0]!;

/** Offsets where each line of the source starts (lines split at `\n` only: CR falls back). */
function lineStartsOf(source: string): number[] {
  const starts = [0];
  for (let i = source.indexOf('\n'); i >= 0; i = source.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

interface Context {
  source: string;
  lineStarts: number[];
  /** Set when the tree would differ from micromark's (a table row with more cells than its header). */
  inexact?: boolean;
  /** Text nodes outside links of the top-level block being converted (convertInline adds them). */
  texts: Text[];
  /** Set when a text holds a literal URL micromark reads differently (`checkTexts`). */
  dotlessUrl?: boolean;
  /** Top-level blocks with text the autolink transform could link (`checkTexts`). */
  linkable: RootContent[];
  /** The position of inline nodes on one line, by line (`linePosition`). */
  linePositions: Position[];
}

/** Offset of the end of a (0-based) line, before its line break. */
function lineEnd(ctx: Context, line: number): number {
  const next = ctx.lineStarts[line + 1];
  return next === undefined ? ctx.source.length : next - 1;
}

/** Spaces and tabs only: micromark's whitespace (JS trim would also take U+00A0 and others). */
const leadingSpaces = (text: string): number => {
  let n = 0;
  while (text[n] === ' ' || text[n] === '\t') n++;
  return n;
};
const isBlank = (text: string): boolean => leadingSpaces(text) === text.length;
const lineText = (ctx: Context, line: number): string => ctx.source.slice(ctx.lineStarts[line], lineEnd(ctx, line));

function point(ctx: Context, offset: number): { line: number; column: number; offset: number } {
  let low = 0;
  let high = ctx.lineStarts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (ctx.lineStarts[mid]! <= offset) low = mid;
    else high = mid - 1;
  }
  return { line: low + 1, column: offset - ctx.lineStarts[low]! + 1, offset };
}

/** The end of the last non-blank line in [first, last] (micromark's blocks end at a line ending). */
function blockEnd(ctx: Context, first: number, last: number): number {
  let line = last;
  while (line > first && isBlank(lineText(ctx, line))) line--;
  return lineEnd(ctx, line);
}

/** Offset of the first character on a line that is not indentation or a container marker. */
function contentStart(ctx: Context, line: number, marker?: string): number {
  const start = ctx.lineStarts[line]!;
  const text = lineText(ctx, line);
  if (marker) {
    const at = text.indexOf(marker);
    if (at >= 0) return start + at;
  }
  return start + leadingSpaces(text);
}

function blockPosition(ctx: Context, map: [number, number] | null, marker?: string): Position | undefined {
  if (!map) return undefined;
  const start = contentStart(ctx, map[0], marker);
  return { start: point(ctx, start), end: point(ctx, Math.max(start, blockEnd(ctx, map[0], map[1] - 1))) };
}

/** A parent's children being filled, with what closes it. */
interface Frame {
  node: Parents;
  close: string;
}

/** Converts the block tokens of a note to mdast. */
function convertBlocks(tokens: Token[], ctx: Context, root: Root): void {
  const stack: Frame[] = [{ node: root, close: '' }];
  const add = (node: RootContent): void => void (stack.at(-1)!.node.children as RootContent[]).push(node);
  const open = (node: Parents & RootContent, close: string): void => {
    add(node);
    stack.push({ node, close });
  };
  let checked = root.children.length;
  const checkNewBlocks = (): void => {
    if (checkTexts(ctx)) ctx.linkable.push(...root.children.slice(checked));
    checked = root.children.length;
  };
  for (let i = 0; i < tokens.length; i++) {
    // Back at the top level: the blocks added since the last check are complete, their text final.
    if (stack.length === 1 && root.children.length > checked) checkNewBlocks();
    const token = tokens[i]!;
    const map = token.map as [number, number] | null;
    if (token.nesting === -1) {
      const frame = stack.pop()!;
      finish(frame.node, ctx);
      continue;
    }
    switch (token.type) {
      case 'paragraph_open':
      case 'heading_open': {
        const inline = tokens[i + 1]!;
        const children = convertInline(inline.children ?? [], inline, ctx);
        const position = blockPosition(ctx, map);
        if (token.type === 'paragraph_open') add({ type: 'paragraph', children, position } as Paragraph);
        else add({ type: 'heading', depth: Number(token.tag.slice(1)), children, position } as Heading);
        i += 2;
        break;
      }
      case 'blockquote_open':
        open({ type: 'blockquote', children: [], position: blockPosition(ctx, map, '>') } as Blockquote, '');
        break;
      case 'bullet_list_open':
      case 'ordered_list_open': {
        const ordered = token.type === 'ordered_list_open';
        const start = ordered ? Number(token.attrGet('start') ?? 1) : null;
        const list = { type: 'list', ordered, start, spread: false, children: [], position: undefined };
        open(list as List, '');
        break;
      }
      case 'list_item_open':
        open(
          {
            type: 'listItem',
            spread: false,
            checked: null,
            children: [],
            position: blockPosition(ctx, map),
          } as ListItem,
          '',
        );
        break;
      case 'fence':
        add(fencedCode(token, ctx));
        break;
      case 'code_block':
        if (/^(bullet|ordered)_list_close$/.test(tokens[i - 1]?.type ?? ''))
          for (const code of codeAfterList(token, ctx)) add(code);
        else add(indentedCode(token, ctx));
        break;
      case 'html_block':
        add({ type: 'html', value: token.content.replace(/\n+$/, ''), position: htmlPosition(ctx, token) } as Html);
        break;
      case 'hr':
        add({ type: 'thematicBreak', position: blockPosition(ctx, map) });
        break;
      case 'table_open':
        i = table(tokens, i, ctx, add);
        break;
      default:
        // thead/tbody never reach here (table reads them); unknown openers keep the stack right.
        if (token.nesting === 1) stack.push({ node: stack.at(-1)!.node, close: token.type });
    }
  }
  checkNewBlocks();
}

/**
 * What fastParse must know of the text of the top-level blocks just completed (`ctx.texts`,
 * outside links): whether a literal URL has a host without a dot (micromark links
 * `http://localhost`, the autolink transform does not: the note goes to micromark, `dotlessUrl`),
 * and whether the autolink transform could link any of it (returned: only such blocks are given to it).
 */
function checkTexts(ctx: Context): boolean {
  let linkable = false;
  for (const { value } of ctx.texts) {
    if (!linkable && autolinkHint.test(value)) linkable = true;
    if (value.includes('://') && hasDotlessUrl(value)) ctx.dotlessUrl = true;
  }
  ctx.texts.length = 0;
  return linkable;
}

/** Fills in what is only known once a container is complete: list spread, item spread, list position. */
function finish(node: Parents, ctx: Context): void {
  if (node.type === 'list') {
    const first = node.children[0]?.position;
    const last = node.children.at(-1)?.position;
    if (first && last) node.position = { start: first.start, end: last.end };
    node.spread = gapsBetween(node.children, ctx);
  } else if (node.type === 'listItem') {
    node.spread = gapsBetween(node.children, ctx);
    const last = node.children.at(-1)?.position;
    if (node.position && last) node.position.end = last.end;
    checkTask(node);
  }
}

/** Whether a blank line separates any two neighbours (mdast's `spread`). */
function gapsBetween(nodes: readonly Nodes[], ctx: Context): boolean {
  for (let i = 1; i < nodes.length; i++) {
    const before = nodes[i - 1]!.position?.end.line;
    const after = nodes[i]!.position?.start.line;
    if (before === undefined || after === undefined) continue;
    for (let line = before; line < after - 1; line++) if (isBlank(lineText(ctx, line))) return true;
  }
  return false;
}

const taskMarker = /^\[([ xX])\][ \t\n]/;

/** GFM task list items: `[ ]` / `[x]` opening the item's first paragraph becomes `checked`. */
function checkTask(item: ListItem): void {
  const first = item.children[0];
  const text = first?.type === 'paragraph' ? first.children[0] : undefined;
  if (text?.type !== 'text') return;
  const match = taskMarker.exec(text.value);
  if (!match || !text.value.slice(4).trim()) return;
  item.checked = match[1] !== ' ';
  text.value = text.value.slice(4);
  if (!text.value) (first as Paragraph).children.shift();
}

function fencedCode(token: Token, ctx: Context): Code {
  const info = token.info.trim();
  const space = info.search(/[ \t]/);
  const lang = info ? (space < 0 ? info : info.slice(0, space)) : null;
  const meta = space < 0 ? null : info.slice(space).trim() || null;
  const [first, after] = token.map as [number, number];
  const start = contentStart(ctx, first, token.markup);
  // An unclosed fence at the top level runs to the end of the file, blank lines included.
  const closed = isClosingFence(lineText(ctx, after - 1), token.markup) && after - 1 > first;
  const end = !closed && token.level === 0 ? ctx.source.length : Math.max(start, lineEnd(ctx, after - 1));
  const value = token.content.endsWith('\n') ? token.content.slice(0, -1) : token.content;
  return { type: 'code', lang, meta, value, position: { start: point(ctx, start), end: point(ctx, end) } };
}

function isClosingFence(line: string, markup: string): boolean {
  const text = line.trim().replace(/^(?:>\s*)+/, '');
  let run = 0;
  while (text[run] === markup[0]) run++;
  return run >= markup.length && text.slice(run).trim() === '';
}

function indentedCode(
  token: Token,
  ctx: Context,
  lines = token.map as [number, number],
  content = token.content,
): Code {
  const value = content.replace(/\n+$/, '');
  const [first, after] = lines;
  // Indented code starts at its indentation.
  const start = ctx.lineStarts[first]!;
  const position = { start: point(ctx, start), end: point(ctx, blockEnd(ctx, first, after - 1)) };
  return { type: 'code', lang: null, meta: null, value, position };
}

/**
 * Indented code right after a list (an item indented past its marker, `   1.  item`, then code
 * indented 6): micromark makes its first line one code block and the lines after it another,
 * markdown-it keeps one.
 */
function codeAfterList(token: Token, ctx: Context): Code[] {
  const [first, after] = token.map as [number, number];
  const lines = token.content.split('\n');
  let next = 1;
  while (next < lines.length && isBlank(lines[next]!)) next++;
  if (first + next >= after) return [indentedCode(token, ctx)];
  return [
    indentedCode(token, ctx, [first, first + 1], lines[0]!),
    indentedCode(token, ctx, [first + next, after], lines.slice(next).join('\n')),
  ];
}

/** An HTML block starts at its indentation, as indented code does. */
function htmlPosition(ctx: Context, token: Token): Position {
  const [first, after] = token.map as [number, number];
  const start = token.level === 0 ? ctx.lineStarts[first]! : contentStart(ctx, first);
  return { start: point(ctx, start), end: point(ctx, blockEnd(ctx, first, after - 1)) };
}

/** Reads a table's tokens from table_open; returns the index of table_close. */
function table(tokens: Token[], index: number, ctx: Context, add: (node: RootContent) => void): number {
  const node: Table = {
    type: 'table',
    align: [],
    children: [],
    position: blockPosition(ctx, tokens[index]!.map as [number, number]),
  };
  let row: TableRow | undefined;
  let i = index + 1;
  for (; i < tokens.length && tokens[i]!.type !== 'table_close'; i++) {
    const token = tokens[i]!;
    if (token.type === 'tr_open') {
      row = { type: 'tableRow', children: [], position: blockPosition(ctx, token.map as [number, number]) };
      node.children.push(row);
    } else if (token.type === 'th_open' || token.type === 'td_open') {
      if (token.type === 'th_open') node.align!.push(alignOf(token));
      const inline = tokens[i + 1]!;
      const line = row!.position?.start.line ?? 1;
      const cell: TableCell = { type: 'tableCell', children: convertInline(inline.children ?? [], inline, ctx, line) };
      row!.children.push(cell);
      i += 2;
    }
  }
  for (const r of node.children) trimPaddingCells(r, ctx);
  add(node);
  return i;
}

function alignOf(token: Token): 'left' | 'right' | 'center' | null {
  const style = token.attrGet('style') ?? '';
  return style.includes('left')
    ? 'left'
    : style.includes('right')
      ? 'right'
      : style.includes('center')
        ? 'center'
        : null;
}

/** markdown-it pads short rows with empty cells; mdast keeps the cells the row wrote. */
function trimPaddingCells(row: TableRow, ctx: Context): void {
  const line = row.position ? lineText(ctx, row.position.start.line - 1) : '';
  const written = countCells(line);
  if (written < row.children.length) row.children.length = written;
  // mdast keeps the extra cells, markdown-it drops them.
  else if (written > row.children.length) ctx.inexact = true;
}

/** Cells a table row line writes: unescaped pipes split (in code spans too, as GFM says), edge pipes do not. */
function countCells(line: string): number {
  const text = line.trim();
  let cells = 1;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '\\') i++;
    else if (text[i] === '|' && i > 0 && i < text.length - 1) cells++;
  }
  return cells;
}

/**
 * Turns a block's inline tokens into phrasing content, merging text as micromark does; the text
 * nodes outside links go to `ctx.texts` (those the URL checks of fastParse read), unless
 * `inTree` is false (an image's alt text, which is no node of the tree).
 */
function convertInline(
  tokens: Token[],
  block: Token,
  ctx: Context,
  firstLine = (block.map?.[0] ?? 0) + 1,
  inTree = true,
): PhrasingContent[] {
  const inline = new InlineConverter(block, ctx, firstLine, inTree);
  for (const token of tokens) inline.convert(token);
  const children = inline.root.children;
  // Only a block written over several lines has nodes that end on a later line than they start.
  if (block.content.includes('\n')) for (const node of children) setEndLines(node);
  return children;
}

/**
 * The position of an inline node that starts and ends on `line` (mdast's inline positions here
 * hold lines only): one object per line, shared by its nodes, so it is never changed (a node that
 * ends further down gets a position of its own, `setEndLines`). Three objects per node were 5 %
 * of a cold load's allocation.
 */
function linePosition(ctx: Context, line: number): Position {
  let position = ctx.linePositions[line];
  if (!position) {
    position = { start: { line, column: 0 }, end: { line, column: 0 } };
    ctx.linePositions[line] = position;
  }
  return position;
}

/** One block's phrasing content being built (a class: a closure per step cost a context per block). */
class InlineConverter {
  readonly root: { children: PhrasingContent[] } = { children: [] };
  private readonly stack: { children: PhrasingContent[] }[] = [this.root];
  /** Offsets of the block's line breaks, found at the first need: counting them per token is quadratic. */
  private breaks: number[] | undefined;
  /** Links open around the current token (their text is no candidate for a literal URL). */
  private links = 0;

  constructor(
    private readonly block: Token,
    private readonly ctx: Context,
    private readonly firstLine: number,
    /** False for an image's alt text, which is no node of the tree: its text is not checked. */
    private readonly inTree: boolean,
  ) {}

  convert(token: Token): void {
    switch (token.type) {
      case 'text':
      case 'text_special':
        this.addText(token.content, token);
        break;
      case 'softbreak':
      case 'hardbreak':
        this.lineBreak(token);
        break;
      case 'code_inline':
        this.add({ type: 'inlineCode', value: codeValue(token, this.block.content), position: this.at(token) });
        break;
      case 'html_inline':
        this.add({ type: 'html', value: withoutLinePrefixes(token.content), position: this.at(token) });
        break;
      case 'image':
        this.add(image(token, this.block, this.ctx, this.at(token)));
        break;
      case 'em_open':
      case 'strong_open':
      case 's_open':
      case 'link_open': {
        const node = opener(token, this.at(token));
        this.add(node);
        this.stack.push(node as { children: PhrasingContent[] });
        if (token.type === 'link_open') this.links++;
        break;
      }
      case 'em_close':
      case 'strong_close':
      case 's_close':
      case 'link_close':
        this.stack.pop();
        if (token.type === 'link_close') this.links--;
        break;
      default:
        if (token.content) this.addText(token.content, token);
    }
  }

  private lineAt(token: Token): number {
    const pos = startOf(token) ?? 0;
    if (!this.breaks) {
      const { content } = this.block;
      const breaks: number[] = [];
      for (let i = content.indexOf('\n'); i >= 0; i = content.indexOf('\n', i + 1)) breaks.push(i);
      this.breaks = breaks;
    }
    const breaks = this.breaks;
    let low = 0;
    let high = breaks.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (breaks[mid]! < pos) low = mid + 1;
      else high = mid;
    }
    return this.firstLine + low;
  }

  private at(token: Token): Position {
    return linePosition(this.ctx, this.lineAt(token));
  }

  private add(node: PhrasingContent): void {
    this.stack.at(-1)!.children.push(node);
  }

  private addText(value: string, token: Token): void {
    // Emphasis leaves its delimiters as empty text tokens.
    if (!value) return;
    const last = this.stack.at(-1)!.children.at(-1);
    if (last?.type === 'text') {
      last.value += value;
      return;
    }
    const text: Text = { type: 'text', value, position: this.at(token) };
    this.add(text);
    if (this.inTree && this.links === 0) this.ctx.texts.push(text);
  }

  /**
   * micromark drops the spaces and tabs that end a line and makes no hard break of a run holding
   * a tab; markdown-it drops only a run of spaces after the last tab (and breaks on two).
   */
  private lineEndTabs(token: Token): number {
    const { content } = this.block;
    const at = startOf(token) ?? -1;
    if (content[at] !== '\n') return 0;
    let tail = at;
    let lastTab = -1;
    for (; tail > 0 && (content[tail - 1] === ' ' || content[tail - 1] === '\t'); tail--)
      if (lastTab < 0 && content[tail - 1] === '\t') lastTab = tail - 1;
    return lastTab < 0 ? 0 : lastTab + 1 - tail;
  }

  private lineBreak(token: Token): void {
    const drop = this.lineEndTabs(token);
    const last = this.stack.at(-1)!.children.at(-1);
    if (drop && last?.type === 'text') last.value = last.value.slice(0, -drop);
    if (token.type === 'softbreak' || drop) this.addText('\n', token);
    else this.add({ type: 'break', position: this.at(token) });
  }
}

/** markdown-it turns line breaks in a code span into spaces; mdast keeps them. */
function codeValue(token: Token, content: string): string {
  const open = (startOf(token) ?? 0) + token.markup.length;
  if (!content.includes('\n')) return token.content;
  const padded = content.slice(open, open + token.content.length + 2);
  if (padded.replace(/\n/g, ' ') === ` ${token.content} `) return padded.slice(1, -1);
  const raw = content.slice(open, open + token.content.length);
  return raw.replace(/\n/g, ' ') === token.content ? raw : token.content;
}

/** micromark leaves a paragraph line's indentation out of inline HTML that spans lines. */
const withoutLinePrefixes = (text: string): string => (text.includes('\n') ? text.replace(/\n[ \t]+/g, '\n') : text);

function opener(token: Token, position: Position): PhrasingContent {
  switch (token.type) {
    case 'em_open':
      return { type: 'emphasis', children: [], position };
    case 'strong_open':
      return { type: 'strong', children: [], position };
    case 's_open':
      return { type: 'delete', children: [], position };
    default:
      return {
        type: 'link',
        url: token.attrGet('href') ?? '',
        title: token.attrGet('title') ?? null,
        children: [],
        position,
      };
  }
}

function image(token: Token, block: Token, ctx: Context, position: Position): PhrasingContent {
  const alt = toPlainString(convertInline(token.children ?? [], block, ctx, position.start.line, false));
  return { type: 'image', url: token.attrGet('src') ?? '', title: token.attrGet('title') ?? null, alt, position };
}

/** mdast-util-to-string: values and image alts, markup dropped. */
function toPlainString(nodes: readonly PhrasingContent[]): string {
  let out = '';
  for (const node of nodes) {
    if ('value' in node) out += node.value;
    else if (node.type === 'image') out += node.alt ?? '';
    else if ('children' in node) out += toPlainString(node.children);
  }
  return out;
}

/** Text markdown-it reads differently from micromark: parse such notes with micromark. */
function unsupported(source: string, bodyStart: number): boolean {
  if (source.includes('\r') || source.includes('\0') || source.includes('[^')) return true;
  // Front matter is no Markdown: a quoted URL with escapes there (`"\"http://a/\""`) is read by neither parser.
  return hasEscapedLiteralUrl(source, bodyStart);
}

/**
 * Whether micromark could read a strikethrough markdown-it did not: GFM also strikes `~one~`,
 * markdown-it only `~~two~~`, and a pair of single tildes needs two tildes left as text in the
 * same paragraph, heading or table. Tildes in code, URLs and HTML are no delimiters for either,
 * so a note whose paths (`~/.aws`) and URLs hold them reads the same in both.
 */
function mayStrikeSingleTildes(tokens: Token[]): boolean {
  let inTable = 0;
  let tildes = 0;
  for (const token of tokens) {
    if (token.type === 'table_open') inTable++;
    else if (token.type === 'table_close') inTable--;
    else if (token.type === 'inline') tildes += tildesInText(token.children ?? []);
    if (tildes >= 2) return true;
    if (!inTable) tildes = 0;
  }
  return false;
}

/** Tildes in the text of inline tokens (an image's alt text included). */
function tildesInText(children: Token[]): number {
  let n = 0;
  for (const child of children) {
    if (child.type === 'text')
      for (let i = child.content.indexOf('~'); i >= 0; i = child.content.indexOf('~', i + 1)) n++;
    else if (child.children) n += tildesInText(child.children);
  }
  return n;
}

/**
 * micromark keeps backslashes in a bare URL (`www.a\\-b.com`); markdown-it's text has none. An
 * `http(s)://` URL is read as micromark reads it (literal-url.ts); a `www.` one goes to micromark.
 */
function hasEscapedLiteralUrl(source: string, bodyStart: number): boolean {
  for (let i = source.indexOf('www.', bodyStart); i >= 0; i = source.indexOf('www.', i + 1)) {
    let from = i;
    while (from > 0 && /[A-Za-z]/.test(source[from - 1]!)) from--;
    // A link's label or an <autolink> is no literal URL.
    if (source[from - 1] === '[' || source[from - 1] === '<') continue;
    let end = i + 4;
    while (end < source.length && !/[\s<>`()[\]"']/.test(source[end]!)) {
      if (source[end] === '\\') return true;
      end++;
    }
    i = end;
  }
  return false;
}

const bareUrl = /https?:\/\/([^\s/?#]*)/gi;

/** Whether text holds an `http(s)://` URL whose host has no dot. */
function hasDotlessUrl(text: string): boolean {
  for (const match of text.matchAll(bareUrl)) if (!match[1]!.includes('.')) return true;
  return false;
}

/** What every pattern of the autolink transform needs: a `://`, a `www` or an `@`. */
const autolinkHint = /:\/\/|www|@/i;

/** The mdast of a Markdown (not MDX) note, or undefined when only micromark reads it exactly. */
export function fastParse(source: string): Root | undefined {
  const fmEnd = frontMatterEnd(source);
  if (unsupported(source, fmEnd)) return undefined;
  const ctx: Context = { source, lineStarts: lineStartsOf(source), texts: [], linkable: [], linePositions: [] };
  // Front matter becomes blank lines for markdown-it, so line numbers stay those of the file.
  const body = fmEnd ? '\n'.repeat(countLines(source, fmEnd)) + source.slice(fmEnd) : source;
  const env: { references?: Record<string, unknown> } & LiteralUrlEnv = {};
  const tokens = md.parse(body, env);
  if ((env.references && Object.keys(env.references).length) || env.inexactUrl) return undefined;
  if (tokens.some((t) => t.level >= MAX_NESTING - 2)) return undefined;
  if (source.includes('~') && mayStrikeSingleTildes(tokens)) return undefined;
  const root: Root = { type: 'root', children: [] };
  if (fmEnd) root.children.push(yamlNode(ctx, fmEnd));
  convertBlocks(tokens, ctx, root);
  if (ctx.inexact || ctx.dotlessUrl) return undefined;
  // The transform walks its tree once per pattern: only blocks with text it could link are given to
  // it, and only their nodes can be new, without a position.
  for (const child of ctx.linkable) {
    transformAutolinks(child as never);
    placeNewNodes(child);
  }
  root.position = { start: point(ctx, 0), end: point(ctx, source.length) };
  return root;
}

/**
 * The autolink transform makes nodes without positions: each gets the line it starts on, from
 * the sibling before it and the line breaks in between.
 */
function placeNewNodes(parent: Nodes): void {
  if (!('children' in parent)) return;
  const children = parent.children as Nodes[];
  // Lines are counted only where a node lacks its position: counting them everywhere cost 4 % of a load.
  if (children.every((child) => child.position)) {
    for (const child of children) placeNewNodes(child);
    return;
  }
  let line = parent.position?.start.line;
  for (const child of children) {
    if (child.position) line = child.position.start.line;
    else if (line !== undefined) child.position = { start: { line, column: 0 }, end: { line, column: 0 } };
    if (line !== undefined) line += lineBreaksIn(child);
    placeNewNodes(child);
  }
}

/** An inline node ends as many lines below its start as it holds line breaks. */
function setEndLines(node: Nodes): void {
  const position = node.position;
  if (position) {
    const end = position.start.line + lineBreaksIn(node);
    if (end !== position.end.line) node.position = { start: position.start, end: { line: end, column: 0 } };
  }
  if ('children' in node) for (const child of node.children as Nodes[]) setEndLines(child);
}

/** Line breaks inside inline content. */
function lineBreaksIn(node: Nodes): number {
  if (node.type === 'break') return 1;
  if ('value' in node) return countLines(node.value, node.value.length);
  return 'children' in node ? (node.children as Nodes[]).reduce((sum, child) => sum + lineBreaksIn(child), 0) : 0;
}

/** Where YAML front matter (`---` lines at the very start, as remark-frontmatter reads it) ends, or 0. */
function frontMatterEnd(source: string): number {
  if (!source.startsWith('---')) return 0;
  const fence = (from: number): number => {
    const end = source.indexOf('\n', from);
    const line = source.slice(from, end < 0 ? source.length : end);
    return line.startsWith('---') && line.slice(3).trim() === '' ? (end < 0 ? source.length : end + 1) : -1;
  };
  if (fence(0) < 0) return 0;
  for (let at = source.indexOf('\n') + 1; at > 0 && at <= source.length; ) {
    const end = fence(at);
    if (end >= 0) return end;
    const next = source.indexOf('\n', at);
    if (next < 0) break;
    at = next + 1;
  }
  return 0;
}

const countLines = (text: string, end: number): number => {
  let n = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < end; i = text.indexOf('\n', i + 1)) n++;
  return n;
};

function yamlNode(ctx: Context, end: number): RootContent {
  const close = ctx.source.lastIndexOf('\n', end - 2);
  const firstBreak = ctx.source.indexOf('\n');
  const value = close > firstBreak ? ctx.source.slice(firstBreak + 1, close) : '';
  const stop = ctx.source.slice(0, end).trimEnd().length;
  return { type: 'yaml', value, position: { start: point(ctx, 0), end: point(ctx, stop) } };
}
