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
import { hostileStrings } from '../helpers/hostile.js';
import { libraryFrom } from '../helpers/sections.js';

// Every regex over questions and notes must run in linear time. Each input below once hung a
// regex for seconds to minutes; the fuzz adds random mixes of the characters regexes care about.
// Calls are not timed: a super-linear regex shows as a test timeout (generous, for a loaded CI machine;
// the worst inputs took minutes before).
const timeout = 120_000;

const plain = { bold: (t: string) => t, dim: (t: string) => t, accent: (t: string) => t, warn: (t: string) => t };

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
    'answer and render the known worst questions and 10,000 fuzzed ones (up to 20 KB); autocomplete the first 2,000',
    () => {
      // The 10,000 go through the core; tests/e2e/scale.test.ts sends a slice through the bot.
      const fuzzed = hostileStrings(10_000, 20_000, 15);
      for (const [i, question] of [...knownWorst, ...fuzzed].entries()) {
        const answer = ask(index, question);
        expect(typeof answer.confident).toBe('boolean');
        expect(typeof renderForTerminal(answer, plain)).toBe('string');
        expect(Array.isArray(renderForDiscord(answer, { key: 'k', isPrivate: false }).embeds)).toBe(true);
        if (i < knownWorst.length + 2000) expect(Array.isArray(suggestSections(index, question, 25))).toBe(true);
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
