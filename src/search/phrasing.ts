import { isEverydayWord } from './everyday.js';
import { partsOfSpeech } from './tagger.js';
import type { Terms } from './text.js';
import { isRussianVerbForm } from './verb-forms.js';

// "how do i turn off search", "what extra syntax does GFM bring", "can i mix a _meta.global file
// with regular _meta files": the verbs, adverbs and adjectives of everyday English are how someone
// asks, and a small folder of notes never uses most of them. A word the notes never use weighs
// what the rarest word does, so on a 75-section folder "turn off" outweighed "search" and the
// right section was declined. Nouns stay at full weight: "pizza", "weekend" are what tell an
// unrelated question apart.

/** Tags that name the thing asked about: never phrasing. */
const namingTags = new Set(['NOUN', 'PROPN', 'NUM', 'X', 'SYM']);

/**
 * The stemmed question words that are phrasing: words the notes never use (`usedByNotes`) that
 * are everyday English, tagged neither noun nor number in the question, and not typed as names
 * (`names`: "Amazon Verified Permissions", "LIME"). Over Russian notes, the verb forms among them
 * (verb-forms.ts); notes in other languages are left alone (the tagger reads English). Tags the
 * question only when such a word is there.
 */
export function phrasingWords(
  question: string,
  measured: readonly string[],
  terms: Terms,
  usedByNotes: (term: string) => boolean,
  names: ReadonlySet<string>,
): Set<string> {
  const phrasing = new Set<string>();
  const unknown = new Set(measured.filter((t) => !usedByNotes(t) && !names.has(t)));
  if (unknown.size === 0) return phrasing;
  if (terms.language === 'ru') return russianVerbs(question, unknown, terms);
  if (terms.language !== undefined) return phrasing;
  const candidates = [...question.matchAll(/[\p{L}\p{N}'’]+/gu)]
    .map((m) => ({ at: m.index, term: terms.queryTerm(m[0]), word: m[0] }))
    .filter(({ term, word }) => term !== null && unknown.has(term) && isEverydayWord(word));
  if (candidates.length === 0) return phrasing;
  const tags = partsOfSpeech(question);
  for (const { at, term } of candidates) {
    const tag = tags.get(at);
    if (tag !== undefined && !namingTags.has(tag)) phrasing.add(term!);
  }
  return phrasing;
}

/** The question's Russian verb forms among `unknown` (stemmed): "как вырубить ретраи" → `выруб`. */
function russianVerbs(question: string, unknown: ReadonlySet<string>, terms: Terms): Set<string> {
  const verbs = new Set<string>();
  for (const [word] of question.matchAll(/\p{L}+/gu)) {
    const term = terms.queryTerm(word);
    if (term !== null && unknown.has(term) && isRussianVerbForm(word.toLowerCase())) verbs.add(term);
  }
  return verbs;
}
