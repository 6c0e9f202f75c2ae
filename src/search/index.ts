import MiniSearch from 'minisearch';
import type { Section } from '../notes/types.js';
import { learnAcronyms } from './acronyms.js';
import { indexTerm, tokenize } from './text.js';

/**
 * Field boosts. Headings say what a section is *about*, so a match there outranks a passing
 * mention in the body. Example: a question about "spot instances" prefers the section headed
 * "When to use Spot Instances" over one that names Spot in a list.
 */
export const fieldBoosts = { heading: 3, path: 1.5, title: 1.5, tags: 1, body: 1 } as const;
type Field = keyof typeof fieldBoosts;

interface SectionDocument {
  i: number;
  heading: string;
  path: string;
  title: string;
  tags: string;
  body: string;
}

export interface Expansion {
  /** Stemmed terms of the long name, e.g. ["elast", "block", "store"] for EBS. */
  terms: string[];
}

export interface SearchIndex {
  mini: MiniSearch<SectionDocument>;
  sections: Section[];
  /** Number of sections each stemmed term appears in. */
  docFreq: Map<string, number>;
  /** Stemmed acronym → the stemmed long names it stands for. */
  acronyms: Map<string, string[][]>;
  /** Stemmed long names (joined by spaces) → stemmed acronym. */
  longNames: Map<string, string>;
}

const documentOf = (section: Section, i: number): SectionDocument => ({
  i,
  heading: section.level === 0 ? '' : section.heading,
  path: section.headingPath.slice(1, -1).join(' '),
  title: section.noteTitle,
  tags: section.tags.join(' '),
  body: section.text,
});

export const stemPhrase = (phrase: string): string[] => tokenize(phrase).map(indexTerm).filter((t): t is string => t !== null);

export function buildIndex(sections: Section[]): SearchIndex {
  const docFreq = new Map<string, number>();
  const lastSeen = new Map<string, number>();
  let currentDoc = -1;
  const mini = new MiniSearch<SectionDocument>({
    idField: 'i',
    fields: Object.keys(fieldBoosts) as Field[],
    tokenize,
    extractField: (doc, field) => {
      if (field === 'heading') currentDoc = doc.i;
      return doc[field as keyof SectionDocument] as string;
    },
    processTerm: (term) => {
      const processed = indexTerm(term);
      if (processed && lastSeen.get(processed) !== currentDoc) {
        lastSeen.set(processed, currentDoc);
        docFreq.set(processed, (docFreq.get(processed) ?? 0) + 1);
      }
      return processed;
    },
    searchOptions: { processTerm: (term) => term },
  });
  mini.addAll(sections.map(documentOf));

  const acronyms = new Map<string, string[][]>();
  const longNames = new Map<string, string>();
  for (const [acronym, names] of learnAcronyms(sections.map((s) => s.text))) {
    const key = indexTerm(acronym);
    if (!key) continue;
    for (const name of names) {
      const terms = stemPhrase(name);
      if (terms.length < 2) continue;
      if (!acronyms.has(key)) acronyms.set(key, []);
      if (!acronyms.get(key)!.some((t) => t.join(' ') === terms.join(' '))) acronyms.get(key)!.push(terms);
      longNames.set(terms.join(' '), key);
    }
  }
  return { mini, sections, docFreq, acronyms, longNames };
}
