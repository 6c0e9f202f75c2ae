import { slug } from 'github-slugger';
import { wikiScheme, type LinkTarget } from './resolve.js';
import type { Note, Problem } from './types.js';

export interface LinkRef {
  file: string;
  line: number;
  url: string;
  target: LinkTarget | { missing: true };
}

export interface LoadedNote {
  note: Note;
  links: LinkRef[];
  /** Front matter line of each quiz question, in order. */
  quizLines: number[];
  /** Every anchor the page defines: headings (the H1 too), `{#id}`/`[#id]`, HTML `id=`/`name=`. */
  anchors: Set<string>;
}

const warning = (file: string, line: number, message: string): Problem => ({
  file,
  line,
  message,
  severity: 'warning',
});

function definesAnchor(anchors: Set<string>, anchor: string): boolean {
  return (
    anchors.has(anchor) ||
    anchors.has(anchor.toLowerCase()) ||
    anchors.has(slug(anchor)) ||
    anchors.has(encodeURIComponent(anchor))
  );
}

/** Checks that need every note: ids, quiz sections, links between notes, empty sections. */
export function validateLibrary(loaded: LoadedNote[]): Problem[] {
  const problems: Problem[] = [];
  const byRoute = new Map<string, Note>();
  const byFile = new Map(loaded.map((l) => [l.note.file, l]));
  const idOwner = new Map<string, string>();

  for (const { note } of loaded) {
    const other = byRoute.get(note.route);
    if (other)
      problems.push({ file: note.file, line: 1, message: `page route "/${note.route}" is also used by ${other.file}` });
    else byRoute.set(note.route, note);
    if (note.sections.length === 0) problems.push(warning(note.file, 1, 'note has no content'));
    for (const section of note.sections) {
      const owner = idOwner.get(section.id);
      if (section.level > 0 && !section.heading) {
        problems.push(warning(note.file, section.line, 'heading has no text'));
        continue;
      }
      if (owner && owner === note.file)
        problems.push(warning(note.file, section.line, `duplicate section id "${section.id}"`));
      idOwner.set(section.id, note.file);
      // A section holding only a component (`<TSDoc />`) is not empty to its readers.
      if (section.level > 0 && !section.markdown.trim() && section.children.length === 0) {
        problems.push(warning(note.file, section.line, `section "${section.heading}" is empty`));
      }
    }
  }

  for (const { note, links, quizLines } of loaded) {
    const anchors = new Set(note.sections.map((s) => s.anchor));
    note.quiz.forEach((question, index) => {
      if (!anchors.has(question.section)) {
        problems.push({
          file: note.file,
          line: quizLines[index] ?? 1,
          message: `quiz question "${question.question.slice(0, 60)}" points at missing section #${question.section}`,
        });
      }
    });
    for (const link of links) {
      const shown = link.url.startsWith(wikiScheme) ? `[[${link.url.slice(wikiScheme.length)}]]` : `"${link.url}"`;
      const target = 'file' in link.target ? byFile.get(link.target.file) : undefined;
      if (!target || !('file' in link.target)) {
        problems.push({
          file: link.file,
          line: link.line,
          message: `link ${shown} points to a page that does not exist`,
        });
      } else if (link.target.anchor && !definesAnchor(target.anchors, link.target.anchor)) {
        problems.push({
          file: link.file,
          line: link.line,
          message: `link ${shown} points to a missing section #${link.target.anchor}`,
        });
      }
    }
  }
  return problems;
}
