/** "Long Name (ACRONYM)" found in text: the words before the brackets and the acronym. */
export interface AcronymDefinition {
  phrase: string;
  acronym: string;
}

interface Options {
  /** Also full-width brackets `（…）`. */
  fullWidth: boolean;
  /** Whether whitespace must separate the phrase from the bracket. */
  spaceRequired: boolean;
}

// At most nine words separated by a space or a hyphen, each starting with a letter (or `&` after
// the first), the way `[A-Za-z][\w-]*(?:[ -][A-Za-z&][\w-]*){0,8}` reads them. That regex is
// ambiguous (a hyphen is both part of a word and a separator) and took 43 s on 84 characters of
// `a-a-a-…`; this walks back from each bracket once instead, with the same matches.
const maxSeparators = 8;
const wordChar = /[\w-]/;
const letter = /[A-Za-z]/;
const acronymAt = (fullWidth: boolean): RegExp =>
  fullWidth ? /[(（]([A-Z][A-Za-z0-9-]{1,9})[)）]/gu : /\(([A-Z][A-Za-z0-9-]{1,9})\)/g;

/** The leftmost start of a phrase ending at `end`, not before `floor`; -1 when there is none. */
function phraseStart(text: string, end: number, floor: number): number {
  let best = -1;
  let separators = 0;
  for (let i = end - 1; i >= floor; i--) {
    const c = text[i]!;
    const next = text[i + 1];
    if (next === '&' && c !== ' ' && c !== '-') break;
    if (c === ' ') {
      if (next === undefined || i + 1 >= end || !/[A-Za-z&]/.test(next)) break;
      separators++;
    } else if (c === '-' && next === '&' && i + 1 < end) separators++;
    else if (c !== '&' && !wordChar.test(c)) break;
    if (separators > maxSeparators) break;
    if (letter.test(c)) best = i;
  }
  return best;
}

/** Every "Long Name (ACRONYM)" in the text, in order, in linear time. */
export function acronymDefinitions(text: string, options: Options): AcronymDefinition[] {
  const out: AcronymDefinition[] = [];
  let floor = 0;
  for (const match of text.matchAll(acronymAt(options.fullWidth))) {
    let end = match.index;
    while (end > floor && /\s/.test(text[end - 1]!)) end--;
    const start = end < match.index || !options.spaceRequired ? phraseStart(text, end, floor) : -1;
    if (start >= 0) {
      out.push({ phrase: text.slice(start, end), acronym: match[1]! });
      floor = match.index + match[0].length;
    }
  }
  return out;
}
