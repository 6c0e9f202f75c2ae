import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { parseFlashcards, placeCards } from './flashcards.js';
import { readFrontMatter } from './frontmatter.js';
import { resolveNoteLink, routeOf, sourceUrl, type LinkSettings } from './links.js';
import { parseMarkdown } from './markdown.js';
import { countWords } from './plaintext.js';
import { splitSections } from './sections.js';
import type { Note, NoteLibrary, Problem, QuizQuestion, Section } from './types.js';
import { validateLibrary, type LinkRef, type LoadedNote } from './validate.js';
import { walkNotes, type NoteFile } from './walk.js';

export interface LoadOptions extends Partial<LinkSettings> {
  root: string;
  /** Read `**bold**` in #flashcards notes as cloze deletions (Obsidian SR's setting). */
  boldCloze?: boolean;
}

/** Larger files are almost certainly not notes; reading them would stall start-up. */
const MAX_FILE_BYTES = 20 * 1024 * 1024;

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

interface NoteContext {
  settings: LinkSettings;
  /** Note file of each route, to turn links between notes into source URLs. */
  fileOfRoute: Map<string, string>;
  metaTitle?: string;
  breadcrumb: string[];
  boldCloze: boolean;
}

function loadNote(entry: NoteFile, context: NoteContext): { loaded?: LoadedNote; problems: Problem[] } {
  const { settings } = context;
  const problems: Problem[] = [];
  const report = (line: number, message: string): void => void problems.push({ file: entry.file, line, message });
  let buffer: Buffer;
  try {
    const size = fs.statSync(entry.absolute).size;
    if (size > MAX_FILE_BYTES) {
      report(0, `file is ${Math.round(size / 1048576)} MB, over the ${MAX_FILE_BYTES / 1048576} MB limit for a note; skipped`);
      return { problems };
    }
    buffer = fs.readFileSync(entry.absolute);
  } catch (error) {
    report(0, `cannot read file: ${(error as Error).message}`);
    return { problems };
  }
  const { text: source, valid } = decode(buffer);
  if (!valid) report(1, 'file is not valid UTF-8; read as Latin-1, so some characters may be wrong');

  const front = readFrontMatter(source);
  for (const p of front.problems) report(p.line, p.message);

  const mdx = /\.mdx$/i.test(entry.file);
  const { tree, mdxError } = parseMarkdown(source, mdx);
  if (mdxError) report(mdxError.line, `MDX syntax error (read as plain Markdown instead): ${mdxError.message}`);

  const route = routeOf(entry.file);
  const links: LinkRef[] = [];
  const resolveUrl = (url: string): string | null => {
    const target = resolveNoteLink(entry.file, url);
    if (!target) return /^https?:\/\//i.test(url) ? url : null;
    const file = context.fileOfRoute.get(target.route);
    return file ? sourceUrl(settings, file, target.anchor) : null;
  };
  const { sections: raw, h1 } = splitSections(tree, source, resolveUrl);
  collectLinks(tree, (url, line) => {
    const target = resolveNoteLink(entry.file, url);
    if (target) links.push({ file: entry.file, line, url, ...target });
  });

  const fileName = path.basename(entry.file).replace(/\.mdx?$/i, '');
  const title = front.data.title ?? context.metaTitle ?? h1 ?? fileName;
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
    url: sourceUrl(settings, entry.file, s.anchor),
  }));
  const quiz: QuizQuestion[] = front.data.quiz.map(({ item }) => ({ ...item, id: questionId(route, item.question), noteRoute: route }));
  const cards = parseFlashcards(source, tree, { tags: front.data.tags, boldCloze: context.boldCloze });
  for (const p of cards.problems) report(p.line, p.message);
  const flashcards = placeCards(cards.cards, route, sections);
  const words = sections.reduce((sum, s) => sum + countWords(s.text), 0);
  const description = front.data.description ?? sections[0]?.text.split('\n')[0]?.slice(0, 200) ?? '';
  const note: Note = { route, file: entry.file, title, description, tags: front.data.tags, breadcrumb: context.breadcrumb, order: entry.order, sections, quiz, flashcards, words };
  return { loaded: { note, links, quizLines: front.data.quiz.map((q) => q.line) }, problems };
}

function collectLinks(node: unknown, onLink: (url: string, line: number) => void): void {
  const n = node as { type?: string; url?: string; children?: unknown[]; position?: { start: { line: number } } };
  if ((n.type === 'link' || n.type === 'definition') && n.url) onLink(n.url, n.position?.start.line ?? 0);
  n.children?.forEach((child) => collectLinks(child, onLink));
}

/** Loads every note below root into sections; bad files become problems, never exceptions. */
export function loadNotes(options: LoadOptions): NoteLibrary {
  const started = performance.now();
  const root = path.resolve(options.root);
  const settings: LinkSettings = { baseUrl: options.baseUrl, style: options.style ?? 'site' };
  if (!fs.existsSync(root) || !fs.statSync(root).isDirectory()) {
    return { root, notes: [], sections: [], quiz: [], problems: [{ file: options.root, line: 0, message: 'notes folder not found' }], files: 0, loadMs: performance.now() - started };
  }
  const walked = walkNotes(root);
  const problems: Problem[] = [...walked.problems];
  const loaded: LoadedNote[] = [];
  const fileOfRoute = new Map(walked.files.map((f) => [routeOf(f.file), f.file]));
  for (const entry of walked.files) {
    const folder = path.posix.dirname(entry.file) === '.' ? '' : path.posix.dirname(entry.file);
    const key = path.posix.basename(entry.file).replace(/\.mdx?$/i, '');
    const breadcrumb = folderTitles(folder, walked.metas);
    const result = loadNote(entry, { settings, fileOfRoute, metaTitle: walked.metas.get(folder)?.titles.get(key), breadcrumb, boldCloze: options.boldCloze ?? false });
    problems.push(...result.problems);
    if (result.loaded) loaded.push(result.loaded);
  }
  const notes = loaded.map((l) => l.note);
  problems.push(...validateLibrary(loaded));
  problems.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
  return {
    root,
    notes,
    sections: notes.flatMap((n) => n.sections),
    quiz: notes.flatMap((n) => n.quiz),
    problems,
    files: walked.files.length,
    loadMs: performance.now() - started,
  };
}

function folderTitles(folder: string, metas: Map<string, { titles: Map<string, string> }>): string[] {
  if (!folder) return [];
  const parts = folder.split('/');
  return parts.map((name, i) => metas.get(parts.slice(0, i).join('/'))?.titles.get(name) ?? name);
}
