import fs from 'node:fs';
import path from 'node:path';
import { parseMeta, type FolderMeta } from './meta.js';
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
  /** _meta.json contents by folder (relative path, "" for the root). */
  metas: Map<string, FolderMeta>;
  problems: Problem[];
}

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

/** Finds every .md/.mdx file below root, in sidebar order; follows symlinks but not loops. */
export function walkNotes(root: string): WalkResult {
  const result: WalkResult = { files: [], metas: new Map(), problems: [] };
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
    const metaPath = path.join(absolute, '_meta.json');
    let meta: FolderMeta | undefined;
    if (entries.some((e) => e.name === '_meta.json')) {
      try {
        meta = parseMeta(fs.readFileSync(metaPath, 'utf8'));
        result.metas.set(relative, meta);
      } catch (error) {
        result.problems.push({ file: path.posix.join(relative, '_meta.json'), line: 1, message: `invalid _meta.json: ${(error as Error).message.split('\n')[0]}` });
      }
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
