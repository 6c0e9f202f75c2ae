import { isFigure, normal, type Draft } from './draft.js';
import type { MarkedTerm, SectionFacts } from './facts.js';
import { blank, fill, templates, type Lang } from './lang.js';
import { tiersOf, type Neighbourhood } from './neighbourhood.js';
import { isEnglishWord } from '../../search/dictionary.js';
import { sameKind, weakSentence, wordsOf } from './quality.js';

const maxPerSection = 2;
/** What a code term looks like: a tag, a path, a file, an option with a value, a flag, a call or a name. */
function codeShape(term: string): string {
  if (/^<.*>$/.test(term)) return 'tag';
  if (term.startsWith('/')) return 'path';
  if (/^\.\w+$/.test(term)) return 'extension';
  if (term.startsWith('\\')) return 'tex';
  if (/^--?\w/.test(term)) return 'flag';
  if (/[:=]/.test(term)) return 'option';
  if (/\)$/.test(term)) return 'call';
  if (/^[\w-]+\.(?:m?[jt]sx?|json|md|mdx|css|ya?ml|html|toml|png|svg)$/i.test(term)) return 'file';
  return 'name';
}

/**
 * A key term, not a common word: a name ("Amazon S3", "SWR"), an identifier ("revalidateOnFocus"),
 * a phrase of two or more words, or a word the dictionary does not know. "data" or "suspense"
 * alone would leave the sentence guessable from many words.
 */
function keyTerm(term: string): boolean {
  if (/\p{Script=Han}/u.test(term)) return term.length >= 2;
  const words = wordsOf(term);
  if (words.length === 0) return false;
  if (/[A-Z]/.test(term.slice(1)) || /^[A-Z]{2,}/.test(term) || /[_.()/<>-]/.test(term)) return true;
  if (term.trim().split(/\s+/).length >= 2) return /^\p{Lu}/u.test(term) || words.length >= 2;
  return !isEnglishWord(words[0]!);
}

/** Key terms fit to blank out: bold (or, in notes without bold, code) terms in a sentence of their own. */
export function clozeTermsOf(facts: SectionFacts): MarkedTerm[] {
  const strong = facts.terms.filter((t) => t.mark === 'strong');
  const pool = strong.length ? strong : facts.terms;
  return pool.filter((t) => {
    if (!keyTerm(t.term) || weakSentence(t.sentence) || !/[.!?。！？]$/.test(t.sentence)) return false;
    // A short word ("Off", "yes") is no key term, unless it is an acronym.
    if (
      (t.term.length < 4 && !/^[A-Z0-9]{2,3}$/.test(t.term)) ||
      t.term.length > 60 ||
      t.sentence.length < 30 ||
      t.sentence.length > 300
    )
      return false;
    const at = t.sentence.indexOf(t.term);
    if (at < 0 || t.sentence.indexOf(t.term, at + 1) >= 0) return false;
    // "**Term**: definition" is a definition question, and "**Before an exam**, …" a label, not a cloze.
    const rest = t.sentence.slice(at + t.term.length);
    if (at <= 2 && /^\s*[—–:：,，-]/.test(rest)) return false;
    return t.sentence.length - t.term.length >= 20;
  });
}

/** A key sentence with its key term blanked; distractors are the notes' other key terms of the same kind. */
export function clozeDrafts(
  facts: SectionFacts,
  near: Neighbourhood,
  lang: Lang,
  terms: (f: SectionFacts) => MarkedTerm[],
): Draft[] {
  const own = terms(facts);
  // Distractors may be any key term of the neighbourhood, also those not fit to blank out themselves.
  const drafts: Draft[] = [];
  for (const t of own) {
    if (drafts.length >= maxPerSection) break;
    const sentence = t.sentence.replace(t.term, blank);
    const sameShape = (candidate: string): boolean =>
      sameKind(t.term, candidate) &&
      keyTerm(candidate) &&
      isFigure(candidate) === isFigure(t.term) &&
      (t.mark !== 'code' || codeShape(candidate) === codeShape(t.term));
    drafts.push({
      kind: 'cloze',
      question: fill(templates.cloze, lang, { sentence }),
      answer: t.term,
      explanation: t.sentence,
      facts,
      tiers: tiersOf(facts, near, `cloze-${t.mark}`, (f) =>
        f.terms.filter((o) => o.mark === t.mark).map((o) => o.term),
      ),
      // A term the sentence already names, or of another shape (a figure for a name), would not fit.
      reject: (candidate) =>
        !sameShape(candidate) ||
        normal(t.sentence).includes(normal(candidate)) ||
        candidate.length > t.term.length * 3 + 10 ||
        t.term.length > candidate.length * 3 + 10,
    });
  }
  return drafts;
}
