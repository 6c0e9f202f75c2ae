import { chatWordsOf } from './casual-languages.js';
import { latinScript } from './languages.js';

/**
 * Chat style → the words the notes use: "wat r SCPs w/ orgs", "how 2 dl a file thru s3". Pure chat
 * shorthand is spelt out before the question is split into words, so it weighs as much as the
 * word typed in full (the acronym table in acronyms.ts holds abbreviations the notes may use
 * themselves, which count for less). Words that only carry the chat ("lol", "ngl") are dropped.
 */
const spelledOut: Record<string, string> = {
  wat: 'what',
  wut: 'what',
  wats: 'what',
  watz: 'what',
  whats: 'what',
  wht: 'what',
  r: 'are',
  n: 'and',
  ur: 'your',
  y: 'why',
  b4: 'before',
  bc: 'because',
  cuz: 'because',
  coz: 'because',
  abt: 'about',
  thru: 'through',
  tho: 'though',
  w: 'with',
  wo: 'without',
  wout: 'without',
  diff: 'difference',
  diffs: 'differences',
  dl: 'download',
  dls: 'downloads',
  ul: 'upload',
  acct: 'account',
  accts: 'accounts',
  org: 'organization',
  orgs: 'organizations',
  num: 'number',
  nums: 'numbers',
  ppl: 'people',
  qs: 'questions',
  q: 'question',
  yr: 'year',
  yrs: 'years',
  hr: 'hour',
  hrs: 'hours',
  mins: 'minutes',
  secs: 'seconds',
  fn: 'function',
  fns: 'functions',
  svc: 'service',
  svcs: 'services',
  calc: 'calculator',
  dest: 'destination',
  smth: 'something',
  sth: 'something',
  oom: 'out of memory',
  '1st': 'first',
  '2nd': 'second',
  '3rd': 'third',
  diag: 'diagram',
  req: 'request',
  reqs: 'requests',
  resp: 'response',
};

/** Chat that says nothing about the topic. */
const chatOnly = new Set([
  'lol',
  'lmao',
  'ngl',
  'tbh',
  'idk',
  'imo',
  'imho',
  'btw',
  'rn',
  'pls',
  'plz',
  'ugh',
  'nah',
  'okk',
  'okay',
  'ok',
  'hey',
  'yo',
  'guys',
  'wondering',
  'dumb',
  'stupid',
  'thx',
  'ty',
  'haha',
  'hmm',
  'um',
  'uh',
  'omg',
  'wtf',
  'literally',
  'gonna',
  'wanna',
  'gotta',
  'lemme',
  'gimme',
  'kinda',
  'sorta',
  'tryna',
  'ya',
  'yeah',
  'yep',
  'nope',
  'weve',
  'theyre',
  'theyr',
  'youre',
  'youve',
  'hasnt',
  'havent',
  'wasnt',
  'werent',
  'shouldnt',
  'wouldnt',
  'couldnt',
  'ill',
  'itll',
  'theyll',
  'whos',
  'thats',
  // Rambling that surrounds the question ("apparently", "i feel dumb asking", "something wrong").
  'apparently',
  'supposedly',
  'anymore',
  'anyway',
  'something',
  'someone',
  'everyone',
  'stuff',
  'heard',
  'trying',
  'feel',
  'asking',
  'honestly',
  'quick',
  'saying',
  'says',
  'wanted',
  'bunch',
  'revision',
  'mistake',
]);

// "w/o", "w/", "b/c" are split at the slash by the tokenizer; join them first.
const slashShorthand = /\b(w)\/o\b|\b(b)\/c\b|\b(w)\//gi;

// "how 2 fix", "need 2 know": a 2 between such a word and the next is "to", never a number.
const twoForTo = /\b(how|want|wants|need|needs|have|has|got|going|trying|able|way|ways|time)\s+2(?=\s+\p{L})/giu;

// A whole word ("they're" included), not part of an identifier such as num_gpus.
const chatWord = /(?<![_\p{L}\p{N}'’])[\p{L}\p{N}]+(?:['’]\p{L}+)?(?![_\p{L}\p{N}'’])/gu;

/**
 * The question with chat shorthand spelt out and chat-only words removed: English's, and those of
 * the notes' `language` (casual-languages.ts). In notes written in other Latin letters English's
 * are left alone: "y" is Spanish for "and", not "why".
 */
export function uncasual(question: string, language?: string): string {
  const own = language ? chatWordsOf(language) : undefined;
  const english = !language || !latinScript.has(language);
  const joined = english
    ? question
        .replace(slashShorthand, (_, wo?: string, bc?: string) => (wo ? ' without ' : bc ? ' because ' : ' with '))
        .replace(twoForTo, '$1 to')
    : question;
  return joined.replace(chatWord, (word) => {
    const lower = word.toLowerCase();
    if (own?.chatOnly.has(lower)) return ' ';
    const spelled = own?.spelledOut[lower];
    if (spelled !== undefined) return spelled;
    if (!english) return word;
    const plain = lower.replace(/['’]/g, '');
    if (chatOnly.has(plain)) return ' ';
    return spelledOut[plain] ?? word;
  });
}
