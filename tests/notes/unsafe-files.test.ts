import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadNotes } from '../../src/notes/load.js';
import type { NoteLibrary } from '../../src/notes/types.js';
import { runCli } from '../helpers/run-cli.js';

const SECRET = 'DISCORD_TOKEN=MTIzNDU2Nzg5.secret-value';

// A project folder with a secret beside the notes, and notes that try to reach it.
let project: string;
let notes: string;
let library: NoteLibrary;
beforeAll(() => {
  project = fs.mkdtempSync(path.join(os.tmpdir(), 'nimbus-unsafe-'));
  notes = path.join(project, 'notes');
  fs.mkdirSync(path.join(notes, 'guide'), { recursive: true });
  fs.mkdirSync(path.join(project, 'private'));
  fs.writeFileSync(path.join(project, '.env'), `${SECRET}\n`);
  fs.writeFileSync(path.join(project, 'private', 'keys.md'), `# Keys\n\n${SECRET}\n`);
  fs.writeFileSync(path.join(notes, 'guide', 'real.md'), '# Real note\n\nBuckets hold objects.\n');
  fs.symlinkSync('../.env', path.join(notes, 'tips.md'));
  fs.symlinkSync('../private', path.join(notes, 'private'));
  fs.symlinkSync('guide/real.md', path.join(notes, 'alias.md'));
  fs.symlinkSync('/dev/zero', path.join(notes, 'guide', '_meta.json'));
  execFileSync('mkfifo', [path.join(notes, 'pipe.md')]);
  fs.mkdirSync(path.join(notes, 'fifo-meta'));
  execFileSync('mkfifo', [path.join(notes, 'fifo-meta', '_meta.json')]);
  fs.writeFileSync(path.join(notes, 'fifo-meta', 'page.md'), '# Page\n\nText.\n');
  library = loadNotes({ root: notes });
});
afterAll(() => fs.rmSync(project, { recursive: true, force: true }));

const problemsOf = (file: string) => library.problems.filter((p) => p.file === file).map((p) => p.message);

describe('files that are not plain notes inside the notes folder', () => {
  it('never reads a symbolic link that leaves the notes folder, and says so', () => {
    const everything = JSON.stringify(library);
    expect(everything).not.toContain('secret-value');
    expect(library.notes.map((n) => n.file)).not.toContain('tips.md');
    expect(problemsOf('tips.md')).toEqual(['symbolic link to a file outside the notes folder; refused (not read)']);
    expect(problemsOf('private')).toEqual(['symbolic link to a folder outside the notes folder; refused (not read)']);
  });

  it('follows symbolic links that stay inside the notes folder', () => {
    expect(library.notes.map((n) => n.file)).toEqual(
      expect.arrayContaining(['alias.md', 'guide/real.md', 'fifo-meta/page.md']),
    );
  });

  it('refuses FIFOs and devices instead of hanging on them', () => {
    expect(problemsOf('pipe.md')).toEqual(['not a regular file (a FIFO); refused (not read)']);
    expect(problemsOf('fifo-meta/_meta.json')).toEqual(['not a regular file (a FIFO); refused (not read)']);
    expect(problemsOf('guide/_meta.json')).toEqual([
      'symbolic link to a file outside the notes folder; refused (not read)',
    ]);
  });

  it('makes check report them and exit 1', () => {
    const result = runCli(['check', '--notes', notes]);
    expect(result.status).toBe(1);
    expect(result.stdout).toContain('tips.md:0: symbolic link to a file outside the notes folder; refused (not read)');
    expect(result.stdout).toContain('pipe.md:0: not a regular file (a FIFO); refused (not read)');
    expect(result.stdout + result.stderr).not.toContain('secret-value');
  });
});
