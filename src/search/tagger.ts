import { createRequire } from 'node:module';

// Parts of speech of an English question, from wink-nlp's English model (wink-eng-lite-web-model,
// MIT): which words are nouns (compounds.ts) and which are how someone talks rather than what
// they ask about (phrasing.ts).

interface Tagger {
  readDoc(text: string): {
    tokens(): { each(f: (token: { out(what: unknown): unknown }) => void): void };
  };
  its: { value: unknown; pos: unknown; precedingSpaces: unknown };
}

let tagger: Tagger | undefined;

/**
 * Each word's part of speech (NOUN, PROPN, VERB, ADV …) by the character offset it starts at.
 * The model loads on first use, from node_modules as it is (~0.2–0.5 s of CPU, ~40 MB): callers
 * tag only the questions their cheaper tests leave.
 */
export function partsOfSpeech(text: string): Map<number, string> {
  if (tagger === undefined) {
    const require = createRequire(import.meta.url);
    const winkNLP = require('wink-nlp') as (model: unknown, pipe: string[]) => Tagger;
    tagger = winkNLP(require('wink-eng-lite-web-model'), ['pos']);
  }
  const { its } = tagger;
  const tags = new Map<number, string>();
  let at = 0;
  tagger
    .readDoc(text)
    .tokens()
    .each((token) => {
      const value = String(token.out(its.value));
      at += String(token.out(its.precedingSpaces)).length;
      // Stay on the text should the model's tokens ever leave out a character.
      if (text.startsWith(value, at) === false) at = Math.max(at, text.indexOf(value, at));
      tags.set(at, String(token.out(its.pos)));
      at += value.length;
    });
  return tags;
}

/** Where the nouns of a text start (character offsets). */
export function nounStarts(text: string): Set<number> {
  const starts = new Set<number>();
  for (const [at, pos] of partsOfSpeech(text)) if (pos === 'NOUN' || pos === 'PROPN') starts.add(at);
  return starts;
}
