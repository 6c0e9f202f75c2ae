import { type AskedFigure, askedFigure, holdsFigure, isUnitOf, namesAsked } from './asked-figure.js';
import { compoundHeldDocShare, lackedInCompounds } from './compounds.js';
import { isEnglishWord } from './dictionary.js';
import { isEverydayWord } from './everyday.js';
import { latinScript, withoutAccents } from './languages.js';
import { codeNamesNotInNotes } from './identifiers.js';
import { stemPhrase, type SearchIndex } from './index.js';
import { namesProduct, otherCloudProducts } from './other-clouds.js';
import { type Terms, tokenize } from './text.js';
import { letters, swapsOfWord } from './typos.js';

// "Missing: max size": what the question asks that the best section does not hold. Without a
// reader model the honest signal is the question's own words: a near miss ("max size of an SQS
// message" answered by Amazon MQ) lacks its most specific words, a right answer lacks at most a
// few common ones ("use", "work").

export interface MissingOptions {
  /** A question word counts as specific when the notes use it in at most this share of their sections. */
  missingMaxDocShare: number;
  /** Shown when the specific words the section lacks carry at least this share of the question's IDF. */
  missingMinShare: number;
  /** A word the notes never use is missing, everyday or not, when it alone carries this share of the question's IDF. */
  missingWordShare: number;
  /** A heading word in more than this share of sections ("AWS") names nothing in particular. */
  genericDocShare: number;
  /** A name the notes use in at most this share of sections is missing wherever the best section lacks it. */
  nameDocShare: number;
  idf: (term: string) => number;
  /** Whether a word of the question was searched through another word (an expansion: "prem" → "premises"). */
  hasStandIn: (term: string) => boolean;
  /** Whether the best section holds a stemmed word in any of its fields. */
  holds: (term: string) => boolean;
  /** Whether the notes write a word as a name: starting with a capital mid-sentence (names.ts). */
  isName: (term: string) => boolean;
  /** The question's words typed as names (`typedAsNames`). */
  typedNames: ReadonlySet<string>;
  /** English words the notes never use that the search matched only loosely (not as a typo's correction). */
  looseWords?: readonly string[];
}

/** What the best section says, with where it sits: its heading path and its note's title count as held. */
export interface BestSection {
  text: string;
  headingPath: readonly string[];
  noteTitle: string;
}

/**
 * What the question asks that the best section does not hold, as typed: names the notes never use
 * (not English words, or English words outside everyday English, nor close to any of the notes'
 * words: "slurm", "azure"), and any word the notes never use that carries a large share of a
 * question ("temperature" of an LLM); names the notes do use that neither the section nor its
 * heading path holds ("EC2" when the section is about Ray's placement groups, "Google"); the
 * figure asked for when the answer line states none of its kind ("max size" and no "256 KB");
 * and, when they carry enough of the question's information (IDF), the specific words the section
 * lacks, words the notes never use included ("salary"). A word the notes never use that is one
 * slip from a word of the section ("tunning", "karpneter") is that word mistyped, not missing.
 * `terms` are the stemmed question words with no typo correction pending, `found` those the
 * section holds (directly, through an expansion or a correction).
 */
export function missingWords(
  index: SearchIndex,
  question: string,
  terms: string[],
  found: ReadonlyMap<string, number>,
  answerLine: string,
  best: BestSection,
  options: MissingOptions,
): string[] {
  const isWord = typedAsWord(question, index.terms);
  const typed = (t: string) => typedWords(question, [t], index.terms)[0]!;
  const where = [best.noteTitle, ...best.headingPath].join('\n');
  const heading = new Set(stemPhrase(where, index.terms));
  const holds = (t: string) => heading.has(t) || options.holds(t);
  const unasked = ruledOut(question, index.terms);
  for (const t of suffixesOf(question, index.terms)) unasked.add(t);
  const shortFor = abbreviationTest(`${where}\n${best.text}`);
  const apart = writtenApartTest(`${where}\n${best.text}`);
  // An everyday word typed with a capital mid-sentence is a name ("Amazon Verified Permissions"),
  // and so is one in capitals ("LIME"): no slip of a word the section holds ("line").
  const capitalised = options.typedNames;
  // Lacked as typed: neither the search's loose match ("focal" → "local") nor a slip holds it.
  const lacksAsTyped = (t: string) => !holds(t) && !unasked.has(t) && !shortFor(typed(t)) && !apart(typed(t));
  const lacks = (t: string) =>
    !found.has(t) &&
    lacksAsTyped(t) &&
    !(!index.docFreq.has(t) && !capitalised.has(t) && isSlipOf(index, t, typed(t), holds));
  const total = terms.reduce((sum, t) => sum + options.idf(t), 0) || 1;
  // Neither the notes nor everyday English use it: a name ("kubeflow", "azure"), not chat. An
  // everyday word the notes never use is chat ("wondered") unless the question is mostly about it.
  const ownWord = ownLanguageWord(index.terms);
  const names = terms.filter(
    (t) =>
      !index.docFreq.has(t) &&
      lacks(t) &&
      !options.hasStandIn(t) &&
      /^[a-z][a-z0-9]{2,}$/.test(t) &&
      (!isWord(t) ||
        !isEverydayWord(typed(t)) ||
        options.idf(t) / total >= options.missingWordShare ||
        capitalised.has(t)) &&
      (capitalised.has(t) || !ownWord(typed(t))),
  );
  // An English word the notes never use, outside everyday English, matched only loosely ("bisect"
  // near "bisecting", "focal" near "local"), names something else: no slip of the word it resembles.
  for (const t of options.looseWords ?? [])
    if (
      !names.includes(t) &&
      lacksAsTyped(t) &&
      /^[a-z]{3,}$/.test(t) &&
      !isEverydayWord(typed(t)) &&
      !ownWord(typed(t))
    )
      names.push(t);
  // A name the notes use elsewhere that neither this section nor where it sits holds: a product
  // mentioned in a few sections ("Google"), or any name qualifying what the heading names ("EC2
  // placement groups" answered by Ray's placement groups), or the first word of a short question
  // ("ecr tag immutability how do i turn it on"). A word the question itself types as a name
  // ("Tensor Cores") is one wherever the section lacks it.
  const qualifies = qualifiersOf(question, index.terms, (t) => heading.has(t) && found.has(t));
  const rare = options.nameDocShare * index.sections.length;
  const topic = topicOf(question, index.terms);
  // The name test reads the sections using the word: last, once the cheap tests pass.
  const elsewhere = terms.filter(
    (t) =>
      index.docFreq.has(t) &&
      (index.docFreq.get(t) ?? 0) <= options.genericDocShare * index.sections.length &&
      lacks(t) &&
      (capitalised.has(t) ||
        (((index.docFreq.get(t) ?? 0) <= rare || qualifies.has(t) || t === topic) && options.isName(t))),
  );
  const asked = askedFigure(question);
  const figure = missingFigure(question, asked, answerLine, `${where}\n${best.text}`);
  const specific = (t: string): boolean =>
    (index.docFreq.get(t) ?? 0) <= options.missingMaxDocShare * index.sections.length;
  // A word of the notes' own language they never use is how someone asks ("pongo", "entender"),
  // as an everyday English verb is: phrasing, never what is missing.
  const phrasing = (t: string) => !index.docFreq.has(t) && !capitalised.has(t) && ownWord(typed(t));
  const absent = terms.filter((t) => lacks(t) && specific(t) && !phrasing(t));
  const share = absent.reduce((sum, t) => sum + options.idf(t), 0) / total;
  // A part of a name the heading names ("ray workflows", "dynamodb partition key"): a specific word,
  // not everyday English, right after that name.
  const part = followersOf(question, index.terms, (t) => heading.has(t) && found.has(t) && options.isName(t));
  const lacking =
    share >= options.missingMinShare
      ? absent
      : absent.filter(
          (t) => part.has(t) && /^[a-z]+$/.test(t) && !isEverydayWord(typed(t)) && !extendsHeading(t, heading),
        );
  // A noun compound half held ("DNS glue records" answered by Route 53's records): compounds.ts.
  const compounds = lackedInCompounds(question, terms, index.terms, {
    sectionText: best.text,
    lacks: (t) => terms.includes(t) && lacks(t) && specific(t) && !extendsHeading(t, heading),
    holds: (t) =>
      (found.has(t) || holds(t)) && (index.docFreq.get(t) ?? 0) <= compoundHeldDocShare * index.sections.length,
  });
  const words = typedWords(question, [...names, ...elsewhere, ...lacking, ...compounds], index.terms).filter(
    (w) => !inFigure(w, figure) && !(asked && isUnitOf(w, asked)),
  );
  // Another cloud's product the section does not name ("cosmos db" answered by the Well-Architected page).
  const products = otherCloudProducts(question).filter((p) => !namesProduct(`${where}\n${best.text}`, p));
  const productWords = new Set(products.flatMap((p) => p.toLowerCase().split(/\s+/)));
  // A setting or module typed as code that the notes never write ("clip_param"), its parts with it.
  const code = codeNamesNotInNotes(index, question);
  const codeParts = new Set(code.flatMap((c) => c.toLowerCase().split(/[_.]/)));
  const shown = words.filter((w) => !productWords.has(w.toLowerCase()) && !codeParts.has(w.toLowerCase()));
  return [...new Set([...figure, ...products, ...code, ...shown])];
}

/**
 * A short question's words are few enough to say its subject first ("s3 batch operations wat r
 * they for", "does ray run natively on windows"); a longer one opens with context ("so we have an
 * api on lambda and …"). Tune sets, names the section lacks as the first word: casual-blind7 near
 * misses with Missing 30 → 33 of 41, right answers at 1 unchanged at ≤ 6 words; with no limit,
 * two more right answers at 1 showed Missing ("some ec2 ip keeps port scaning our servers …").
 */
const topicMaxTerms = 6;

/** The first word of a short question: what it is about. */
function topicOf(question: string, terms: Terms): string | undefined {
  const words = terms.queryTerms(question);
  return words.length <= topicMaxTerms ? words[0] : undefined;
}

/** Whether a word is a heading word of four letters or more run on ("dataset" under "Ray Data"). */
const extendsHeading = (term: string, heading: ReadonlySet<string>): boolean =>
  [...heading].some((h) => h.length >= 4 && term.length > h.length && term.startsWith(h));

/** The question's words directly after one the test accepts ("workflows" after "ray"). */
function followersOf(question: string, terms: Terms, named: (term: string) => boolean): Set<string> {
  const words = tokenize(question).map((token) => terms.queryTerm(token));
  const out = new Set<string>();
  words.forEach((word, i) => {
    const before = words[i - 1];
    if (word && before && named(before)) out.add(word);
  });
  return out;
}

/**
 * The question's words that qualify what the best section's heading names: a word directly
 * followed by one the heading names, or by another word and then one ("google cloud zones").
 */
function qualifiersOf(question: string, terms: Terms, named: (term: string) => boolean): Set<string> {
  const words = tokenize(question).map((token) => terms.queryTerm(token));
  const out = new Set<string>();
  words.forEach((word, i) => {
    const next = words[i + 1];
    const after = words[i + 2];
    if (word && next && (named(next) || (after && named(after)))) out.add(word);
  });
  return out;
}

/**
 * Whether a word the notes never use (stemmed; `typedWord` as typed) is one slip from a word the
 * section holds, stem to stem: one edit or one swap of neighbouring letters, two for words of eight
 * letters or more; under five letters, a changed or swapped letter only, or a letter left out of
 * a word outside everyday English (`isShortSlip`). Words under three letters are never slips.
 */
function isSlipOf(index: SearchIndex, term: string, typedWord: string, holds: (t: string) => boolean): boolean {
  const typedLength = typedWord.length;
  if (typedLength < 3 || !/^[a-z]+$/.test(term)) return false;
  const max = typedLength >= 8 ? 2 : 1;
  const gap = typedLength < 5 ? 0 : max;
  for (const [word] of index.typos.near(term, max))
    if (Math.abs(word.length - term.length) <= gap && holds(word)) return true;
  // A swap is two Levenshtein edits: look for it directly, in the stem and, for a word outside
  // everyday English, as typed ("taks" is "task" mistyped, though its stem "tak" is no swap of "task").
  const heldSwap = (word: string, stemOf: (swapped: string) => string | null): boolean =>
    swapsOfWord(word).some((swapped) => {
      const stem = swapped === word ? null : stemOf(swapped);
      return stem !== null && stem !== term && index.docFreq.has(stem) && holds(stem);
    });
  if (heldSwap(term, (swapped) => swapped)) return true;
  const typed = typedWord.toLowerCase();
  if (isEverydayWord(typed)) return false;
  if (heldSwap(typed, (swapped) => index.terms.indexTerm(swapped))) return true;
  return /^[a-z]{3,4}$/.test(typed) && isShortSlip(index, typed, holds);
}

/**
 * Whether a short typed word outside everyday English ("kill" is in it) is a letter short of a
 * word the section holds ("tme", "jul"), or one slip from a function word of four letters or more
 * ("wich"; not "wud", two from "would"), which says nothing.
 */
function isShortSlip(index: SearchIndex, typed: string, holds: (t: string) => boolean): boolean {
  for (let i = 0; i <= typed.length; i++)
    for (const letter of letters) {
      // A function word has no stem (queryTerm drops it).
      const stem = index.terms.queryTerm(typed.slice(0, i) + letter + typed.slice(i));
      if (stem === null || (index.docFreq.has(stem) && holds(stem))) return true;
      if (typed.length >= 4 && i < typed.length && letter !== typed[i])
        if (index.terms.queryTerm(typed.slice(0, i) + letter + typed.slice(i + 1)) === null) return true;
    }
  return false;
}

/** A word typed this short or shorter may be an abbreviation ("std", "mgr", "auto"). */
const maxAbbreviation = 5;

/**
 * Whether a short typed word abbreviates a word of the text, as people shorten words: its start
 * ("auto" of "automated", "ver" of "version") or its first letter and then some of its consonants
 * in order, skipping few ("std" of "standard", "mgr" of "manager", "lvl" of "levels"; not "arm" of
 * "algorithms"). The word must be at least two letters longer: "aks" does not shorten "asks".
 */
function abbreviationTest(text: string): (typed: string) => boolean {
  let words: string[] | undefined;
  return (typed) => {
    const short = typed.toLowerCase();
    if (short.length < 2 || short.length > maxAbbreviation || !/^[a-z]+$/.test(short)) return false;
    words ??= [...new Set(text.toLowerCase().match(/[a-z]+/g) ?? [])];
    return words.some((word) => word.length >= short.length + 2 && abbreviates(short, word));
  };
}

/**
 * Whether a typed word of letters and digits is written in the text in pieces: its runs of
 * letters and of digits apart, a run of letters the start of a word ("route53" and "r53" of
 * "Route 53", "bf16" of "bfloat16"). "imdsv2" is not in a text without "IMDSv2".
 */
function writtenApartTest(text: string): (typed: string) => boolean {
  const apart = (word: string): boolean => {
    const runs = word.match(/[a-z]+|[0-9]+/g);
    if (!runs || runs.length < 2 || runs.join('') !== word) return false;
    const pattern = runs.map((run) => (/[a-z]/.test(run) ? `${run}[a-z]*` : run)).join('[\\s-]?');
    return new RegExp(`(?<![a-z0-9])${pattern}(?![0-9])`, 'i').test(text);
  };
  // A letter O beside a digit may be a zero mistyped ("mla-co1" for MLA-C01).
  return (typed) => apart(typed.toLowerCase()) || apart(typed.toLowerCase().replace(/o(?=[0-9])|(?<=[0-9])o/g, '0'));
}

function abbreviates(short: string, word: string): boolean {
  if (word[0] !== short[0]) return false;
  if (word.startsWith(short)) return true;
  const consonants = word.slice(1).replace(/[aeiou]/g, '');
  // Few consonants skipped: "mgmt" skips two of "management", "arm" four of "algorithms".
  let at = 0;
  let skipped = 0;
  for (const letter of short.slice(1)) {
    const next = consonants.indexOf(letter, at);
    if (next < 0) return false;
    skipped += next - at;
    at = next + 1;
  }
  return skipped <= short.length - 2;
}

/**
 * The figure asked for ("max size"), when the answer line states none of its kind (the answer
 * line is the section's best unit stating one, if any comes close: see findAnswerLine), and the
 * section does not name the asked words as a setting it describes ("maximum run time").
 */
function missingFigure(question: string, asked: AskedFigure | null, answerLine: string, sectionText: string): string[] {
  if (asked === null || holdsFigure(answerLine, asked, question) || namesAsked(sectionText, asked)) return [];
  return [asked.asked];
}

const negation = new Set(['without', 'instead']);

/**
 * Stemmed words the question asks to do without: up to three words after "without" or "instead
 * of" ("without building a new docker image"). What it rules out is not what it asks about.
 */
export function ruledOut(question: string, terms: Terms): Set<string> {
  const tokens = tokenize(question).map((t) => t.toLowerCase());
  const out = new Set<string>();
  tokens.forEach((token, i) => {
    if (!negation.has(token)) return;
    let taken = 0;
    for (let j = i + 1; j < tokens.length && taken < 3; j++) {
      const term = terms.queryTerm(tokens[j]!);
      if (term === null) continue;
      out.add(term);
      taken++;
    }
  });
  return out;
}

/**
 * A short word right after a dot ("key.pem", ".pem", "train.py", "ray.get") is a file type or a
 * member of what precedes it: it says what kind of file or call, not what the question is about.
 */
const afterDot = /(?<![\w.])[\w-]*\.([a-z][a-z0-9]{0,4})\b(?!\.)/gi;

/** Stemmed words typed right after a dot (see afterDot). */
function suffixesOf(question: string, terms: Terms): string[] {
  return [...question.matchAll(afterDot)].flatMap((m) => {
    const term = terms.queryTerm(m[1]!);
    return term ? [term] : [];
  });
}

/** Whether a typed word is part of the figure shown ("size" of "max size"). */
const inFigure = (word: string, figure: string[]): boolean =>
  figure.some((f) => f.split(' ').includes(word.toLowerCase()));

/** The words of the question that stand for these stemmed terms, as typed. */
function typedWords(question: string, terms: string[], { queryTerm }: Terms): string[] {
  const tokens = tokenize(question);
  return terms.map((term) => tokens.find((token) => queryTerm(token) === term) ?? term);
}

/**
 * Whether a word typed in a question over notes in another language written in Latin letters is
 * a word of that language, not a name: its stemmer takes an ending off ("viene" → `vien`, "pongo"
 * → `pong`). Without a word list of the language this is what tells the asker's own verbs from a
 * product the notes never name ("kubeflow", "graphql" keep their letters). English lists are no
 * evidence here: "pongo" is an English word and, in film subtitles, an everyday one.
 */
function ownLanguageWord(terms: Terms): (typed: string) => boolean {
  if (!terms.language || !latinScript.has(terms.language)) return () => false;
  return (typed) => {
    const word = withoutAccents(typed.toLowerCase());
    return terms.stem(word) !== word;
  };
}

/** Whether a stemmed question term was typed as an English word (then it is no typo). */
export function typedAsWord(question: string, { queryTerm }: Terms): (term: string) => boolean {
  const tokens = tokenize(question);
  return (term) => tokens.some((token) => queryTerm(token) === term && isEnglishWord(token.toLowerCase()));
}

/**
 * Stemmed words typed as names: a capital and then lower case, not at a sentence's start
 * ("Verified" in "What does Amazon Verified Permissions do"), camelCase ("useSWRMutation"), or
 * capitals only ("LIME": an acronym) in a question not all in capitals, when the notes never use
 * it (`usedByNotes`).
 * Such a word is neither chat nor a typo of another word.
 */
export function typedAsNames(question: string, terms: Terms, usedByNotes: (term: string) => boolean): Set<string> {
  const out = new Set<string>();
  let sentenceStart = true;
  // An acronym the notes never use ("LIME") is typed in capitals; one they use ("AUC", "CDN") is
  // often context ("our CDN…"), and a question typed all in capitals says nothing.
  const acronyms = /\p{Ll}/u.test(question);
  for (const [token] of question.matchAll(/[\p{L}\p{N}'’]+|[.!?:]/gu)) {
    if (/^[.!?:]$/.test(token)) sentenceStart = true;
    else {
      const acronym = acronyms && /^\p{Lu}{3,}$/u.test(token);
      const name = (!sentenceStart && /^\p{Lu}\p{Ll}+$/u.test(token)) || /\p{Ll}\p{Lu}/u.test(token);
      const term = name || acronym ? terms.queryTerm(token) : null;
      if (term && (name || !usedByNotes(term))) out.add(term);
      sentenceStart = false;
    }
  }
  return out;
}
