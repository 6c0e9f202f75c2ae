import fs from 'node:fs';
import path from 'node:path';
import { isSidecar } from './layout.js';
import { isInside, kindOf } from './read-file.js';
import type { Problem } from './types.js';
import { isNoteFile } from './note-file.js';

export interface NoteFile {
  /** Path relative to the notes root, with forward slashes. */
  file: string;
  absolute: string;
  /** Depth-first position following _meta.json order, then names. */
  order: number;
  /** The file's size when walked (how many parse workers are worth starting). */
  bytes?: number;
}

export interface WalkResult {
  /** The notes folder's real path: every file read must resolve inside it. */
  rootReal: string;
  files: NoteFile[];
  /** Sidebar files (`_meta.*`, `_category_.*`), relative paths; read by folders.ts. */
  sidecars: string[];
  problems: Problem[];
}

const ignoredFolder = (name: string): boolean => name.startsWith('.') || name === 'node_modules';

/**
 * Finds every .md/.mdx file and sidebar file below root (sorted later, by order.ts). Follows
 * symbolic links that stay inside the notes folder (not loops); links out of it and special files
 * (FIFOs, devices) are refused and reported, never read.
 */
export function walkNotes(root: string): WalkResult {
  let rootReal: string;
  try {
    rootReal = fs.realpathSync(root);
  } catch (error) {
    const message = `cannot read folder: ${(error as Error).message}`;
    return { rootReal: root, files: [], sidecars: [], problems: [{ file: '.', line: 0, message }] };
  }
  const result: WalkResult = { rootReal, files: [], sidecars: [], problems: [] };
  const seen = new Set<string>();
  const refuse = (file: string, message: string): void => void result.problems.push({ file, line: 0, message });

  const visit = (relative: string): void => {
    const absolute = path.join(root, relative);
    let real: string;
    try {
      real = fs.realpathSync(absolute);
    } catch (error) {
      refuse(relative || '.', `cannot read folder: ${(error as Error).message}`);
      return;
    }
    if (!isInside(rootReal, real)) {
      refuse(relative, 'symbolic link to a folder outside the notes folder; refused (not read)');
      return;
    }
    if (seen.has(real)) {
      refuse(relative, 'folder link loops back to a folder already read; skipped');
      return;
    }
    seen.add(real);

    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(absolute, { withFileTypes: true });
    } catch (error) {
      refuse(relative || '.', `cannot read folder: ${(error as Error).message}`);
      return;
    }

    const folders: string[] = [];
    const notes: string[] = [];
    const sizes = new Map<string, number>();
    for (const entry of entries) {
      const file = path.posix.join(relative, entry.name);
      const full = path.join(absolute, entry.name);
      let stat: fs.Stats;
      try {
        stat = entry.isSymbolicLink() ? fs.statSync(full) : fs.lstatSync(full);
      } catch {
        refuse(file, 'broken or looping symbolic link; skipped');
        continue;
      }
      const note = isNoteFile(entry.name) && !entry.name.startsWith('.');
      const wanted = stat.isDirectory() ? !ignoredFolder(entry.name) : note || isSidecar(entry.name);
      if (!wanted) continue;
      if (entry.isSymbolicLink() && !isInside(rootReal, fs.realpathSync(full))) {
        refuse(
          file,
          `symbolic link to a ${stat.isDirectory() ? 'folder' : 'file'} outside the notes folder; refused (not read)`,
        );
      } else if (stat.isDirectory()) folders.push(entry.name);
      else if (!stat.isFile()) refuse(file, `not a regular file (${kindOf(stat)}); refused (not read)`);
      else if (note) {
        notes.push(entry.name);
        sizes.set(entry.name, stat.size);
      } else result.sidecars.push(file);
    }
    for (const name of [...notes, ...folders].sort()) {
      const child = relative ? `${relative}/${name}` : name;
      if (folders.includes(name) && !notes.includes(name)) visit(child);
      else
        result.files.push({
          file: child,
          absolute: path.join(root, child),
          order: result.files.length,
          bytes: sizes.get(name),
        });
    }
  };

  visit('');
  return result;
}
