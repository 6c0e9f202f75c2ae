import { withoutNoteExtension } from './note-file.js';

type LinkStyle = 'site' | 'github';

export interface LinkSettings {
  /** NOTES_BASE_URL; without it there are no URLs and the file path is shown instead. */
  baseUrl?: string;
  style: LinkStyle;
}

/** Nextra route of a note file: extension dropped, `index` stands for its folder, case kept. */
function routeOf(file: string): string {
  const withoutExt = withoutNoteExtension(file);
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
