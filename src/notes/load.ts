import { isUtf8 } from 'node:buffer';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import picomatch from 'picomatch';
import { readFolders, type FolderInfo } from './folders.js';
import { readFrontMatter, type FrontMatterResult } from './frontmatter.js';
import { chooseLanguage } from './language.js';
import {
  detectLayout,
  humanise,
  isFolderPage,
  nextraRouteRoot,
  otherToolKeys,
  routeFor,
  usesAppRouter,
  type Layout,
  type LayoutSetting,
} from './layout.js';
import type { LinkSettings } from './links.js';
import {
  libraryContext,
  loadNote,
  loadNoteJob,
  noteJobOf,
  type LibraryContext,
  type LibraryShape,
  type NoteContext,
  type NoteLoader,
  type ReadNote,
} from './load-note.js';
import { ParseBudgetError, type ParsePool } from './parse-pool.js';
import { readNotesFile } from './read-file.js';
import { sidebarOrder } from './order.js';
import { rewriteAdmonitions } from './syntax.js';
import type { NoteLibrary, Problem } from './types.js';
import { validateLibrary, type LoadedNote } from './validate.js';
import { walkNotes, type NoteFile } from './walk.js';
import { withoutNoteExtension } from './note-file.js';

export type { NoteContext, NoteLoader, ReadNote } from './load-note.js';

export interface LoadOptions extends Partial<LinkSettings> {
  root: string;
  /** NOTES_LAYOUT: the tool the folder was written for; detected when "auto" or absent. */
  layout?: LayoutSetting;
  /** NOTES_LANGUAGE: the locale folder or language to index when the notes hold translations. */
  language?: string;
  /** NOTES_INCLUDE / NOTES_EXCLUDE: globs over paths relative to the notes folder. */
  include?: string[];
  exclude?: string[];
  /** Answers for files parsed before (notes/parse-cache.ts); it calls `parse` for the others. */
  parseCache?: (read: ReadNote, context: NoteContext, parse: NoteLoader) => LoadedNote;
  /** Whether `parseCache` has the note already (those are not sent to `parsePool`). */
  isCached?: (read: ReadNote, context: NoteContext) => boolean;
  /** Parses on worker threads within a per-file budget; absent: parsed in this thread, unbounded. */
  parsePool?: ParsePool;
  /** Front matter read by an earlier load, by file text (a reload reads only the changed files' again). */
  frontMatterMemo?: Map<string, FrontMatterResult>;
  /** Read `**bold**` in #flashcards notes as cloze deletions (Obsidian SR's setting). */
  boldCloze?: boolean;
}

/** Larger files are almost certainly not notes; reading them would stall start-up. */
const MAX_FILE_BYTES = 20 * 1024 * 1024;
const MAX_SIDECAR_BYTES = 1024 * 1024;

function decode(buffer: Buffer): { text: string; valid: boolean } {
  // Keep the words rather than lose the file: Latin-1 maps every byte to a character.
  if (!isUtf8(buffer)) return { text: buffer.toString('latin1'), valid: false };
  // A byte-order mark is not part of the text (nor was it when TextDecoder read the notes).
  const text = buffer.toString('utf8');
  return { text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text, valid: true };
}

function readNote(
  entry: NoteFile,
  layout: Layout | undefined,
  rootReal: string,
  readFront: (text: string) => FrontMatterResult,
): ReadNote | { problems: Problem[] } {
  const problems: Problem[] = [];
  const report = (line: number, message: string, severity?: 'warning'): void =>
    void problems.push({ file: entry.file, line, message, ...(severity ? { severity } : {}) });
  let buffer: Buffer;
  try {
    buffer = readNotesFile(entry.absolute, rootReal, MAX_FILE_BYTES);
  } catch (error) {
    report(0, `cannot read file: ${(error as Error).message}`);
    return { problems };
  }
  const { text, valid } = decode(buffer);
  if (!valid) report(1, 'file is not valid UTF-8; read as Latin-1, so some characters may be wrong', 'warning');
  const front = readFront(text);
  for (const p of front.problems) report(p.line, p.message, p.severity);
  return { entry, source: layout?.name === 'docusaurus' ? rewriteAdmonitions(text) : text, front, problems };
}

/**
 * A note loaded by one of the pool's workers, else on this thread within the pool's budget; either
 * way as a parse worker loads it (`loadNoteJob`), which changes nothing until it is done, so a
 * parse stopped at its budget leaves no half-recorded problems or link answers behind.
 */
function loadOnPool(
  pool: ParsePool,
  library: LibraryContext,
  read: ReadNote,
  context: NoteContext,
  record: boolean,
): LoadedNote {
  const job = noteJobOf(read, context, record);
  const result = pool.load(job, (here) => loadNoteJob(here, library));
  read.problems.push(...result.problems);
  // Loading recorded what the note asked of the others; a parse cache here keeps it.
  context.questions?.resolved.push(...result.questions.resolved);
  context.questions?.routes.push(...result.questions.routes);
  return result.loaded;
}

/** A note the Markdown parser failed on (16,384 nested quotes overflow the call stack). */
class NoteParseError extends Error {}

/** The loader, whose failures on a note (not the parse cache's) become NoteParseError. */
function failingAsProblem(load: NoteLoader): NoteLoader {
  return (read, context) => {
    try {
      return load(read, context);
    } catch (error) {
      if (error instanceof ParseBudgetError) throw error;
      throw new NoteParseError(
        `skipped: the Markdown parser failed on it (${(error as Error).message}); simplify the file`,
      );
    }
  };
}

/** Why a notes folder cannot be used, in one line; undefined when it can. */
export function notesFolderProblem(root: string): string | undefined {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(root);
  } catch {
    return `notes folder not found: ${root}`;
  }
  return stat.isDirectory() ? undefined : `notes folder is not a folder: ${root}`;
}

const globs = (patterns: string[] | undefined): ((file: string) => boolean) | undefined =>
  patterns?.length ? picomatch(patterns, { dot: true }) : undefined;

/** Loads every note below root into sections; bad files become problems, never exceptions. */
export function loadNotes(options: LoadOptions): NoteLibrary {
  const started = performance.now();
  const root = path.resolve(options.root);
  const folderProblem = notesFolderProblem(root);
  if (folderProblem) {
    return {
      root,
      notes: [],
      sections: [],
      quiz: [],
      problems: [{ file: options.root, line: 0, message: folderProblem.split(':')[0]! }],
      files: 0,
      loadMs: performance.now() - started,
    };
  }
  // Without a cache every note is parsed: the workers load their code while this thread reads.
  if (!options.isCached) options.parsePool?.start();
  const walked = walkNotes(root);
  const problems: Problem[] = [...walked.problems];
  const included = globs(options.include);
  const excluded = globs(options.exclude);
  const selected = walked.files.filter((f) => (!included || included(f.file)) && !excluded?.(f.file));
  const routeRoot = nextraRouteRoot(selected.map((f) => f.file));
  const language = chooseLanguage(
    selected.map((f) => f.file),
    options.language,
    routeRoot,
  );
  const kept = new Set(language.files);
  const entries = selected.filter((f) => kept.has(f.file));
  // A large folder is worth more workers; they too start while the notes are read.
  if (!options.isCached) {
    options.parsePool?.expect(entries.reduce((sum, f) => sum + (f.bytes ?? 0), 0));
    options.parsePool?.start();
  }

  const sample = new Map<string, string>();
  const sampleOf = (file: string): string => sample.get(file) ?? '';
  const forced = options.layout && options.layout !== 'auto' ? options.layout : undefined;
  const firstPass = forced ? undefined : entries.slice(0, 200);
  for (const entry of firstPass ?? []) {
    try {
      // Non-blocking, like every read of the notes folder: a file swapped for a FIFO must not hang.
      const fd = fs.openSync(entry.absolute, fs.constants.O_RDONLY | fs.constants.O_NONBLOCK);
      const buffer = Buffer.alloc(4096);
      const size = fs.readSync(fd, buffer, 0, buffer.length, 0);
      fs.closeSync(fd);
      sample.set(entry.file, buffer.subarray(0, size).toString('utf8'));
    } catch {
      // Reported when the note itself is read.
    }
  }
  const files = entries.map((f) => f.file);
  const name = forced ?? detectLayout(root, files, walked.sidecars, sampleOf);
  const layout: Layout = {
    name,
    appRouter: usesAppRouter(files),
    routeRoot: name === 'nextra' ? routeRoot : undefined,
  };
  const localePath = language.language && (routeRoot ? `${routeRoot}/${language.language}` : language.language);
  const otherLocale = (f: string): boolean =>
    language.languages.some((l) => l !== language.language && f.startsWith(routeRoot ? `${routeRoot}/${l}/` : `${l}/`));
  const sidecars = walked.sidecars.filter((f) => !localePath || !otherLocale(f));
  const { folders, problems: folderProblems } = readFolders(root, sidecars, (absolute) =>
    readNotesFile(absolute, walked.rootReal, MAX_SIDECAR_BYTES).toString('utf8'),
  );
  problems.push(...folderProblems);

  const fronts = options.frontMatterMemo;
  const frontsUsed = new Map<string, FrontMatterResult>();
  const readFront = (text: string): FrontMatterResult => {
    const front = fronts?.get(text) ?? readFrontMatter(text, otherToolKeys);
    frontsUsed.set(text, front);
    return front;
  };
  const reads: ReadNote[] = [];
  for (const entry of entries) {
    const read = readNote(entry, layout, walked.rootReal, readFront);
    if ('source' in read) reads.push(read);
    else problems.push(...read.problems);
  }
  // Only this load's texts are remembered: an edited file's old text is dropped.
  if (fronts) {
    fronts.clear();
    for (const [text, front] of frontsUsed) fronts.set(text, front);
  }
  const routes = reads.map((r): [string, string] => [r.entry.file, routeFor(r.entry.file, layout, r.front.data)]);
  const settings: LinkSettings = {
    baseUrl: options.baseUrl,
    style: options.style ?? (layout.name === 'github' ? 'github' : 'site'),
  };
  const shape: LibraryShape = {
    settings,
    layout,
    language: language.language,
    routes,
    libraryKey: createHash('sha256')
      .update(JSON.stringify([layout, language.language, routes]))
      .digest('base64'),
    boldCloze: options.boldCloze ?? false,
  };
  const library = libraryContext(shape);

  const order = sidebarOrder(
    reads.map((r) => ({ file: r.entry.file, sidebarPosition: r.front.data.sidebarPosition })),
    layout,
    folders,
  );
  const rank = new Map(order.map((file, index) => [file, index]));
  reads.sort((a, b) => rank.get(a.entry.file)! - rank.get(b.entry.file)!);

  const pool = options.parsePool;
  const contexts = reads.map((read, index): NoteContext => {
    read.entry.order = index;
    const file = read.entry.file;
    const folder = path.posix.dirname(file) === '.' ? '' : path.posix.dirname(file);
    return { ...library, metaTitle: metaTitleOf(file, folder, layout, folders), breadcrumb: [] };
  });
  // Everything the cache does not answer is loaded on the pool's threads while this one takes the results.
  // Only a parse cache keeps what loading a note asks of the others (recording stringifies every link's answer).
  const record = options.parseCache !== undefined;
  pool?.begin(shape);
  pool?.prefetch(
    reads.flatMap((read, i) => (options.isCached?.(read, contexts[i]!) ? [] : [noteJobOf(read, contexts[i]!, record)])),
  );
  const load = failingAsProblem(pool ? (read, context) => loadOnPool(pool, library, read, context, record) : loadNote);
  const loaded: LoadedNote[] = [];
  reads.forEach((read, index) => {
    const context = contexts[index]!;
    try {
      const note = options.parseCache ? options.parseCache(read, context, load) : load(read, context);
      // The sidebar position is not part of the parse cache's key: a note added before this one moves it.
      note.note.order = read.entry.order;
      loaded.push(note);
    } catch (error) {
      // A note over its parse budget, or one the parser fails on, is left out and reported; the others load.
      if (!(error instanceof ParseBudgetError || error instanceof NoteParseError)) throw error;
      read.problems.push({ file: read.entry.file, line: 1, message: error.message, severity: 'warning' });
    }
    problems.push(...read.problems);
  });
  const notes = loaded.map((l) => l.note);
  // A folder without a sidebar title is named by its own page (README, index, page.mdx).
  // Nextra also names a folder by its sibling page (`advanced.mdx` beside `advanced/`).
  const pageTitles = new Map(notes.map((n) => [withoutNoteExtension(n.file), n.title]));
  for (const n of notes) if (isFolderPage(n.file, layout)) pageTitles.set(path.posix.dirname(n.file), n.title);
  for (const note of notes) {
    const folder = path.posix.dirname(note.file) === '.' ? '' : path.posix.dirname(note.file);
    note.breadcrumb = folderTitles(
      folder,
      folders,
      new Set([localePath, layout.routeRoot].filter((p): p is string => !!p)),
      pageTitles,
    );
  }
  problems.push(...validateLibrary(loaded));
  problems.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
  return {
    root,
    notes,
    sections: notes.flatMap((n) => n.sections),
    quiz: notes.flatMap((n) => n.quiz),
    problems,
    files: entries.length,
    loadMs: performance.now() - started,
    layout: layout.name,
    language: language.language,
  };
}

/** Nextra `_meta` title: the file's key in its folder; a folder page's `index` key, else its folder's key. */
function metaTitleOf(
  file: string,
  folder: string,
  layout: Layout,
  folders: Map<string, FolderInfo>,
): string | undefined {
  const key = withoutNoteExtension(path.posix.basename(file));
  const own = folders.get(folder)?.titles.get(key === 'page' && layout.appRouter ? 'index' : key);
  if (own || !isFolderPage(file, layout) || !folder) return own;
  const parent = path.posix.dirname(folder) === '.' ? '' : path.posix.dirname(folder);
  return folders.get(parent)?.titles.get(path.posix.basename(folder));
}

/** Titles of the folders above a note; the locale folder and Nextra's content/ are not shown. */
function folderTitles(
  folder: string,
  folders: Map<string, FolderInfo>,
  hidden: Set<string>,
  pageTitles: Map<string, string>,
): string[] {
  if (!folder) return [];
  const parts = folder.split('/');
  return parts
    .map((name, i) => {
      const folderPath = parts.slice(0, i + 1).join('/');
      if ([...hidden].some((h) => h === folderPath || h.startsWith(`${folderPath}/`))) return '';
      return (
        folders.get(parts.slice(0, i).join('/'))?.titles.get(name) ??
        folders.get(folderPath)?.label ??
        pageTitles.get(folderPath) ??
        humanise(name)
      );
    })
    .filter(Boolean);
}
