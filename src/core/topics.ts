import type { Note, NoteLibrary, Section } from '../notes/types.js';
import { buildExcerpt, type Excerpt, ExcerptTexts, type ExcerptLayout } from '../search/excerpt.js';

interface NoteSummary {
  route: string;
  title: string;
  description: string;
  sections: number;
  questions: number;
}

interface TopicArea {
  title: string;
  notes: NoteSummary[];
}

export interface TopicList {
  kind: 'topics';
  areas: TopicArea[];
}

export interface NoteView {
  kind: 'note';
  route: string;
  title: string;
  description: string;
  breadcrumb: string[];
  url: string | null;
  file: string;
  sections: Pick<Section, 'id' | 'heading' | 'headingPath' | 'level' | 'anchor' | 'url' | 'line'>[];
}

export interface TopicNotFound {
  kind: 'not-found';
  name: string;
  suggestions: NoteSummary[];
}

const summarize = (note: Note): NoteSummary => ({
  route: note.route,
  title: note.title,
  description: note.description,
  sections: note.sections.length,
  questions: note.quiz.length,
});

/** Areas (top-level folders) and their notes, in sidebar order. */
export function listTopics(library: NoteLibrary): TopicList {
  const areas = new Map<string, TopicArea>();
  for (const note of library.notes) {
    const title = note.breadcrumb.join(' › ') || 'General';
    if (!areas.has(title)) areas.set(title, { title, notes: [] });
    areas.get(title)!.notes.push(summarize(note));
  }
  return { kind: 'topics', areas: [...areas.values()] };
}

/** "Guide/Page", "guide page" and "guide-page" all read the same. */
const normalize = (s: string): string =>
  s
    .toLowerCase()
    .replace(/[/_\s-]+/g, ' ')
    .trim();

/** Notes whose route or title matches the name, best first (exact, prefix, then contains). */
export function matchNotes(library: NoteLibrary, name: string, limit = 25): Note[] {
  const query = normalize(name);
  if (!query) return library.notes.slice(0, limit);
  const scored: { note: Note; score: number }[] = [];
  for (const note of library.notes) {
    const route = normalize(note.route);
    const title = normalize(note.title);
    const last = normalize(note.route.split('/').at(-1) ?? '');
    let score = 0;
    if (route === query || title === query) score = 4;
    else if (last === query) score = 3;
    else if (title.startsWith(query) || last.startsWith(query)) score = 2;
    else if (title.includes(query) || route.includes(query) || normalize(note.breadcrumb.join(' ')).includes(query))
      score = 1;
    if (score) scored.push({ note, score });
  }
  return scored
    .sort((a, b) => b.score - a.score || a.note.order - b.note.order)
    .slice(0, limit)
    .map((s) => s.note);
}

export function openTopic(library: NoteLibrary, name: string): NoteView | TopicNotFound {
  const [best] = matchNotes(library, name, 1);
  if (!best || !name.trim()) {
    const words = normalize(name)
      .split(' ')
      .filter((w) => w.length > 2);
    const suggestions = library.notes.filter((n) => words.some((w) => n.title.toLowerCase().includes(w))).slice(0, 5);
    return { kind: 'not-found', name, suggestions: suggestions.map(summarize) };
  }
  return {
    kind: 'note',
    route: best.route,
    title: best.title,
    description: best.description,
    breadcrumb: best.breadcrumb,
    url: best.sections[0]?.url?.split('#')[0] ?? null,
    file: best.file,
    sections: best.sections.map(({ id, heading, headingPath, level, anchor, url, line }) => ({
      id,
      heading,
      headingPath,
      level,
      anchor,
      url,
      line,
    })),
  };
}

/** A longer read of a section, for opening it from a topic: its start, whole blocks, sized in `layout`. */
export const readSection = (section: Section, layout?: ExcerptLayout): Excerpt =>
  buildExcerpt(new ExcerptTexts(), section.blocks, new Set(), { minChars: 1500, maxChars: 3500, layout });
