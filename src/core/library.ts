import type { Config } from '../config.js';
import { loadNotes } from '../notes/load.js';
import type { NoteLibrary, Section } from '../notes/types.js';
import { buildIndex, type SearchIndex } from '../search/index.js';

/** Everything the use cases read: the loaded notes and their search index. */
export interface Knowledge {
  library: NoteLibrary;
  index: SearchIndex;
  sectionById: Map<string, Section>;
}

export type NotesConfig = Pick<Config, 'NOTES_DIR' | 'NOTES_BASE_URL' | 'NOTES_LINK_STYLE'>;

/** The notes alone, for commands that count or check them and never search. */
export const loadLibrary = (config: NotesConfig): NoteLibrary =>
  loadNotes({ root: config.NOTES_DIR, baseUrl: config.NOTES_BASE_URL, style: config.NOTES_LINK_STYLE });

export function loadKnowledge(config: NotesConfig): Knowledge {
  const library = loadLibrary(config);
  return { library, index: buildIndex(library.sections), sectionById: new Map(library.sections.map((s) => [s.id, s])) };
}

// Kept here too for existing importers; modules that must start fast import it from problems.ts.
export { formatProblem } from './problems.js';
