// Hostile text for fuzzing: random mixes of the characters regexes, Markdown and Discord care about,
// and long runs of one piece (the shape that hurts a backtracking regex). Deterministic per seed.

/** A small deterministic PRNG (mulberry32), so a failure replays. */
export function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pieces = [
  '‹a',
  '<a',
  '<a ',
  '<@',
  '<#',
  '<:',
  '</',
  '[',
  ']',
  '](',
  '(',
  ')',
  '（',
  '）',
  '*',
  '**',
  '_',
  '`',
  '```',
  '~',
  '{',
  '{#',
  '[#',
  '}',
  '|',
  '\\',
  '::',
  ':::',
  '==',
  '$',
  '$$',
  '#',
  '>',
  '-',
  'a-',
  '&',
  '/',
  '%',
  '=',
  '"',
  "'",
  '’',
  'id=',
  '<!--SR:',
  ' ',
  '  ',
  '\t',
  '\n',
  '\u00a0',
  '\u3000',
  '1',
  '123456789',
  'a',
  'A',
  'Ab',
  'S3',
  'EC2',
  'http://',
  '.',
  ',',
  '?',
  '什麼',
  '反向代理',
  'ё',
  '\u200b',
  '😀',
  '(AB)',
  ' is a ',
  'Q:',
  'A:',
];

/** Strings up to maxLength: runs of one piece (the shape that hurts a backtracking regex) or a mix. */
export function hostileStrings(count: number, maxLength: number, seed: number): string[] {
  const next = random(seed);
  const pick = (): string => pieces[Math.floor(next() * pieces.length)]!;
  return Array.from({ length: count }, () => {
    const length = Math.floor(maxLength ** next());
    const kind = next();
    if (kind < 0.4) return pick().repeat(length).slice(0, length);
    if (kind < 0.7) return (pick() + pick()).repeat(length).slice(0, length);
    let s = '';
    while (s.length < length) s += next() < 0.7 ? pick() : pick().repeat(1 + Math.floor(next() * 200));
    return s.slice(0, length);
  });
}
