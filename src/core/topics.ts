import type { Note, NoteLibrary, Section } from '../notes/types.js';
import { buildExcerpt, type Excerpt, type ExcerptLayout } from '../search/excerpt.js';
import type { SearchIndex } from '../search/index.js';
import { matchByName, type NameKeys } from './name-match.js';
import { type TopicFolder, topicTree } from './topic-tree.js';

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
  /** The note's and its folder's short ids in the topic tree. */
  id: string;
  folderId: string;
  route: string;
  title: string;
  description: string;
  breadcrumb: string[];
  url: string | null;
  file: string;
  /** `key`: the section's short id in the topic tree. */
  sections: (Pick<Section, 'id' | 'heading' | 'headingPath' | 'level' | 'anchor' | 'url' | 'line'> & { key: string })[];
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

/** Notes whose route or title matches the name, best first (core/name-match.ts), else in notes order. */
export const matchNotes = (library: NoteLibrary, name: string, limit = 25): Note[] =>
  matchByName(library.notes, name, noteKeys, limit);

/** A note or a folder of the topic tree, as `/topic name:` may open either. */
export type NamedEntry = { kind: 'note'; note: Note } | { kind: 'folder'; folder: TopicFolder };

/**
 * Notes and folders whose route or title matches the name, best first; a note before a folder
 * that fits as well. An empty name lists notes in order, as matchNotes does.
 */
export function matchNotesAndFolders(library: NoteLibrary, name: string, limit = 25): NamedEntry[] {
  const entries: NamedEntry[] = library.notes.map((note) => ({ kind: 'note', note }));
  if (name.trim()) for (const folder of topicTree(library).folders) entries.push({ kind: 'folder', folder });
  return matchByName(entries, name, (e) => (e.kind === 'note' ? noteKeys(e.note) : folderKeys(e.folder)), limit);
}

const folderKeys = (folder: TopicFolder): NameKeys => ({
  path: folder.route,
  titles: [folder.title],
  context: folder.path.join(' '),
});

const noteKeys = (note: Note): NameKeys => ({
  path: note.route,
  titles: [note.title],
  context: note.breadcrumb.join(' '),
});

export function openTopic(library: NoteLibrary, name: string): NoteView | TopicNotFound {
  const [best] = matchNotes(library, name, 1);
  if (!best || !name.trim()) {
    const words = name
      .toLowerCase()
      .split(/[/_\s-]+/)
      .filter((w) => w.length > 2);
    const suggestions = library.notes.filter((n) => words.some((w) => n.title.toLowerCase().includes(w))).slice(0, 5);
    return { kind: 'not-found', name, suggestions: suggestions.map(summarize) };
  }
  return noteView(library, best);
}

/** A note as /topic shows it, with the short ids of the tree (topic-tree.ts) for its buttons. */
export function noteView(library: NoteLibrary, note: Note): NoteView {
  const tree = topicTree(library);
  return {
    kind: 'note',
    id: tree.noteId(note),
    folderId: tree.folderOf(note).id,
    route: note.route,
    title: note.title,
    description: note.description,
    breadcrumb: note.breadcrumb,
    url: note.sections[0]?.url?.split('#')[0] ?? null,
    file: note.file,
    sections: note.sections.map((section) => ({
      ...pickSection(section),
      key: tree.sectionKey(section),
    })),
  };
}

const pickSection = ({ id, heading, headingPath, level, anchor, url, line }: Section) => ({
  id,
  heading,
  headingPath,
  level,
  anchor,
  url,
  line,
});

/**
 * A longer read of a section, for opening it from a topic: its start, whole blocks, sized in
 * `layout`. The index's excerpt texts already hold the per-text work for its sections.
 */
export const readSection = (index: SearchIndex, section: Section, layout?: ExcerptLayout): Excerpt =>
  buildExcerpt(index.excerptTexts, section.blocks, new Set(), { minChars: 1500, maxChars: 3500, layout });
