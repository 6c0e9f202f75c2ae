import type { Nodes, Root } from 'mdast';
import { describe, expect, it } from 'vitest';
import { fastParse } from '../../src/notes/markdown-fast.js';
import { parseWithMicromark } from '../../src/notes/markdown.js';
import { splitSections } from '../../src/notes/sections.js';

const linesRead = new Set(['code', 'html', 'yaml', 'table', 'heading', 'thematicBreak']);
// Nimbus reads neither list spread nor titles; the fast path's spread is only close to micromark's.
const unread = new Set(['position', 'children', 'title', 'spread']);

/**
 * What Nimbus reads of a tree: node fields, top-level and code offsets, top-level start lines,
 * start and end lines of the blocks flashcards skip, start lines of links and text.
 */
function shape(node: Nodes, top = false): unknown {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) if (!unread.has(key) && value !== undefined) out[key] = value;
  const p = node.position;
  if (p) {
    if (top || node.type === 'code') out.offsets = [p.start.offset, p.end.offset];
    if (top) out.line = p.start.line;
    if (linesRead.has(node.type)) out.lines = [p.start.line, p.end.line];
    if (node.type === 'link' || node.type === 'text') out.line = p.start.line;
  }
  if ('children' in node) out.children = (node.children as Nodes[]).map((c) => shape(c, node.type === 'root'));
  return out;
}

const fast = (source: string): Root => {
  const tree = fastParse(source);
  if (!tree) throw new Error('fast path declined');
  return tree;
};

const everyKind = `---
title: Kinds
tags: [a]
---

# Title {#custom-id}

Intro with *emphasis*, **strong**, \`code\`, ~~gone~~, a [link](https://example.com/a%20b "t"),
an ![image *alt*](img.png), <span>inline html</span>, a hard  
break, a backslash\\
break and https://www.example.com/path. Mail me@example.com. &amp; \\* escaped.

Setext heading
--------------

> Quote line
lazy continuation
> - item in quote

1. first
2. second

   spread paragraph
3. [x] done task

- [ ] open task
- nested
  - deeper
    1. deepest

    indented code

\`\`\`ts title="x.ts"
const a = 1;
\`\`\`

~~~
tilde fence
~~~

<div id="box">
<p>HTML block</p>
</div>

***

| Name | Code |
| :--- | ---: |
| pipe | \`a \\| b\` |
| short |

Trailing paragraph   
`;

describe('fastParse', () => {
  it('reads every node kind as micromark does, positions included', () => {
    expect(shape(fast(everyKind))).toEqual(shape(parseWithMicromark(everyKind)));
  });

  it('gives top-level nodes the offsets and lines of the source', () => {
    const source = '# Head\n\nSome *text*\nmore\n\n```js\ncode\n```\n';
    const tree = fast(source);
    const [heading, paragraph, code] = tree.children;
    expect(heading!.position!.start).toMatchObject({ line: 1, offset: 0 });
    expect(heading!.position!.end.offset).toBe(6);
    expect(source.slice(paragraph!.position!.start.offset, paragraph!.position!.end.offset)).toBe('Some *text*\nmore');
    expect(code).toMatchObject({ type: 'code', lang: 'js', value: 'code' });
    expect(source.slice(code!.position!.start.offset, code!.position!.end.offset)).toBe('```js\ncode\n```');
  });

  it('keeps the line of a link on a later line of its paragraph', () => {
    const tree = fast('para\nline two [x](y.md)\n');
    const paragraph = tree.children[0] as { children: Nodes[] };
    const link = paragraph.children.find((n) => n.type === 'link')!;
    expect(link.position!.start.line).toBe(2);
  });

  it('turns GFM task markers into checked items', () => {
    const tree = fast('- [x] done\n- [ ] open\n- [ ]\n');
    const list = tree.children[0] as { children: { checked: boolean | null }[] };
    expect(list.children.map((i) => i.checked)).toEqual([true, false, null]);
  });

  it('declines what only micromark reads exactly', () => {
    expect(fastParse('a [^1]\n\n[^1]: note\n')).toBeUndefined();
    expect(fastParse('[a][b]\n\n[b]: https://example.com\n')).toBeUndefined();
    expect(fastParse('~one~\n')).toBeUndefined();
    expect(fastParse('a\r\nb\n')).toBeUndefined();
    expect(fastParse('>'.repeat(200) + ' deep\n')).toBeUndefined();
    // Two single tildes in one paragraph or table may strike in GFM.
    expect(fastParse('about ~5 or ~6 minutes\n')).toBeUndefined();
    expect(fastParse('| a | b |\n|---|---|\n| ~x | y~ |\n')).toBeUndefined();
    // A literal URL with escapes after an open `[` (micromark links none there), or a `www.` one.
    expect(fastParse('[note https://a.example/x\\-y here.\n')).toBeUndefined();
    expect(fastParse('See www.a.example/x\\-y here.\n')).toBeUndefined();
    // A literal URL with a dotless host: micromark links it, the autolink transform does not.
    expect(fastParse('See http://localhost:8080/x now.\n')).toBeUndefined();
    expect(fastParse('- a\n  - *run http://localhost:3000* b\n')).toBeUndefined();
    expect(fastParse('| a |\n|---|\n| http://intranet/x |\n')).toBeUndefined();
  });
});

const tricky: Record<string, string> = {
  nestedLists: '# L\n\n- a\n  - b\n    - c\n\n      para in c\n- d\n\n1) one\n2) two\n\n7. seven\n8. eight\n',
  lazy: '# Lazy\n\n> quoted\ncontinued lazily\n\n- item\ncontinued item\n',
  tablePipes: '# T\n\n| a | b |\n|---|---|\n| `x \\| y` | \\| |\n| only |\n\nafter\n',
  htmlBlocks:
    '# H\n\n<details>\n<summary>More</summary>\n\nInner *md*\n\n</details>\n\n<!-- comment -->\n\n<a name="anchor"></a>\n## Named\n',
  setext: 'Title\n=====\n\nSub\n---\n\ntext\n',
  indented: '# I\n\n    code line 1\n\n    code line 2\n\ntext\n',
  frontMatter: '---\ntitle: F\n---\n\n# F\n\nBody.\n',
  customIds: '# Page\n\n## Install {#setup}\n\n### Next [#next-id]\n\nText.\n',
  percentLinks: '# P\n\nSee [a](docs/a%20b.md#x), [b](<with space.md>) and [c](https://x.io/?q=%41).\n',
  unclosedFence: '# U\n\ntext\n\n```\nnever closed\n\nmore\n',
  emptyItems: '# E\n\n-\n- \n  foo\n1.\n',
  headingInList: '# N\n\n- ## Inside\n  text\n',
  entities: '# &copy; Title &#x41;\n\n&nbsp;&lt;tag&gt; \\_x\\_\n',
  // Read by the fast path: tildes no pair of which can strike, escapes in URLs GFM does not link.
  tildes:
    '# T\n\nRun `cd ~/x` first.\n\nIt takes ~5 minutes.\n\nSee [the paper](https://e.example/~u/p.pdf).\n\n```\ncd ~/a && ls ~\n```\n\n- ~one\n- two~\n\n~~gone~~ and ~ alone\n',
  frontMatterUrl: '---\ntitle: "post(\\"http://model/predict\\")"\n---\n\n# F\n\nBody.\n',
  s3Urls: '# S\n\nFiles in s3://*DOC\\-EXAMPLE\\-BUCKET*/a\\-b are read, and ftp://x\\-y too.\n',
  // Literal URLs holding backslashes: micromark keeps them, and the marks inside, as written.
  escapedUrls:
    '# U\n\nSee https://smdataparallel\\.s3\\.amazonaws\\.com/x\\-1\\_2\\.whl now, https://api\\.sagemaker\\.*Region*\\.amazon\\.com\\\n' +
    'and https://console\\.aws\\.amazon\\.com/codepipeline/] at https://a.b/c\\#/d\\.\n\n' +
    '*see https://a\\.b/x*y* x https://a\\.b/(c\\-d)) and (https://e\\.f\\-g). xhttps://a\\.b 1https://a\\.b HTTPS://A\\.B\\-C\n' +
    'https://a\\.b\\-c&amp;d&amp; e https://a\\.b\\-c?x=1&y=2. http://a\\-b_c.d_e\\.f https://a\\.b\\-c<span>x</span>\n' +
    'https://a\\.b\\-c/**x** ![https://a\\.b\\-c](img.png) [https://a\\.b\\-c](https://x.y) `https://a\\.b`\n\n' +
    '## https://a\\.b\\-c heading\n\n| a | https://x\\.y/z\\-1 |\n|---|---|\n| https://q\\.r/s\\_t\\.whl | b |\n',
  // Tabs: micromark drops them at a line's end (and breaks no line on spaces and a tab), markdown-it keeps them.
  tabIndentedCode: '# T\n\n\tcode a\n\t\tcode b\n\n  \tmore\n \t x\n\ntext\n',
  tabLists:
    '# T\n\n-\titem one\n-\titem two\n\n\tcontinued\n\n1.\tfirst\n2.\tsecond\n\n- a\n\t- b\n\t\t- c\n\n\t\t  para\n',
  tabLineEnds: '# T\n\nline with tab\t\nnext\t\t\nend\n\nspaces  \t\nno break\t  \nnor here \t \nlast\n',
  tabLineEndMarks: '# T\n\n*em*\t\nnext `c`\t\nx a\\*\t\nb *in\t\nem* &#9;\t\nkept entity\n',
  tabsInline: '# T\n\nword\tword `co\tde` *em\tph* [a\tb](https://x.io/)\n\npara\n\tcontinued by tab\n',
  tabBlocks:
    '#\tHeading\t\n\n##\tSub\t##\n\n```js\n\tconst a = 1;\n```\n\n1. step\n\n\t```sh\n\tcmd\n\t```\n\n| a\t| b |\n|---|---|\n|\tx\t|\ty\t|\n\n>\tquoted\n\n<div>\n\t<p>x</p>\n</div>\n\n*\t*\t*\n\na\n\t\n- x\n\t\n- y\n',
  // Backslash escapes (escape-rule.ts joins them to the text): every escapable character, a
  // backslash before a letter, a space, a line break, the end of a paragraph, and spaces after an
  // escape that end a line (two make a hard break, the escaped character stays).
  escapes:
    '# Built\\-in \\#1\n\n' +
    'All: \\!\\"\\#\\$\\%\\&\\\'\\(\\)\\*\\+\\,\\-\\.\\/\\:\\;\\<\\=\\>\\?\\@\\[\\\\\\]\\^\\_\\`\\{\\|\\}\\~ end\n' +
    'kept \\a \\é \\😀 and \\ space, *em \\* still* a\\*  \nbreak b\\* \nsoft c\\  \nd\\\ne\n\n' +
    '[label \\] here](https://x.io/a\\_b) ![alt \\*x\\*](i.png) `co\\de` **s\\*\\*t**\n\n' +
    '| a\\|b | \\- c |\n|---|---|\n| \\_x\\_ | y\\\\ |\n\nlast\\\n',
  // Literal URLs, www. links and emails in every kind of block, nested ones included; a dotless
  // host inside a link's label is linked by neither.
  autolinks:
    '# www.h.example\n\n- item www.example.com\n  > quoted https://a.example/x and me@x.io\n\n' +
    '| a | https://t.example/p |\n|---|---|\n| b | c |\n\n[http://localhost/](https://a.example/) and *x https://e.example*\n\n' +
    'plain text\n',
  // Inline HTML over several lines ends on its last line (flashcards skip its lines); single-line blocks around it.
  inlineHtmlLines:
    '# H\n\nText <span\nclass="x">in\nspan</span> and <b\n>x</b> end\n\n- item <i\n>y</i>\n\none <br/> line\n\n| <a\\|b> | c |\n|---|---|\n',
  // Indented code after a list whose item is indented past its marker: micromark splits off its first line.
  codeAfterList: '# C\n\n   1.  item\n\n      code\n      more\n      third\n\npara\n',
  codeAfterListOneLine: '# C\n\n   1.  item\n\n      code\n\n1.   item\n\n    one line\n',
  codeAfterListGaps:
    '# C\n\n1.   item\n\n\n    code\n\n\n    more\n\n    third\n\n  -   item\n\n    code\n     more\n   1.  next\n',
};

describe('fast path and micromark split notes into the same sections', () => {
  for (const [name, source] of Object.entries(tricky)) {
    it(name, () => {
      const resolve = (url: string): string | null => `https://example.com/${url}`;
      const old = splitSections(parseWithMicromark(source), source, resolve);
      const now = splitSections(fast(source), source, resolve);
      expect(now).toEqual(old);
      expect(shape(fast(source))).toEqual(shape(parseWithMicromark(source)));
    });
  }
});
