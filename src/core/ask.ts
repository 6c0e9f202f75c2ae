import { buildExcerpt, type Excerpt, type ExcerptLayout } from '../search/excerpt.js';
import type { Section } from '../notes/types.js';
import { stemPhrase, type SearchIndex } from '../search/index.js';
import { defaultTuning, search, type SearchTuning } from '../search/query.js';

export interface AskResult {
  id: string;
  /** Title of the note the section belongs to. */
  title: string;
  heading: string;
  headingPath: string[];
  file: string;
  line: number;
  anchor: string;
  /** Source link, or null when no base URL is set (show `file` then). */
  url: string | null;
  score: number;
  /** The most relevant window of the section, the question's words highlighted (renderers format it). */
  excerpt: Excerpt;
  /** The section's full plain text. */
  text: string;
}

export interface Answer {
  question: string;
  confident: boolean;
  /** Ranked sections; when not confident they are only "did you mean" suggestions. */
  results: AskResult[];
  /** The question's specific words the best section lacks ("Missing: max size"); empty when none. */
  missing?: string[];
  /**
   * The sentence, list item or table row of the best section that best answers the question, as
   * plain text (renderers show it first, in bold); null when there is none.
   */
  answerLine?: string | null;
  /** Why there is no confident answer: nothing to search for, or the notes don't cover it. */
  reason?: 'empty-question' | 'not-covered';
}

export interface AskOptions {
  limit?: number;
  tuning?: SearchTuning;
  /** The form excerpts are sized in (see ExcerptLayout); plain text by default. */
  layout?: ExcerptLayout;
}

/** Longest question we read; longer input is cut so one message cannot stall the bot. */
const MAX_QUESTION_CHARS = 1000;

// Chat syntax that says nothing about the topic: user, role and channel mentions, custom
// emoji, @everyone/@here and HTML-like tags. A tag ends at the next `<` too, so a run of unclosed
// `<a` is scanned once, not once per `<` (that was quadratic: 80 KB took 15 s).
const chatNoise = /<(?:@[!&]?|#)\d+>|<a?:\w+:\d+>|@(?:everyone|here)\b|<\/?[a-z][^<>]*>/gi;

const oneLine = (text: string): string => text.replace(/\s+/g, ' ').trim();
/** What is searched of a question: without chat syntax, and no longer than MAX_QUESTION_CHARS. */
const searchable = (question: string): string => question.replace(chatNoise, ' ').slice(0, MAX_QUESTION_CHARS);

export function ask(index: SearchIndex, rawQuestion: string, options: AskOptions = {}): Answer {
  const question = oneLine(rawQuestion);
  const limit = Math.max(1, Math.min(options.limit ?? 5, 25));
  const outcome = search(index, searchable(question), limit, options.tuning ?? defaultTuning);
  const highlight = new Set(outcome.searchedTerms);
  // Sections with no prose of their own (only images or links) would answer with an empty body.
  const results = outcome.hits
    .filter(({ section }) => section.answerable !== false)
    .map(({ section, score }) => resultOf(index, section, score, highlight, options.layout));
  if (outcome.terms.length === 0)
    return { question, confident: false, results: [], missing: [], answerLine: null, reason: 'empty-question' };
  const { missing, answerLine } = outcome;
  return outcome.confident
    ? { question, confident: true, results, missing, answerLine }
    : { question, confident: false, results, missing, answerLine, reason: 'not-covered' };
}

/**
 * Sections to offer while a question is being typed: the best matches, without excerpts, so it
 * is cheap enough for every keystroke; the notes' top pages before anything is typed.
 */
export function suggestSections(index: SearchIndex, typed: string, limit: number): Section[] {
  const question = oneLine(typed);
  if (!question) return index.sections.filter((s) => s.level === 0).slice(0, limit);
  return search(index, searchable(question), limit).hits.map((h) => h.section);
}

/** An answer that shows a chosen section first, followed by its closest neighbours. */
export function askSection(index: SearchIndex, section: Section, options: AskOptions = {}): Answer {
  const question = section.headingPath.join(' ');
  const related = ask(index, question, options);
  const terms = new Set(stemPhrase(section.heading, index.terms));
  const first = resultOf(index, section, related.results[0]?.score ?? 1, terms, options.layout);
  const rest = related.results.filter((r) => r.id !== section.id);
  return {
    question: section.heading,
    confident: true,
    results: [first, ...rest].slice(0, Math.max(1, options.limit ?? 5)),
    missing: [],
    answerLine: null,
  };
}

/** One section as an answer's result, its excerpt highlighting `highlight`. */
function resultOf(
  index: SearchIndex,
  section: Section,
  score: number,
  highlight: ReadonlySet<string>,
  layout: ExcerptLayout | undefined,
): AskResult {
  return {
    id: section.id,
    title: section.noteTitle,
    heading: section.heading,
    headingPath: section.headingPath,
    file: section.file,
    line: section.line,
    anchor: section.anchor,
    url: section.url,
    score: Math.round(score * 1000) / 1000,
    excerpt: buildExcerpt(index.excerptTexts, section.blocks, highlight, { layout }),
    text: section.text,
  };
}
