import fs from 'node:fs';
import path from 'node:path';
import { withoutNoteExtension } from './note-file.js';
import { trimSlashes } from './slashes.js';

/** The tool a notes folder was written for; it decides titles, order, routes and link syntax. */
export type LayoutName = 'nextra' | 'docusaurus' | 'obsidian' | 'github' | 'plain';
const layoutNames = ['auto', 'nextra', 'docusaurus', 'obsidian', 'github', 'plain'] as const;
export type LayoutSetting = (typeof layoutNames)[number];

export interface Layout {
  name: LayoutName;
  /** Nextra 4 app router: every page is `page.mdx`, standing for its folder. */
  appRouter: boolean;
  /** Nextra's `content/`, `app/` or `src/app/` when every note lives below it: not part of routes. */
  routeRoot?: string;
}

/** The Nextra folder that holds every note (`content`, `app`, `src/app`), if there is one. */
export function nextraRouteRoot(files: string[]): string | undefined {
  return ['content', 'app', 'src/app'].find((root) => files.length > 0 && files.every((f) => f.startsWith(`${root}/`)));
}

/** Nextra 4's app router names every page `page.mdx`; in Nextra 2 `pages/` it is an ordinary page. */
export const usesAppRouter = (files: string[]): boolean =>
  files.filter((f) => /^page\.mdx?$/.test(base(f))).length * 2 >= files.length && files.length > 0;

const nextraMeta = /^_meta(\.global)?\.(json|js|jsx|mjs|cjs|ts|tsx|mts)$/;
const docusaurusCategory = /^_category_\.(json|ya?ml)$/;
export const isSidecar = (name: string): boolean => nextraMeta.test(name) || docusaurusCategory.test(name);
export const isNextraMeta = (name: string): boolean => nextraMeta.test(name);

const base = (file: string): string => path.posix.basename(file);

/**
 * Guesses the layout from the files a folder holds: Nextra's `_meta.*` or `page.mdx`, Docusaurus's
 * `_category_.*` or numbered files with `sidebar_position`, Obsidian's `.obsidian/` or wikilinks,
 * GitHub's README per folder; otherwise plain Markdown.
 */
export function detectLayout(
  root: string,
  files: string[],
  sidecars: string[],
  sample: (file: string) => string,
): LayoutName {
  if (fs.existsSync(path.join(root, '.obsidian'))) return 'obsidian';
  if (
    sidecars.some((f) => docusaurusCategory.test(base(f))) ||
    fs.existsSync(path.join(root, 'docusaurus.config.js')) ||
    fs.existsSync(path.join(root, 'docusaurus.config.ts'))
  )
    return 'docusaurus';
  if (sidecars.some((f) => nextraMeta.test(base(f))) || files.some((f) => base(f) === 'page.mdx')) return 'nextra';
  const looked = files.slice(0, 200);
  const texts = looked.map(sample);
  if (texts.filter((t) => /\[\[[^\]\n]+\]\]/.test(t)).length >= Math.max(1, looked.length / 10)) return 'obsidian';
  if (texts.filter((t) => /^sidebar_(position|label):/m.test(t)).length >= Math.max(1, looked.length / 10))
    return 'docusaurus';
  if (files.some((f) => /^readme\.mdx?$/i.test(base(f)))) return 'github';
  return 'plain';
}

/** `01-intro` → `intro`, as Docusaurus strips number prefixes from ids, URLs and labels. */
function stripNumberPrefix(name: string): string {
  const match = /^\d+\s*[-_.]+\s*/.exec(name);
  if (!match || /^\d{4}-\d{2}-\d{2}/.test(name)) return name;
  const rest = name.slice(match[0].length);
  return rest && !/^\d/.test(rest) ? rest : name;
}

/** A file or folder name as a reader would title it: `08-claude-code` → `Claude code`. */
export function humanise(name: string): string {
  const words = stripNumberPrefix(withoutNoteExtension(name)).replace(/[-_]+/g, ' ').replace(/\s+/g, ' ').trim();
  return words ? words[0]!.toUpperCase() + words.slice(1) : name;
}

const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });
/** Natural order: `Week 2` before `Week 10`. */
export const naturalCompare = (a: string, b: string): number => collator.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0);

/** Files that stand for their folder in each layout. */
export function isFolderPage(file: string, layout: Layout): boolean {
  const name = withoutNoteExtension(base(file));
  if (name === 'index') return true;
  if (layout.name === 'nextra') return layout.appRouter && name === 'page';
  if (layout.name === 'github' || layout.name === 'docusaurus')
    return /^readme$/i.test(name) || (layout.name === 'docusaurus' && name === base(path.posix.dirname(file)));
  return false;
}

export interface RouteFrontMatter {
  id?: string;
  slug?: string;
}

/**
 * The route of a note on its published site, which also names its sections (`route#anchor`).
 * Nextra: the path without extension, `index`/`page` standing for their folder, `content/`,
 * `app/` and `(group)` folders left out. Docusaurus: number prefixes dropped, `id:` and `slug:`
 * applied. GitHub: README stands for its folder. Others: the path, `index` for its folder.
 */
export function routeFor(file: string, layout: Layout, front: RouteFrontMatter = {}): string {
  let parts = withoutNoteExtension(file).split('/');
  if (layout.name === 'nextra') {
    if (layout.routeRoot) parts = parts.slice(layout.routeRoot.split('/').length);
    if (layout.appRouter) parts = parts.filter((p, i) => i === parts.length - 1 || !/^\(.*\)$/.test(p));
  }
  if (layout.name === 'docusaurus') {
    parts = parts.map(stripNumberPrefix);
    const folder = parts.slice(0, -1);
    if (front.slug) {
      const slug = front.slug.trim();
      const joined = slug.startsWith('/') ? slug.slice(1) : [...folder, slug].join('/');
      const normalised = path.posix.normalize(joined || '.').replace(/^\.$/, '');
      return trimSlashes(normalised);
    }
    if (front.id) return [...folder, front.id].join('/');
  }
  if (isFolderPage(file, layout)) parts = parts.slice(0, -1);
  return parts.join('/');
}

/**
 * Front matter keys the tools that write notes folders define (Nextra, Docusaurus docs and blog,
 * Obsidian, Hugo/Jekyll-style static sites); they are read or ignored, never reported as unknown.
 */
export const otherToolKeys: ReadonlySet<string> = new Set([
  // Nextra
  'sidebarTitle',
  'searchable',
  'asIndexPage',
  'display',
  'type',
  'theme',
  'full',
  'date',
  'author',
  'authors',
  'image',
  'og',
  'openGraph',
  'icon',
  'hidden',
  'keywords',
  'canonical',
  // Docusaurus docs and blog
  'id',
  'slug',
  'sidebar_label',
  'sidebar_position',
  'sidebar_class_name',
  'sidebar_key',
  'sidebar_custom_props',
  'displayed_sidebar',
  'hide_title',
  'hide_table_of_contents',
  'toc_min_heading_level',
  'toc_max_heading_level',
  'pagination_label',
  'pagination_next',
  'pagination_prev',
  'parse_number_prefixes',
  'custom_edit_url',
  'draft',
  'unlisted',
  'last_update',
  'title_meta',
  'authorURL',
  'author_url',
  'author_title',
  'author_image_url',
  'authorImageURL',
  'truncate',
  // Obsidian and Obsidian Publish
  'aliases',
  'alias',
  'tag',
  'cssclasses',
  'cssclass',
  'publish',
  'permalink',
  'created',
  'updated',
  'modified',
  // Hugo, Jekyll and other static sites
  'layout',
  'categories',
  'category',
  'weight',
  'lastmod',
  'summary',
  'series',
  'toc',
  'math',
  'mathjax',
  'katex',
  'comments',
  'excerpt',
  'lang',
  'language',
  'subtitle',
  'url',
  'aside',
  'sidebar',
  'nav_order',
  'parent',
  'has_children',
  'nav_exclude',
  'status',
  'version',
  'source',
  'links',
  'related',
]);
