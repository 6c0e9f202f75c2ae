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

type NotesConfig = Pick<Config, 'NOTES_DIR' | 'NOTES_BASE_URL' | 'NOTES_LINK_STYLE'> & Partial<Pick<Config, 'FLASHCARDS_BOLD_CLOZE'>>;

/** The notes alone, for commands that count or check them and never search. */
export const loadLibrary = (config: NotesConfig): NoteLibrary =>
  loadNotes({ root: config.NOTES_DIR, baseUrl: config.NOTES_BASE_URL, style: config.NOTES_LINK_STYLE, boldCloze: config.FLASHCARDS_BOLD_CLOZE });

export function loadKnowledge(config: NotesConfig): Knowledge {
  const library = loadLibrary(config);
  return { library, index: buildIndex(library.sections), sectionById: new Map(library.sections.map((s) => [s.id, s])) };
}

export const formatProblem = (p: { file: string; line: number; message: string }): string => `${p.file}:${p.line}: ${p.message}`;
