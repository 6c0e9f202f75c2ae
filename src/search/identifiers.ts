import type { SearchIndex } from './index.js';
import { TypoIndex } from './typos.js';

// A setting, function or module typed as code ("clip_param", "ray.util.queue", "hp.choice") is
// what the question asks about. The search splits it into words ("clip", "param"), which sections
// on other settings hold; as a whole, a name the notes never write is one they say nothing about.

/** Names written as code: words joined by "_" or ".", each part two characters or more. */
const codeName = /(?<![\w.])[a-z][a-z0-9]*(?:[_.][a-z0-9]+)+(?!\w)/gi;

/** "e.g", "f.remote" and version numbers are not names; one of a word part and a letter part is. */
const isCodeName = (name: string): boolean =>
  name.split(/[_.]/).every((part) => part.length >= 2) && /[a-z]{2}/i.test(name) && /_|\.[a-z_]{2}/i.test(name);

/** The code names of a text, lower-cased, each also without its leading dotted parts ("tune.grid_search" → "grid_search"). */
export function codeNamesOf(text: string): string[] {
  const out: string[] = [];
  for (const match of text.matchAll(codeName)) {
    const name = match[0].toLowerCase();
    if (!isCodeName(name)) continue;
    out.push(name);
    const dotted = name.split('.');
    for (let i = 1; i < dotted.length; i++) {
      const tail = dotted.slice(i).join('.');
      if (/[_.]/.test(tail)) out.push(tail);
    }
  }
  return out;
}

/**
 * A question of at most this many searched words names its subject; a longer one also names its
 * own code ("one of the columns is cancellation_effective_date", "model.eval() vs training mode").
 * Tune sets (every casual and clean set then measured), near misses answered gaining a Missing
 * line / right answers at 1 gaining one: any length +16 / +8, ≤ 12 words +15 / +2 ("next.js").
 */
const codeNameMaxTerms = 12;

/** A slip in a long name is no other name: one edit, two from eight characters ("tune.with_paramters"). */
const slips = (name: string): number => (name.length >= 8 ? 2 : 1);

/** The notes' code names, to look up exactly and within a slip. */
interface CodeNames {
  exact: Set<string>;
  near: TypoIndex;
}

const notesCodeNames = new WeakMap<SearchIndex, CodeNames>();

/**
 * The code names the notes write anywhere (titles, headings, text), read once per index when first
 * asked (~10 ms for our notes, ~130 ms for the SageMaker guide's 7,000 names; warm-up reads them).
 */
export function codeNamesInNotes(index: SearchIndex): CodeNames {
  let names = notesCodeNames.get(index);
  if (!names) {
    const exact = new Set<string>();
    for (const s of index.sections)
      for (const n of codeNamesOf([s.noteTitle, ...s.headingPath, s.text].join('\n'))) exact.add(n);
    names = { exact, near: new TypoIndex(exact) };
    notesCodeNames.set(index, names);
  }
  return names;
}

/** Whether the notes write a name, or one a slip from it: an edit or two, or two neighbouring letters swapped ("ray.gte"). */
function writtenInNotes(name: string, notes: CodeNames): boolean {
  if (notes.exact.has(name) || notes.near.near(name, slips(name)).size > 0) return true;
  for (let i = 0; i + 1 < name.length; i++)
    if (notes.exact.has(name.slice(0, i) + name[i + 1] + name[i] + name.slice(i + 2))) return true;
  return false;
}

/** The question's code names, as typed, that the notes never write, a slip aside. */
export function codeNamesNotInNotes(index: SearchIndex, question: string): string[] {
  const typed = [...question.matchAll(codeName)].map((m) => m[0]).filter(isCodeName);
  if (typed.length === 0 || index.terms.queryTerms(question).length > codeNameMaxTerms) return [];
  const notes = codeNamesInNotes(index);
  return typed.filter((name) => !writtenInNotes(name.toLowerCase(), notes));
}
