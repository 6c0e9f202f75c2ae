import { loadNotes } from '../../src/notes/load.js';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { NoteLibrary } from '../../src/notes/types.js';

/** Loads a set of notes written to a temporary folder: { "file.md": "markdown" }. */
export function libraryFrom(
  files: Record<string, string>,
  baseUrl?: string,
  options: Omit<Parameters<typeof loadNotes>[0], 'root'> = {},
): NoteLibrary {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nimbus-lib-'));
  for (const [name, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), content);
  }
  try {
    return loadNotes({ root: dir, baseUrl, ...options });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Sections on other subjects, one a title ("## Storage" …), so that a test's words are rare in its library. */
export const fillerSections = (titles: string[]): string =>
  titles.map((t) => `## ${t}\n\n${t} is covered in its own notes.\n`).join('\n');
