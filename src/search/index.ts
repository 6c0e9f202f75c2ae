import MiniSearch from 'minisearch';
import SearchableMap from 'minisearch/SearchableMap';
import type { Section } from '../notes/types.js';
import { isMark } from '../notes/blocks.js';
import { learnAcronyms, shorthand } from './acronyms.js';
import { ExcerptTexts } from './excerpt.js';
import { rareNames } from './names.js';
import { TypoIndex } from './typos.js';
import { collapseWhitespace } from '../notes/plaintext.js';
import { englishTerms, type Terms, termsFor, tokenize } from './text.js';
import { WordScores, type SavedWordScores } from './wordScores.js';

/**
 * Field boosts, heading and body equal on purpose. Each field is scored with its own length, so a term in a
 * five-word heading already outweighs the same term in a long body: a section *about* "Spot
 * Instances" beats one that names Spot in a list. Boosting headings 3× on top of that lowered
 * hit@1 on the SageMaker guide (0.40 → 0.30, tune split) and did not help on our notes.
 * `context` (note title, parent headings, tags) was three fields; one field searches faster and
 * ranked slightly better (notes hit@1 0.818 → 0.827, tune split).
 * `code` holds the section's fenced code blocks, weighed less than prose: the prose says what a
 * section is about, while code repeats API names everywhere (`useSWR`, `fetcher`, `mutate`), so
 * code-heavy sections outranked the page that explains the option. Dropping code from the index
 * lost our notes' code questions ("example cluster yaml", notes hit@1 0.818 → 0.809); 0.3 keeps
 * them: notes 0.819 → 0.818, swr-site en 0.686 → 0.725 (tune). Code still counts as a word found.
 * `context` weighs 1.1 since a heading that restates the note title leaves its words out of it
 * (`breadcrumbOf`): SageMaker guide tune hits at 1 (of 47) 21 with 1, 22 with 1.1; the notes and
 * swr-site en alike (sage18d).
 */
export const fieldBoosts = { heading: 1, context: 1.1, body: 1, code: 0.3 } as const;
type Field = keyof typeof fieldBoosts;
/** The short fields that say what a section is about. */
export const headingFields: Field[] = ['heading', 'context'];

export interface SectionDocument {
  i: number;
  heading: string;
  context: string;
  body: string;
  code: string;
}

export interface SearchIndex {
  mini: MiniSearch<SectionDocument>;
  sections: Section[];
  /** Number of sections each stemmed term appears in. */
  docFreq: Map<string, number>;
  /** Number of sections with the term in their heading or context fields. */
  headingDocFreq: Map<string, number>;
  /** Each word's MiniSearch scores, kept for answering questions. */
  scores: WordScores;
  /** The sections' text prepared for excerpts. */
  excerptTexts: ExcerptTexts;
  /** Every stemmed term with its document frequency, searchable by prefix. */
  vocabulary: SearchableMap<number>;
  /** The same terms, searchable by edit distance. */
  typos: TypoIndex;
  /** Stemmed acronym → the stemmed long names it stands for. */
  acronyms: Map<string, string[][]>;
  /** Stemmed long names (joined by spaces) → stemmed acronym. */
  longNames: Map<string, string>;
  /** Proper names the notes mention in only a few sections (see names.ts). */
  names: Set<string>;
  /** How words become terms in the notes' language (stemmer, stop words), at index and query time. */
  terms: Terms;
}

/**
 * The section's text split into prose and fenced code. `section.text` holds each code block's text
 * as written (whitespace collapsed), so each is found there, in order, and cut out.
 */
function proseAndCode(section: Section): { body: string; code: string } {
  const code: string[] = [];
  let body = section.text;
  let from = 0;
  for (const block of section.blocks) {
    const fenced = block.kind === 'code' ? block.segments[0] : undefined;
    if (!fenced || !isMark(fenced) || fenced.mark !== 'codeBlock') continue;
    const value = collapseWhitespace(fenced.code);
    const at = value ? body.indexOf(value, from) : -1;
    if (at < 0) continue;
    code.push(value);
    body = `${body.slice(0, at)} ${body.slice(at + value.length)}`;
    from = at + 1;
  }
  return { body, code: code.join('\n') };
}

/**
 * A heading that repeats at least this many words of its note's title restates the title
 * ("Using Managed Spot Training" in "Managed Spot Training in Amazon SageMaker").
 */
const restatedTitleWords = 2;

/**
 * The section's breadcrumb: note title, parent headings and tags. When its own heading restates the
 * note title, the breadcrumb leaves out the words the heading says: they would count twice, once in
 * each heading field, and such a subsection outranked its page's intro (or the section that answers
 * elsewhere), which says them once. A heading sharing one word with the title names the part of the
 * topic it covers ("Conditional" in "Conditional Data Fetching", "Create Cache Provider" in "Cache")
 * and keeps its whole breadcrumb: left out there, the same word cost such sections their questions
 * (DESIGN.md §2.0).
 */
function breadcrumbOf(section: Section, heading: string, terms: Terms): string {
  const breadcrumb = [section.noteTitle, ...section.headingPath.slice(1, -1), ...section.tags].join(' ');
  if (!heading) return breadcrumb;
  const own = new Set(stemPhrase(heading, terms));
  const repeated = new Set(stemPhrase(section.noteTitle, terms).filter((t) => own.has(t)));
  if (repeated.size < restatedTitleWords) return breadcrumb;
  return tokenize(breadcrumb)
    .filter((word) => {
      const term = terms.indexTerm(word);
      return term === null || !own.has(term);
    })
    .join(' ');
}

/** The section as MiniSearch indexes it; `terms`: the notes' language, as the index is built with. */
export const documentOf = (section: Section, i: number, terms: Terms): SectionDocument => {
  const heading = section.level === 0 ? '' : section.heading;
  return { i, heading, context: breadcrumbOf(section, heading, terms), ...proseAndCode(section) };
};

export const isUpperAscii = (code: number): boolean => code >= 65 && code <= 90;

export const stemPhrase = (phrase: string, terms: Terms = englishTerms): string[] =>
  tokenize(phrase)
    .map(terms.indexTerm)
    .filter((t): t is string => t !== null);

export const fields = Object.keys(fieldBoosts) as Field[];
/** Query terms arrive stemmed already. */
/**
 * BM25 as MiniSearch computes it, with its `k` and `b` but without BM25+'s lower bound `d` (0.5 by
 * default): `d × idf` is added for every field a word is found in, whatever its count and the
 * field's length. A section has four fields, so a word in a heading, its breadcrumb and a long
 * body earned that floor three times, and a long section mentioning a word once in passing
 * earned as much floor as a short one about it. Plain BM25 ranks the section about the question
 * first more often (DESIGN.md §2.0, sage18f): SageMaker guide hits at 1 92 → 99 of 157.
 */
export const bm25Parameters = { k: 1.2, b: 0.7, d: 0 } as const;
const searchOptions = { processTerm: (term: string) => term, boost: fieldBoosts, bm25: bm25Parameters };

/**
 * `language`: the notes' language (a locale tag); English and languages without a stemmer alike when
 * unset. `prepareExcerpts: false` leaves excerpt preparation to the first answers (an index built
 * to be saved).
 */
export function buildIndex(
  sections: Section[],
  language?: string,
  { prepareExcerpts: prepare = true } = {},
): SearchIndex {
  const terms = termsFor(language);
  const { indexTerm } = terms;
  const docFreq = new Map<string, number>();
  const headingDocFreq = new Map<string, number>();
  const lastSeen = new Map<string, number>();
  const lastSeenInHeading = new Map<string, number>();
  /** Counts a term once per section: `seen` remembers the last section it was counted for. */
  const countOnce = (freq: Map<string, number>, seen: Map<string, number>, term: string): void => {
    if (seen.get(term) === currentDoc) return;
    seen.set(term, currentDoc);
    freq.set(term, (freq.get(term) ?? 0) + 1);
  };
  let currentDoc = -1;
  let inHeading = false;
  // Words seen starting with a capital letter: the candidates for proper names (names.ts).
  const capitalisedTerms = new Set<string>();
  const mini = new MiniSearch<SectionDocument>({
    idField: 'i',
    fields,
    tokenize,
    extractField: (doc, field) => {
      if (field === 'heading') currentDoc = doc.i;
      inHeading = (headingFields as string[]).includes(field);
      return doc[field as keyof SectionDocument] as string;
    },
    processTerm: (term) => {
      const processed = indexTerm(term);
      if (processed) {
        countOnce(docFreq, lastSeen, processed);
        if (inHeading) countOnce(headingDocFreq, lastSeenInHeading, processed);
        else if (isUpperAscii(term.charCodeAt(0))) capitalisedTerms.add(processed);
      }
      return processed;
    },
    searchOptions,
  });
  mini.addAll(sections.map((section, i) => documentOf(section, i, terms)));

  const { acronyms, longNames } = expansionsOf(learnAcronyms(sections.map((s) => s.text)), terms);
  const excerptTexts = new ExcerptTexts(terms.stem);
  if (prepare) excerptTexts.prepare(sections.map((s) => s.blocks));
  const scores = new WordScores(mini, headingFields, sections.length, docFreq, headingDocFreq);
  const names = rareNames(
    sections,
    capitalisedTerms,
    docFreq,
    (term) => scores.sectionsWith(term),
    undefined,
    indexTerm,
  );
  return {
    mini,
    sections,
    docFreq,
    headingDocFreq,
    scores,
    excerptTexts,
    vocabulary: SearchableMap.from(docFreq),
    typos: new TypoIndex(docFreq.keys()),
    acronyms,
    longNames,
    names,
    terms,
  };
}

/**
 * Acronym → long names (stemmed) from the learned pairs and the shorthand table, and long name →
 * acronym. Shared by buildIndex and IndexUpkeep (index-upkeep.ts), so both give the same tables.
 */
export function expansionsOf(
  pairs: Map<string, Set<string>>,
  terms: Terms,
): { acronyms: Map<string, string[][]>; longNames: Map<string, string> } {
  const { indexTerm } = terms;
  const acronyms = new Map<string, string[][]>();
  const longNames = new Map<string, string>();
  const addExpansion = (key: string, words: string[]): void => {
    const known = acronyms.get(key) ?? [];
    if (!known.some((t) => t.join(' ') === words.join(' '))) known.push(words);
    acronyms.set(key, known);
  };
  for (const [acronym, names] of pairs) {
    const key = indexTerm(acronym);
    if (!key) continue;
    for (const name of names) {
      const words = stemPhrase(name, terms);
      if (words.length < 2) continue;
      addExpansion(key, words);
      longNames.set(words.join(' '), key);
    }
  }
  // Shorthand expands one way only, so it adds no long names.
  for (const [short, full] of Object.entries(shorthand)) {
    const key = indexTerm(short);
    const words = stemPhrase(full, terms);
    if (key && words.length > 0 && words.join(' ') !== key) addExpansion(key, words);
  }
  return { acronyms, longNames };
}

/** Everything buildIndex computes from the sections, as plain data to save (core/knowledge-loader.ts). */
export interface SavedIndex {
  sections: number;
  /**
   * MiniSearch's own saved form (`toJSON`, as a JSON string: it loads faster than structured data);
   * left out when every word is scored already (`scores.complete`): MiniSearch is never asked again.
   */
  mini?: string;
  docFreq: Map<string, number>;
  headingDocFreq: Map<string, number>;
  scores: SavedWordScores;
  acronyms: Map<string, string[][]>;
  longNames: Map<string, string>;
  names: Set<string>;
  language?: string;
}

export const saveIndex = (index: SearchIndex): SavedIndex => ({
  sections: index.sections.length,
  mini: index.scores.complete ? undefined : JSON.stringify(index.mini),
  docFreq: index.docFreq,
  headingDocFreq: index.headingDocFreq,
  scores: index.scores.saved(),
  acronyms: index.acronyms,
  longNames: index.longNames,
  names: index.names,
  language: index.terms.language,
});

/**
 * The index buildIndex made for these same sections, from what saveIndex kept. MiniSearch, the
 * prefix and typo tables are rebuilt when first used (a collection whose words were all scored
 * when it was built never needs MiniSearch again) and excerpts are prepared as answers need them:
 * answers are the same, start-up does less.
 */
export function restoreIndex(saved: SavedIndex, sections: Section[]): SearchIndex {
  if (saved.sections !== sections.length)
    throw new Error(`saved index has ${saved.sections} sections, the notes ${sections.length}`);
  const { docFreq, headingDocFreq } = saved;
  const terms = termsFor(saved.language);
  let mini: MiniSearch<SectionDocument> | undefined;
  let vocabulary: SearchableMap<number> | undefined;
  let typos: TypoIndex | undefined;
  const loadMini = (): MiniSearch<SectionDocument> => {
    if (mini) return mini;
    if (saved.mini !== undefined)
      return (mini = MiniSearch.loadJSON<SectionDocument>(saved.mini, {
        idField: 'i',
        fields,
        tokenize,
        searchOptions,
      }));
    // Not saved (every word was scored): built again from the sections, only if ever asked for.
    mini = new MiniSearch<SectionDocument>({
      idField: 'i',
      fields,
      tokenize,
      processTerm: terms.indexTerm,
      searchOptions,
    });
    mini.addAll(sections.map((section, i) => documentOf(section, i, terms)));
    return mini;
  };
  const scores = new WordScores(
    { search: (query, options) => loadMini().search(query, options) },
    headingFields,
    sections.length,
    docFreq,
    headingDocFreq,
    { saved: saved.scores },
  );
  return {
    get mini() {
      return loadMini();
    },
    get vocabulary() {
      return (vocabulary ??= SearchableMap.from(docFreq));
    },
    get typos() {
      return (typos ??= new TypoIndex(docFreq.keys()));
    },
    sections,
    docFreq,
    headingDocFreq,
    scores,
    excerptTexts: new ExcerptTexts(terms.stem),
    acronyms: saved.acronyms,
    longNames: saved.longNames,
    names: saved.names,
    terms,
  };
}
