import { isFigure, normal, type Draft } from './draft.js';
import type { MarkedTerm, SectionFacts } from './facts.js';
import { blank, fill, templates, type Lang } from './lang.js';
import { isEnglishWord } from '../../search/dictionary.js';
import { leansOnContext, sameKind, weakSentence, wordsOf } from './quality.js';
import { aboutSection, whereOf } from './subject.js';

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

/**
 * A list fragment, not a sentence ("sidebarTitle in the front matter."): English text starting
 * in lower case, or with fewer than five words besides the term. Chinese needs eight characters.
 */
function fragment(sentence: string, term: string): boolean {
  // A callout's title ("Tip decltype 是 …") glued to its first sentence.
  if (/^(?:Note|Info|Tip|Warning|Caution|Important|Danger)\s/.test(sentence)) return true;
  // "Partial dependence plots showing how …": a participle where the verb should be.
  if (sentence.startsWith(term) && /^\s+\p{L}+ing\b/u.test(sentence.slice(term.length))) return true;
  const rest = sentence.replace(term, ' ');
  if (/\p{Script=Han}/u.test(sentence)) return (rest.match(/\p{Script=Han}/gu)?.length ?? 0) < 8;
  if (/^\p{Ll}/u.test(sentence) && !sentence.startsWith(term)) return true;
  return rest.split(/\s+/).filter((w) => /\p{L}{2,}/u.test(w)).length < 5;
}

/** The term is one item of a list: a separator or "and"/"or" right after it or right before it. */
function inEnumeration(sentence: string, term: string): boolean {
  const at = sentence.indexOf(term);
  const after = sentence.slice(at + term.length, at + term.length + 5);
  const before = sentence.slice(Math.max(0, at - 7), at);
  return /^\s?(?:[,，、和與及或]|and\b|or\b)/.test(after) || /(?:[,，、和與及或]|\band|\bor)\s*$/.test(before);
}

/** "I", "my", "me" or 我 (not 我們, "we"): the author's story, not the subject's facts. */
const firstPerson = (sentence: string): boolean =>
  /\b(?:I|I'm|I've|my|me)\b/.test(sentence) || /我(?!們)/u.test(sentence);

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
    // A figure ("00", "5 TB") or a quoted phrase is no key term; "T4" is a label, not an acronym.
    if (isFigure(t.term) || /^["'“‘「]|["'”’」]$/.test(t.term) || /^[A-Z]\d+$/.test(t.term)) return false;
    // A label ("Info: Loupe"), or a lower-case phrase that is a verb or a clause ("deep compares",
    // "be a string", "after building"), fits no blank a reader could name.
    if (/[:：]\s/.test(t.term) || / (?:is|are|was|were) /.test(t.term)) return false;
    // An example value ("raycluster-demo-head-svc:8265") is no thing to learn.
    if (/:\d/.test(t.term)) return false;
    if (t.mark === 'strong' && /\s/.test(t.term) && !/\p{Script=Han}/u.test(t.term) && /^\p{Ll}/u.test(t.term))
      return false;
    // A list of terms ("draft.md, page.md, post.md") is several answers, not one.
    if (/[,，、]/.test(t.term)) return false;
    // One item of an enumeration ("…: _____, Volcano, Apache YuniKorn") or an example ("hooks such
    // as _____") could be any of them.
    if (
      inEnumeration(t.sentence, t.term) ||
      /(?:such as|e\.g\.|for example|like|例如|比如|像是)\s*$/i.test(t.sentence.slice(0, t.sentence.indexOf(t.term)))
    )
      return false;
    // The sentence must stand alone: no "it"/"this" inside, and a whole sentence, not a list fragment.
    if (leansOnContext(t.sentence) || fragment(t.sentence, t.term)) return false;
    const at = t.sentence.indexOf(t.term);
    if (at < 0 || t.sentence.indexOf(t.term, at + 1) >= 0) return false;
    // "**Term**: definition" is a definition question, and "**Before an exam**, …" a label, not a cloze.
    const rest = t.sentence.slice(at + t.term.length);
    if (at <= 2 && /^\s*(?:[（(][^）)]*[）)])?\s*[—–:：,，-]/.test(rest)) return false;
    // An anecdote in the first person ("2022 年初，我用 Hexo 創建了…", "When I started…") is no fact to learn.
    if (firstPerson(t.sentence)) return false;
    // Only a term the section is about: a passing example ("sync your cache to localStorage", "run
    // pnpm install", "en-US") blanks a word many others would fill.
    if (!aboutSection(facts, t.term, t.sentence, t.mark === 'strong')) return false;
    return t.sentence.length - t.term.length >= 20;
  });
}

/** Chinese terms alike: no clause punctuation, about the same length, both glossed "（English）" or neither. */
function alikeHan(term: string, candidate: string): boolean {
  if (!/\p{Script=Han}/u.test(term)) return true;
  const glossed = (s: string): boolean => /[（(][^）)]*[）)]$/.test(s);
  const ratio = candidate.length / term.length;
  return !/[，,。；;：:]/.test(candidate) && glossed(term) === glossed(candidate) && ratio >= 0.5 && ratio <= 2;
}

/**
 * A key sentence with its key term blanked. Distractors are the section's other key terms fit to
 * blank, of the same mark and kind (terms from elsewhere in the note were judged "not of the same
 * kind"); without three, the question is a self-graded card.
 */
export function clozeDrafts(facts: SectionFacts, lang: Lang, terms: (f: SectionFacts) => MarkedTerm[]): Draft[] {
  const own = terms(facts);
  // Distractors may be any key term of the neighbourhood, also those not fit to blank out themselves.
  const drafts: Draft[] = [];
  for (const t of own) {
    if (drafts.length >= maxPerSection) break;
    const sentence = t.sentence.replace(t.term, blank);
    // The question names where the sentence comes from, so a sentence that never names its subject
    // ("Ready-to-use models call AWS AI services …" on the SageMaker Canvas page) still has one.
    const where = whereOf(facts, t.term);
    const question = where
      ? fill(templates.clozeIn, lang, { sentence, where })
      : fill(templates.cloze, lang, { sentence });
    const sameShape = (candidate: string): boolean =>
      sameKind(t.term, candidate) &&
      keyTerm(candidate) &&
      isFigure(candidate) === isFigure(t.term) &&
      (t.mark !== 'code' || codeShape(candidate) === codeShape(t.term));
    drafts.push({
      kind: 'cloze',
      question,
      answer: t.term,
      explanation: t.sentence,
      facts,
      tiers: [own.filter((o) => o.mark === t.mark).map((o) => o.term)],
      // A term the sentence already names, or of another shape (a figure for a name), would not fit.
      reject: (candidate) =>
        !sameShape(candidate) ||
        !alikeHan(t.term, candidate) ||
        normal(t.sentence).includes(normal(candidate)) ||
        candidate.length > t.term.length * 3 + 10 ||
        t.term.length > candidate.length * 3 + 10,
      selfGraded: { question, answer: t.term },
    });
  }
  return drafts;
}
