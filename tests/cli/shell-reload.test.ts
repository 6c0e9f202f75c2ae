import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nimbus-shell-reload-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
const notes = path.join(dir, 'notes');
fs.mkdirSync(notes);
fs.writeFileSync(path.join(notes, 'birds.md'), '# Birds\n\n## Puffins\n\nPuffins nest on cliffs by the sea.\n');
fs.writeFileSync(path.join(notes, 'trees.md'), '# Trees\n\n## Oaks\n\nOaks grow slowly and live for centuries.\n');

describe('terminal shell', () => {
  it('answers from an edited note without a restart, and keeps the old notes when an edit breaks them', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts', 'shell'], {
      cwd: root,
      env: { PATH: process.env.PATH, NOTES_DIR: notes, CACHE_DIR: path.join(dir, 'cache'), NO_COLOR: '1' },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk) => (out += String(chunk)));
    child.stderr.on('data', (chunk) => (err += String(chunk)));
    const waitFor = async (done: () => boolean, ask?: string): Promise<void> => {
      const until = Date.now() + 90_000;
      while (!done()) {
        if (Date.now() > until)
          throw new Error(`timed out; stdout:\n${out.slice(-1500)}\nstderr:\n${err.slice(-1500)}`);
        if (ask) child.stdin.write(`${ask}\n`);
        await new Promise((resolve) => setTimeout(resolve, 500));
      }
    };
    try {
      child.stdin.write('where do puffins nest\n');
      await waitFor(() => out.includes('cliffs by the sea'));
      // Not in the notes yet: the word is nowhere in them.
      expect(out).not.toContain('Kingfishers dive');
      fs.appendFileSync(path.join(notes, 'birds.md'), '\n## Kingfishers\n\nKingfishers dive for minnows in rivers.\n');
      await waitFor(() => out.includes('Kingfishers dive'), 'how do kingfishers fish for minnows');
      // A broken edit (a quiz block that does not parse) is refused: stderr says why, answers stay.
      fs.writeFileSync(path.join(notes, 'trees.md'), '---\nquiz: [unclosed\n---\n# Trees\n\nOaks are gone.\n');
      await waitFor(() => err.includes('not reloaded'));
      const before = out.length;
      child.stdin.write('how long do oaks live\n');
      await waitFor(() => out.slice(before).includes('live for centuries'));
    } finally {
      child.stdin.end();
      child.kill();
    }
  }, 240_000);
});
