import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { parseFlashcards, placeCards } from './flashcards.js';
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
import { sourceUrl, type LinkSettings } from './links.js';
import { parseMarkdown, type ParsedMarkdown } from './markdown.js';
import { ParseBudgetError, type ParsePool } from './parse-pool.js';
import { readNotesFile } from './read-file.js';
import { sidebarOrder } from './order.js';
import { countWords } from './plaintext.js';
import { NoteResolver } from './resolve.js';
import { splitSections } from './sections.js';
import { expandWikilinks, htmlAnchors, labelCallouts, rewriteAdmonitions } from './syntax.js';
import type { Note, NoteLibrary, Problem, QuizQuestion, Section } from './types.js';
import { validateLibrary, type LinkRef, type LoadedNote } from './validate.js';
import { walkNotes, type NoteFile } from './walk.js';
import { withoutNoteExtension } from './note-file.js';

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

/** Parses one note that was read; problems it finds are added to `read.problems`. */
export type NoteLoader = (read: ReadNote, context: NoteContext) => LoadedNote;

/** Larger files are almost certainly not notes; reading them would stall start-up. */
const MAX_FILE_BYTES = 20 * 1024 * 1024;
const MAX_SIDECAR_BYTES = 1024 * 1024;

function decode(buffer: Buffer): { text: string; valid: boolean } {
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(buffer), valid: true };
  } catch {
    // Keep the words rather than lose the file: Latin-1 maps every byte to a character.
    return { text: buffer.toString('latin1'), valid: false };
  }
}

const questionId = (route: string, question: string): string =>
  `${route}?q=${createHash('sha1').update(question).digest('hex').slice(0, 8)}`;

export interface NoteContext {
  settings: LinkSettings;
  layout: Layout;
  /** Links and routes of other notes: the parse cache records every answer (parse-cache.ts). */
  resolver: Pick<NoteResolver, 'resolve'>;
  routeOfFile: (file: string) => string;
  metaTitle?: string;
  breadcrumb: string[];
  /** Identifies the set of notes and their routes, which resolving links depends on (not part of the parse cache's key). */
  libraryKey: string;
  boldCloze: boolean;
  /** Markdown to tree (parse-pool.ts); not part of the parse cache's key. */
  parse?: (file: string, source: string, mdx: boolean) => ParsedMarkdown;
}

/** A note file read from disk, before Markdown parsing. */
export interface ReadNote {
  entry: NoteFile;
  source: string;
  front: FrontMatterResult;
  problems: Problem[];
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

function loadNote(read: ReadNote, context: NoteContext): LoadedNote {
  const { settings, layout, resolver, routeOfFile } = context;
  const { entry, source, front } = read;
  const report = (line: number, message: string, severity?: 'warning'): void =>
    void read.problems.push({ file: entry.file, line, message, ...(severity ? { severity } : {}) });

  const mdx = /\.mdx$/i.test(entry.file);
  const { tree, mdxError } = context.parse ? context.parse(entry.file, source, mdx) : parseMarkdown(source, mdx);
  if (mdxError)
    report(mdxError.line, `MDX syntax error (read as plain Markdown instead): ${mdxError.message}`, 'warning');
  if (layout.name === 'obsidian') expandWikilinks(tree);
  labelCallouts(tree);

  const route = routeOfFile(entry.file);
  const links: LinkRef[] = [];
  const resolveUrl = (url: string): string | null => {
    const target = resolver.resolve(entry.file, url);
    if (!target) return /^https?:\/\//i.test(url) ? url : null;
    return 'file' in target ? sourceUrl(settings, target.file, target.anchor, routeOfFile(target.file)) : null;
  };
  // An Obsidian note is titled by its file name; its H1s, when there are several, are sections.
  const h1IsTitle =
    layout.name !== 'obsidian' || tree.children.filter((n) => n.type === 'heading' && n.depth === 1).length <= 1;
  const { sections: raw, h1, anchors } = splitSections(tree, source, resolveUrl, h1IsTitle);
  collectLinks(tree, (url, line) => {
    const target = resolver.resolve(entry.file, url);
    if (target) links.push({ file: entry.file, line, url, target });
  });

  const fileName = withoutNoteExtension(path.posix.basename(entry.file));
  const folderName = path.posix.basename(path.posix.dirname(entry.file));
  const fallback = isFolderPage(entry.file, layout) && folderName !== '.' ? humanise(folderName) : humanise(fileName);
  const title = front.data.title ?? context.metaTitle ?? front.data.sidebarLabel ?? h1 ?? fallback;
  const sections: Section[] = raw.map((s) => ({
    id: s.anchor ? `${route}#${s.anchor}` : route,
    noteRoute: route,
    noteTitle: title,
    file: entry.file,
    heading: s.level === 0 ? title : s.heading,
    headingPath: s.level === 0 ? [title] : [title, ...s.parents, s.heading],
    level: s.level,
    anchor: s.anchor,
    text: s.text,
    markdown: s.markdown,
    blocks: s.blocks,
    children: s.children,
    line: s.line,
    tags: front.data.tags,
    url: sourceUrl(settings, entry.file, s.anchor, route),
    ...(s.answerable ? {} : { answerable: false }),
  }));
  const quiz: QuizQuestion[] = front.data.quiz.map(({ item }) => ({
    ...item,
    id: questionId(route, item.question),
    noteRoute: route,
  }));
  const cards = parseFlashcards(source, tree, { tags: front.data.tags, boldCloze: context.boldCloze });
  for (const p of cards.problems) report(p.line, p.message);
  const flashcards = placeCards(cards.cards, route, sections);
  const words = sections.reduce((sum, s) => sum + countWords(s.text), 0);
  const description = front.data.description ?? sections[0]?.text.split('\n')[0]?.slice(0, 200) ?? '';
  const note: Note = {
    route,
    file: entry.file,
    title,
    description,
    tags: front.data.tags,
    breadcrumb: context.breadcrumb,
    order: entry.order,
    sections,
    quiz,
    flashcards,
    words,
  };
  return {
    note,
    links,
    quizLines: front.data.quiz.map((q) => q.line),
    anchors: new Set([...anchors, ...htmlAnchors(tree)]),
  };
}

type LinkNode = { type?: string; url?: string; children?: LinkNode[]; position?: { start: { line: number } } };

/** Every link and link definition in document order; its own stack, as nesting depth is unbounded. */
function collectLinks(root: unknown, onLink: (url: string, line: number) => void): void {
  const stack = [root as LinkNode];
  while (stack.length) {
    const n = stack.pop()!;
    if ((n.type === 'link' || n.type === 'definition') && n.url) onLink(n.url, n.position?.start.line ?? 0);
    if (n.children) for (let i = n.children.length - 1; i >= 0; i--) stack.push(n.children[i]!);
  }
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
  const routes = new Map(reads.map((r) => [r.entry.file, routeFor(r.entry.file, layout, r.front.data)]));
  const routeOfFile = (file: string): string => routes.get(file) ?? routeFor(file, layout);
  const settings: LinkSettings = {
    baseUrl: options.baseUrl,
    style: options.style ?? (layout.name === 'github' ? 'github' : 'site'),
  };
  const resolver = new NoteResolver(
    reads.map((r) => r.entry.file),
    routeOfFile,
    layout.name,
    language.language,
  );
  const libraryKey = createHash('sha256')
    .update(JSON.stringify([layout, language.language, reads.map((r) => [r.entry.file, routeOfFile(r.entry.file)])]))
    .digest('base64');

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
    return {
      settings,
      layout,
      resolver,
      routeOfFile,
      metaTitle: metaTitleOf(file, folder, layout, folders),
      breadcrumb: [],
      libraryKey,
      boldCloze: options.boldCloze ?? false,
      ...(pool ? { parse: (f: string, source: string, mdx: boolean) => pool.parse(f, source, mdx) } : {}),
    };
  });
  // Everything the cache does not answer is parsed on the pool's threads while earlier notes are split.
  pool?.prefetch(
    reads
      .filter((read, i) => !options.isCached?.(read, contexts[i]!))
      .map((read) => ({ file: read.entry.file, source: read.source, mdx: /\.mdx$/i.test(read.entry.file) })),
  );
  const loaded: LoadedNote[] = [];
  reads.forEach((read, index) => {
    const context = contexts[index]!;
    try {
      const note = options.parseCache ? options.parseCache(read, context, loadNote) : loadNote(read, context);
      // The sidebar position is not part of the parse cache's key: a note added before this one moves it.
      note.note.order = read.entry.order;
      loaded.push(note);
    } catch (error) {
      // A note over its parse budget is left out and reported; the others load.
      if (!(error instanceof ParseBudgetError)) throw error;
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
