import { createHash } from 'node:crypto';
import path from 'node:path';
import { parseFlashcards, placeCards } from './flashcards.js';
import type { FrontMatter, FrontMatterResult } from './frontmatter.js';
import { humanise, isFolderPage, routeFor, type Layout } from './layout.js';
import { sourceUrl, type LinkSettings } from './links.js';
import { parseMarkdown, type ParsedMarkdown } from './markdown.js';
import { withoutNoteExtension } from './note-file.js';
import { countWords } from './plaintext.js';
import { NoteResolver } from './resolve.js';
import { splitSections } from './sections.js';
import { expandWikilinks, htmlAnchors, labelCallouts } from './syntax.js';
import { gatherNodes } from './tree-nodes.js';
import type { Note, Problem, QuizQuestion, Section } from './types.js';
import type { LinkRef, LoadedNote } from './validate.js';
import { recordingContext, type NoteQuestions } from './note-questions.js';
import type { NoteFile } from './walk.js';

// One note, from its text and front matter to sections, links and flashcards: what load.ts does
// per file, in its own thread or on the parse pool's workers (which load only this part of it).

/** Parses one note that was read; problems it finds are added to `read.problems`. */
export type NoteLoader = (read: ReadNote, context: NoteContext) => LoadedNote;

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
  /** Where loading records what it asked of the other notes (`recordingContext`); not part of the parse cache's key. */
  questions?: NoteQuestions;
}

/**
 * What loading one note needs to know of the whole library, as plain data: the parse pool's
 * workers (parse-pool.ts) get it once per load and build the same NoteContext from it.
 */
export interface LibraryShape {
  settings: LinkSettings;
  layout: Layout;
  language?: string;
  /** Every note file and its route, in the order links are resolved against. */
  routes: [string, string][];
  libraryKey: string;
  boldCloze: boolean;
}

/** The part of every note's NoteContext that the library decides. */
export type LibraryContext = Omit<NoteContext, 'metaTitle' | 'breadcrumb'>;

/** The library's part of every note's context, built from its shape (here or on a worker). */
export function libraryContext(shape: LibraryShape): LibraryContext {
  const { settings, layout, routes, language, libraryKey, boldCloze } = shape;
  const routeByFile = new Map(routes);
  const routeOfFile = (file: string): string => routeByFile.get(file) ?? routeFor(file, layout);
  const resolver = new NoteResolver(
    routes.map(([file]) => file),
    routeOfFile,
    layout.name,
    language,
  );
  return { settings, layout, resolver, routeOfFile, libraryKey, boldCloze };
}

/** One note to load on a parse worker, as plain data. */
export interface NoteJob {
  file: string;
  order: number;
  source: string;
  front: FrontMatter;
  metaTitle?: string;
  /** Whether to record what loading asks of the other notes (only a parse cache keeps it). */
  record: boolean;
}

/** A note loaded on a parse worker, the problems loading it found and what it asked of other notes. */
export interface NoteResult {
  loaded: LoadedNote;
  problems: Problem[];
  questions: NoteQuestions;
}

/** `record`: whether the caller keeps what loading asks of the other notes (a parse cache does). */
export const noteJobOf = (read: ReadNote, context: NoteContext, record: boolean): NoteJob => ({
  file: read.entry.file,
  order: read.entry.order,
  source: read.source,
  front: read.front.data,
  ...(context.metaTitle === undefined ? {} : { metaTitle: context.metaTitle }),
  record,
});

/**
 * Loads a note sent to a parse worker (or parsed on the calling thread within its budget), exactly
 * as `loadNote` loads it, without touching anything of the caller's (`parsed`: its Markdown, when
 * the worker parsed it already).
 */
export function loadNoteJob(job: NoteJob, library: LibraryContext, parsed?: ParsedMarkdown): NoteResult {
  const read: ReadNote = {
    entry: { file: job.file, absolute: '', order: job.order },
    source: job.source,
    front: { data: job.front, content: '', problems: [] },
    problems: [],
  };
  const questions: NoteQuestions = { resolved: [], routes: [] };
  const context: NoteContext = { ...library, metaTitle: job.metaTitle, breadcrumb: [] };
  const loaded = loadNote(read, job.record ? recordingContext(context, questions) : context, parsed);
  return { loaded, problems: read.problems, questions };
}

/** A note file read from disk, before Markdown parsing. */
export interface ReadNote {
  entry: NoteFile;
  source: string;
  front: FrontMatterResult;
  problems: Problem[];
}

/** `parsed`: the note's Markdown as `parseMarkdown` reads it, when parsed already. */
export function loadNote(read: ReadNote, context: NoteContext, parsed?: ParsedMarkdown): LoadedNote {
  const { settings, layout, resolver, routeOfFile } = context;
  const { entry, source, front } = read;
  const report = (line: number, message: string, severity?: 'warning'): void =>
    void read.problems.push({ file: entry.file, line, message, ...(severity ? { severity } : {}) });

  const mdx = /\.mdx$/i.test(entry.file);
  const { tree, mdxError } = parsed ?? parseMarkdown(source, mdx);
  if (mdxError)
    report(mdxError.line, `MDX syntax error (read as plain Markdown instead): ${mdxError.message}`, 'warning');
  if (layout.name === 'obsidian') expandWikilinks(tree);
  const nodes = gatherNodes(tree);
  labelCallouts(nodes.quotes);

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
  for (const link of nodes.links) {
    const target = link.url ? resolver.resolve(entry.file, link.url) : undefined;
    if (target) links.push({ file: entry.file, line: link.position?.start.line ?? 0, url: link.url, target });
  }

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
    anchors: new Set([...anchors, ...htmlAnchors(nodes.anchorNodes)]),
  };
}
