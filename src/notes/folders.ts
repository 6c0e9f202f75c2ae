import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { isNextraMeta } from './layout.js';
import { readMetaModule } from './meta-module.js';
import type { Problem } from './types.js';

/** What the sidebar files of one folder say about its entries. */
export interface FolderInfo {
  /** Entry (file name without extension, or folder name) → sidebar title. */
  titles: Map<string, string>;
  /** Entry → rank in the sidebar (Nextra key order). */
  rank: Map<string, number>;
  /** The folder's own label and position (Docusaurus `_category_`). */
  label?: string;
  position?: number;
}

const emptyFolder = (): FolderInfo => ({ titles: new Map(), rank: new Map() });

/** Reads every `_meta.*` and `_category_.*` file, statically; unreadable ones become warnings. */
export function readFolders(
  root: string,
  sidecars: string[],
  readText: (absolute: string) => string,
): { folders: Map<string, FolderInfo>; problems: Problem[] } {
  const folders = new Map<string, FolderInfo>();
  const problems: Problem[] = [];
  const folderOf = (dir: string): FolderInfo => {
    let info = folders.get(dir);
    if (!info) folders.set(dir, (info = emptyFolder()));
    return info;
  };
  const warn = (file: string, line: number, message: string): void =>
    void problems.push({ file, line, message, severity: 'warning' });

  // Global metas first, so a folder's own _meta file overrides them.
  const ordered = [...sidecars].sort((a, b) => Number(!a.includes('.global.')) - Number(!b.includes('.global.')));
  for (const file of ordered) {
    const name = path.posix.basename(file);
    const dir = path.posix.dirname(file) === '.' ? '' : path.posix.dirname(file);
    let text: string;
    try {
      text = readText(path.join(root, file));
    } catch (error) {
      problems.push({ file, line: 0, message: `cannot read: ${(error as Error).message}`, severity: 'error' });
      continue;
    }
    if (isNextraMeta(name)) {
      let value: unknown;
      if (name.endsWith('.json')) {
        try {
          value = JSON.parse(text);
        } catch (error) {
          warn(file, 1, `invalid ${name}: ${(error as Error).message.split('\n')[0]}; ignored`);
          continue;
        }
      } else {
        const result = readMetaModule(text, name);
        for (const w of result.warnings) warn(file, w.line, w.message);
        value = result.value;
      }
      if (!isRecord(value)) {
        if (value !== undefined) warn(file, 1, `${name} is not an object of entries; ignored`);
        continue;
      }
      applyNextraMeta(dir, value, folderOf, name.includes('.global.'));
    } else {
      let value: unknown;
      try {
        value = name.endsWith('.json') ? JSON.parse(text) : parseYaml(text);
      } catch (error) {
        warn(file, 1, `invalid ${name}: ${(error as Error).message.split('\n')[0]}; ignored`);
        continue;
      }
      if (!isRecord(value)) continue;
      const info = folderOf(dir);
      if (typeof value.label === 'string' && value.label.trim()) info.label = value.label.trim();
      if (typeof value.position === 'number') info.position = value.position;
    }
  }
  return { folders, problems };
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function applyNextraMeta(
  dir: string,
  meta: Record<string, unknown>,
  folderOf: (dir: string) => FolderInfo,
  global: boolean,
): void {
  const info = folderOf(dir);
  let rank = 0;
  for (const [key, value] of Object.entries(meta)) {
    if (key === '*') continue;
    if (!info.rank.has(key)) info.rank.set(key, rank);
    rank++;
    const title =
      typeof value === 'string' ? value : isRecord(value) && typeof value.title === 'string' ? value.title : undefined;
    if (title?.trim()) info.titles.set(key, title.trim());
    // _meta.global describes nested folders through `items`.
    if (global && isRecord(value) && isRecord(value.items))
      applyNextraMeta(dir ? `${dir}/${key}` : key, value.items, folderOf, true);
  }
}
