import type { Section } from '../../notes/types.js';
import type { SectionFacts } from './facts.js';

/** Where distractors come from: the same section, note, folder, or the whole library. */
export interface Neighbourhood {
  all: SectionFacts[];
  ofNote(route: string): SectionFacts[];
  ofFolder(folder: string): SectionFacts[];
  /** Sections under the same parent heading, at the same level, the section included. */
  siblings(section: Section): SectionFacts[];
  /** Value lists per scope, filled by tiersOf. */
  cache: Map<string, string[]>;
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
    cache: new Map(),
  };
}

type Scope = 'section' | 'note' | 'folder' | 'library';

/**
 * Values gathered from the section, its note, its folder and the library, one tier each
 * (finish() skips repeats). `key` names the values, so each note's and folder's list is
 * gathered once for all of its questions.
 */
function tiersOf(
  facts: SectionFacts,
  near: Neighbourhood,
  key: string,
  values: (f: SectionFacts) => string[],
  scopes: Scope[] = ['section', 'note', 'folder'],
): string[][] {
  const gather = (sections: SectionFacts[]): string[] => [...new Set(sections.flatMap(values))];
  return scopes.map((scope) => {
    if (scope === 'section') return values(facts);
    const id = scope === 'note' ? facts.section.noteRoute : scope === 'folder' ? facts.folder : '';
    const cacheKey = `${key}\u0000${scope}\u0000${id}`;
    let list = near.cache.get(cacheKey);
    if (!list) {
      list = gather(scope === 'note' ? near.ofNote(id) : scope === 'folder' ? near.ofFolder(id) : near.all);
      near.cache.set(cacheKey, list);
    }
    return list;
  });
}
