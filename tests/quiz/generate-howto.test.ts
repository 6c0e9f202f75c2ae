import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadNotes } from '../../src/notes/load.js';
import type { QuizQuestion } from '../../src/notes/types.js';
import { normal } from '../../src/quiz/generate/draft.js';
import { expectIdsFollowSource } from './support/card-edits.js';
import { generateQuestions, generatorKinds, round6Kinds } from '../../src/quiz/generate/index.js';
import { libraryFrom } from '../helpers/sections.js';

const fixture = path.resolve(import.meta.dirname, '../fixtures/quiz-howto');
const cards = (root: string): QuizQuestion[] => generateQuestions(loadNotes({ root }).notes, round6Kinds);
const generated = cards(fixture);
const asked = generated.map((q) => [q.kind, q.question, q.reveal]);

describe('howto, purpose and meaning cards', () => {
  it('ask how to do what "You can … by …", "If you want to …, you can …" and "To …, …" sentences teach', () => {
    expect(asked).toContainEqual([
      'howto-reveal',
      'In “Syntax Highlighting › Copy button”, how do you enable the “Copy button” feature globally?',
      'By setting defaultShowCopyCode: true in your Nextra configuration',
    ]);
    expect(asked).toContainEqual([
      'howto-reveal',
      // The heading says what the answer says ("Line numbers"): the card names the note only.
      'In “Syntax Highlighting”, how do you add line numbers to your code blocks?',
      'By adding a showLineNumbers attribute',
    ]);
    expect(asked).toContainEqual([
      'howto-reveal',
      'In “Syntax Highlighting › Pre-fill Data”, how do you pre-fill existing data into the SWR cache?',
      'Use the fallbackData option',
    ]);
  });

  it('ask what a named thing is used for, and what a Chinese term is', () => {
    expect(asked).toContainEqual([
      'purpose-reveal',
      'In “Syntax Highlighting › KaTeX”, what is rehype-katex used for?',
      'To pre-render LaTeX expressions in your content',
    ]);
    expect(asked).toContainEqual([
      'howto-reveal',
      '在「Javascript 的作用域(Scope) › Block Scope」中，在 ES6 中，要怎麼宣告區塊作用域的變數？',
      '使用 let 和 const 關鍵字',
    ]);
    expect(asked).toContainEqual([
      'purpose-reveal',
      '在「Javascript 的作用域(Scope) › reword」中，reword 用來做什麼？',
      '修改 commit 的訊息而不改變其內容',
    ]);
    expect(asked).toContainEqual([
      'meaning-reveal',
      // The heading asks the same question ("什麼是 Scope?"): the card names the note only.
      '在「Javascript 的作用域(Scope)」中，Scope 是什麼？',
      '定義變數的可見性或作用域的範圍，它確定了變數在哪裡可以被訪問或使用',
    ]);
  });

  it('are self-graded cards whose explanation is the source sentence, linked to its section', () => {
    const notes = loadNotes({ root: fixture }).notes;
    for (const q of generated) {
      expect(q.choices, q.question).toEqual(['I knew it', "I didn't"]);
      const note = notes.find((n) => n.route === q.noteRoute)!;
      const section = note.sections.find((s) => s.anchor === q.section)!;
      expect(section, q.id).toBeDefined();
      expect(normal(section.text)).toContain(normal(q.explanation));
    }
  });

  it('ask nothing about boilerplate, pointers elsewhere, broken markup, labels or the author', () => {
    const sources = generated.map((q) => q.explanation).join('\n');
    for (const text of [
      'migration guide',
      'contributors on GitHub',
      'SSR guide',
      'adding a {} attribute',
      '原因是',
      '我用 Hexo',
      '這個指令',
    ])
      expect(sources, text).not.toContain(text);
  });

  it('never name the answer in the question, nor the identifier it turns on', () => {
    for (const q of generated) expect(normal(q.question), q.question).not.toContain(normal(q.reveal!));
    // "Edit Link": "To disable it, you can set editLink to null" would ask "how do you disable “Edit Link”?".
    expect(generated.some((q) => q.reveal?.includes('editLink'))).toBe(false);
  });

  it('keep their ids across an unrelated edit, and retire a card whose source sentence changed', () => {
    expectIdsFollowSource({
      fixture,
      file: 'syntax-highlighting.md',
      cards,
      unrelated: ['Nextra uses Shiki', 'Nextra uses the Shiki library'],
      source: ['by adding a `showLineNumbers` attribute', 'by adding a `showGutter` attribute'],
      retired: (q) => q.reveal === 'By adding a showLineNumbers attribute',
      replacement: (q) => q.reveal === 'By adding a showGutter attribute',
    });
  });

  it('are on by default since round 6 passed them, and only as self-graded cards', () => {
    for (const kind of round6Kinds) expect(generatorKinds).toContain(kind);
    const notes = loadNotes({ root: fixture }).notes;
    const drafted = generateQuestions(notes).filter((q) => /^(?:howto|purpose|meaning)/.test(q.kind!));
    expect(drafted.length).toBeGreaterThan(0);
    for (const q of drafted) expect(q.reveal).toBeTruthy();
  });

  it('read long runs of what their patterns look for (spaces, punctuation, "by", "是", identifiers) without stalling', () => {
    // Not timed: a super-linear regex shows as a test timeout. Each run is the shape that hurts backtracking.
    const runs = [
      `You can ${'a '.repeat(20_000)}by${' .'.repeat(20_000)}x`,
      `To ${'a,'.repeat(20_000)} you can set${' ,'.repeat(20_000)}`,
      `${'a-'.repeat(20_000)}a lets you ${'b '.repeat(20_000)}`,
      `${'x'.repeat(20_000)}.${'y'.repeat(20_000)}- is used to ${'z'.repeat(20_000)}`,
      `${'是'.repeat(20_000)}。${'，'.repeat(20_000)}`,
      `可以使用${' '.repeat(20_000)}來${'做'.repeat(20_000)}${'。'.repeat(20_000)}`,
    ];
    const files = Object.fromEntries(runs.map((text, i) => [`r${i}.md`, `# Runs ${i}\n\n## Part\n\n${text}\n`]));
    expect(Array.isArray(generateQuestions(libraryFrom(files).notes, round6Kinds))).toBe(true);
  });
});
