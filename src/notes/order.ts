import type { FolderInfo } from './folders.js';
import { isFolderPage, naturalCompare, type Layout } from './layout.js';
import { withoutNoteExtension } from './note-file.js';

export interface OrderInput {
  file: string;
  sidebarPosition?: number;
}

/**
 * Sidebar order, depth first: a folder's own page first, then its entries by Nextra `_meta` key
 * order or Docusaurus `sidebar_position` / `_category_` position, then by natural name order
 * (`Week 2` before `Week 10`, `02-x` before `10-x`).
 */
export function sidebarOrder(items: OrderInput[], layout: Layout, folders: Map<string, FolderInfo>): string[] {
  const positionOf = new Map(items.map((i) => [i.file, i.sidebarPosition]));
  const keyCache = new Map<string, [number, string][]>();
  const keys = (file: string): [number, string][] => {
    let cached = keyCache.get(file);
    if (cached) return cached;
    const parts = file.split('/');
    cached = parts.map((part, depth) => {
      const folder = parts.slice(0, depth).join('/');
      const last = depth === parts.length - 1;
      const name = last ? withoutNoteExtension(part) : part;
      if (last && isFolderPage(file, layout)) return [-Infinity, ''];
      const info = folders.get(folder);
      let rank = info?.rank.get(name);
      if (rank === undefined && layout.name === 'docusaurus')
        rank = last ? positionOf.get(file) : folders.get(parts.slice(0, depth + 1).join('/'))?.position;
      return [rank ?? Infinity, name];
    });
    keyCache.set(file, cached);
    return cached;
  };
  return items
    .map((i) => i.file)
    .sort((a, b) => {
      const ka = keys(a);
      const kb = keys(b);
      for (let i = 0; i < Math.min(ka.length, kb.length); i++) {
        const [ra, na] = ka[i]!;
        const [rb, nb] = kb[i]!;
        if (ra !== rb) return ra < rb ? -1 : 1;
        const byName = naturalCompare(na, nb);
        if (byName) return byName;
      }
      return ka.length - kb.length;
    });
}
