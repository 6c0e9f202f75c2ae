import path from 'node:path/posix';
import type { LayoutName } from './layout.js';
import { isNoteFile, withoutNoteExtension } from './note-file.js';
import { trimTrailingSlashes } from './slashes.js';

/** decodeURIComponent that never throws: a stray `%` (`[50%](50%-off)`) keeps its text. */
export function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text.replace(/%[0-9a-f]{2}/gi, (encoded) => {
      try {
        return decodeURIComponent(encoded);
      } catch {
        return encoded;
      }
    });
  }
}

export interface LinkTarget {
  file: string;
  anchor: string;
}

/** A note and section, `missing` for a link to a note that does not exist, null when not a note link. */
export type Resolution = LinkTarget | { missing: true } | null;

const external = /^[a-z][a-z0-9+.-]*:/i;
export const wikiScheme = 'wikilink:';

/** What a link to `p` may name, in this order: `p` itself, `p` with a note's extension, then a page of folder `p`. */
const noteExtensions = ['.md', '.mdx'];
const folderPages = ['index.md', 'index.mdx', 'README.md', 'readme.md', 'page.mdx', 'page.md'];

/**
 * Finds the note a link points at the way the published site would: as a file path (relative,
 * or from the notes root), a folder (its index/README/page file), or a site route (Nextra routes,
 * Docusaurus slugs and ids, with or without the locale folder); Obsidian wikilinks by note name.
 */
export class NoteResolver {
  private readonly files: Set<string>;
  private readonly fileByRoute = new Map<string, string>();
  private readonly fileByName = new Map<string, string>();
  /** First path segment of every note and route, to tell links into the notes from links elsewhere on the site. */
  private readonly topFolders = new Set<string>();

  constructor(
    files: string[],
    private readonly routeOf: (file: string) => string,
    private readonly layout: LayoutName,
    private readonly localeFolder?: string,
  ) {
    this.files = new Set(files);
    for (const file of files) {
      const route = routeOf(file);
      this.topFolders.add(withoutNoteExtension(file.split('/')[0]!));
      this.topFolders.add(route.split('/')[0]!);
      if (!this.fileByRoute.has(route)) this.fileByRoute.set(route, file);
      const lower = route.toLowerCase();
      if (!this.fileByRoute.has(lower)) this.fileByRoute.set(lower, file);
      const name = withoutNoteExtension(path.basename(file)).toLowerCase();
      const known = this.fileByName.get(name);
      // Obsidian resolves a bare name to the shortest path.
      if (!known || file.split('/').length < known.split('/').length) this.fileByName.set(name, file);
    }
  }

  resolve(fromFile: string, url: string): Resolution {
    if (url.startsWith(wikiScheme)) return this.resolveWiki(fromFile, url.slice(wikiScheme.length));
    if (external.test(url) || url.startsWith('//')) return null;
    const hash = url.indexOf('#');
    const target = safeDecode(hash >= 0 ? url.slice(0, hash) : url)
      .split('?')[0]!
      .trim();
    const anchor = hash >= 0 ? safeDecode(url.slice(hash + 1)) : '';
    if (target === '') return { file: fromFile, anchor };
    const clean = target.replace(/\.html?$/i, '');
    const found = this.find(fromFile, clean);
    if (found) return { file: found, anchor };
    // Images, PDFs and other files are not notes; their links are not checked.
    const extension = path.extname(target);
    if (extension && !isNoteFile(extension) && !/^\.html?$/i.test(extension)) return null;
    // Above the notes folder, or an absolute path into another part of the site (`/glue/latest/…`).
    const outside = clean.startsWith('/')
      ? !this.topFolders.has(clean.replace(/^\/+/, '').split('/')[0]!) &&
        !(this.localeFolder && clean.replace(/^\/+/, '').split('/')[0] === this.localeFolder) &&
        this.layout !== 'nextra'
      : path.normalize(path.join(path.dirname(fromFile), clean)).startsWith('..');
    return outside ? null : { missing: true };
  }

  private find(fromFile: string, target: string): string | undefined {
    for (const root of this.rootsOf(fromFile, target)) {
      const p = trimTrailingSlashes(path.normalize(root)).replace(/^\.$/, '');
      if (p.startsWith('..')) continue;
      const hit = this.lookup(p);
      if (hit) return hit;
    }
    return undefined;
  }

  /** The paths a link target may name, most likely first; made one at a time, as most links hit the first. */
  private *rootsOf(fromFile: string, target: string): Generator<string> {
    if (target.startsWith('/')) {
      const absolute = target.replace(/^\/+/, '');
      yield absolute;
      if (this.localeFolder) yield `${this.localeFolder}/${absolute}`;
      // Docusaurus serves docs below a base path such as /docs/.
      if (this.layout === 'docusaurus' && absolute.includes('/')) yield absolute.slice(absolute.indexOf('/') + 1);
    } else {
      yield path.join(path.dirname(fromFile), target);
      // Site links are relative to the page's URL, not its file.
      const route = this.routeOf(fromFile);
      yield path.join(route.includes('/') ? path.dirname(route) : '', target);
      yield path.join(route, target);
    }
  }

  private lookup(p: string): string | undefined {
    if (this.files.has(p)) return p;
    for (const extension of noteExtensions) if (this.files.has(p + extension)) return p + extension;
    const prefix = p ? `${p}/` : '';
    for (const page of folderPages) if (this.files.has(prefix + page)) return prefix + page;
    return this.fileByRoute.get(p) ?? this.fileByRoute.get(p.toLowerCase());
  }

  /** `Note`, `folder/Note`, `Note#Heading`, `#Heading` (this note); the alias is already gone. */
  resolveWiki(fromFile: string, target: string): Resolution {
    const hash = target.indexOf('#');
    const name = (hash >= 0 ? target.slice(0, hash) : target).trim();
    const anchor =
      hash >= 0
        ? target
            .slice(hash + 1)
            .replace(/^\^/, '')
            .trim()
        : '';
    if (!name) return { file: fromFile, anchor };
    if (path.extname(name) && !isNoteFile(name)) return null;
    const bare = withoutNoteExtension(name);
    const file =
      this.find(fromFile, bare) ?? this.lookup(bare) ?? this.fileByName.get(path.basename(bare).toLowerCase());
    return file ? { file, anchor } : { missing: true };
  }
}
