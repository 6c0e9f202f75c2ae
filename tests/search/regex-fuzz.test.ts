import { describe, expect, it } from 'vitest';
import { ask, suggestSections } from '../../src/core/ask.js';
import { truncateMarkdown } from '../../src/discord/limits.js';
import { renderAnswer as renderForDiscord } from '../../src/discord/render/answer.js';
import { collapseWhitespace } from '../../src/notes/plaintext.js';
import { allGeneratorKinds, generateQuestions } from '../../src/quiz/generate/index.js';
import { acronymDefinitions } from '../../src/search/acronym-definitions.js';
import { learnAcronyms } from '../../src/search/acronyms.js';
import { buildIndex } from '../../src/search/index.js';
import { renderAnswer as renderForTerminal } from '../../src/terminal/render-answer.js';
import { libraryFrom } from '../helpers/sections.js';

// Every regex over questions and notes must run in linear time. Each input below once hung a
// regex for seconds to minutes; the fuzz adds random mixes of the characters regexes care about.
// Calls are not timed: a super-linear regex shows as a test timeout (generous, for a loaded CI machine;
// the worst inputs took minutes before).
const timeout = 120_000;

const plain = { bold: (t: string) => t, dim: (t: string) => t, accent: (t: string) => t, warn: (t: string) => t };

/** A small deterministic PRNG (mulberry32), so a failure replays. */
function random(seed: number): () => number {
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
function hostileStrings(count: number, maxLength: number, seed: number): string[] {
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

// The worst inputs found, at sizes that took seconds (or, for the acronym phrase, centuries).
const knownWorst = [
  'a-'.repeat(10_000) + 'a (x',
  'a-'.repeat(10_000) + 'a (AB)',
  '<a'.repeat(50_000),
  '<a '.repeat(30_000),
  '\u00a0'.repeat(50_000) + 'x',
  '\n'.repeat(30_000) + 'x',
  '[#'.repeat(30_000),
  '{#'.repeat(30_000),
  ']('.repeat(30_000),
  '/'.repeat(50_000) + 'x',
  '<!--SR:'.repeat(10_000),
];

const library = libraryFrom({
  'proxy.md': '# Proxies\n\n## Reverse proxy (RP)\n\nA reverse proxy forwards client requests to servers.\n',
  'storage.md': '# Storage\n\nSimple Storage Service (S3) keeps objects in buckets.\n',
});
const index = buildIndex(library.sections);

describe('regexes on questions', () => {
  it(
    'answer and render the known worst questions and 2,000 fuzzed ones (up to 20 KB)',
    () => {
      for (const question of [...knownWorst, ...hostileStrings(2000, 20_000, 15)]) {
        const answer = ask(index, question);
        expect(typeof answer.confident).toBe('boolean');
        expect(typeof renderForTerminal(answer, plain)).toBe('string');
        expect(Array.isArray(renderForDiscord(answer, { key: 'k', isPrivate: false }).embeds)).toBe(true);
        expect(Array.isArray(suggestSections(index, question, 25))).toBe(true);
      }
    },
    timeout,
  );

  it('still answers a plain question', () => {
    expect(ask(index, 'what is a reverse proxy').results[0]!.heading).toBe('Reverse proxy (RP)');
  });
});

describe('regexes on note text', () => {
  it(
    'run the text helpers over the known worst inputs and 2,000 fuzzed strings (up to 20 KB)',
    () => {
      for (const text of [...knownWorst, ...hostileStrings(2000, 20_000, 16)]) {
        expect(typeof collapseWhitespace(text)).toBe('string');
        expect(Array.isArray(acronymDefinitions(text, { fullWidth: true, spaceRequired: false }))).toBe(true);
        expect(learnAcronyms([text]).size).toBeGreaterThan(0);
        expect(truncateMarkdown(text, 1000).length).toBeLessThanOrEqual(1000);
      }
    },
    timeout,
  );

  it(
    'load, index, answer and make quiz questions from notes made of the worst inputs and fuzzed ones',
    () => {
      // Markdown parsing itself has its own budget (per file); these stay small enough for micromark.
      const fuzzed = hostileStrings(30, 2000, 17);
      const files: Record<string, string> = {};
      [...knownWorst.map((s) => s.slice(0, 1500)), ...fuzzed].forEach((text, i) => {
        files[`n${i}.md`] =
          `# Note ${i} ${text.slice(0, 300)}\n\nfuzzword ${text}\n\n## Part ${text.slice(0, 200)} {#part-${i}}\n\n- ${text}\n\n\`\`\`\n${text}\n\`\`\`\n\n| a | b |\n|---|---|\n| ${text.slice(0, 500)} | x |\n`;
      });
      const notes = libraryFrom(files);
      expect(notes.notes.length).toBe(knownWorst.length + fuzzed.length);
      const noteIndex = buildIndex(notes.sections);
      for (const text of [...knownWorst, ...fuzzed]) {
        const answer = ask(noteIndex, `fuzzword ${text.slice(0, 100)}`);
        expect(answer.results.length).toBeGreaterThan(0);
        renderForTerminal(answer, plain);
        renderForDiscord(answer, { key: 'k', isPrivate: true });
      }
      expect(Array.isArray(generateQuestions(notes.notes, allGeneratorKinds))).toBe(true);
    },
    timeout,
  );

  it('find the same acronym definitions as before', () => {
    expect(
      acronymDefinitions('Use Simple Storage Service (S3) and Multi-Factor Authentication (MFA).', {
        fullWidth: false,
        spaceRequired: true,
      }),
    ).toEqual([
      { phrase: 'Use Simple Storage Service', acronym: 'S3' },
      { phrase: 'and Multi-Factor Authentication', acronym: 'MFA' },
    ]);
    expect(
      acronymDefinitions('負載平衡 Elastic Load Balancing（ELB）', { fullWidth: true, spaceRequired: false }),
    ).toEqual([{ phrase: 'Elastic Load Balancing', acronym: 'ELB' }]);
    // At most nine words: a tenth is left out.
    expect(acronymDefinitions('a b c d e f g h i j (AB)', { fullWidth: false, spaceRequired: true })[0]!.phrase).toBe(
      'b c d e f g h i j',
    );
  });
});
