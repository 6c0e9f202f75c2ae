import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadNotes } from '../../src/notes/load.js';
import type { QuizQuestion } from '../../src/notes/types.js';
import { expectIdsFollowSource, expectSelfGradedCards } from './support/card-edits.js';
import { generateQuestions, generatorKinds, round12aKinds } from '../../src/quiz/generate/index.js';
import { readableMath } from '../../src/quiz/generate/math.js';
import { splitStatement } from '../../src/quiz/generate/statement.js';

const fixture = path.resolve(import.meta.dirname, '../fixtures/quiz-round12a');
const cards = (root: string): QuizQuestion[] => generateQuestions(loadNotes({ root }).notes, round12aKinds);
const generated = cards(fixture);
const asked = generated.map((q) => [q.kind, q.question, q.reveal]);
const text = JSON.stringify(asked);

describe('statement cards (round 12a)', () => {
  it('ask the conclusion of an "若…，則…" statement, the formula after "則：" included, LaTeX as plain text', () => {
    expect(asked).toContainEqual([
      'statement-reveal',
      '在「反矩陣 (Inverse) › 唯一性」中，若 A 是可逆矩陣，則會如何？',
      '其反矩陣 A⁻¹ 是唯一的',
    ]);
    expect(asked).toContainEqual([
      'statement-reveal',
      '在「反矩陣 (Inverse) › 乘積的轉置」中，若 A 為 m × n 矩陣，B 為 n × p 矩陣，則會如何？',
      '(AB)ᵀ = Bᵀ Aᵀ',
    ]);
  });

  it('ask when a defined term applies, across the display formula, named by the title where the heading only labels it', () => {
    expect(asked).toContainEqual([
      'statement-reveal',
      '在「反矩陣 (Inverse)」中，什麼情況下稱 A 為「可逆的 (Invertible)」？',
      '對於一個 n × n 的方陣 A，若存在一個 n × n 矩陣 B 使得： AB = BA = Iₙ',
    ]);
  });

  it('skip proofs, LaTeX that stays LaTeX, pointers back ("這樣的"), analogies, conditions without a subject and placeholder text', () => {
    for (const absent of ['B = A⁻¹', 'bmatrix', 'det', '不可逆的', 'ABI', '資料會消失', '零列'])
      expect(text).not.toContain(absent);
  });

  it('read English statements and refuse a sequence of steps ("If X, first do Y, then Z")', () => {
    expect(splitStatement('If sidebar.autoCollapse is set to true, then all folders collapse.')).toEqual({
      condition: 'If sidebar.autoCollapse is set to true',
      conclusion: 'all folders collapse',
    });
    expect(
      splitStatement('If the data is CSV, first transform it to JSON, then let Firehose convert it.'),
    ).toBeUndefined();
    // "規則", "否則": a 則 inside a word starts no conclusion; two cases in one sentence ask two things.
    expect(splitStatement('若相符，驗證成功；否則拒絕登入。')).toBeUndefined();
    expect(splitStatement('若沒有這條規則，連線會被拒絕。')).toBeUndefined();
  });

  it('read long runs of what their patterns look for (spaces, commas, "若", brackets, braces) without stalling', () => {
    const n = 50_000;
    expect(splitStatement(`若${' '.repeat(n)}x`)).toBeUndefined();
    expect(splitStatement(`若${'，'.repeat(n)}則`)).toBeUndefined();
    expect(splitStatement(`If ${', then'.repeat(n)}`)).toBeUndefined();
    expect(readableMath(`$${'{'.repeat(n)}$`)).toBeUndefined();
    expect(readableMath(`$${'\\frac{'.repeat(n)}$`)).toBeUndefined();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nimbus-round12a-long-'));
    try {
      fs.writeFileSync(
        path.join(dir, 'long.md'),
        `# Long\n\n## A\n\n${'[x'.repeat(n)} 若 A，則 B。\n\n${'要如何'.repeat(n)}？\n\n答案。\n`,
      );
      expect(() => cards(dir)).not.toThrow();
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('turn common LaTeX into text and give up on what stays LaTeX', () => {
    expect(readableMath('$(A_1 A_2 \\cdots A_k)^{-1}$')).toBe('(A₁ A₂ … Aₖ)⁻¹');
    expect(readableMath('$(cA)^{-1} = \\dfrac{1}{c}A^{-1}$')).toBe('(cA)⁻¹ = (1/c)A⁻¹');
    expect(readableMath('$\\text{Span}\\{\\mathbf{u}\\}$')).toBe('Span{u}');
    expect(readableMath('$\\begin{bmatrix} a \\end{bmatrix}$')).toBeUndefined();
    expect(readableMath('costs $5')).toBeUndefined();
    expect(readableMath('no math here')).toBe('no math here');
  });
});

describe('syntax, asked and command-comment cards (round 12a)', () => {
  it('ask how a feature named by its heading is written, in the heading’s script', () => {
    expect(asked).toContainEqual(['syntax-reveal', '在「Markdown 備忘錄」中，「添加空白行」要怎麼寫？', '<br/>']);
    expect(asked).toContainEqual([
      'syntax-reveal',
      '在「Markdown 備忘錄」中，「Quotes 引用框」要怎麼寫？',
      '> 這是一個引用框',
    ]);
  });

  it('skip numbered cases, "基本語法" headings, long blocks and a heading over two blocks', () => {
    for (const absent of ['父子元素', '基本語法', 'Tabs', '查詢所有資料']) expect(text).not.toContain(absent);
  });

  it('ask the question the notes ask themselves, answered by the next paragraph', () => {
    expect(asked).toContainEqual([
      'asked-reveal',
      '在「Markdown 備忘錄 › 隱藏過長的文章內容」中：要如何讓文章只在首頁顯示部分內容？',
      '只要在想要開始隱藏的內文上頭加上<!-- more -->，首頁就會出現閱讀全文按鈕並隱藏內文',
    ]);
    // "該怎麼辦？" asks nothing by itself; an answer ending in a colon is the list after it.
    for (const absent of ['怎麼辦', '回退提交']) expect(text).not.toContain(absent);
  });

  it('ask a command line by its own comment, not a cd, an alternative or a goal another line also meets', () => {
    expect(asked).toContainEqual([
      'command-comment-reveal',
      '在「Markdown 備忘錄」中，要建立本地端Git儲存庫，該執行什麼指令？',
      'git init',
    ]);
    expect(asked).toContainEqual([
      'command-comment-reveal',
      '在「Markdown 備忘錄 › ln」中，要創建一個指向/usr/src的符號鏈接，該執行什麼指令？',
      'ln -s /usr/src /home/src',
    ]);
    for (const absent of ['cd Blog', '看一下', '要創建一個符號鏈接', '時間戳']) expect(text).not.toContain(absent);
  });
});

describe('round-12a cards', () => {
  it('are self-graded cards that never contain their answer, explained by their source and linked to its section', () => {
    const notes = loadNotes({ root: fixture }).notes;
    expect(generated.length).toBe(8);
    expectSelfGradedCards(generated, notes);
  });

  it('keep their ids across an unrelated edit, and retire a card whose source changed', () => {
    expectIdsFollowSource({
      fixture,
      file: 'inverse.md',
      cards,
      unrelated: ['若不存在這樣的 $B$', '若找不到這樣的 $B$'],
      source: ['是**唯一的**', '是**唯一存在的**'],
      retired: (q) => q.reveal === '其反矩陣 A⁻¹ 是唯一的',
      replacement: (q) => q.reveal === '其反矩陣 A⁻¹ 是唯一存在的',
    });
  });

  it('are on by default: statement, syntax, command-comment (round 12), asked after its fix (round 13a: 3/3)', () => {
    const on = round12aKinds.filter((kind) => generatorKinds.includes(kind));
    expect(on).toEqual(['statement', 'syntax', 'asked', 'command-comment']);
  });
});
