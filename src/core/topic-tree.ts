import { createHash } from 'node:crypto';
import type { Note, NoteLibrary, Section } from '../notes/types.js';

/** One line of a folder: a subfolder or a note. */
export type TopicEntry =
  | { kind: 'folder'; id: string; title: string; notes: number }
  | { kind: 'note'; id: string; title: string; description: string; sections: number };

export interface TopicFolder {
  /** Short and stable while the folder keeps its route (fits any custom_id or select value). */
  id: string;
  route: string;
  title: string;
  /** Titles of the folders above it, root excluded. */
  path: string[];
  parentId: string | undefined;
  /** Subfolders and notes in notes order (a folder where its first note is); its index note first. */
  entries: TopicEntry[];
  /** Notes in the folder and below. */
  notes: number;
}

/** The notes as folders, every folder and note (and section) reachable by a short id. */
export interface TopicTree {
  root: TopicFolder;
  folder(id: string): TopicFolder | undefined;
  note(id: string): Note | undefined;
  section(key: string): Section | undefined;
  noteId(note: Note): string;
  sectionKey(section: Section): string;
  /** The folder a note is listed in. */
  folderOf(note: Note): TopicFolder;
  /** Every folder but the root, in notes order. */
  folders: TopicFolder[];
}

/**
 * A kind letter and 9 base64url characters of a hash of the route (54 bits: no collision is
 * expected below millions of routes). Hashes, not positions, so an id outlives a reload that
 * keeps its note.
 */
const shortId = (kind: 'f' | 'n' | 's', key: string): string =>
  kind + createHash('sha256').update(key).digest('base64url').slice(0, 9);

/** Looks like an id of the tree (what autocomplete sends), though perhaps of notes since reloaded. */
export const isNoteId = (text: string): boolean => /^n[\w-]{9}$/.test(text);
export const isFolderId = (text: string): boolean => /^f[\w-]{9}$/.test(text);

const humanise = (segment: string): string => {
  const words = segment.replace(/[-_]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
};

const parentRoute = (route: string): string => route.split('/').slice(0, -1).join('/');

function buildTree(library: NoteLibrary): TopicTree {
  const notes = [...library.notes].sort((a, b) => a.order - b.order);
  const folderRoutes = new Set<string>(['']);
  for (const note of notes) {
    const parts = note.route ? note.route.split('/') : [];
    for (let d = 1; d < parts.length; d++) folderRoutes.add(parts.slice(0, d).join('/'));
  }
  const folders = new Map<string, TopicFolder>();
  const folderFor = (route: string, titleHint: Note | undefined): TopicFolder => {
    const existing = folders.get(route);
    if (existing) return existing;
    const parts = route ? route.split('/') : [];
    const parent = route ? folderFor(parentRoute(route), titleHint) : undefined;
    const title = route ? (titleHint?.breadcrumb[parts.length - 1] ?? humanise(parts.at(-1)!)) : 'Study notes';
    const folder: TopicFolder = {
      id: shortId('f', route),
      route,
      title,
      path: parent?.route ? [...parent.path, parent.title] : [],
      parentId: parent?.id,
      entries: [],
      notes: 0,
    };
    if (parent && route) parent.entries.push({ kind: 'folder', id: folder.id, title, notes: 0 });
    folders.set(route, folder);
    return folder;
  };
  const notesById = new Map<string, Note>();
  const sections = new Map<string, Section>();
  const listedIn = new Map<Note, TopicFolder>();
  for (const note of notes) {
    const isIndex = folderRoutes.has(note.route);
    const folder = folderFor(isIndex ? note.route : parentRoute(note.route), note);
    const id = shortId('n', note.route);
    notesById.set(id, note);
    listedIn.set(note, folder);
    for (const section of note.sections) sections.set(shortId('s', section.id), section);
    const entry: TopicEntry = {
      kind: 'note',
      id,
      title: note.title,
      description: note.description,
      sections: note.sections.length,
    };
    if (isIndex) folder.entries.unshift(entry);
    else folder.entries.push(entry);
    for (let f: TopicFolder | undefined = folder; f; f = f.route ? folders.get(parentRoute(f.route)) : undefined)
      f.notes++;
  }
  const byId = new Map([...folders.values()].map((f) => [f.id, f]));
  for (const folder of folders.values())
    for (const entry of folder.entries) if (entry.kind === 'folder') entry.notes = byId.get(entry.id)!.notes;
  return {
    root: folderFor('', undefined),
    folder: (id) => byId.get(id),
    note: (id) => notesById.get(id),
    section: (key) => sections.get(key),
    noteId: (note) => shortId('n', note.route),
    sectionKey: (section) => shortId('s', section.id),
    folderOf: (note) => listedIn.get(note) ?? folders.get('')!,
    folders: [...folders.values()].filter((f) => f.route),
  };
}

const trees = new WeakMap<NoteLibrary, TopicTree>();

/** The tree of a library, built on first use and kept as long as the library is. */
export function topicTree(library: NoteLibrary): TopicTree {
  let tree = trees.get(library);
  if (!tree) trees.set(library, (tree = buildTree(library)));
  return tree;
}
