import type { Section } from '../../notes/types.js';
import type { SectionFacts } from './facts.js';

/** Where distractors come from: the same section, note, folder, or the whole library. */
export interface Neighbourhood {
  all: SectionFacts[];
  ofNote(route: string): SectionFacts[];
  ofFolder(folder: string): SectionFacts[];
  /** Sections under the same parent heading, at the same level, the section included. */
  siblings(section: Section): SectionFacts[];
}

const parentKey = (s: Section): string =>
  `${s.noteRoute}\u0000${s.level}\u0000${s.headingPath.slice(0, -1).join('\u0000')}`;

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = map.get(k);
    if (list) list.push(item);
    else map.set(k, [item]);
  }
  return map;
}

export function neighbourhood(all: SectionFacts[]): Neighbourhood {
  const byNote = groupBy(all, (f) => f.section.noteRoute);
  const byFolder = groupBy(all, (f) => f.folder);
  const byParent = groupBy(all, (f) => parentKey(f.section));
  return {
    all,
    ofNote: (route) => byNote.get(route) ?? [],
    ofFolder: (folder) => byFolder.get(folder) ?? [],
    siblings: (section) => byParent.get(parentKey(section)) ?? [],
  };
}
