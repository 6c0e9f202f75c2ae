import fs from 'node:fs';
import wordListPath from 'word-list';

// English words (the `word-list` package, ~275,000 lower-case words, one a line, sorted). A word
// of the question the notes never use is taken for a typo only when it is not an English word:
// "cloudfrnt" is a typo of "cloudfront", "rugby" is just a word the notes do not use.
let words: string | undefined;

/** Whether `word` (lower case) is an English word: a binary search over the list's lines. */
export function isEnglishWord(word: string): boolean {
  words ??= `\n${fs.readFileSync(wordListPath, 'utf8')}`;
  let low = 0;
  let high = words.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    const start = words.lastIndexOf('\n', mid) + 1;
    const end = words.indexOf('\n', start);
    const line = words.slice(start, end < 0 ? words.length : end);
    if (line === word) return true;
    if (line < word) low = (end < 0 ? words.length : end) + 1;
    else high = start - 1;
  }
  return false;
}
