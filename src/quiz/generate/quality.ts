/**
 * Rules that keep weak material out of generated questions (from the blind judges' notes on the
 * second round, tests/fixtures/quiz-judging/second-round-verdicts.json): sentences that lean on
 * context they lack, leftovers of links and markup, placeholder tables, answers the question's
 * wording gives away, and distractors of another kind than the answer.
 */

/** Sentences that start by pointing back ("It", "This", "These …") need the sentence before them. */
const pointsBack =
  /^(?:it|its|it's|this|that|these|those|they|their|them|he|she|here|such|both|also|so|then|thus|hence|however|otherwise|instead|again|similarly|likewise|but|and|or|which|additionally|furthermore|moreover|in addition|as a result|for example|for instance|e\.g\.|i\.e\.|same as|see|它|這|这|此|其|他們|它們|但|而且|另外|此外|因此|所以|例如|同樣|同样)(?=[\s,，、:：]|$|\p{Script=Han})/iu;

/** Sentences that point at something shown elsewhere: a list or code that follows, a figure, "above". */
const pointsElsewhere =
  /\b(?:the following|as follows|as above|as below|above|below|shown here|this example|this page|this section|the example|the figure|the diagram|the image|the screenshot|the table|the code|the snippet|this code|this table|here's|here is|lorem ipsum|dolor sit|consectetur|adipiscing)\b|下列|以下|如下|下面|上面|上述|上圖|下圖|如圖|圖中|左圖|右圖|左側|右側|圖示|範例中|这个例子|這個例子/iu;

/** Leftover link text, URLs and markup ("(details)", "(advanced usage)", "[x](y)", "<Tag>", "{…}", "$math$"). */
const leftovers =
  /https?:\/\/|www\.|\]\(|\[\[|<\/?[A-Za-z][^>]*>|[{}]|\$[^$]+\$|\((?:details|advanced usage|docs?|more|link|source|example|see [^)]*|here)\)|\b(?:click here|read more|learn more|see more)\b|(?:^|\s)here$|\bhere\.$/iu;

/** True when a sentence points at something the reader cannot see: a figure, code below, a link. */
export const pointsAway = (sentence: string): boolean => pointsElsewhere.test(sentence) || leftovers.test(sentence);

/** True when a sentence cannot stand alone as a question's source. */
export function weakSentence(sentence: string): boolean {
  const s = sentence.trim();
  if (!s) return true;
  if (pointsBack.test(s)) return true;
  if (pointsElsewhere.test(s)) return true;
  if (leftovers.test(s)) return true;
  // A fragment: ends with a colon, a semicolon or a comma, or has no verb-sized body.
  if (/[:：;；,，、]$/.test(s)) return true;
  return false;
}

/** A pronoun anywhere in the sentence that needs the sentence before it ("To disable it, …", "… this pattern"). */
const pronounInside = /\b(?:it|its|they|them|their|this|these|those)\b|這個|這些|它|此/iu;

/** True when a sentence reads only with the text around it: it points back at the start or inside. */
export function leansOnContext(sentence: string): boolean {
  return weakSentence(sentence) || pronounInside.test(sentence);
}

/** Cells that hold no fact: ellipses, dashes, "TBD", "N/A", "TODO", "?", "x", "Text". */
const placeholder =
  /^(?:|…|\.{2,}|-+|—|–|\?+|x|tbd|tba|todo|n\/a|na|none|null|text|test|foo|bar|baz|lorem.*|待補|待定|無)$/i;
const placeholderCell = (cell: string): boolean => placeholder.test(cell.trim());

/** Made-up demo keys: "11111", "22222" … or "Item 1", "Item 2". */
const demoKey = (key: string): boolean =>
  /^(\d)\1{2,}$/.test(key.trim()) || /^(?:item|row|name|test)\s*\d+$/i.test(key);

/**
 * A table worth asking about: at least three body rows with a header, no placeholder cells, no
 * demo keys, and no cell that only repeats its column's header ("Test Text" / "Text").
 */
export function placeholderTable(header: readonly string[], rows: readonly string[][]): boolean {
  if (rows.length < 3 || header.length < 2) return true;
  // A header that reads like data ("遠端的 SSH 連接埠(為預設 22 的話可以不填)") heads no column.
  if (header.some((h) => h.length > 30)) return true;
  if (rows.some((r) => r.some(placeholderCell))) return true;
  if (rows.filter((r) => demoKey(r[0] ?? '')).length >= 2) return true;
  return rows.some((r) =>
    r.some((cell, c) => {
      const h = (header[c] ?? '').toLowerCase();
      const v = cell.toLowerCase().trim();
      return h !== '' && v.length > 1 && v !== h && h.split(/\s+/).includes(v);
    }),
  );
}

/** Words of a text, camelCase and snake_case split ("revalidateOnFocus" → revalidate, on, focus). */
export function wordsOf(text: string): string[] {
  return (
    text
      .replace(/(\p{Ll})(\p{Lu})/gu, '$1 $2')
      .replace(/(\p{Lu})(\p{Lu}\p{Ll})/gu, '$1 $2')
      .toLowerCase()
      .match(/[\p{L}\p{N}]+/gu) ?? []
  ).filter((w) => !/\p{Script=Han}/u.test(w));
}

const minor = new Set([
  'the',
  'and',
  'for',
  'with',
  'are',
  'was',
  'its',
  'has',
  'not',
  'you',
  'can',
  'use',
  'all',
  'any',
  'one',
  'which',
  'what',
  'does',
  'say',
  'says',
  'table',
  'column',
  'section',
  'term',
  'described',
  'here',
  'this',
  'that',
  'from',
  'into',
  'fill',
  'blank',
  'page',
  'stand',
]);

/** Two words of one stem: equal, one a prefix of the other (3+ letters), or sharing their first 5 letters. */
function sameStem(a: string, b: string): boolean {
  if (a === b) return true;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  if (short.length >= 3 && long.startsWith(short)) return true;
  let i = 0;
  while (i < short.length && short[i] === long[i]) i++;
  return i >= 5;
}

/** Runs of two Han characters ("旋轉", "並行"), the unit a Chinese reader matches by eye. */
const hanPairs = (text: string): Set<string> => {
  const out = new Set<string>();
  for (const run of text.match(/\p{Script=Han}{2,}/gu) ?? [])
    for (let i = 0; i + 2 <= run.length; i++) out.add(run.slice(i, i + 2));
  return out;
};

/**
 * True when the question's wording points at the answer: a word of the answer (camelCase split)
 * shares its stem with a word of the question ("loaded initially" → initialSize, "Key" →
 * keyInterface), or, in Chinese, the two share a run of two Han characters.
 */
export function sharesStem(question: string, answer: string): boolean {
  const asked = wordsOf(question).filter((w) => w.length >= 3 && !minor.has(w));
  for (const w of wordsOf(answer)) {
    if (w.length < 3 || minor.has(w)) continue;
    if (asked.some((q) => sameStem(q, w))) return true;
  }
  const pairs = hanPairs(question);
  for (const p of hanPairs(answer)) if (pairs.has(p)) return true;
  return false;
}

/** The kind of thing a choice names, judged from its shape. */
export type Shape = 'figure' | 'code' | 'name' | 'phrase' | 'han' | 'sentence';

/** The unit after a figure ("5 TB" → "tb", "99.99%" → "%"), "" for a bare number. */
const unitOf = (s: string): string =>
  s
    .trim()
    .replace(/^[~≈<>$€£]?\s?\d[\d.,]*\s?/u, '')
    .toLowerCase();

export function shapeOf(text: string): Shape {
  const s = text.trim();
  if (/^[~≈<>$€£]?\s?\d[\d.,]*\s?(?:%|\p{L}{0,8})?$/u.test(s)) return 'figure';
  if (/\p{Script=Han}/u.test(s)) return 'han';
  if (/[.!?。？！]$/.test(s) || s.split(/\s+/).length > 8) return 'sentence';
  // An identifier: camelCase, snake_case, a call, a path, a flag or a file name.
  if (/^[\w$.:/@-]+(?:\(.*\))?$/.test(s) && /[a-z][A-Z]|_|\(|\/|^-|\.\w/.test(s)) return 'code';
  // A name: every word capitalised or an acronym ("AWS AppSync", "Amazon S3"), or one capitalised word.
  const words = s.replace(/^(?:the|a|an)\s+/i, '').split(/\s+/);
  const connector = /^(?:of|and|for|the|to|on|in|&|de|del|la|el|with|or|by|at)$/i;
  if (words.every((w) => connector.test(w) || /^[\p{Lu}\p{N}]/u.test(w))) return 'name';
  return 'phrase';
}

/** A distractor of the answer's kind: same shape, and a figure in the same unit. */
export function sameKind(answer: string, candidate: string): boolean {
  const shape = shapeOf(answer);
  if (shape !== shapeOf(candidate)) return false;
  if (shape === 'figure') return unitOf(answer) === unitOf(candidate);
  return true;
}

/**
 * Placeholder text, not prose: "Lorem ipsum dolor sit amet …" (layout demos and theme test pages).
 * A section with it counts no words of prose and is never asked about.
 */
export const placeholderProse = (text: string): boolean => /\blorem ipsum\b|\bdolor sit amet\b/i.test(text);

/**
 * Whether the text's brackets balance, those in `open` opening and those in `close` closing, never
 * more closed than opened: a cut inside "(…)" leaves half a formula or half a thought.
 */
export function balanced(text: string, open: string, close: string): boolean {
  let depth = 0;
  for (const c of text) {
    if (open.includes(c)) depth++;
    else if (close.includes(c)) depth--;
    if (depth < 0) return false;
  }
  return depth === 0;
}
