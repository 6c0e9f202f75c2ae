import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ask } from '../../src/core/ask.js';
import { excerptMarkdown } from '../../src/render/markdown-excerpt.js';
import { loadNotes } from '../../src/notes/load.js';
import { ParsePool } from '../../src/notes/parse-pool.js';
import { buildIndex } from '../../src/search/index.js';
import { tempDir } from '../helpers/temp-dir.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nimbus-hostile-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

// Small files whose trees are thousands of levels deep: each once overflowed the call stack.
const hostile: Record<string, string> = {
  'quotes.md': `# Quotes\n\n${'>'.repeat(3000)} deepest quoted gizmo\n`,
  'lists.md': `# Lists\n\n${Array.from({ length: 300 }, (_, i) => `${'  '.repeat(i)}- gizmo level ${i}`).join('\n')}\n`,
  'links.md': `# Links\n\n${'*['.repeat(1500)}gizmo link${'](/lists)*'.repeat(1500)}\n`,
  'fine.md': '# Fine\n\nA plain gizmo note that loads as usual.\n',
};
for (const [file, text] of Object.entries(hostile)) fs.writeFileSync(path.join(dir, file), text);

describe('notes nested thousands of levels deep', () => {
  const library = loadNotes({ root: dir });

  it('load without overflowing the stack, next to the ordinary notes', () => {
    expect(library.notes.map((n) => n.file).sort()).toEqual(['fine.md', 'links.md', 'lists.md', 'quotes.md']);
    expect(library.sections.find((s) => s.id === 'quotes')!.text).toContain('deepest quoted gizmo');
    expect(library.sections.find((s) => s.id === 'lists')!.text).toContain('gizmo level 299');
  });

  it('are answered with excerpts whose indentation stays bounded', () => {
    const index = buildIndex(library.sections);
    const answer = ask(index, 'gizmo level 299');
    expect(answer.results[0]!.id).toBe('lists');
    const longestLine = Math.max(
      ...excerptMarkdown(answer.results[0]!.excerpt)
        .split('\n')
        .map((line) => line.length),
    );
    expect(longestLine).toBeLessThan(200);
    expect(ask(index, 'deepest quoted gizmo').results[0]!.id).toBe('quotes');
  });
});

describe('a note the parser fails on', () => {
  it('is skipped and named as a warning, on the calling thread too; the other notes load', () => {
    const folder = tempDir('nimbus-hostile-deep');
    // 16,384 quote levels overflow the call stack inside the parser.
    fs.writeFileSync(path.join(folder, 'deep.md'), `# Deep\n\n${'> '.repeat(16_384)}gizmo\n`);
    fs.writeFileSync(path.join(folder, 'fine.md'), '# Fine\n\nA fine gizmo.\n');
    for (const parsePool of [undefined, new ParsePool({ ms: 60_000, bytes: 1 << 21 }, 0)]) {
      const library = loadNotes({ root: folder, parsePool });
      expect(library.problems).toEqual([
        {
          file: 'deep.md',
          line: 1,
          message: 'skipped: the Markdown parser failed on it (Maximum call stack size exceeded); simplify the file',
          severity: 'warning',
        },
      ]);
      expect(library.notes.map((n) => n.file)).toEqual(['fine.md']);
    }
  });
});
