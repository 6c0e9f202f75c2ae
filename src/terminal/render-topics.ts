import type { NoteView, TopicList, TopicNotFound } from '../core/topics.js';
import type { Style } from './style.js';
import { sectionLocation } from '../notes/location.js';

export function renderTopicList(list: TopicList, style: Style): string {
  const lines: string[] = [];
  for (const area of list.areas) {
    lines.push(style.bold(area.title));
    for (const note of area.notes) lines.push(`  ${note.title} ${style.dim(`(/topic ${note.route || 'index'})`)}`);
  }
  return lines.join('\n');
}

export function renderNote(view: NoteView | TopicNotFound, style: Style): string {
  if (view.kind === 'not-found') {
    const hint = view.suggestions.length ? `\nDid you mean: ${view.suggestions.map((s) => s.title).join(', ')}?` : '';
    return style.warn(`No note matches "${view.name}".`) + hint;
  }
  const lines = [
    style.bold(view.title),
    view.breadcrumb.join(' › '),
    view.description,
    style.dim(sectionLocation(view)),
    '',
  ];
  for (const section of view.sections) {
    if (section.level === 0) continue;
    lines.push(`${'  '.repeat(Math.max(0, section.level - 2))}- ${section.heading}`);
  }
  return lines.join('\n');
}
