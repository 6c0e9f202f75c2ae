import fs from 'node:fs';
import path from 'node:path';
import { isSidecar } from './layout.js';
import type { Problem } from './types.js';

export interface NoteFile {
  /** Path relative to the notes root, with forward slashes. */
  file: string;
  absolute: string;
  /** Depth-first position following _meta.json order, then names. */
  order: number;
}

export interface WalkResult {
  files: NoteFile[];
  /** Sidebar files (`_meta.*`, `_category_.*`), relative paths; read by folders.ts. */
  sidecars: string[];
  problems: Problem[];
}

const isNote = (name: string): boolean => /\.mdx?$/i.test(name);
const ignoredFolder = (name: string): boolean => name.startsWith('.') || name === 'node_modules';


/** Finds every .md/.mdx file and sidebar file below root (sorted later, by order.ts); follows symlinks but not loops. */
export function walkNotes(root: string): WalkResult {
  const result: WalkResult = { files: [], sidecars: [], problems: [] };
  const seen = new Set<string>();

  const visit = (relative: string): void => {
    const absolute = path.join(root, relative);
    let real: string;
    try {
      real = fs.realpathSync(absolute);
    } catch (error) {
      result.problems.push({ file: relative || '.', line: 0, message: `cannot read folder: ${(error as Error).message}` });
      return;
    }
    if (seen.has(real)) {
      result.problems.push({ file: relative, line: 0, message: 'folder link loops back to a folder already read; skipped' });
      return;
    }
    seen.add(real);

    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(absolute, { withFileTypes: true });
    } catch (error) {
      result.problems.push({ file: relative || '.', line: 0, message: `cannot read folder: ${(error as Error).message}` });
      return;
    }

    const folders: string[] = [];
    const notes: string[] = [];
    for (const entry of entries) {
      let kind: 'dir' | 'file' | 'other' = entry.isDirectory() ? 'dir' : entry.isFile() ? 'file' : 'other';
      if (entry.isSymbolicLink()) {
        try {
          const stat = fs.statSync(path.join(absolute, entry.name));
          kind = stat.isDirectory() ? 'dir' : stat.isFile() ? 'file' : 'other';
        } catch {
          result.problems.push({ file: path.posix.join(relative, entry.name), line: 0, message: 'broken or looping symbolic link; skipped' });
          continue;
        }
      }
      if (kind === 'dir' && !ignoredFolder(entry.name)) folders.push(entry.name);
      else if (kind === 'file' && isNote(entry.name) && !entry.name.startsWith('.')) notes.push(entry.name);
      else if (kind === 'file' && isSidecar(entry.name)) result.sidecars.push(path.posix.join(relative, entry.name));
    }
    for (const name of [...notes, ...folders].sort()) {
      const child = relative ? `${relative}/${name}` : name;
      if (folders.includes(name) && !notes.includes(name)) visit(child);
      else result.files.push({ file: child, absolute: path.join(root, child), order: result.files.length });
    }
  };

  visit('');
  return result;
}
