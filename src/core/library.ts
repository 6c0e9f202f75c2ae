import path from 'node:path';
import type { Config } from '../config.js';
import { loadNotes, notesFolderProblem, type LoadOptions } from '../notes/load.js';
import { ParsePool } from '../notes/parse-pool.js';
import { parseBudgetOf } from './parse-budget.js';
import type { NoteLibrary, Section } from '../notes/types.js';
import { buildIndex, type SearchIndex } from '../search/index.js';
import { NotesFolderError } from './problems.js';

/** Everything the use cases read: the loaded notes and their search index. */
export interface Knowledge {
  library: NoteLibrary;
  index: SearchIndex;
  sectionById: Map<string, Section>;
}

export type NotesConfig = Pick<Config, 'NOTES_DIR' | 'NOTES_BASE_URL' | 'NOTES_LINK_STYLE'> &
  Partial<
    Pick<
      Config,
      | 'NOTES_LAYOUT'
      | 'NOTES_LANGUAGE'
      | 'NOTES_INCLUDE'
      | 'NOTES_EXCLUDE'
      | 'FLASHCARDS_BOLD_CLOZE'
      | 'NOTES_PARSE_BUDGET_MS'
      | 'NOTES_MAX_FILE_KB'
    >
  >;

/**
 * The notes alone, for commands that count or check them and never search; throws NotesFolderError.
 * Notes are parsed on worker threads within the configured budget (`pool`, else one for this load).
 */
export function loadLibrary(
  config: NotesConfig,
  cache?: Pick<LoadOptions, 'parseCache' | 'isCached' | 'frontMatterMemo'>,
  pool?: ParsePool,
): NoteLibrary {
  const problem = notesFolderProblem(config.NOTES_DIR);
  if (problem) throw new NotesFolderError(problem);
  const ownPool = pool ? undefined : new ParsePool(parseBudgetOf(config));
  try {
    return loadChecked(config, cache, pool ?? ownPool!);
  } finally {
    ownPool?.close();
  }
}

function loadChecked(
  config: NotesConfig,
  cache: Pick<LoadOptions, 'parseCache' | 'isCached' | 'frontMatterMemo'> | undefined,
  parsePool: ParsePool,
): NoteLibrary {
  const library = loadNotes({
    root: config.NOTES_DIR,
    baseUrl: config.NOTES_BASE_URL,
    style: config.NOTES_LINK_STYLE,
    layout: config.NOTES_LAYOUT,
    language: config.NOTES_LANGUAGE,
    include: config.NOTES_INCLUDE,
    exclude: config.NOTES_EXCLUDE,
    boldCloze: config.FLASHCARDS_BOLD_CLOZE,
    ...cache,
    parsePool,
  });
  if (library.notes.length === 0 && library.files === 0)
    throw new NotesFolderError(`no notes (.md or .mdx files) in ${path.resolve(config.NOTES_DIR)}`);
  return library;
}

export function loadKnowledge(config: NotesConfig): Knowledge {
  const library = loadLibrary(config);
  return {
    library,
    index: buildIndex(library.sections, library.language ?? config.NOTES_LANGUAGE),
    sectionById: new Map(library.sections.map((s) => [s.id, s])),
  };
}
