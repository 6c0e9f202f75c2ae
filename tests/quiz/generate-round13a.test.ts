import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadNotes } from '../../src/notes/load.js';
import type { QuizQuestion } from '../../src/notes/types.js';
import { expectIdsFollowSource, expectSelfGradedCards } from './support/card-edits.js';
import { generateQuestions, generatorKinds, round13aKinds } from '../../src/quiz/generate/index.js';

const fixture = path.resolve(import.meta.dirname, '../fixtures/quiz-round13a');
const cards = (root: string): QuizQuestion[] => generateQuestions(loadNotes({ root }).notes, round13aKinds);
const generated = cards(fixture);
const asked = generated.map((q) => [q.kind, q.question, q.reveal]);
const text = JSON.stringify(asked);

describe('uses cards (round 13a)', () => {
  it('resolve "It allows us to …" to the subject of the sentence before', () => {
    expect(asked).toContainEqual([
      'uses-reveal',
      'In “CH10 Custom Types”, what does typedef allow you to do?',
      'Create a new name for an existing data type',
    ]);
    // The examples after "such as" go; what follows the list stays.
    expect(asked).toContainEqual([
      'uses-reveal',
      'In “CH10 Custom Types › Zones”, what does a Local Zone let you do?',
      'Run parts of an application very close to end users',
    ]);
  });

  it('ask which function or keyword "we use" to reach a goal, and "we do so by using …" with the goal before', () => {
    expect(asked).toContainEqual([
      'uses-reveal',
      // The heading "srand()" names the answer: its parent heading places the card.
      'In “CH10 Custom Types › Randomization”, which function do we use to choose the seed?',
      'srand',
    ]);
    expect(asked).toContainEqual([
      'uses-reveal',
      'In “CH10 Custom Types › Searching for text”, which function do we use to search for a substring?',
      'strstr',
    ]);
    expect(asked).toContainEqual([
      'uses-reveal',
      'In “CH10 Custom Types”, in C, how do we group different data types into a single type?',
      'By using struct',
    ]);
  });

  it('read "X 是…，它可以讓 …" and "X 就是…。它允許 …" in Chinese', () => {
    expect(asked).toContainEqual([
      'uses-reveal',
      // "非同步" in the title shares "同步" with the answer, but names no term of it.
      '在「非同步與分頁筆記 › 關鍵字」中，Async 的作用是什麼？',
      '讓普通的同步函式變成異步函式',
    ]);
    expect(asked).toContainEqual([
      'uses-reveal',
      '在「非同步與分頁筆記 › 記憶體」中，Paging（分頁） 的作用是什麼？',
      '允許 Process 的 physical address space 不連續',
    ]);
    // A code term opening the sentence is its own subject.
    expect(asked).toContainEqual([
      'uses-reveal',
      '在「非同步與分頁筆記 › 置中」中，margin: 0 auto 的作用是什麼？',
      '讓區塊元素水平置中',
    ]);
  });

  it('skip unresolved pronouns, vague goals, "to be", giveaways and clauses cut in half', () => {
    // "The next part … It lets you skip ahead": no named subject; "do this": a vague goal;
    // "to be the argument": no purpose; "address-of operator" for "a variable’s address": a giveaway.
    for (const absent of [
      'skip ahead',
      'do this',
      'argument',
      'variable’s address',
      '虛擬機器',
      '後備儲存體',
      '投件',
      '暴露什麼',
    ])
      expect(text).not.toContain(absent);
  });
});

describe('asked cards (round 13a)', () => {
  it('keep the condition of the notes’ own question and drop only the story before it', () => {
    expect(asked).toContainEqual([
      'asked-reveal',
      '在「作業系統除錯 › /proc 虛擬檔案系統」中：在沒有 /proc 的情況下，user-space 程式要如何查詢 kernel 的內部狀態？',
      '只能靠 system call',
    ]);
    expect(asked).toContainEqual([
      'asked-reveal',
      '在「作業系統除錯 › 隱藏過長的文章內容」中：要如何讓文章只在首頁顯示部分內容？',
      '只要在想要開始隱藏的內文上頭加上<!-- more -->，首頁就會出現閱讀全文按鈕並隱藏內文',
    ]);
    // "如果沒有 MMU，而且記憶體很小，…": the card would lose "如果沒有 MMU".
    expect(text).not.toContain('保護 kernel');
  });

  it('never shows a heading or title that names the answer’s key term', () => {
    // "連續記憶體配置 (Contiguous Memory Allocation)" over "… Contiguous Memory Allocation …";
    // "簡單工廠模式" over "…透過一個「工廠」…": neither the heading nor the title may place them.
    expect(text).not.toContain('physical memory');
    expect(text).not.toContain('高耦合性');
  });
});

describe('round-13a cards', () => {
  it('are self-graded cards that never contain their answer, explained by their source and linked to its section', () => {
    const notes = loadNotes({ root: fixture }).notes;
    expect(generated.length).toBe(10);
    expectSelfGradedCards(generated, notes);
  });

  it('keep their ids across an unrelated edit, and retire a card whose source changed', () => {
    expectIdsFollowSource({
      fixture,
      file: 'custom-types.md',
      cards,
      unrelated: ['The next part is long.', 'The next part is longer.'],
      source: ['a new name for an existing', 'a new name for any existing'],
      retired: (q) => q.reveal === 'Create a new name for an existing data type',
      replacement: (q) => q.reveal === 'Create a new name for any existing data type',
    });
  });

  it('are on by default since round 13a (uses 18/19, asked 3/3)', () => {
    expect(round13aKinds.filter((kind) => generatorKinds.includes(kind))).toEqual(['uses', 'asked']);
  });
});
