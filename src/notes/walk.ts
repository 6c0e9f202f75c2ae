import fs from 'node:fs';
import path from 'node:path';
import { parseMeta, type FolderMeta } from './meta.js';
import { isInside, kindOf, readNotesFile } from './read-file.js';
import type { Problem } from './types.js';

export interface NoteFile {
  /** Path relative to the notes root, with forward slashes. */
  file: string;
  absolute: string;
  /** Depth-first position following _meta.json order, then names. */
  order: number;
}

export interface WalkResult {
  /** The notes folder's real path: every file read must resolve inside it. */
  rootReal: string;
  files: NoteFile[];
  /** _meta.json contents by folder (relative path, "" for the root). */
  metas: Map<string, FolderMeta>;
  problems: Problem[];
}

const MAX_META_BYTES = 1024 * 1024;
const isNote = (name: string): boolean => /\.mdx?$/i.test(name);
const ignoredFolder = (name: string): boolean => name.startsWith('.') || name === 'node_modules';

function orderEntries(names: string[], meta: FolderMeta | undefined): string[] {
  const rank = new Map(meta?.order.map((key, index) => [key, index]));
  const keyOf = (name: string): string => name.replace(/\.mdx?$/i, '');
  return [...names].sort((a, b) => {
    const ra = rank.get(keyOf(a)) ?? Infinity;
    const rb = rank.get(keyOf(b)) ?? Infinity;
    return ra !== rb ? ra - rb : a.localeCompare(b);
  });
}

/**
 * Finds every .md/.mdx file below root, in sidebar order. Follows symbolic links that stay inside
 * the notes folder (not loops); links out of it and special files are refused and reported.
 */
export function walkNotes(root: string): WalkResult {
  let rootReal: string;
  try {
    rootReal = fs.realpathSync(root);
  } catch (error) {
    return { rootReal: root, files: [], metas: new Map(), problems: [{ file: '.', line: 0, message: `cannot read folder: ${(error as Error).message}` }] };
  }
  const result: WalkResult = { rootReal, files: [], metas: new Map(), problems: [] };
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
    const metaFile = path.posix.join(relative, '_meta.json');
    let meta: FolderMeta | undefined;
    if (entries.some((e) => e.name === '_meta.json')) {
      try {
        meta = parseMeta(readNotesFile(path.join(absolute, '_meta.json'), rootReal, MAX_META_BYTES).toString('utf8'));
        result.metas.set(relative, meta);
      } catch (error) {
        result.problems.push({ file: metaFile, line: 1, message: `invalid _meta.json: ${(error as Error).message.split('\n')[0]}` });
      }
    }

    const folders: string[] = [];
    const notes: string[] = [];
    for (const entry of entries) {
      const file = path.posix.join(relative, entry.name);
      let stat: fs.Stats;
      try {
        stat = entry.isSymbolicLink() ? fs.statSync(path.join(absolute, entry.name)) : fs.lstatSync(path.join(absolute, entry.name));
      } catch {
        refuse(file, 'broken or looping symbolic link; skipped');
        continue;
      }
      const wanted = stat.isDirectory() ? !ignoredFolder(entry.name) : isNote(entry.name) && !entry.name.startsWith('.');
      if (!wanted) continue;
      if (entry.isSymbolicLink() && !isInside(rootReal, fs.realpathSync(path.join(absolute, entry.name)))) {
        refuse(file, `symbolic link to a ${stat.isDirectory() ? 'folder' : 'file'} outside the notes folder; refused (not read)`);
      } else if (stat.isDirectory()) folders.push(entry.name);
      else if (stat.isFile()) notes.push(entry.name);
      else refuse(file, `not a regular file (${kindOf(stat)}); refused (not read)`);
    }
    for (const name of orderEntries([...notes, ...folders], meta)) {
      const child = relative ? `${relative}/${name}` : name;
      if (folders.includes(name) && !notes.includes(name)) visit(child);
      else result.files.push({ file: child, absolute: path.join(root, child), order: result.files.length });
    }
  };

  visit('');
  return result;
}
