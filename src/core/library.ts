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

export function loadKnowledge(config: Pick<Config, 'NOTES_DIR' | 'NOTES_BASE_URL' | 'NOTES_LINK_STYLE'>): Knowledge {
  const library = loadNotes({ root: config.NOTES_DIR, baseUrl: config.NOTES_BASE_URL, style: config.NOTES_LINK_STYLE });
  return { library, index: buildIndex(library.sections), sectionById: new Map(library.sections.map((s) => [s.id, s])) };
}

export const formatProblem = (p: { file: string; line: number; message: string }): string => `${p.file}:${p.line}: ${p.message}`;
