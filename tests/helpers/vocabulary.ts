import type { Terms } from '../../src/search/text.js';

/** Whether the notes use a stem, for notes holding just these words, as the index keeps them. */
export const knownStemsOf =
  (terms: Terms) =>
  (words: string[]): ((stem: string) => boolean) => {
    const stems = new Set(words.map(terms.stem));
    return (stem) => stems.has(stem);
  };
