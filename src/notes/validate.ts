import type { Note, Problem } from './types.js';

export interface LinkRef {
  file: string;
  line: number;
  url: string;
  route: string;
  anchor: string;
}

export interface LoadedNote {
  note: Note;
  links: LinkRef[];
  /** Front matter line of each quiz question, in order. */
  quizLines: number[];
}

/** Checks that need every note: ids, quiz sections, links between notes, empty sections. */
export function validateLibrary(loaded: LoadedNote[]): Problem[] {
  const problems: Problem[] = [];
  const byRoute = new Map<string, Note>();
  const idOwner = new Map<string, string>();

  for (const { note } of loaded) {
    const other = byRoute.get(note.route);
    if (other) problems.push({ file: note.file, line: 1, message: `page route "/${note.route}" is also used by ${other.file}` });
    else byRoute.set(note.route, note);
    if (note.sections.length === 0) problems.push({ file: note.file, line: 1, message: 'note has no content' });
    for (const section of note.sections) {
      const owner = idOwner.get(section.id);
      if (owner && owner === note.file) problems.push({ file: note.file, line: section.line, message: `duplicate section id "${section.id}"` });
      idOwner.set(section.id, note.file);
      if (section.level > 0 && !section.text && section.children.length === 0) {
        problems.push({ file: note.file, line: section.line, message: `section "${section.heading}" is empty` });
      }
    }
  }

  for (const { note, links, quizLines } of loaded) {
    const anchors = new Set(note.sections.map((s) => s.anchor));
    note.quiz.forEach((question, index) => {
      if (!anchors.has(question.section)) {
        problems.push({ file: note.file, line: quizLines[index] ?? 1, message: `quiz question "${question.question.slice(0, 60)}" points at missing section #${question.section}` });
      }
    });
    for (const link of links) {
      const target = byRoute.get(link.route);
      if (!target) {
        problems.push({ file: link.file, line: link.line, message: `link "${link.url}" points to a page that does not exist` });
      } else if (link.anchor && !target.sections.some((s) => s.anchor === link.anchor)) {
        problems.push({ file: link.file, line: link.line, message: `link "${link.url}" points to a missing section #${link.anchor}` });
      }
    }
  }
  return problems;
}
