import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadLibrary } from '../../src/core/library.js';
import { loadNotes } from '../../src/notes/load.js';
import { ParsePool } from '../../src/notes/parse-pool.js';
import { tempDir } from '../helpers/temp-dir.js';

const root = path.resolve(import.meta.dirname, '../..');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nimbus-budget-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

// 80 KB of `[` took ~9 s inside micromark; within a 300 ms budget it is stopped and reported.
// (markdown-it reads them in linear time: the `~one~` strikethrough sends the note to micromark.)
fs.writeFileSync(path.join(dir, 'brackets.md'), `# Brackets\n\n~one~\n\n${'['.repeat(80_000)}\n`);
fs.writeFileSync(path.join(dir, 'big.md'), `# Big\n\n${'A long gizmo paragraph. '.repeat(6000)}\n`);
for (let i = 0; i < 6; i++)
  fs.writeFileSync(path.join(dir, `fine-${i}.md`), `# Fine ${i}\n\n## Part\n\nA plain gizmo note number ${i}.\n`);

const config = { NOTES_DIR: dir, NOTES_BASE_URL: undefined, NOTES_LINK_STYLE: 'site' as const };

describe('per-note parse budget', () => {
  it('skips a note past the time or size budget, reports it by name, and loads the others as without a pool', () => {
    const started = performance.now();
    const library = loadLibrary({ ...config, NOTES_PARSE_BUDGET_MS: 300, NOTES_MAX_FILE_KB: 100 });
    // Bounded by the budget, not by micromark (generous for a loaded machine: the worker starts first).
    expect(performance.now() - started).toBeLessThan(30_000);
    const skipped = library.problems.filter((p) => p.message.startsWith('skipped'));
    expect(skipped.map((p) => [p.file, p.severity])).toEqual([
      ['big.md', 'warning'],
      ['brackets.md', 'warning'],
    ]);
    expect(skipped[0]!.message).toBe('skipped: 141 KB is over the 100 KB a note may have (NOTES_MAX_FILE_KB)');
    expect(skipped[1]!.message).toContain('NOTES_PARSE_BUDGET_MS');
    expect(library.notes.map((n) => n.file).sort()).toEqual([0, 1, 2, 3, 4, 5].map((i) => `fine-${i}.md`));
    // Parsed on the pool's threads, the notes are exactly what parsing in this thread gives.
    const inline = loadNotes({ root: dir, exclude: ['b*.md'] });
    expect(library.sections).toEqual(inline.sections);
  });

  for (const [where, threads] of [
    ['on this thread', 0],
    ['on a worker', 1],
  ] as const) {
    it(`stops a note at its budget ${where}; the next notes load`, () => {
      const pool = new ParsePool({ ms: 300, bytes: 20 * 1024 * 1024 }, threads);
      try {
        const started = performance.now();
        const library = loadNotes({ root: dir, exclude: ['big.md'], parsePool: pool });
        expect(performance.now() - started).toBeLessThan(30_000);
        expect(library.problems.map((p) => [p.file, p.severity, p.message])).toEqual([
          ['brackets.md', 'warning', expect.stringContaining('parsing took more than 0.3 s')],
        ]);
        expect(library.notes.map((n) => n.file).sort()).toEqual([0, 1, 2, 3, 4, 5].map((i) => `fine-${i}.md`));
        expect(pool.workers).toBe(threads);
      } finally {
        pool.close();
      }
    }, 60_000);
  }

  it('on this thread, a note over its budget amid others parsed in the same timed run: those before it keep their result, those after it load', () => {
    const mid = tempDir('nimbus-budget-mid');
    fs.writeFileSync(path.join(mid, 'a.md'), '# A\n\nFirst gizmo.\n');
    fs.writeFileSync(path.join(mid, 'm.md'), fs.readFileSync(path.join(dir, 'brackets.md')));
    fs.writeFileSync(path.join(mid, 'z.md'), '# Z\n\nLast gizmo.\n');
    const pool = new ParsePool({ ms: 300, bytes: 20 * 1024 * 1024 }, 0);
    const library = loadNotes({ root: mid, parsePool: pool });
    expect(library.problems.map((p) => p.file)).toEqual(['m.md']);
    expect(library.notes.map((n) => n.file)).toEqual(['a.md', 'z.md']);
    expect(library.sections.map((s) => s.text)).toEqual(['First gizmo.', 'Last gizmo.']);
  });

  it('parses every note when the budget allows it', () => {
    const pool = new ParsePool({ ms: 600_000, bytes: 20 * 1024 * 1024 });
    try {
      const library = loadNotes({ root: dir, exclude: ['brackets.md'], parsePool: pool });
      expect(library.problems).toEqual([]);
      expect(library.notes.map((n) => n.file)).toContain('big.md');
    } finally {
      pool.close();
    }
  });

  it('`check` names the skipped note as a warning and does not fail without --strict', () => {
    const out = execFileSync(process.execPath, ['--import', 'tsx', 'src/main.ts', 'check'], {
      cwd: root,
      env: {
        PATH: process.env.PATH,
        NOTES_DIR: dir,
        NOTES_EXCLUDE: 'big.md',
        CACHE_DIR: 'off',
        NOTES_PARSE_BUDGET_MS: '300',
      },
      encoding: 'utf8',
    });
    expect(out).toMatch(/brackets\.md:1: warning: skipped: parsing took more than 0\.3 s of CPU time/);
    expect(out).toContain('0 error(s), 1 warning(s)');
  });
});
