import type Token from 'markdown-it/lib/token.mjs';

// GFM literal URLs (`https://…` in text) as micromark's tokenizer reads them
// (micromark-extension-gfm-autolink-literal): it takes the URL from the raw text, so a backslash
// in it stays (`https://a\.b\-c.com`) and emphasis marks inside it are no emphasis. markdown-it
// reads those backslashes as escapes; the fast path (markdown-fast.ts) links such URLs with this
// inline rule and leaves every other URL to the mdast autolink transform, as before.

interface InlineState {
  src: string;
  pos: number;
  posMax: number;
  pending: string;
  linkLevel: number;
  env: LiteralUrlEnv;
  push(type: string, tag: string, nesting: number): Token;
}

/** What the rule tells fastParse through markdown-it's env. */
export interface LiteralUrlEnv {
  /** Set when micromark may read a URL differently (after a `[`, or too long a run of punctuation). */
  inexactUrl?: boolean;
  /** Image labels being parsed: micromark links no URL inside one. */
  inImage?: number;
  /** The first `[` of the inline text last looked at (found once per text). */
  bracketIn?: string;
  bracket?: number;
}

const isAsciiAlpha = (c: number): boolean => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
/** micromark's line ending, space or Unicode white space (NaN: the end of the text). */
const isSpace = (c: number): boolean =>
  c === 32 || c === 9 || c === 10 || c === 13 || /\s/.test(String.fromCharCode(c));
const isPunctuation = (c: number): boolean => /[\p{P}\p{S}]/u.test(String.fromCharCode(c));
const isControl = (c: number): boolean => c < 32 || c === 127;
// ! " ' ) * , . : ; ? _ ~
const trailing = new Set([33, 34, 39, 41, 42, 44, 46, 58, 59, 63, 95, 126]);
// ! " & ' ) * , . : ; < ? ] _ ~
const pathPunctuation = new Set([33, 34, 38, 39, 41, 42, 44, 46, 58, 59, 60, 63, 93, 95, 126]);
/** A run of trailing punctuation longer than this is left to micromark (the check would rescan it). */
const MAX_TRAIL = 64;

/**
 * Whether the URL ends before `at`: only trailing punctuation (a character reference, `]` not
 * before `(` or `[`) up to the end, white space or `<`. Undefined for a run too long to check.
 */
function endsBefore(src: string, at: number, max: number): boolean | undefined {
  const code = (i: number): number => (i < max ? src.charCodeAt(i) : Number.NaN);
  let i = at;
  for (let steps = 0; steps < MAX_TRAIL; steps++) {
    const c = code(i);
    if (trailing.has(c)) i++;
    else if (c === 38) {
      i++;
      if (!isAsciiAlpha(code(i))) return false;
      while (isAsciiAlpha(code(i)) && steps++ < MAX_TRAIL) i++;
      if (steps >= MAX_TRAIL) return undefined;
      if (code(i) !== 59) return false;
      i++;
    } else if (c === 93) {
      i++;
      const next = code(i);
      if (Number.isNaN(next) || next === 40 || next === 91 || isSpace(next)) return true;
    } else return c === 60 || Number.isNaN(c) || isSpace(c);
  }
  return undefined;
}

/** Where the URL whose host starts at `start` ends, as micromark's domain and path read it; -1 for no URL, undefined to give up. */
function urlEnd(src: string, start: number, max: number): number | undefined {
  const code = (i: number): number => (i < max ? src.charCodeAt(i) : Number.NaN);
  const first = code(start);
  if (Number.isNaN(first) || isControl(first) || isSpace(first) || isPunctuation(first)) return -1;
  let i = start;
  let seen = false;
  let underscoreInLast = false;
  let underscoreInLastButOne = false;
  for (;;) {
    const c = code(i);
    if (c === 46 || c === 95) {
      const ends = endsBefore(src, i, max);
      if (ends === undefined) return undefined;
      if (ends) break;
      if (c === 95) underscoreInLast = true;
      else [underscoreInLastButOne, underscoreInLast] = [underscoreInLast, false];
      i++;
    } else if (Number.isNaN(c) || isSpace(c) || (c !== 45 && isPunctuation(c))) break;
    else {
      seen = true;
      i++;
    }
  }
  if (underscoreInLast || underscoreInLastButOne || !seen) return -1;
  let open = 0;
  let close = 0;
  for (;;) {
    const c = code(i);
    if (c === 40) open++;
    else if (c === 41 && close < open) close++;
    else if (pathPunctuation.has(c)) {
      const ends = endsBefore(src, i, max);
      if (ends === undefined) return undefined;
      if (ends) return i;
      if (c === 41) close++;
    } else if (Number.isNaN(c) || isSpace(c)) return i;
    i++;
  }
}

/** The scheme (`http` or `https`) the text before `pos` ends with, after no ASCII letter; '' if none. */
function schemeBefore(state: InlineState): string {
  for (const scheme of ['https', 'http']) {
    const from = state.pos - scheme.length;
    if (from < 0 || state.src.slice(from, state.pos).toLowerCase() !== scheme) continue;
    if (!state.pending.toLowerCase().endsWith(scheme)) return '';
    return from > 0 && isAsciiAlpha(state.src.charCodeAt(from - 1)) ? '' : state.src.slice(from, state.pos);
  }
  return '';
}

/**
 * markdown-it inline rule, at the `:` of `https://`: a literal URL holding a backslash becomes a
 * link whose URL and text are the URL as written, as micromark reads it.
 */
export function escapedLiteralUrl(state: InlineState, silent: boolean): boolean {
  const { src, pos, posMax } = state;
  if (src.charCodeAt(pos) !== 58 || src.charCodeAt(pos + 1) !== 47 || src.charCodeAt(pos + 2) !== 47) return false;
  // In a link's or image's label micromark links nothing; markdown-it's text is the same then.
  if (state.linkLevel > 0 || state.env.inImage) return false;
  const scheme = schemeBefore(state);
  if (!scheme) return false;
  const end = urlEnd(src, pos + 3, posMax);
  if (end === -1) return false;
  const from = pos - scheme.length;
  if (end === undefined) {
    state.env.inexactUrl = true;
    return false;
  }
  const url = src.slice(from, end);
  if (!url.includes('\\')) return false;
  // micromark links no URL after a `[` whose label is still open: left to micromark.
  if (state.env.bracketIn !== src) [state.env.bracketIn, state.env.bracket] = [src, src.indexOf('[')];
  const bracket = state.env.bracket!;
  if (bracket >= 0 && bracket < from) {
    state.env.inexactUrl = true;
    return false;
  }
  if (!silent) {
    state.pending = state.pending.slice(0, -scheme.length);
    const open = state.push('link_open', 'a', 1);
    open.attrs = [['href', url]];
    state.push('text', '', 0).content = url;
    state.push('link_close', 'a', -1);
  }
  state.pos = end;
  return true;
}

/** Wraps markdown-it's image rule so that `escapedLiteralUrl` knows when it reads an image's label. */
export function countingImages<S extends { env: LiteralUrlEnv }>(
  rule: (state: S, silent: boolean) => boolean,
): (state: S, silent: boolean) => boolean {
  return (state, silent) => {
    state.env.inImage = (state.env.inImage ?? 0) + 1;
    try {
      return rule(state, silent);
    } finally {
      state.env.inImage!--;
    }
  };
}
