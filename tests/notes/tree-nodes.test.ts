import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadNotes } from '../../src/notes/load.js';
import { parseMarkdown } from '../../src/notes/markdown.js';
import { htmlAnchors } from '../../src/notes/syntax.js';
import { gatherNodes } from '../../src/notes/tree-nodes.js';
import { tempDir } from '../helpers/temp-dir.js';

describe('the nodes loading reads after parsing, gathered in one walk', () => {
  it('lists quotes, links, definitions and anchor nodes at any depth, in document order', () => {
    const { tree } = parseMarkdown(
      [
        '# Top',
        '',
        '> [!tip] Outer',
        '> > inner quote with [a link](./a.md)',
        '',
        '- ## Nested heading',
        '  - <span id="deep">x</span> and [[b]] text, [ref][r]',
        '',
        '[r]: ./defined.md',
        '',
        '<a name="raw"></a>',
      ].join('\n'),
      false,
    );
    const nodes = gatherNodes(tree);
    expect(nodes.quotes).toHaveLength(2);
    expect(nodes.links.map((l) => [l.type, l.url])).toEqual([
      ['link', './a.md'],
      ['definition', './defined.md'],
    ]);
    expect(nodes.anchorNodes.map((n) => n.type)).toEqual(['heading', 'html', 'html', 'html', 'html']);
    // The top-level heading is sections.ts's; the nested one and the HTML ids are the page's own.
    expect(htmlAnchors(nodes.anchorNodes)).toEqual(['nested-heading', 'deep', 'raw']);
  });

  it('finds JSX ids inside text in MDX', () => {
    const { tree } = parseMarkdown('# Page\n\nSee <span id="inline-id">here</span> and <Card name="card" />.\n', true);
    expect(htmlAnchors(gatherNodes(tree).anchorNodes)).toEqual(['inline-id', 'card']);
  });

  it('checks links written as definitions and anchors a page defines in JSX, through the loader', () => {
    const dir = tempDir('nimbus-tree-nodes');
    fs.writeFileSync(path.join(dir, 'a.mdx'), '# A\n\nText with <span id="inline-id">an anchor</span> in it.\n');
    fs.writeFileSync(
      path.join(dir, 'b.md'),
      '# B\n\nGood: [to the anchor][good]. Bad: [nowhere][bad].\n\n[good]: ./a.mdx#inline-id\n[bad]: ./missing.md\n',
    );
    const library = loadNotes({ root: dir });
    expect(library.problems.map((p) => `${p.file}:${p.line}: ${p.message}`)).toEqual([
      'b.md:6: link "./missing.md" points to a page that does not exist',
    ]);
  });
});
