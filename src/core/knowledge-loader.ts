import fs from 'node:fs';
import path from 'node:path';
import v8 from 'node:v8';
import { notesFingerprint, type FingerprintMemo } from '../notes/fingerprint.js';
import { ParseCache, writeAtomically } from '../notes/parse-cache.js';
import type { FrontMatterResult } from '../notes/frontmatter.js';
import type { ParsePool } from '../notes/parse-pool.js';
import type { NoteLibrary } from '../notes/types.js';
import { buildIndex, restoreIndex, saveIndex, type SavedIndex } from '../search/index.js';
import { IndexUpkeep } from '../search/index-upkeep.js';
import { codeVersion } from './code-version.js';
import type { Knowledge, NotesConfig } from './library.js';

export type CacheLog = (message: string, fields: Record<string, unknown>) => void;

export interface LoaderOptions {
  /** Folder for the saved index and parse cache; undefined: no cache, every start parses. */
  cacheDir: string | undefined;
  log: CacheLog;
  /** Nimbus's version as the caches know it; default: the hash of the running code (code-version.ts). */
  version?: string;
  /**
   * A loader that reloads and owns its notes (the reload worker): unchanged notes are handed out as
   * the same objects again, and unchanged files are known by their size and times, not read again.
   */
  reloads?: boolean;
}

export interface LoadReport {
  knowledge: Knowledge;
  /** "cache": the saved index was used; "built": the notes were (partly) parsed and indexed. */
  source: 'cache' | 'built';
  /** Why the saved index was not used. */
  reason?: string;
  /** Files parsed and files whose parse result came from the parse cache. */
  parsed: number;
  reused: number;
  fingerprint: string;
  ms: number;
}

interface SavedKnowledge extends SavedParts {
  version: string;
  fingerprint: string;
}

const knowledgeFile = 'knowledge.bin';
const parseFile = 'parse-cache.bin';

/**
 * Loads the notes and their index, from the saved copy in the cache folder when the notes and
 * Nimbus are exactly those it was saved from (a hash of both); else parses the files that changed
 * (the parse cache answers for the others), indexes and saves. A missing, stale or damaged cache
 * is rebuilt, never trusted. The Markdown parser is imported only when something needs parsing.
 */
export class KnowledgeLoader {
  private readonly version: string;
  private parseCache: ParseCache | undefined;
  private pool: ParsePool | undefined;
  private readonly frontMatter = new Map<string, FrontMatterResult>();
  /** Kept by a loader that reloads (the reload worker): the next index is built from this one's parts. */
  private upkeep: IndexUpkeep | undefined;
  /** With `reloads`: each file's hash, kept while its size and times stay. */
  private readonly fingerprints: FingerprintMemo | undefined;

  constructor(
    private readonly config: NotesConfig,
    private readonly options: LoaderOptions,
  ) {
    this.version = options.version ?? codeVersion();
    this.fingerprints = options.reloads ? new Map() : undefined;
  }

  private file(name: string): string | undefined {
    return this.options.cacheDir === undefined ? undefined : path.join(this.options.cacheDir, name);
  }

  /** The fingerprint of the notes as they are on disk now. */
  fingerprint(): string {
    const root = path.resolve(this.config.NOTES_DIR);
    const { NOTES_BASE_URL, NOTES_LINK_STYLE, NOTES_LAYOUT, NOTES_LANGUAGE, NOTES_INCLUDE, NOTES_EXCLUDE } =
      this.config;
    const settings = [NOTES_BASE_URL, NOTES_LINK_STYLE, NOTES_LAYOUT, NOTES_LANGUAGE, NOTES_INCLUDE, NOTES_EXCLUDE];
    return (
      notesFingerprint(root, this.fingerprints) + JSON.stringify([root, ...settings.map((value) => value ?? null)])
    );
  }

  /**
   * Loads the Markdown parser and parses a tiny note on this thread, where a reload's few files
   * are parsed, so that the next edit finds its code loaded (the reload worker's preparation).
   */
  async warmParser(): Promise<void> {
    const { libraryContext, loadNoteJob } = await import('../notes/load-note.js');
    const library = libraryContext({
      settings: { style: 'site' },
      layout: { name: 'plain', appRouter: false },
      routes: [],
      libraryKey: '',
      boldCloze: false,
    });
    loadNoteJob(
      {
        file: 'warm-up.md',
        order: 0,
        source: '# Warm-up\n\nA paragraph.\n',
        front: { tags: [], quiz: [] },
        record: false,
      },
      library,
    );
  }

  /** Loads from the saved index if it fits, else builds (`useSaved: false` always builds). */
  async load(useSaved = true): Promise<LoadReport> {
    const started = performance.now();
    const fingerprint = this.fingerprint();
    let reason = 'cache disabled';
    const savedFile = this.file(knowledgeFile);
    if (savedFile && useSaved) {
      const saved = this.readSaved(savedFile, fingerprint);
      if ('knowledge' in saved) {
        const ms = performance.now() - started;
        this.options.log('notes and index loaded from the cache', {
          ms: Math.round(ms),
          sections: saved.knowledge.library.sections.length,
          cache: savedFile,
        });
        return {
          knowledge: saved.knowledge,
          source: 'cache',
          parsed: 0,
          reused: saved.knowledge.library.files,
          fingerprint,
          ms,
        };
      }
      reason = saved.reason;
    } else if (savedFile) reason = 'reload';
    const built = await this.build(fingerprint, reason, started);
    // Built for use here (not for transfer), so the index is there.
    const report: LoadReport = { ...built, knowledge: built.knowledge! };
    this.options.log('notes parsed and indexed', {
      ms: Math.round(report.ms),
      reason,
      parsed: report.parsed,
      reused: report.reused,
      sections: report.knowledge.library.sections.length,
    });
    return report;
  }

  private readSaved(file: string, fingerprint: string): { knowledge: Knowledge } | { reason: string } {
    let saved: SavedKnowledge;
    try {
      saved = v8.deserialize(fs.readFileSync(file)) as SavedKnowledge;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { reason: 'no saved index yet' };
      return { reason: `saved index is damaged (${(error as Error).message}); rebuilding` };
    }
    if (saved?.version !== this.version) return { reason: 'saved index is from another version of Nimbus' };
    if (saved.fingerprint !== fingerprint) return { reason: 'the notes changed since the index was saved' };
    try {
      return { knowledge: restoreKnowledge(saved) };
    } catch (error) {
      return { reason: `saved index is damaged (${(error as Error).message}); rebuilding` };
    }
  }

  /**
   * Parses what changed and indexes, saving both caches. `forTransfer` (the reload worker): the
   * index only as saved data, and nothing saved until `save` is called (after the handover).
   */
  async build(
    fingerprint: string,
    reason: string,
    started: number,
    forTransfer = false,
  ): Promise<
    Omit<LoadReport, 'knowledge'> & {
      /** Undefined when built for transfer: the index exists only as saved data then. */
      knowledge?: Knowledge;
      library: NoteLibrary;
      /** The index as saved data: when built for transfer or for the cache. */
      savedIndex?: SavedIndex;
      save: () => void;
    }
  > {
    // Loads the Markdown parser: only when something needs parsing.
    const parsePath = this.file(parseFile);
    if (!this.parseCache) {
      if (parsePath) {
        const read = ParseCache.read(parsePath, this.version);
        this.parseCache = read.cache;
        if (read.problem && read.problem !== 'no parse cache yet')
          this.options.log('parse cache not used', { reason: read.problem });
      } else this.parseCache = new ParseCache(this.version);
      this.parseCache.reuseObjects = this.options.reloads ?? false;
    }
    const cache = this.parseCache;
    cache.begin();
    const { ParsePool } = await import('../notes/parse-pool.js');
    const { parseBudgetOf } = await import('./parse-budget.js');
    // Kept for later loads (the reload worker): its threads start once.
    this.pool ??= new ParsePool(parseBudgetOf(this.config));
    // Nothing cached: every note is parsed, so the workers load their code while this thread loads
    // the loader and the parser and reads the notes.
    if (cache.size === 0) this.pool.start();
    const { loadLibrary } = await import('./library.js');
    const library = loadLibrary(
      this.config,
      { parseCache: cache.load, isCached: cache.has, frontMatterMemo: this.frontMatter },
      this.pool,
    );
    const savedFile = this.file(knowledgeFile);
    // Serialised before indexing: the saved copy holds the notes exactly as loaded. A reload's is
    // serialised when saved, after the handover.
    const savedLibrary = savedFile && !forTransfer ? v8.serialize(library) : undefined;
    const language = library.language ?? this.config.NOTES_LANGUAGE;
    // A reload hands the index over as saved data, kept up to date from the last one's parts when
    // it can be (index-upkeep.ts); the receiver prepares excerpts as answers need them.
    const upkept = forTransfer ? (this.upkeep ??= new IndexUpkeep()).save(library.sections, language) : undefined;
    const index = upkept ? undefined : buildIndex(library.sections, language, { prepareExcerpts: !forTransfer });
    const savedIndex = savedFile || forTransfer ? (upkept ?? saveIndex(index!)) : undefined;
    const knowledge: Knowledge | undefined = index && {
      library,
      index,
      sectionById: new Map(library.sections.map((s) => [s.id, s])),
    };
    const misses = cache.misses;
    const save = (): void => {
      if (!savedFile || !parsePath || !savedIndex) return;
      try {
        if (misses > 0) cache.write(parsePath);
        writeAtomically(
          savedFile,
          v8.serialize({
            version: this.version,
            fingerprint,
            library: savedLibrary ?? v8.serialize(library),
            index: savedIndex,
          } satisfies SavedKnowledge),
        );
      } catch (error) {
        this.options.log('could not save the index; the next start parses again', { reason: (error as Error).message });
      }
    };
    // A reload hands its result over first and saves after (reload-worker.ts).
    if (!forTransfer) save();
    return {
      knowledge,
      library,
      savedIndex,
      save,
      source: 'built',
      reason,
      parsed: cache.misses,
      reused: cache.hits,
      fingerprint,
      ms: performance.now() - started,
    };
  }
}

/** The notes and index as saved data: what the reload worker hands to the main thread. */
export interface SavedParts {
  library: Uint8Array;
  index: SavedIndex;
}

export function restoreKnowledge(saved: SavedParts): Knowledge {
  const library = v8.deserialize(saved.library) as NoteLibrary;
  const index = restoreIndex(saved.index, library.sections);
  return { library, index, sectionById: new Map(library.sections.map((s) => [s.id, s])) };
}
