// Porter leaves superlatives as they are ("biggest", "quickest"), so a question about "the biggest
// training runs" misses the notes' "big". An English word the notes never use that is the
// superlative of one they do use is read as that word. Comparatives are left alone: by their form
// "-er" words are as often nouns of what does something ("timer", "starter", "teacher").

/** The plain forms a superlative may come from, likeliest first. */
function plainFormsOf(word: string): string[] {
  if (!word.endsWith('est')) return [];
  const stem = word.slice(0, -3);
  const forms: string[] = [];
  // "easiest" → easy, "biggest" → big, "largest" → large, "quickest" → quick.
  if (stem.endsWith('i')) forms.push(`${stem.slice(0, -1)}y`);
  if (stem.length > 2 && stem.at(-1) === stem.at(-2)) forms.push(stem.slice(0, -1));
  forms.push(`${stem}e`, stem);
  return forms;
}

const typedWord = /(?<![\p{L}\p{N}'’._-])[a-z]{5,30}(?![\p{L}\p{N}'’_-]|\.\p{L})/gu;

/**
 * The question with each superlative the notes never use read as its plain form when the notes use
 * that ("biggest" → big). `isWord` says a word is English: both the typed word and its plain form
 * must be.
 */
export function plainSuperlatives(
  question: string,
  known: (stem: string) => boolean,
  stemOf: (word: string) => string,
  isWord: (word: string) => boolean,
): string {
  return question.replace(typedWord, (word) => {
    if (known(stemOf(word)) || !isWord(word)) return word;
    const plain = plainFormsOf(word).find((form) => form.length >= 3 && isWord(form) && known(stemOf(form)));
    return plain ?? word;
  });
}
