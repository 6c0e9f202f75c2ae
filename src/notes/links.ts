import path from 'node:path/posix';

export type LinkStyle = 'site' | 'github';

export interface LinkSettings {
  /** NOTES_BASE_URL; without it there are no URLs and the file path is shown instead. */
  baseUrl?: string;
  style: LinkStyle;
}

const noteExtension = /\.mdx?$/i;

/** Nextra route of a note file: extension dropped, `index` stands for its folder, case kept. */
export function routeOf(file: string): string {
  const withoutExt = file.replace(noteExtension, '');
  if (withoutExt === 'index') return '';
  return withoutExt.endsWith('/index') ? withoutExt.slice(0, -'/index'.length) : withoutExt;
}

function join(base: string, pathPart: string): string {
  return base.replace(/\/+$/, '') + '/' + pathPart.split('/').map(encodeURIComponent).join('/');
}

/** Source link of a section: NOTES_BASE_URL + route (site) or file (github) + #anchor. */
export function sourceUrl(settings: LinkSettings, file: string, anchor: string, route = routeOf(file)): string | null {
  if (!settings.baseUrl) return null;
  const page = settings.style === 'github' ? join(settings.baseUrl, file) : join(settings.baseUrl, route);
  return anchor ? `${page}#${encodeURIComponent(anchor)}` : page;
}

export interface NoteLink {
  route: string;
  anchor: string;
}

const external = /^[a-z][a-z0-9+.-]*:/i;

/**
 * Where a link inside a note points, as a route and anchor; null for external links
 * (http:, mailto:) and for non-note files such as images.
 */
export function resolveNoteLink(fromFile: string, url: string): NoteLink | null {
  if (external.test(url) || url.startsWith('//')) return null;
  const hash = url.indexOf('#');
  const target = decodeURIComponent(hash >= 0 ? url.slice(0, hash) : url).split('?')[0]!;
  const anchor = hash >= 0 ? decodeURIComponent(url.slice(hash + 1)) : '';
  if (target === '') return { route: routeOf(fromFile), anchor };
  const extension = path.extname(target);
  if (extension && !noteExtension.test(extension)) return null;
  const joined = target.startsWith('/') ? target.slice(1) : path.join(path.dirname(fromFile), target);
  const normalized = path.normalize(joined).replace(/\/+$/, '');
  return { route: normalized === '.' ? '' : routeOf(normalized), anchor };
}
