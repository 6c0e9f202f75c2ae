import type { Blockquote, Definition, Link, Nodes, Root } from 'mdast';

/**
 * The nodes loading reads after parsing, each list in document order, gathered in one walk: one
 * walk per step cost 3 % of a cold load of the SageMaker guide.
 */
export interface TreeNodes {
  quotes: Blockquote[];
  /** Links and link definitions. */
  links: (Link | Definition)[];
  /** Where a page defines anchors besides its top-level headings: HTML, JSX and headings below the top level. */
  anchorNodes: Nodes[];
}

/** Gathers the tree's TreeNodes. Walks with its own stack: nesting depth is unbounded. */
export function gatherNodes(tree: Root): TreeNodes {
  const found: TreeNodes = { quotes: [], links: [], anchorNodes: [] };
  // The nodes to visit, last first, and whether each is a child of the root.
  const stack: Nodes[] = [];
  const topLevel: boolean[] = [];
  const pushChildren = (parent: Nodes & { children: Nodes[] }, top: boolean): void => {
    for (let i = parent.children.length - 1; i >= 0; i--) {
      stack.push(parent.children[i]!);
      topLevel.push(top);
    }
  };
  pushChildren(tree, true);
  while (stack.length) {
    const node = stack.pop()!;
    const top = topLevel.pop()!;
    switch (node.type) {
      case 'blockquote':
        found.quotes.push(node);
        break;
      case 'link':
      case 'definition':
        found.links.push(node);
        break;
      case 'html':
      case 'mdxJsxFlowElement':
      case 'mdxJsxTextElement':
        found.anchorNodes.push(node);
        break;
      case 'heading':
        if (!top) found.anchorNodes.push(node);
        break;
    }
    if ('children' in node) pushChildren(node, false);
  }
  return found;
}
