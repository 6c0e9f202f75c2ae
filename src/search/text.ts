import spelling from 'american-english';
import { stemmer } from 'stemmer';
import { eng } from 'stopword';
import {
  accentedLettersOf,
  latinScript,
  questionWordsOf,
  snowballStemmer,
  stopWordsOf,
  withoutAccents,
} from './languages.js';

/** Common English words: they match half of all sections and say nothing about the topic. */
const stopWords = new Set<string>([
  ...eng,
  '的',
  '了',
  '和',
  '與',
  '与',
  '及',
  '或',
  '在',
  '之',
  'の',
  'は',
  'が',
  'を',
  'に',
  'で',
  'と',
  'も',
]);

/** Words that shape a question but never its topic ("what is the difference between …"). */
const questionWords = new Set<string>([
  // Chinese (traditional and simplified) and Japanese question words and particles.
  '什麼',
  '什么',
  '是',
  '嗎',
  '吗',
  '呢',
  '怎麼',
  '怎么',
  '怎樣',
  '怎样',
  '如何',
  '為什麼',
  '为什么',
  '哪',
  '哪些',
  '哪個',
  '哪个',
  '請',
  '请',
  '問',
  '问',
  '我',
  '你',
  '可以',
  '能',
  '要',
  '想',
  '知道',
  '意思',
  '差別',
  '差别',
  '區別',
  '区别',
  '介紹',
  '介绍',
  'とは',
  '何',
  'なに',
  'です',
  'か',
  'ですか',
  'どう',
  'どうやって',
  'なぜ',
  'what',
  'whats',
  'how',
  'why',
  'when',
  'which',
  'who',
  'whom',
  'whose',
  'does',
  'do',
  'did',
  'explain',
  'describe',
  'tell',
  'mean',
  'means',
  'meaning',
  'difference',
  'differences',
  'differ',
  'define',
  'definition',
  'please',
  'vs',
  'versus',
  'instead',
  'is',
  'are',
  'the',
  'a',
  'an',
  'i',
  'me',
  'my',
  'should',
  'can',
  'could',
  'would',
  'need',
  'want',
  'know',
  'happens',
  'good',
  'best',
  'way',
  'ways',
  'there',
  'thing',
  'things',
  'work',
  'works',
  'used',
  'using',
  'ok',
  'hey',
  'hi',
  'thanks',
  // The asker's reflexive pronouns, like "i" and "my" ("do i have to turn them on myself").
  'myself',
  'yourself',
  'yourselves',
  'ourselves',
  // Chat filler and contractions (apostrophes are removed before splitting: "don't" → "dont").
  'actually',
  'just',
  'really',
  'simply',
  'basically',
  'exactly',
  'stuff',
  'pls',
  'plz',
  'anyone',
  'someone',
  'guys',
  'kinda',
  'sorta',
  'will',
  'not',
  'no',
  'so',
  'us',
  'its',
  'im',
  'ive',
  'whats',
  'hows',
  'thats',
  'theres',
  'dont',
  'doesnt',
  'isnt',
  'arent',
  'cant',
  'wont',
  'didnt',
  'lets',
  'u',
]);

const wordLike = /[\p{L}\p{N}]/u;

// MiniSearch's default splits on spaces and punctuation only, so "`versioning`" or "<script>"
// would stay single tokens; any run of characters that are not letters or digits separates words.
const separators = /[^\p{L}\p{N}]+/u;

// An apostrophe inside a word joins it: "don't", "what's", "instance's".
const innerApostrophe = /(?<=\p{L})['’](?=\p{L})/gu;

// Scripts written without spaces between words: a run of them is split into words by ICU's
// dictionary-based segmenter (built into Node), the same way at index and at query time.
const unspaced =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;
const segmenter = new Intl.Segmenter(undefined, { granularity: 'word' });

function segmentWords(token: string): string[] {
  const words: string[] = [];
  for (const part of segmenter.segment(token)) if (part.isWordLike) words.push(part.segment);
  return words;
}

export function tokenize(text: string): string[] {
  const tokens = text
    .replace(innerApostrophe, '')
    .split(separators)
    .filter((t) => t.length > 0);
  if (!unspaced.test(text)) return tokens;
  return tokens.flatMap((t) => (unspaced.test(t) ? segmentWords(t) : [t]));
}

// The vocabulary is small next to the number of times words are seen: remember stems.
const stems = new Map<string, string>();

// The notes are written in British English and many students type American: Porter stems
// "optimisation" to "optimis" but "optimization" to "optim". Words are spelt the American way
// before stemming, from a curated list; -isation and -iser nouns the list lacks ("tokenisation")
// follow the same rule. Verbs in -ise are left to the list: "supervised" is not "supervized".
const britishNoun = /is(ation|ations|er|ers)$/;
function american(word: string): string {
  if (spelling.hasUSDifference(word)) return spelling.toUS(word);
  return word.replace(britishNoun, 'iz$1');
}

const englishStem = (lower: string): string => stemmer(american(lower));
const englishWord = /^[a-z]+$/;

/** Lower-case Porter stem of the American spelling, memoised; the same function serves indexing and querying. */
export function stem(word: string): string {
  const lower = word.toLowerCase();
  let result = stems.get(lower);
  if (result === undefined) {
    result = englishWord.test(lower) ? englishStem(lower) : lower;
    if (stems.size < 500_000) stems.set(lower, result);
  }
  return result;
}

/** Index-time term processing: stop words dropped, the rest stemmed. */
export function indexTerm(term: string): string | null {
  const lower = term.toLowerCase();
  if (lower.length === 0 || stopWords.has(lower) || !wordLike.test(lower)) return null;
  return stem(lower);
}

/** Query-time term processing: also drops words that only shape the question. */
function queryTerm(term: string): string | null {
  const lower = term.toLowerCase();
  if (questionWords.has(lower)) return null;
  return indexTerm(lower);
}

export function queryTerms(question: string): string[] {
  return termsOf(question, queryTerm);
}

function termsOf(question: string, toTerm: (token: string) => string | null): string[] {
  const out: string[] = [];
  for (const token of tokenize(question)) {
    const term = toTerm(token);
    if (term && !out.includes(term)) out.push(term);
  }
  return out;
}

/** How one index turns words into terms: the same functions at index and at query time. */
export interface Terms {
  /** The notes' language (`ru`, `es` …); undefined for English and for languages without a stemmer. */
  language?: string;
  /** The language's accented letters (`áéíóúñü`), which a question may leave out; none in English. */
  accentedLetters: string;
  stem: (word: string) => string;
  indexTerm: (term: string) => string | null;
  queryTerm: (term: string) => string | null;
  queryTerms: (question: string) => string[];
}

/** English, and every language without a stemmer: today's functions. */
export const englishTerms: Terms = { accentedLetters: '', stem, indexTerm, queryTerm, queryTerms };

const byLanguage = new Map<string, Terms>();

/**
 * The term functions for notes written in `language` (a locale tag such as `ru`, `es-ES`, `pt_BR`):
 * words of that language are stemmed with its Snowball stemmer and its stop words dropped, never
 * Porter-stemmed as English. In a language not written in Latin letters, the Latin words are
 * English (code, product names) and keep the English treatment. CJK words are not stemmed.
 */
export function termsFor(language: string | undefined): Terms {
  const code = language?.split(/[-_]/)[0]?.toLowerCase();
  const stemmer = code ? snowballStemmer(code) : undefined;
  if (!code || !stemmer) return englishTerms;
  let terms = byLanguage.get(code);
  if (terms) return terms;

  const ownStopWords = new Set(stopWordsOf(code));
  const ownQuestionWords = new Set(questionWordsOf(code));
  // "como", "tambien": a stop or question word typed without its accents still only shapes the question.
  const unaccented = new Set([...ownStopWords, ...ownQuestionWords].map(withoutAccents));
  const latin = latinScript.has(code);
  const memo = new Map<string, string>();
  const stemOf = (word: string): string => {
    const lower = word.toLowerCase();
    let result = memo.get(lower);
    if (result === undefined) {
      if (!latin && englishWord.test(lower)) result = englishStem(lower);
      else result = letters.test(lower) ? stemmer(lower.normalize('NFC').replace(/ё/g, 'е')) : lower;
      if (memo.size < 500_000) memo.set(lower, result);
    }
    return result;
  };
  const indexTermOf = (term: string): string | null => {
    const lower = term.toLowerCase();
    if (lower.length === 0 || ownStopWords.has(lower) || !wordLike.test(lower)) return null;
    // English stop and question words are dropped only where a Latin word is English.
    if (!latin && stopWords.has(lower)) return null;
    return stemOf(lower);
  };
  const queryTermOf = (term: string): string | null => {
    const lower = term.toLowerCase();
    if (ownQuestionWords.has(lower) || unaccented.has(lower) || (!latin && questionWords.has(lower))) return null;
    return indexTermOf(lower);
  };
  terms = {
    language: code,
    accentedLetters: accentedLettersOf(code),
    stem: stemOf,
    indexTerm: indexTermOf,
    queryTerm: queryTermOf,
    queryTerms: (question) => termsOf(question, queryTermOf),
  };
  byLanguage.set(code, terms);
  return terms;
}

// Words made only of letters are stemmed; "v2", "i18n" and CJK words are kept as they are.
const letters = /^[\p{L}\p{M}]+$/u;
